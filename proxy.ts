// Next.js proxy (formerly middleware): gives every page request a fresh CSP nonce. Next reads the
// nonce from the request's Content-Security-Policy header and stamps it on its scripts, so the
// same policy goes to Next (request) and to the browser (response). See lib/http/security-headers.ts.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { newNonce, pageContentSecurityPolicy } from "@/lib/http/security-headers";

export function proxy(request: NextRequest): NextResponse {
  const policy = pageContentSecurityPolicy(newNonce(), {
    development: env().NODE_ENV === "development",
    https: env().NEXTAUTH_URL.startsWith("https://"),
    // The portal's try-it calls the API through the gateway, from the page.
    gatewayOrigin: new URL(env().GATEWAY_PUBLIC_URL).origin,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: API answers get their own static policy (next.config.ts); assets need none; the
      // realms' protocol endpoints and sign-in form set their own (lib/iam/realms/oidc/login-page.ts).
      source: "/((?!api/|realms/|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
