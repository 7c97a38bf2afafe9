// GET /api/v1/apis/{apiId}/reference: what the portal's API page renders: the current
// revision's document with its servers pointing at the gateway, how to send the key and the
// version, code samples per operation, and the caller's own subscriptions that open the API.
import { z } from "zod";
import { apiLifecycles } from "@/lib/apis/lifecycle/api-lifecycles";
import { isoDate } from "@/lib/http/iso-date-schema";

const codeSampleSchema = z.object({
  language: z.enum(["curl", "javascript", "python", "go", "csharp"]),
  label: z.string().describe("e.g. 'Python (requests)'"),
  code: z.string().describe("Generated with httpsnippet; the key is `keyPlaceholder`"),
});

const operationSamplesSchema = z.object({
  operationId: z.string().describe("The operation's id in Portcullis (as in GET /apis/{apiId})"),
  documentOperationId: z.string().nullable().describe("The document's operationId, when it has one"),
  method: z.string(),
  path: z.string().describe("Path template, e.g. /orders/{orderId}"),
  summary: z.string(),
  url: z.string().describe("The call the samples make: gateway address, path and required query filled with examples"),
  samples: z.array(codeSampleSchema),
});

export const apiReferenceSchema = z
  .object({
    apiId: z.string(),
    name: z.string(),
    lifecycle: z.enum(apiLifecycles),
    sunsetAt: isoDate().nullable().describe("While deprecated: when it stops answering"),
    revision: z.object({ number: z.number().int(), version: z.string(), title: z.string() }).nullable(),
    serverUrl: z.string().describe("Where the gateway serves the API (path version included)"),
    version: z
      .object({ in: z.enum(["header", "query"]), name: z.string(), value: z.string() })
      .nullable()
      .describe("The header or query parameter a header/query version set needs on every call; null: none"),
    subscriptionRequired: z.boolean(),
    tokenRequired: z.boolean().describe("Calls need a bearer token (the API has JWT requirements): try-it takes one pasted or from the caller's app"),
    subscriptionKeyHeader: z.string(),
    subscriptionKeyQuery: z.string(),
    keyPlaceholder: z.string().describe("Stands for the subscription key in the samples"),
    document: z.record(z.string(), z.unknown()).describe("The current revision's OpenAPI document, servers replaced by the gateway's address"),
    operations: z.array(operationSamplesSchema),
    subscriptions: z
      .array(z.object({ id: z.string(), name: z.string(), productName: z.string().nullable() }))
      .describe("The caller's own active subscriptions whose keys open this API (never anyone else's)"),
    products: z.array(z.object({ id: z.string(), name: z.string() })).describe("Published products that contain the API"),
  })
  .meta({ id: "ApiReference" });

export type ApiReference = z.infer<typeof apiReferenceSchema>;

export const exampleCallSchema = z
  .object({
    apiId: z.string(),
    name: z.string(),
    keyPlaceholder: z.string().describe("Stands for the subscription key in `curl`"),
    operation: z
      .object({ method: z.string(), path: z.string().describe("Path template"), curl: z.string().describe("Generated with httpsnippet, as on the API page") })
      .nullable()
      .describe("A GET without path parameters when the API has one, else its first operation; null: the API has none"),
  })
  .meta({ id: "ExampleCall" });

export type ExampleCall = z.infer<typeof exampleCallSchema>;
