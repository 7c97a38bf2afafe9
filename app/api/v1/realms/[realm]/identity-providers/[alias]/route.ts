import { NextResponse } from "next/server";
import { deleteIdentityProvider, getIdentityProvider, updateIdentityProvider } from "@/lib/iam/realms/realm-identity-providers";
import { updateIdentityProviderInputSchema } from "@/lib/iam/realms/realm-identity-provider-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

type Params = { realm: string; alias: string };

// GET /api/v1/realms/{realm}/identity-providers/{alias}
export const GET = withAuth<Params>(async ({ params }) => NextResponse.json(await getIdentityProvider(params.realm, params.alias)), {
  route: "GET /realms/{realm}/identity-providers/{alias}",
});

// PATCH /api/v1/realms/{realm}/identity-providers/{alias} - issuer, jwksUri (null: discover again), audience, roleMappings
export const PATCH = withAuth<Params>(
  async ({ request, params, actor }) => {
    const input = updateIdentityProviderInputSchema.parse(await readJson(request));
    return NextResponse.json(await updateIdentityProvider(params.realm, params.alias, input, actor));
  },
  { route: "PATCH /realms/{realm}/identity-providers/{alias}" },
);

// DELETE /api/v1/realms/{realm}/identity-providers/{alias} - its tokens stop passing the bound APIs
export const DELETE = withAuth<Params>(async ({ params, actor }) => NextResponse.json(await deleteIdentityProvider(params.realm, params.alias, actor)), {
  route: "DELETE /realms/{realm}/identity-providers/{alias}",
});
