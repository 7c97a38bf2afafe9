import { NextResponse } from "next/server";
import { operationTestTemplate } from "@/lib/apis/test-console/operation-test-template";
import { operationTemplateQuerySchema } from "@/lib/apis/test-console/operation-template-schemas";
import { sendTestRequest } from "@/lib/apis/test-console/send-test-request";
import { testRequestInputSchema } from "@/lib/apis/test-console/test-request-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

// GET /api/v1/apis/{apiId}/test-requests?operationId= - the test console's form: parameters and an example body
export const GET = withAuth<{ apiId: string }>(
  async ({ request, params, actor }) => {
    const query = operationTemplateQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await operationTestTemplate(params.apiId, query.operationId, actor));
  },
  { route: "GET /apis/{apiId}/test-requests" },
);

// POST /api/v1/apis/{apiId}/test-requests - send one request through the gateway with a test subscription's key
export const POST = withAuth<{ apiId: string }>(
  async ({ request, params, actor }) => {
    const input = testRequestInputSchema.parse(await readJson(request));
    return NextResponse.json(await sendTestRequest(params.apiId, input, actor));
  },
  { route: "POST /apis/{apiId}/test-requests" },
);
