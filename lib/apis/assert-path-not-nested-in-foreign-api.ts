// The gateway routes by longest path prefix, so an API at "orders/admin" would take
// traffic (bodies, bearer tokens) away from the API at "orders". Only a platform admin
// may nest one API's path inside, or around, another API it does not own.
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { ApiError } from "@/lib/http/errors";

/** "a/b/c" -> ["a", "a/b"]: every shorter path this one is nested in. */
function ancestorsOf(path: string): string[] {
  const segments = path.split("/");
  return segments.slice(1).map((_, i) => segments.slice(0, i + 1).join("/"));
}

export async function assertPathNotNestedInForeignApi(tx: Prisma.TransactionClient, actor: Actor, path: string): Promise<void> {
  if (actor.role === "platform_admin") return;
  const foreign = await tx.api.findFirst({
    where: {
      AND: [
        { OR: [{ path: { in: ancestorsOf(path) } }, { path: { startsWith: `${path}/` } }] },
        // Spelled out: SQL's "ownerId <> me" would skip the admins' APIs (ownerId NULL).
        actor.userId ? { OR: [{ ownerId: null }, { ownerId: { not: actor.userId } }] } : {},
      ],
    },
    select: { name: true, path: true },
  });
  if (foreign) {
    throw new ApiError(
      "forbidden",
      `The path '/${path}' overlaps '/${foreign.path}' of API '${foreign.name}', which you do not own; ask a platform admin`,
    );
  }
}
