// The client scopes every realm starts with (Keycloak's names). Together, assigned as below, they
// emit exactly the claims our access tokens carried before client scopes existed: basic and roles
// in every token and not named in `scope`, profile and email when asked for. The migration
// 20261202073000_realm_client_scopes gives existing realms and clients the same.
import type { DbTransaction } from "@/lib/db";
import type { RealmClientScopeKind } from "@/generated/prisma/client";
import type { ProtocolMapper } from "./realm-client-scope-schemas";

type BuiltIn = { name: string; description: string; includeInTokenScope: boolean; mappers: ProtocolMapper[]; assignToNewClients: RealmClientScopeKind };

const username: ProtocolMapper = { name: "username", type: "user-attribute", attribute: "username", claim: "preferred_username" };

export const BUILT_IN_CLIENT_SCOPES: BuiltIn[] = [
  { name: "basic", description: "Claims every token carries: preferred_username", includeInTokenScope: false, mappers: [username], assignToNewClients: "DEFAULT" },
  {
    name: "roles",
    description: "Realm roles (realm_access.roles) and client roles (resource_access)",
    includeInTokenScope: false,
    mappers: [
      { name: "realm roles", type: "realm-roles", claim: "realm_access.roles" },
      { name: "client roles", type: "client-roles", claim: "resource_access" },
    ],
    assignToNewClients: "DEFAULT",
  },
  { name: "profile", description: "OpenID Connect profile: preferred_username", includeInTokenScope: true, mappers: [username], assignToNewClients: "OPTIONAL" },
  {
    name: "email",
    description: "OpenID Connect email: the user's email address",
    includeInTokenScope: true,
    mappers: [{ name: "email", type: "user-attribute", attribute: "email", claim: "email" }],
    assignToNewClients: "OPTIONAL",
  },
];

export async function createBuiltInClientScopes(tx: Pick<DbTransaction, "realmClientScope">, realmId: string) {
  await tx.realmClientScope.createMany({ data: BUILT_IN_CLIENT_SCOPES.map((s) => ({ realmId, ...s })) });
}
