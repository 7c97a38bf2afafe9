import { NextResponse } from "next/server";
import { createRevision } from "@/lib/apis/revisions/create-revision";
import { listRevisions } from "@/lib/apis/revisions/list-revisions";
import { createRevisionInputSchema, listRevisionsQuerySchema } from "@/lib/apis/revisions/revision-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

type Params = { apiId: string };

// GET /api/v1/apis/{apiId}/revisions?limit=&cursor= - a page of revisions, newest first
export const GET = withAuth<Params>(
  async ({ request, params }) => {
    const query = listRevisionsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await listRevisions(params.apiId, query));
  },
  { route: "GET /apis/{apiId}/revisions" },
);

// POST /api/v1/apis/{apiId}/revisions - re-import {spec | specUrl, notes?} as a new, not yet current revision
export const POST = withAuth<Params>(
  async ({ request, params, actor }) => {
    const input = createRevisionInputSchema.parse(await readJson(request));
    return NextResponse.json(await createRevision(params.apiId, input, actor), { status: 201 });
  },
  { route: "POST /apis/{apiId}/revisions" },
);
