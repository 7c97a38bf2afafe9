import { NextResponse } from "next/server";
import { getApiOrThrow } from "@/lib/apis/get-api-or-throw";
import { ALL_ROLES, withAuth } from "@/lib/http/with-auth";

// GET /api/v1/apis/{apiId} - one API with its operations
export const GET = withAuth<{ apiId: string }>(
  async ({ params, actor }) => NextResponse.json(await getApiOrThrow(params.apiId, actor)),
  { roles: ALL_ROLES },
);
