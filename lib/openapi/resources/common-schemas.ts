// Shapes shared by every route of the management API document: the error body and list wrappers.
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
        .describe("invalid_spec: where the document is unusable (JSON pointers)"),
      issues: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .describe("validation_failed: one entry per invalid field"),
    }),
  })
  .meta({ id: "Error", description: 'Every error: {"error":{"code","message"}}, with extra fields for some codes' });

/** `{items: [...]}`, the shape of every list answer. */
export function listOf<T extends z.ZodType>(item: T, id: string) {
  return z.object({ items: z.array(item) }).meta({ id });
}

export const isoDate = () => z.string().describe("ISO 8601 date-time");

export const meSchema = z
  .object({
    id: z.string().describe("User id, or the token id for a token without a user"),
    email: z.string().nullable(),
    name: z.string(),
    role: z.enum(["platform_admin", "api_publisher", "viewer", "developer"]),
  })
  .meta({ id: "Me" });
