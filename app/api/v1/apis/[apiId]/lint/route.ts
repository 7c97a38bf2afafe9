import { NextResponse } from "next/server";
import { z } from "zod";
import { getApiLintReport } from "@/lib/apis/specs/get-api-lint-report";
import { withAuth } from "@/lib/http/with-auth";

const querySchema = z.object({
  revision: z.coerce.number().int().min(1).optional().describe("Revision number; the current revision when omitted"),
});

// GET /api/v1/apis/{apiId}/lint - {ruleset, errors, warnings, problems:[{ruleId, severity, message, pointer}]}
export const GET = withAuth<{ apiId: string }>(
  async ({ request, params, actor }) => {
    const { revision } = querySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await getApiLintReport(params.apiId, actor, revision));
  },
  { route: "GET /apis/{apiId}/lint" },
);
