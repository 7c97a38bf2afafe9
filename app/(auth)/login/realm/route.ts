import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { consoleOrigin } from "@/lib/http/console-origins";
import { logger } from "@/lib/logger";
import { safeCallbackUrl } from "@/lib/iam/safe-callback-url";
import { REALM_STATE_COOKIE, startRealmSignIn } from "@/lib/portal/accounts/realm-sign-in";

// GET /login/realm?callbackUrl= - starts "Sign in with <realm>": off to the realm's authorization endpoint
export async function GET(request: NextRequest): Promise<Response> {
  const callbackUrl = safeCallbackUrl(request.nextUrl.searchParams.get("callbackUrl") ?? "/portal", consoleOrigin());
  try {
    const { url, state } = await startRealmSignIn(callbackUrl);
    const response = NextResponse.redirect(url, 303);
    response.cookies.set(REALM_STATE_COOKIE, state, { httpOnly: true, sameSite: "lax", path: "/login/realm", secure: env().NEXTAUTH_URL.startsWith("https://"), maxAge: 600 });
    return response;
  } catch (err) {
    logger().warn({ err }, "realm sign-in could not start");
    const back = new URL("/login", consoleOrigin());
    // Our own refusals say what is wrong; anything else (the issuer unreachable) stays in the log.
    back.searchParams.set("realmError", err instanceof Error && err.name === "ApiError" ? err.message.slice(0, 300) : "Sign-in through the realm is unavailable right now; sign in with your email and password, or try again later.");
    return NextResponse.redirect(back, 303);
  }
}
