import { NextResponse } from "next/server";
import { getClient, updateClient } from "@/lib/iam/realms/realm-clients";
import { updateClientInputSchema } from "@/lib/iam/realms/realm-client-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

type Params = { realm: string; clientId: string };

// GET /api/v1/realms/{realm}/clients/{clientId}
export const GET = withAuth<Params>(async ({ params }) => NextResponse.json(await getClient(params.realm, params.clientId)), {
  route: "GET /realms/{realm}/clients/{clientId}",
});

// PATCH /api/v1/realms/{realm}/clients/{clientId} - roles, scopes, redirect URIs, lifetimes, enabled
export const PATCH = withAuth<Params>(
  async ({ request, params, actor }) => {
    const input = updateClientInputSchema.parse(await readJson(request));
    return NextResponse.json(await updateClient(params.realm, params.clientId, input, actor));
  },
  { route: "PATCH /realms/{realm}/clients/{clientId}" },
);
