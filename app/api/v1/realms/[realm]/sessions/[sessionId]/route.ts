import { revokeRealmSession } from "@/lib/iam/realms/sessions/realm-sessions";
import { withAuth } from "@/lib/http/with-auth";

// DELETE /api/v1/realms/{realm}/sessions/{sessionId} - end a sign-in: its refresh token stops, gateways refuse its access tokens; audited
export const DELETE = withAuth<{ realm: string; sessionId: string }>(
  async ({ params, actor }) => {
    await revokeRealmSession(params.realm, params.sessionId, actor);
    return new Response(null, { status: 204 });
  },
  { route: "DELETE /realms/{realm}/sessions/{sessionId}" },
);
