// OpenAPI entries for /apis and its sub-resources (one entry per route and method).
import { z } from "zod";
import { apiPageSchema, apiResourceSchema, createApiInputSchema, importedApiSchema, listApisQuerySchema } from "@/lib/apis/api-schemas";
import { apiLintReportSchema, specValidationSchema } from "@/lib/apis/specs/lint-report-schemas";
import { specSourceInputSchema } from "@/lib/apis/specs/spec-input-schema";
import { updateApiInputSchema } from "@/lib/apis/update-api-input";
import { deleteApiQuerySchema, deletedApiSchema } from "@/lib/apis/delete-api-schemas";
import { testRequestInputSchema, testResponseSchema } from "@/lib/apis/test-console/test-request-schemas";
import { operationTemplateQuerySchema, operationTestTemplateSchema } from "@/lib/apis/test-console/operation-template-schemas";
import { apiReferenceSchema, exampleCallSchema } from "@/lib/portal/api-reference-schemas";
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
    method: "delete",
    path: "/apis/{apiId}",
    operationId: "deleteApi",
    summary: "Delete an API (409 while it has live subscriptions, unless deleteSubscriptions=true)",
    description:
      "Products that bundle the API lose it; its revisions, operation rules and ended subscriptions go with it; the console's test subscriptions never block it. The gateways stop serving its path at once (404). There is no undo.",
    tag,
    query: deleteApiQuerySchema,
    response: { status: 200, description: "Deleted, and what it did to products and subscriptions", schema: deletedApiSchema },
    errors: [409],
  },
  {
    method: "get",
    path: "/apis/{apiId}/reference",
    operationId: "getApiReference",
    summary: "The API's reference as the developer portal shows it: its document on the gateway, code samples, and the caller's own subscriptions to it",
    description:
      "The current revision's OpenAPI document with `servers` replaced by the gateway's public address (path version included; a header or query version is in `version`), code samples per operation (curl, JavaScript, Python, Go, C#) with the key as `keyPlaceholder`, the published products that contain the API, and the caller's own active subscriptions whose keys open it.",
    tag,
    response: { status: 200, description: "The reference", schema: apiReferenceSchema },
  },
  {
    method: "get",
    path: "/apis/{apiId}/example-call",
    operationId: "getApiExampleCall",
    summary: "One ready-to-run curl call of the API through the gateway, as shown beside a subscription's keys",
    description:
      "The curl sample of one real operation (a GET without path parameters when there is one), built like the reference's samples, without the document or the other operations' samples: the portal's subscription pages show it for each subscription.",
    tag,
    response: { status: 200, description: "The example call", schema: exampleCallSchema },
  },
  {
    method: "get",
    path: "/apis/{apiId}/test-requests",
    operationId: "getApiTestRequestTemplate",
    summary: "The test console's form for one operation: its parameters and an example body, from the current revision",
    tag,
    query: operationTemplateQuerySchema,
    response: { status: 200, description: "Parameters and example body", schema: operationTestTemplateSchema },
  },
  {
    method: "post",
    path: "/apis/{apiId}/test-requests",
    operationId: "sendApiTestRequest",
    summary: "Send one request through the gateway with a test subscription's key (the API's test console)",
    description:
      "The key stays on the server: the caller's console test subscription to this API (created on first use) or a chosen active subscription that opens the API. The target is always the gateway, under the API's path. The answer's body is text, cut at 1 MB.",
    tag,
    body: testRequestInputSchema,
    response: { status: 200, description: "What the gateway answered", schema: testResponseSchema },
    errors: [422, 502],
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
