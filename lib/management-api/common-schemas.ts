// What only the management API's document needs: the error body every route may answer
// and the list wrapper. Resource shapes live with their context (lib/<context>/*-schemas.ts).
import { z } from "zod";
import { errorCodeStatus } from "@/lib/http/error-codes";

export const errorResponseSchema = z
  .object({
    error: z.looseObject({
      code: z.enum(Object.keys(errorCodeStatus) as [keyof typeof errorCodeStatus]).describe("Stable, machine-readable"),
      message: z.string().describe("For humans"),
      problems: z
        .array(z.looseObject({ pointer: z.string(), message: z.string() }))
        .optional()
        .describe("invalid_spec: where the document is unusable; invalid_certificate: which certificate or key (JSON pointers)"),
      issues: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .describe("validation_failed: one entry per invalid field"),
      field: z
        .string()
        .optional()
        .describe("conflict: the request-body field whose value is taken (e.g. `path` of an API, `name` of a product or realm, `clientId`), so a form can show the message beside it"),
    }),
  })
  .meta({ id: "Error", description: 'Every error: {"error":{"code","message"}}, with extra fields for some codes' });

/** `{items: [...]}`, the shape of every list answer. */
export function listOf<T extends z.ZodType>(item: T, id: string) {
  return z.object({ items: z.array(item) }).meta({ id });
}
