// Audit events newest first, filtered, in pages. The cursor is the id of
// the last event of the previous page; Prisma resumes after it in (at, id) order, so
// events recorded meanwhile never shift or repeat a page.
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { toAuditEventResource, type ListAuditEventsQuery } from "./audit-event-schemas";

export async function listAuditEvents(query: ListAuditEventsQuery) {
  const where: Prisma.AuditEventWhereInput = {
    actorId: query.actorId,
    entityType: query.entityType,
    entityId: query.entityId,
    action: query.action,
    at: query.from || query.to ? { gte: query.from ? new Date(query.from) : undefined, lt: query.to ? new Date(query.to) : undefined } : undefined,
  };
  if (query.cursor && !(await db().auditEvent.findUnique({ where: { id: query.cursor }, select: { id: true } }))) {
    throw new ApiError("bad_request", "Unknown cursor: pass the nextCursor of a previous page");
  }
  const rows = await db().auditEvent.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toAuditEventResource),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
