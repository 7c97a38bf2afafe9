import { handleAuthorizationGet, handleAuthorizationPost } from "@/lib/iam/realms/oidc/authorization-endpoint";
import { renderErrorPage } from "@/lib/iam/realms/oidc/login-page";
import { OAuthError } from "@/lib/iam/realms/oidc/oauth-response";
import { enabledRealm } from "@/lib/iam/realms/oidc/realm-for-protocol";
import { logger } from "@/lib/logger";

type Context = { params: Promise<{ realm: string }> };

// A person's browser lands here: failures are pages, not JSON.
async function asPage(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof OAuthError && err.status === 404) return renderErrorPage("Not found", err.description, 404);
    logger().error({ err: err instanceof Error ? err.message : err }, "authorization endpoint failed");
    return renderErrorPage("Something went wrong", "Please try again later.", 500);
  }
}

// GET /realms/{realm}/protocol/openid-connect/auth - the authorization request; shows the sign-in form
export const GET = (request: Request, context: Context) =>
  asPage(async () => handleAuthorizationGet(await enabledRealm((await context.params).realm), new URL(request.url)));

// POST /realms/{realm}/protocol/openid-connect/auth - the sign-in form; redirects back with a code
export const POST = (request: Request, context: Context) =>
  asPage(async () => handleAuthorizationPost(await enabledRealm((await context.params).realm), request));
