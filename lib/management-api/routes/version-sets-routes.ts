// OpenAPI entries for /version-sets (one entry per route and method).
import {
  createVersionSetInputSchema,
  listVersionSetsQuerySchema,
  updateVersionSetInputSchema,
  versionSetPageSchema,
  versionSetResourceSchema,
} from "@/lib/apis/version-sets/version-set-schemas";
import { routeDocs } from "../route-doc";

const tag = "Version sets";

export const versionSetsRoutes = routeDocs([
  {
    method: "get",
    path: "/version-sets",
    operationId: "listVersionSets",
    summary: "List version sets with their versions, a page at a time",
    tag,
    query: listVersionSetsQuerySchema,
    response: { status: 200, description: "A page of version sets", schema: versionSetPageSchema },
  },
  {
    method: "post",
    path: "/version-sets",
    operationId: "createVersionSet",
    summary: "Create a version set",
    tag,
    body: createVersionSetInputSchema,
    response: { status: 201, description: "The version set", schema: versionSetResourceSchema },
    errors: [409],
  },
  {
    method: "get",
    path: "/version-sets/{versionSetId}",
    operationId: "getVersionSet",
    summary: "One version set",
    tag,
    response: { status: 200, description: "The version set", schema: versionSetResourceSchema },
  },
  {
    method: "patch",
    path: "/version-sets/{versionSetId}",
    operationId: "updateVersionSet",
    summary: "Change a version set",
    tag,
    body: updateVersionSetInputSchema,
    response: { status: 200, description: "The version set", schema: versionSetResourceSchema },
    errors: [409],
  },
  {
    method: "delete",
    path: "/version-sets/{versionSetId}",
    operationId: "deleteVersionSet",
    summary: "Delete a version set that no API is in",
    tag,
    response: { status: 204, description: "Deleted" },
    errors: [409],
  },
]);
