import { NextResponse } from "next/server";
import { createClient, listClients } from "@/lib/iam/realms/realm-clients";
import { createClientInputSchema, listClientsQuerySchema } from "@/lib/iam/realms/realm-client-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

type Params = { realm: string };

// GET /api/v1/realms/{realm}/clients - by clientId, paged (?limit, ?cursor, ?search); never a secret
export const GET = withAuth<Params>(
  async ({ request, params }) => {
    const query = listClientsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await listClients(params.realm, query));
  },
  { route: "GET /realms/{realm}/clients" },
);

// POST /api/v1/realms/{realm}/clients - {clientId, type, roles?, scopes?, redirectUris?} -> {clientId, clientSecret} (shown once)
export const POST = withAuth<Params>(
  async ({ request, params, actor }) => {
    const input = createClientInputSchema.parse(await readJson(request));
    const response = NextResponse.json(await createClient(params.realm, input, actor), { status: 201 });
    response.headers.set("cache-control", "no-store");
    return response;
  },
  { route: "POST /realms/{realm}/clients" },
);
