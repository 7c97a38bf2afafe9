import { handleAccountGet, handleAccountPost } from "@/lib/iam/realms/account/account-endpoint";
import { renderErrorPage } from "@/lib/iam/realms/oidc/login-page";
import { OAuthError } from "@/lib/iam/realms/oidc/oauth-response";
import { enabledRealm, type ProtocolRealm } from "@/lib/iam/realms/oidc/realm-for-protocol";
import { logger } from "@/lib/logger";

type Context = { params: Promise<{ realm: string }> };

// A person's browser lands here: failures are pages, not JSON.
async function asPage(context: Context, work: (realm: ProtocolRealm) => Promise<Response>): Promise<Response> {
  try {
    return await work(await enabledRealm((await context.params).realm));
  } catch (err) {
    if (err instanceof OAuthError && err.status === 404) return renderErrorPage("Not found", err.description, 404);
    logger().error({ err: err instanceof Error ? err.message : err }, "realm account page failed");
    return renderErrorPage("Something went wrong", "Please try again later.", 500);
  }
}

// GET /realms/{realm}/account - a realm user's account: sign in, then see their second factors
export const GET = (request: Request, context: Context) => asPage(context, (realm) => handleAccountGet(realm, request));

// POST /realms/{realm}/account - sign in, or add/remove a factor, new recovery codes, sign out
export const POST = (request: Request, context: Context) => asPage(context, (realm) => handleAccountPost(realm, request));
