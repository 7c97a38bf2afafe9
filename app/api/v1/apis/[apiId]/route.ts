import { NextResponse } from "next/server";
import { toApiResource } from "@/lib/apis/api-schemas";
import { deleteApi } from "@/lib/apis/delete-api";
import { deleteApiQuerySchema } from "@/lib/apis/delete-api-schemas";
import { getApiOrThrow } from "@/lib/apis/get-api-or-throw";
import { forAudience } from "@/lib/apis/list-apis";
import { updateApi } from "@/lib/apis/update-api";
import { updateApiInputSchema } from "@/lib/apis/update-api-input";
import { readJson, withAuth } from "@/lib/http/with-auth";

// GET /api/v1/apis/{apiId} - one API with its operations
export const GET = withAuth<{ apiId: string }>(
  async ({ params, actor }) => {
    const api = await getApiOrThrow(params.apiId, actor);
    return NextResponse.json(forAudience(toApiResource(api, { withOperations: true }), actor));
  },
  { route: "GET /apis/{apiId}" },
);

// PATCH /api/v1/apis/{apiId} - settings, lifecycle (publish/deprecate/retire), version set membership
export const PATCH = withAuth<{ apiId: string }>(
  async ({ request, params, actor }) => {
    const input = updateApiInputSchema.parse(await readJson(request));
    return NextResponse.json(await updateApi(params.apiId, input, actor));
  },
  { route: "PATCH /apis/{apiId}" },
);

// DELETE /api/v1/apis/{apiId}?deleteSubscriptions=true - 409 while live subscriptions exist unless asked to cancel them
export const DELETE = withAuth<{ apiId: string }>(
  async ({ request, params, actor }) => {
    const options = deleteApiQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await deleteApi(params.apiId, options, actor));
  },
  { route: "DELETE /apis/{apiId}" },
);
