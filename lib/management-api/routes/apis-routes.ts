// OpenAPI entries for /apis and its sub-resources (one entry per route and method).
import { z } from "zod";
import { apiPageSchema, apiResourceSchema, createApiInputSchema, importedApiSchema, listApisQuerySchema } from "@/lib/apis/api-schemas";
import { apiLintReportSchema, specValidationSchema } from "@/lib/apis/specs/lint-report-schemas";
import { specSourceInputSchema } from "@/lib/apis/specs/spec-input-schema";
import { updateApiInputSchema } from "@/lib/apis/update-api-input";
import { routeDocs } from "../route-doc";

const tag = "APIs";

/** Mirrors the query schema inside app/api/v1/apis/[apiId]/lint/route.ts (route files can't export it). */
const lintQuerySchema = z.object({
  revision: z.coerce.number().int().min(1).optional().describe("Revision number; the current revision when omitted"),
});
const progressNote = "With `Accept: application/x-ndjson` the import phases stream as progress lines, then `{status, body}`.";

export const apisRoutes = routeDocs([
  {
    method: "get",
    path: "/apis",
    operationId: "listApis",
    summary: "List APIs, a page at a time, filtered",
    description: "Developers see published APIs only. Cursor paging: pass `nextCursor` as `cursor` for the next page.",
    tag,
    query: listApisQuerySchema,
    response: { status: 200, description: "A page of APIs", schema: apiPageSchema },
  },
  {
    method: "post",
    path: "/apis",
    operationId: "importApi",
    summary: "Import an OpenAPI document as a new API",
    description: `Lint findings never block an import; an unusable document is refused with 422 invalid_spec. ${progressNote}`,
    tag,
    body: createApiInputSchema,
    response: { status: 201, description: "The imported API and its lint summary", schema: importedApiSchema },
    errors: [409, 422],
  },
  {
    method: "get",
    path: "/apis/{apiId}",
    operationId: "getApi",
    summary: "One API with its operations",
    tag,
    response: { status: 200, description: "The API", schema: apiResourceSchema },
  },
  {
    method: "patch",
    path: "/apis/{apiId}",
    operationId: "updateApi",
    summary: "Change settings, lifecycle (publish, deprecate, retire) or version set (its owner or a platform admin)",
    tag,
    body: updateApiInputSchema,
    response: { status: 200, description: "The API", schema: apiResourceSchema },
    errors: [409, 422],
  },
  {
    method: "post",
    path: "/apis/validate",
    operationId: "validateApiDefinition",
    summary: "Dry-run an import: what would be imported and its lint report, nothing stored",
    description: progressNote,
    tag,
    body: specSourceInputSchema,
    response: { status: 200, description: "The document's summary and lint report", schema: specValidationSchema },
    errors: [422],
  },
  {
    method: "get",
    path: "/apis/{apiId}/lint",
    operationId: "getApiLintReport",
    summary: "The lint report of the current (or a given) revision",
    tag,
    query: lintQuerySchema,
    response: { status: 200, description: "The lint report", schema: apiLintReportSchema },
  },
]);
