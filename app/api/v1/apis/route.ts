import { NextResponse } from "next/server";
import { createApiInputSchema } from "@/lib/apis/api-schemas";
import { importApi } from "@/lib/apis/import-api";
import { listApis } from "@/lib/apis/list-apis";
import { ALL_ROLES, CATALOG_MANAGERS, readJson, withAuth } from "@/lib/http/with-auth";

// GET /api/v1/apis - list APIs
export const GET = withAuth(async ({ actor }) => NextResponse.json({ items: await listApis(actor) }), { roles: ALL_ROLES });

// POST /api/v1/apis - import an OpenAPI document as a new API
export const POST = withAuth(
  async ({ request, actor }) => {
    const input = createApiInputSchema.parse(await readJson(request));
    return NextResponse.json(await importApi(input, actor), { status: 201 });
  },
  { roles: CATALOG_MANAGERS },
);
