import { NextResponse } from "next/server";
import { createAdminApiToken } from "@/lib/auth/tokens/create-admin-api-token";
import { listAdminApiTokens } from "@/lib/auth/tokens/list-admin-api-tokens";
import { createAdminApiTokenInputSchema } from "@/lib/auth/tokens/token-schemas";
import { ADMINS, readJson, withAuth } from "@/lib/http/with-auth";

// GET /api/v1/tokens - every management API token (never the secret)
export const GET = withAuth(async () => NextResponse.json({ items: await listAdminApiTokens() }), { roles: ADMINS });

// POST /api/v1/tokens - {name, role?, expiresAt?} -> the token, its secret shown once
export const POST = withAuth(
  async ({ request, actor }) => {
    const input = createAdminApiTokenInputSchema.parse(await readJson(request));
    const response = NextResponse.json(await createAdminApiToken(input, actor), { status: 201 });
    response.headers.set("cache-control", "no-store");
    return response;
  },
  { roles: ADMINS },
);
