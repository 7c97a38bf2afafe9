// The audit event resource and the filters it is listed by.
import { z } from "zod";
import { safeText, storableDatetime } from "@/lib/http/safe-text";
import { pageOf, pageQueryFields } from "@/lib/http/cursor-page";
import type { AuditEvent } from "@/generated/prisma/client";

const optionalText = (description: string) => safeText().trim().min(1).max(200).optional().describe(description);

export const listAuditEventsQuerySchema = z
  .object({
    actorId: optionalText("User id or token id ('bootstrap' for ADMIN_API_TOKEN, 'system' for the seed)"),
    entityType: optionalText("e.g. api, product, subscription, user, admin_api_token, workspace_settings"),
    entityId: optionalText("Id of the changed entity"),
    action: optionalText("e.g. api.created, user.updated, token.revoked"),
    from: storableDatetime().optional().describe("Only events at or after this instant (ISO 8601)"),
    to: storableDatetime().optional().describe("Only events before this instant (ISO 8601)"),
    ...pageQueryFields,
  })
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), {
    message: "from must be before to",
    path: ["from"],
  });
export type ListAuditEventsQuery = z.infer<typeof listAuditEventsQuerySchema>;

export const auditEventResourceSchema = z
  .object({
    id: z.string(),
    at: z.string().describe("When (ISO 8601)"),
    actor: z.object({
      type: z.string().describe("user or token"),
      id: z.string().nullable(),
      label: z.string().describe("Email of the user or the token's name"),
    }),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown().describe("The entity before the change (null for creations)"),
    after: z.unknown().describe("The entity after the change"),
  })
  .meta({ id: "AuditEvent" });
export type AuditEventResource = z.infer<typeof auditEventResourceSchema>;

export const auditEventPageSchema = pageOf(auditEventResourceSchema, "AuditEventPage", "Newest first");

export function toAuditEventResource(event: AuditEvent): AuditEventResource {
  return {
    id: event.id,
    at: event.at.toISOString(),
    actor: { type: event.actorType, id: event.actorId, label: event.actorLabel },
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before ?? null,
    after: event.after ?? null,
  };
}
