// What DELETE /apis/{apiId} accepts and answers: the route, the OpenAPI entry and the console share it.
import { z } from "zod";

export const deleteApiQuerySchema = z.object({
  deleteSubscriptions: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true")
    .describe("Cancel the API's live subscriptions instead of refusing with 409"),
});

export const deletedApiSchema = z.object({
  id: z.string(),
  deleted: z.literal(true),
  cancelledSubscriptions: z.number().int().describe("Live subscriptions to this API that were cancelled (and deleted with it)"),
  removedFromProducts: z
    .array(z.object({ id: z.string(), name: z.string() }))
    .describe("Products that contained the API and no longer do; their subscribers lose access to it"),
});
export type DeletedApi = z.infer<typeof deletedApiSchema>;
