// The test console's form for one operation: GET /apis/{apiId}/test-requests?operationId=...
import { z } from "zod";

export const operationTemplateQuerySchema = z.object({
  operationId: z.string().min(1).describe("An operation id of the API's current revision"),
});

const testParameterSchema = z.object({
  name: z.string(),
  in: z.enum(["path", "query", "header"]),
  required: z.boolean(),
  description: z.string(),
  example: z.string().describe("The document's example or default, as text; empty when it has none"),
});
export type TestParameter = z.infer<typeof testParameterSchema>;

export const operationTestTemplateSchema = z.object({
  operationId: z.string(),
  method: z.string(),
  path: z.string().describe("Path template, e.g. /orders/{orderId}"),
  parameters: z.array(testParameterSchema),
  body: z.object({
    mediaType: z.string().nullable().describe("The request body's media type (JSON preferred); null when the operation takes none"),
    example: z.string().describe("An example body from the document's example or schema"),
  }),
});
export type OperationTestTemplate = z.infer<typeof operationTestTemplateSchema>;
