import { NextResponse, type NextRequest } from "next/server";
import { consoleOrigin } from "@/lib/http/console-origins";
import { logger } from "@/lib/logger";
import { safeCallbackUrl } from "@/lib/iam/safe-callback-url";
import { realmDeveloperAccount } from "@/lib/portal/accounts/realm-developer-account";
import { realmSessionCookie } from "@/lib/portal/accounts/realm-session-cookie";
import { completeRealmSignIn, REALM_STATE_COOKIE } from "@/lib/portal/accounts/realm-sign-in";

function backToLogin(message: string): NextResponse {
  const url = new URL("/login", consoleOrigin());
  url.searchParams.set("realmError", message.slice(0, 300));
  const response = NextResponse.redirect(url, 303);
  response.cookies.delete({ name: REALM_STATE_COOKIE, path: "/login/realm" });
  return response;
}

// GET /login/realm/callback?code=&state= - the realm's answer: redeem the code (PKCE), find or create the developer, sign in
export async function GET(request: NextRequest): Promise<Response> {
  try {
    const identity = await completeRealmSignIn(request.nextUrl, request.cookies.get(REALM_STATE_COOKIE)?.value);
    const outcome = await realmDeveloperAccount(identity);
    if ("refusal" in outcome) return backToLogin(outcome.refusal);
    const response = NextResponse.redirect(new URL(safeCallbackUrl(identity.callbackUrl, consoleOrigin()), consoleOrigin()), 303);
    const cookie = await realmSessionCookie(outcome.user);
    response.cookies.set(cookie.name, cookie.value, cookie.options);
    response.cookies.delete({ name: REALM_STATE_COOKIE, path: "/login/realm" });
    return response;
  } catch (err) {
    logger().warn({ err }, "realm sign-in failed");
    return backToLogin(err instanceof Error && err.name === "ApiError" ? err.message : "The realm sign-in did not complete; try again.");
  }
}
