// OpenAPI entries for a realm's client scopes (named sets of claims assigned to clients).
import {
  clientScopePageSchema,
  clientScopeResourceSchema,
  createClientScopeInputSchema,
  listClientScopesQuerySchema,
  updateClientScopeInputSchema,
} from "@/lib/iam/realms/realm-client-scope-schemas";
import { routeDocs } from "../route-doc";

const tag = "Realms";
const path = "/realms/{realm}/client-scopes" as const;

export const realmClientScopesRoutes = routeDocs([
  {
    method: "get",
    path,
    operationId: "listRealmClientScopes",
    summary: "A realm's client scopes, by name",
    tag,
    query: listClientScopesQuerySchema,
    response: { status: 200, description: "A page of client scopes", schema: clientScopePageSchema },
  },
  {
    method: "post",
    path,
    operationId: "createRealmClientScope",
    summary: "Add a client scope: a scope value whose protocol mappers add claims or audiences to access tokens",
    description:
      "Assign it to clients (defaultClientScopes: in every token; optionalClientScopes: only when the token request names it in `scope`). Every realm starts with basic, roles (default) and profile, email (optional).",
    tag,
    body: createClientScopeInputSchema,
    response: { status: 201, description: "The client scope", schema: clientScopeResourceSchema },
    errors: [409],
  },
  { method: "get", path: `${path}/{name}`, operationId: "getRealmClientScope", summary: "One client scope", tag, response: { status: 200, description: "The client scope", schema: clientScopeResourceSchema } },
  {
    method: "patch",
    path: `${path}/{name}`,
    operationId: "updateRealmClientScope",
    summary: "Change a client scope: description, includeInTokenScope, mappers, assignToNewClients",
    description: "Tokens issued from now on follow the change; tokens already issued keep their claims until they expire.",
    tag,
    body: updateClientScopeInputSchema,
    response: { status: 200, description: "The client scope", schema: clientScopeResourceSchema },
  },
  {
    method: "delete",
    path: `${path}/{name}`,
    operationId: "deleteRealmClientScope",
    summary: "Delete a client scope",
    description: "409 while clients have it as a default or optional scope.",
    tag,
    response: { status: 200, description: "The deleted client scope", schema: clientScopeResourceSchema },
    errors: [409],
  },
]);
