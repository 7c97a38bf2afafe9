import { NextResponse } from "next/server";
import { revokeAdminApiToken } from "@/lib/iam/tokens/revoke-admin-api-token";
import { withAuth } from "@/lib/http/with-auth";

// DELETE /api/v1/tokens/{tokenId} - revoke; answers the revoked token
export const DELETE = withAuth<{ tokenId: string }>(
  async ({ params, actor }) => NextResponse.json(await revokeAdminApiToken(params.tokenId, actor)),
  { route: "DELETE /tokens/{tokenId}" },
);
