import { NextResponse } from "next/server";
import { createAdminApiToken } from "@/lib/iam/tokens/create-admin-api-token";
import { listAdminApiTokens } from "@/lib/iam/tokens/list-admin-api-tokens";
import { createAdminApiTokenInputSchema, listAdminApiTokensQuerySchema } from "@/lib/iam/tokens/token-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

// GET /api/v1/tokens?search=&limit=&cursor= - a page of management API tokens, newest first (never the secret)
export const GET = withAuth(
  async ({ request }) => {
    const query = listAdminApiTokensQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await listAdminApiTokens(query));
  },
  { route: "GET /tokens" },
);

// POST /api/v1/tokens - {name, role?, expiresAt?} -> the token, its secret shown once
export const POST = withAuth(
  async ({ request, actor }) => {
    const input = createAdminApiTokenInputSchema.parse(await readJson(request));
    const response = NextResponse.json(await createAdminApiToken(input, actor), { status: 201 });
    response.headers.set("cache-control", "no-store");
    return response;
  },
  { route: "POST /tokens" },
);
