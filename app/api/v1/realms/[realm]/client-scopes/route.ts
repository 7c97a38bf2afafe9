import { NextResponse } from "next/server";
import { createClientScope, listClientScopes } from "@/lib/iam/realms/realm-client-scopes";
import { createClientScopeInputSchema, listClientScopesQuerySchema } from "@/lib/iam/realms/realm-client-scope-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

type Params = { realm: string };

// GET /api/v1/realms/{realm}/client-scopes - by name, paged (?limit, ?cursor, ?search)
export const GET = withAuth<Params>(
  async ({ request, params }) => {
    const query = listClientScopesQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await listClientScopes(params.realm, query));
  },
  { route: "GET /realms/{realm}/client-scopes" },
);

// POST /api/v1/realms/{realm}/client-scopes - {name, description?, includeInTokenScope?, mappers?, assignToNewClients?}
export const POST = withAuth<Params>(
  async ({ request, params, actor }) => {
    const input = createClientScopeInputSchema.parse(await readJson(request));
    return NextResponse.json(await createClientScope(params.realm, input, actor), { status: 201 });
  },
  { route: "POST /realms/{realm}/client-scopes" },
);
