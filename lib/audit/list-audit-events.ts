// Audit events newest first, filtered, in pages (lib/http/cursor-page.ts): the cursor holds
// the (at, id) of the last event of the previous page, so events recorded meanwhile never
// shift or repeat a page.
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { cursorPage } from "@/lib/http/cursor-page";
import { toAuditEventResource, type ListAuditEventsQuery } from "./audit-event-schemas";

export async function listAuditEvents(query: ListAuditEventsQuery) {
  const where: Prisma.AuditEventWhereInput = {
    actorId: query.actorId,
    entityType: query.entityType,
    entityId: query.entityId,
    action: query.action,
    at: query.from || query.to ? { gte: query.from ? new Date(query.from) : undefined, lt: query.to ? new Date(query.to) : undefined } : undefined,
  };
  const page = cursorPage<Prisma.AuditEventWhereInput, Prisma.AuditEventOrderByWithRelationInput>(query, [
    { field: "at", direction: "desc", type: "date" },
  ]);
  const rows = await db().auditEvent.findMany({ where: { AND: [where, page.where] }, orderBy: page.orderBy, take: page.take });
  return page.answer(rows, toAuditEventResource);
}
