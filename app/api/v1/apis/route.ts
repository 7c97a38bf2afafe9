import { NextResponse } from "next/server";
import { createApiInputSchema, listApisQuerySchema } from "@/lib/apis/api-schemas";
import { importApi } from "@/lib/apis/import-api";
import { listApis } from "@/lib/apis/list-apis";
import { respondWithPhases } from "@/lib/http/phase-stream-response";
import { readJson, withAuth } from "@/lib/http/with-auth";

// GET /api/v1/apis?search=&path=&lifecycle=&tag=&limit=&cursor= - a page of APIs
export const GET = withAuth(
  async ({ request, actor }) => {
    const query = listApisQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await listApis(actor, query));
  },
  { route: "GET /apis" },
);

// POST /api/v1/apis - import an OpenAPI/Swagger document (spec text or specUrl) as a new API.
// With `Accept: application/x-ndjson` the import phases stream as progress lines first.
export const POST = withAuth(
  async ({ request, actor }) => {
    const input = createApiInputSchema.parse(await readJson(request));
    return respondWithPhases(request, 201, (onPhase) => importApi(input, actor, { onPhase }));
  },
  { route: "POST /apis" },
);
