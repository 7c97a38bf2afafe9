// The caller's apps in the portal's realm, newest first, in pages (lib/http/cursor-page.ts).
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/iam/actor";
import { db } from "@/lib/db";
import { cursorPage, type Page } from "@/lib/http/cursor-page";
import { appInclude, toAppResource } from "./get-my-app-or-throw";
import { getPortalRealm } from "./portal-realm";
import type { AppResource, ListAppsQuery } from "./portal-app-schemas";

/** Reading is never refused: the bootstrap token (no user) owns no apps, and without a portal realm there are none to list. */
export async function listMyApps(query: ListAppsQuery, actor: Actor): Promise<Page<AppResource>> {
  const realm = await getPortalRealm();
  if (!actor.userId || !realm) return { items: [], nextCursor: null };
  const ownerId = actor.userId;
  const page = cursorPage<Prisma.RealmClientWhereInput, Prisma.RealmClientOrderByWithRelationInput>(query, [
    { field: "createdAt", direction: "desc", type: "date" },
  ]);
  const rows = await db().realmClient.findMany({
    where: { AND: [{ ownerId, realmId: realm.id }, page.where] },
    include: appInclude(ownerId),
    orderBy: page.orderBy,
    take: page.take,
  });
  return page.answer(rows, toAppResource);
}
