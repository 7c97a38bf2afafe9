// A test request from the API page's test console, and what the gateway answered to it.
import { z } from "zod";
import { safeText } from "@/lib/http/safe-text";

export const TEST_RESPONSE_BODY_LIMIT = 1024 * 1024;

const headerName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, "not a header name");

export const testRequestInputSchema = z.object({
  method: z.enum(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]).describe("The operation's method"),
  path: safeText()
    .max(4000)
    .regex(/^\/[^\\?#]*$/, "a path under the API starting with /, without query or fragment")
    .refine((p) => !p.includes("//"), "no empty segments")
    .describe("Path under the API's gateway path, parameters filled in, e.g. /pets/1"),
  query: z.record(z.string().max(200), z.string().max(4000)).default({}).describe("Query parameters"),
  headers: z.record(headerName, z.string().max(8000).regex(/^[^\r\n]*$/, "no line breaks")).default({}).describe("Request headers"),
  body: z.string().max(TEST_RESPONSE_BODY_LIMIT).optional().describe("Request body (text), ignored for GET and HEAD"),
  subscriptionId: safeText().min(1).optional().describe("Test with this subscription's key; the caller's console test subscription when omitted"),
});
export type TestRequestInput = z.infer<typeof testRequestInputSchema>;

export const testResponseSchema = z.object({
  status: z.number().int(),
  headers: z.record(z.string(), z.string()).describe("Response headers, lower-case names"),
  body: z.string().describe(`Response body as text, cut at ${TEST_RESPONSE_BODY_LIMIT} bytes`),
  bodyTruncated: z.boolean(),
  durationMs: z.number().describe("From sending the request to the last byte read"),
  url: z.string().describe("The gateway URL called (without the subscription key)"),
  subscriptionId: z.string().describe("The subscription whose key was sent"),
});
export type TestResponse = z.infer<typeof testResponseSchema>;
