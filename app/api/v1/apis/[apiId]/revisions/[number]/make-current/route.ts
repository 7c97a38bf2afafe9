import { NextResponse } from "next/server";
import { makeRevisionCurrent } from "@/lib/apis/revisions/make-revision-current";
import { revisionNumberSchema } from "@/lib/apis/revisions/revision-schemas";
import { withAuth } from "@/lib/http/with-auth";

// POST /api/v1/apis/{apiId}/revisions/{number}/make-current - the gateway serves this revision next
export const POST = withAuth<{ apiId: string; number: string }>(
  async ({ params, actor }) => {
    const number = revisionNumberSchema.parse(params.number);
    return NextResponse.json(await makeRevisionCurrent(params.apiId, number, actor));
  },
  { route: "POST /apis/{apiId}/revisions/{number}/make-current" },
);
