// Every admin change leaves an audit event: who, when, what, before and after.
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/iam/actor";

type AuditInput = {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};

type AuditWriter = { auditEvent: { create: (args: { data: Prisma.AuditEventCreateInput }) => Promise<unknown> } };

/** JSON-safe copy (BigInt, Date) for the audit columns; secrets must already be stripped. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

export async function recordAuditEvent(tx: AuditWriter, actor: Actor, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorType: actor.type,
      actorId: actor.id,
      actorLabel: actor.label,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      before: toJson(input.before),
      after: toJson(input.after),
    },
  });
}
