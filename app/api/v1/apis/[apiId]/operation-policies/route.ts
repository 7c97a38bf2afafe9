import { NextResponse } from "next/server";
import { deleteOperationPolicy } from "@/lib/gateway-policy/delete-operation-policy";
import { listOperationPolicies } from "@/lib/gateway-policy/list-operation-policies";
import { operationRefSchema, putOperationPolicyInputSchema } from "@/lib/gateway-policy/operation-policy-schemas";
import { putOperationPolicy } from "@/lib/gateway-policy/put-operation-policy";
import { readJson, withAuth } from "@/lib/http/with-auth";

// GET /api/v1/apis/{apiId}/operation-policies - every operation's own rules and limits
export const GET = withAuth<{ apiId: string }>(
  async ({ params, actor }) => NextResponse.json(await listOperationPolicies(params.apiId, actor)),
  { route: "GET /apis/{apiId}/operation-policies" },
);

// PUT /api/v1/apis/{apiId}/operation-policies - set (replace) one operation's rules and limits
export const PUT = withAuth<{ apiId: string }>(
  async ({ request, params, actor }) => {
    const input = putOperationPolicyInputSchema.parse(await readJson(request));
    return NextResponse.json(await putOperationPolicy(params.apiId, input, actor));
  },
  { route: "PUT /apis/{apiId}/operation-policies" },
);

// DELETE /api/v1/apis/{apiId}/operation-policies?method=&path= - the operation inherits the API's again
export const DELETE = withAuth<{ apiId: string }>(
  async ({ request, params, actor }) => {
    const op = operationRefSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    await deleteOperationPolicy(params.apiId, op, actor);
    return new NextResponse(null, { status: 204 });
  },
  { route: "DELETE /apis/{apiId}/operation-policies" },
);
