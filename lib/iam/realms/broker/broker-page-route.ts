// Wraps a broker route: a person's browser lands on these, so every failure is a page (never JSON,
// never a stack trace), and unknown realms look like disabled ones.
import { logger } from "@/lib/logger";
import { renderErrorPage } from "../oidc/login-page";
import { OAuthError } from "../oidc/oauth-response";
import { enabledRealm, type ProtocolRealm } from "../oidc/realm-for-protocol";

type BrokerContext = { params: Promise<{ realm: string; alias: string }> };

export function brokerPageRoute(handler: (realm: ProtocolRealm, alias: string, request: Request) => Promise<Response>) {
  return async (request: Request, context: BrokerContext): Promise<Response> => {
    try {
      const { realm, alias } = await context.params;
      return await handler(await enabledRealm(realm), alias, request);
    } catch (err) {
      if (err instanceof OAuthError && err.status === 404) return renderErrorPage("Not found", err.description, 404);
      logger().error({ err: err instanceof Error ? err.message : err }, "identity broker failed");
      return renderErrorPage("Something went wrong", "Please try again later.", 500);
    }
  };
}
