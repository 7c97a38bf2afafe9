import { NextResponse } from "next/server";
import { deleteClientScope, getClientScope, updateClientScope } from "@/lib/iam/realms/realm-client-scopes";
import { updateClientScopeInputSchema } from "@/lib/iam/realms/realm-client-scope-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

type Params = { realm: string; name: string };

// GET /api/v1/realms/{realm}/client-scopes/{name}
export const GET = withAuth<Params>(async ({ params }) => NextResponse.json(await getClientScope(params.realm, params.name)), {
  route: "GET /realms/{realm}/client-scopes/{name}",
});

// PATCH /api/v1/realms/{realm}/client-scopes/{name} - description, includeInTokenScope, mappers, assignToNewClients
export const PATCH = withAuth<Params>(
  async ({ request, params, actor }) => {
    const input = updateClientScopeInputSchema.parse(await readJson(request));
    return NextResponse.json(await updateClientScope(params.realm, params.name, input, actor));
  },
  { route: "PATCH /realms/{realm}/client-scopes/{name}" },
);

// DELETE /api/v1/realms/{realm}/client-scopes/{name} - 409 while clients have it
export const DELETE = withAuth<Params>(async ({ params, actor }) => NextResponse.json(await deleteClientScope(params.realm, params.name, actor)), {
  route: "DELETE /realms/{realm}/client-scopes/{name}",
});
