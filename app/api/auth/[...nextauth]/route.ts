// next-auth's own endpoints (/api/auth/signin, /callback/credentials, /session, /csrf, /signout).
import NextAuth from "next-auth";
import { authOptions } from "@/lib/iam/auth-options";
import { assertSameOrigin } from "@/lib/http/assert-same-origin";
import { errorResponse } from "@/lib/http/error-response";
import { withLoginThrottle } from "@/lib/iam/login-throttle/with-login-throttle";

const handler = NextAuth(authOptions);
// Credentials sign-ins are counted per client address and account, and refused with a 429, before next-auth runs.
const throttledHandler = withLoginThrottle(handler);

// next-auth checks its double-submit CSRF token on every POST, but a page on another port of this
// host can plant that cookie (cookies ignore ports) and sign the victim in as the attacker.
async function POST(request: Request, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  try {
    assertSameOrigin(request);
  } catch (err) {
    return errorResponse(err);
  }
  return throttledHandler(request, context);
}

export { handler as GET, POST };
