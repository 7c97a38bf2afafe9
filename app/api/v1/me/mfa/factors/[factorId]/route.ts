import { deleteOwnFactor } from "@/lib/iam/mfa/own-factors";
import { withAuth } from "@/lib/http/with-auth";

// DELETE /api/v1/me/mfa/factors/{factorId} - remove one of one's own factors (the last takes the recovery codes along)
export const DELETE = withAuth<{ factorId: string }>(
  async ({ params, actor }) => {
    await deleteOwnFactor(actor, params.factorId);
    return new Response(null, { status: 204 });
  },
  { route: "DELETE /me/mfa/factors/{factorId}" },
);
