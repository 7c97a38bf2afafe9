// OpenAPI entries for /version-sets (one entry per route and method).
import { createVersionSetInputSchema, updateVersionSetInputSchema } from "@/lib/apis/version-sets/version-set-schemas";
import { CATALOG_MANAGERS, CONSOLE_ROLES } from "@/lib/http/with-auth";
import { listOf } from "../resources/common-schemas";
import { versionSetSchema } from "../resources/revision-resource-schemas";
import { routeDocs } from "../route-doc";

const tag = "Version sets";

export const versionSetsRoutes = routeDocs([
  {
    method: "get",
    path: "/version-sets",
    operationId: "listVersionSets",
    summary: "List version sets with their versions",
    tag,
    roles: CONSOLE_ROLES,
    response: { status: 200, description: "The version sets", schema: listOf(versionSetSchema, "VersionSetList") },
  },
  {
    method: "post",
    path: "/version-sets",
    operationId: "createVersionSet",
    summary: "Create a version set",
    tag,
    roles: CATALOG_MANAGERS,
    body: createVersionSetInputSchema,
    response: { status: 201, description: "The version set", schema: versionSetSchema },
    errors: [409],
  },
  {
    method: "get",
    path: "/version-sets/{versionSetId}",
    operationId: "getVersionSet",
    summary: "One version set",
    tag,
    roles: CONSOLE_ROLES,
    response: { status: 200, description: "The version set", schema: versionSetSchema },
  },
  {
    method: "patch",
    path: "/version-sets/{versionSetId}",
    operationId: "updateVersionSet",
    summary: "Change a version set",
    tag,
    roles: CATALOG_MANAGERS,
    body: updateVersionSetInputSchema,
    response: { status: 200, description: "The version set", schema: versionSetSchema },
    errors: [409],
  },
  {
    method: "delete",
    path: "/version-sets/{versionSetId}",
    operationId: "deleteVersionSet",
    summary: "Delete a version set that no API is in",
    tag,
    roles: CATALOG_MANAGERS,
    response: { status: 204, description: "Deleted" },
    errors: [409],
  },
]);
