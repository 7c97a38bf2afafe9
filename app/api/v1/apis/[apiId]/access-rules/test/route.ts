import { NextResponse } from "next/server";
import { accessRuleTestInputSchema } from "@/lib/gateway-policy/access-rule-test-schemas";
import { testAccessRules } from "@/lib/gateway-policy/test-access-rules";
import { readJson, withAuth } from "@/lib/http/with-auth";

// POST /api/v1/apis/{apiId}/access-rules/test - what the access rules decide for these claims and this request
export const POST = withAuth<{ apiId: string }>(
  async ({ request, params, actor }) => {
    const input = accessRuleTestInputSchema.parse(await readJson(request));
    return NextResponse.json(await testAccessRules(params.apiId, input, actor));
  },
  { route: "POST /apis/{apiId}/access-rules/test" },
);
