import { NextResponse } from "next/server";
import { getApiOrThrow } from "@/lib/apis/get-api-or-throw";
import { updateApi } from "@/lib/apis/update-api";
import { updateApiInputSchema } from "@/lib/apis/update-api-input";
import { ALL_ROLES, CATALOG_MANAGERS, readJson, withAuth } from "@/lib/http/with-auth";

// GET /api/v1/apis/{apiId} - one API with its operations
export const GET = withAuth<{ apiId: string }>(
  async ({ params, actor }) => NextResponse.json(await getApiOrThrow(params.apiId, actor)),
  { roles: ALL_ROLES },
);

// PATCH /api/v1/apis/{apiId} - settings, lifecycle (publish/deprecate/retire), version set membership
export const PATCH = withAuth<{ apiId: string }>(
  async ({ request, params, actor }) => {
    const input = updateApiInputSchema.parse(await readJson(request));
    return NextResponse.json(await updateApi(params.apiId, input, actor));
  },
  { roles: CATALOG_MANAGERS },
);
