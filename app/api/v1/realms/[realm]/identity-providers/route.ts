import { NextResponse } from "next/server";
import { createIdentityProvider, listIdentityProviders } from "@/lib/iam/realms/realm-identity-providers";
import { createIdentityProviderInputSchema, listIdentityProvidersQuerySchema } from "@/lib/iam/realms/realm-identity-provider-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

type Params = { realm: string };

// GET /api/v1/realms/{realm}/identity-providers - by alias, paged (?limit, ?cursor)
export const GET = withAuth<Params>(
  async ({ request, params }) => {
    const query = listIdentityProvidersQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await listIdentityProviders(params.realm, query));
  },
  { route: "GET /realms/{realm}/identity-providers" },
);

// POST /api/v1/realms/{realm}/identity-providers - {alias, issuer, jwksUri?, audience?, roleMappings?}; discovers jwksUri when absent
export const POST = withAuth<Params>(
  async ({ request, params, actor }) => {
    const input = createIdentityProviderInputSchema.parse(await readJson(request));
    return NextResponse.json(await createIdentityProvider(params.realm, input, actor), { status: 201 });
  },
  { route: "POST /realms/{realm}/identity-providers" },
);
