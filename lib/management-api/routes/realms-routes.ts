// OpenAPI entries for IAM realms: the realms themselves, their roles, groups, users, clients and keys.
import { z } from "zod";
import {
  clientResourceSchema,
  createClientInputSchema,
  createdClientSchema,
  rotatedClientSecretSchema,
  updateClientInputSchema,
} from "@/lib/iam/realms/realm-client-schemas";
import {
  createGroupInputSchema,
  createRealmUserInputSchema,
  createRoleInputSchema,
  groupResourceSchema,
  realmUserResourceSchema,
  roleResourceSchema,
  updateRealmUserInputSchema,
} from "@/lib/iam/realms/realm-directory-schemas";
import { rotateKeysInputSchema, signingKeyResourceSchema } from "@/lib/iam/realms/realm-key-schemas";
import {
  createRealmInputSchema,
  listRealmsQuerySchema,
  realmPageSchema,
  realmResourceSchema,
  updateRealmInputSchema,
} from "@/lib/iam/realms/realm-schemas";
import { listOf } from "../common-schemas";
import { routeDocs } from "../route-doc";

const tag = "Realms";

const createdRealmSchema = z
  .object({ id: z.string(), name: z.string(), issuer: z.string(), realm: realmResourceSchema })
  .meta({ id: "CreatedRealm" });

const signingKeyListSchema = listOf(signingKeyResourceSchema, "RealmSigningKeyList");

export const realmsRoutes = routeDocs([
  {
    method: "get",
    path: "/realms",
    operationId: "listRealms",
    summary: "List realms",
    tag,
    query: listRealmsQuerySchema,
    response: { status: 200, description: "A page of realms, by name", schema: realmPageSchema },
  },
  {
    method: "post",
    path: "/realms",
    operationId: "createRealm",
    summary: "Create a realm (an OpenID Connect issuer at /realms/{name})",
    description: "Starts with one active and one staged signing key, so the first rotation signs with a key relying parties already hold.",
    tag,
    body: createRealmInputSchema,
    response: { status: 201, description: "The realm and its issuer URL", schema: createdRealmSchema },
    errors: [409],
  },
  { method: "get", path: "/realms/{realm}", operationId: "getRealm", summary: "One realm", tag, response: { status: 200, description: "The realm", schema: realmResourceSchema } },
  {
    method: "patch",
    path: "/realms/{realm}",
    operationId: "updateRealm",
    summary: "Change a realm: display name, enabled, token lifetimes, signing algorithm, rotation interval",
    tag,
    body: updateRealmInputSchema,
    response: { status: 200, description: "The realm", schema: realmResourceSchema },
  },
  {
    method: "delete",
    path: "/realms/{realm}",
    operationId: "deleteRealm",
    summary: "Delete a realm and everything in it",
    description: "409 while an API's jwtRequirements name the realm.",
    tag,
    response: { status: 200, description: "The deleted realm", schema: realmResourceSchema },
    errors: [409],
  },
  { method: "get", path: "/realms/{realm}/roles", operationId: "listRealmRoles", summary: "A realm's roles", tag, response: { status: 200, description: "The roles", schema: listOf(roleResourceSchema, "RealmRoleList") } },
  {
    method: "post",
    path: "/realms/{realm}/roles",
    operationId: "createRealmRole",
    summary: "Add a realm role",
    tag,
    body: createRoleInputSchema,
    response: { status: 201, description: "The role", schema: roleResourceSchema },
    errors: [409],
  },
  { method: "get", path: "/realms/{realm}/groups", operationId: "listRealmGroups", summary: "A realm's groups", tag, response: { status: 200, description: "The groups", schema: listOf(groupResourceSchema, "RealmGroupList") } },
  {
    method: "post",
    path: "/realms/{realm}/groups",
    operationId: "createRealmGroup",
    summary: "Add a group whose members hold its roles",
    tag,
    body: createGroupInputSchema,
    response: { status: 201, description: "The group", schema: groupResourceSchema },
    errors: [409, 422],
  },
  { method: "get", path: "/realms/{realm}/users", operationId: "listRealmUsers", summary: "A realm's users (never a password)", tag, response: { status: 200, description: "The users", schema: listOf(realmUserResourceSchema, "RealmUserList") } },
  {
    method: "post",
    path: "/realms/{realm}/users",
    operationId: "createRealmUser",
    summary: "Add a realm user",
    tag,
    body: createRealmUserInputSchema,
    response: { status: 201, description: "The user", schema: realmUserResourceSchema },
    errors: [409, 422],
  },
  {
    method: "patch",
    path: "/realms/{realm}/users/{userId}",
    operationId: "updateRealmUser",
    summary: "Change a realm user: email, password, enabled, roles, groups",
    description: "Disabling a user revokes their refresh tokens at once.",
    tag,
    body: updateRealmUserInputSchema,
    response: { status: 200, description: "The user", schema: realmUserResourceSchema },
    errors: [422],
  },
  { method: "get", path: "/realms/{realm}/clients", operationId: "listRealmClients", summary: "A realm's clients (never a secret)", tag, response: { status: 200, description: "The clients", schema: listOf(clientResourceSchema, "RealmClientList") } },
  {
    method: "post",
    path: "/realms/{realm}/clients",
    operationId: "createRealmClient",
    summary: "Register an OAuth client; a confidential client's secret is answered only here",
    tag,
    body: createClientInputSchema,
    response: { status: 201, description: "The client and its secret", schema: createdClientSchema },
    errors: [409, 422],
  },
  { method: "get", path: "/realms/{realm}/clients/{clientId}", operationId: "getRealmClient", summary: "One client", tag, response: { status: 200, description: "The client", schema: clientResourceSchema } },
  {
    method: "patch",
    path: "/realms/{realm}/clients/{clientId}",
    operationId: "updateRealmClient",
    summary: "Change a client: roles, scopes, redirect URIs, audiences, lifetimes, enabled",
    description: "Disabling a client revokes its refresh tokens at once.",
    tag,
    body: updateClientInputSchema,
    response: { status: 200, description: "The client", schema: clientResourceSchema },
    errors: [422],
  },
  {
    method: "post",
    path: "/realms/{realm}/clients/{clientId}/rotate-secret",
    operationId: "rotateRealmClientSecret",
    summary: "Replace a confidential client's secret; the new one is answered only here",
    tag,
    response: { status: 200, description: "The new secret", schema: rotatedClientSecretSchema },
    errors: [409],
  },
  { method: "get", path: "/realms/{realm}/keys", operationId: "listRealmKeys", summary: "A realm's signing keys and their states", tag, response: { status: 200, description: "The keys", schema: signingKeyListSchema } },
  {
    method: "post",
    path: "/realms/{realm}/keys/rotate",
    operationId: "rotateRealmKeys",
    summary: "Rotate now: the staged key starts signing, the active one turns passive, a new key is staged",
    description:
      "Keys are published in the JWKS from the moment they are staged, so no token is ever signed with a key relying parties could not have fetched. Passive keys leave the JWKS once every token they signed has expired.",
    tag,
    body: rotateKeysInputSchema.optional(),
    response: { status: 200, description: "The keys after the rotation", schema: signingKeyListSchema },
    errors: [409],
  },
]);
