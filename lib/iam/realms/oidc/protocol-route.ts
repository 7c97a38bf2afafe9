// Wraps a protocol endpoint's route handler: no console session, no CSRF origin check (external
// clients call these), and errors answered as the OAuth RFCs shape them.
import { oauthErrorResponse } from "./oauth-response";

type RealmContext = { params: Promise<{ realm: string }> };

export function protocolRoute(handler: (realmName: string, request: Request) => Promise<Response>) {
  return async (request: Request, context: RealmContext): Promise<Response> => {
    try {
      return await handler((await context.params).realm, request);
    } catch (err) {
      return oauthErrorResponse(err);
    }
  };
}
