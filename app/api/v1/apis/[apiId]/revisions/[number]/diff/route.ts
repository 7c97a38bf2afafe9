import { NextResponse } from "next/server";
import { getRevisionDiff } from "@/lib/apis/revisions/get-revision-diff";
import { diffQuerySchema, revisionNumberSchema } from "@/lib/apis/revisions/revision-schemas";
import { withAuth } from "@/lib/http/with-auth";

// GET /api/v1/apis/{apiId}/revisions/{number}/diff?against=current|<n> - added, removed and changed operations
export const GET = withAuth<{ apiId: string; number: string }>(
  async ({ request, params }) => {
    const number = revisionNumberSchema.parse(params.number);
    const { against } = diffQuerySchema.parse({ against: request.nextUrl.searchParams.get("against") ?? undefined });
    return NextResponse.json(await getRevisionDiff(params.apiId, number, against));
  },
  { route: "GET /apis/{apiId}/revisions/{number}/diff" },
);
