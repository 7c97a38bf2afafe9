import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/http/error-response";
import { getOpenApiDocument } from "@/lib/management-api/build-openapi-document";

// GET /api/v1/openapi.json - the management API's OpenAPI 3.1 document. Public on purpose:
// it describes the API, grants nothing, and the portal renders it for signed-out readers too.
export async function GET(): Promise<Response> {
  try {
    return NextResponse.json(getOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
  } catch (err) {
    return errorResponse(err);
  }
}
