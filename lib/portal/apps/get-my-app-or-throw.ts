// One of the caller's apps in the portal's realm. Anyone else's id (or one in another realm)
// answers 404, never 403: an app id is not confirmed to exist to someone it does not belong to.
import type { Actor } from "@/lib/iam/actor";
import { db, type DbTransaction } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { getPortalRealmOrThrow, ownUserIdOf } from "./portal-realm";
import type { AppResource } from "./portal-app-schemas";

export const appInclude = (ownerId: string) =>
  ({
    realm: { select: { name: true } },
    serviceRoles: { select: { name: true }, orderBy: { name: "asc" } },
    boundSubscriptions: { where: { userId: ownerId }, select: { id: true, name: true }, orderBy: { createdAt: "asc" } },
  }) as const;

type AppRow = NonNullable<Awaited<ReturnType<typeof findMyApp>>>;

function findMyApp(tx: Pick<DbTransaction, "realmClient">, ownerId: string, realmId: string, appId: string) {
  return tx.realmClient.findFirst({ where: { id: appId, ownerId, realmId }, include: appInclude(ownerId) });
}

export async function getMyAppOrThrow(tx: Pick<DbTransaction, "realmClient">, ownerId: string, realmId: string, appId: string): Promise<AppRow> {
  const app = await findMyApp(tx, ownerId, realmId, appId);
  if (!app) throw notFound("App", appId);
  return app;
}

export function toAppResource(app: AppRow): AppResource {
  return {
    id: app.id,
    name: app.appName ?? app.clientId,
    description: app.appDescription ?? "",
    clientId: app.clientId,
    realm: app.realm.name,
    enabled: app.enabled,
    roles: app.serviceRoles.map((r) => r.name),
    boundSubscriptions: app.boundSubscriptions,
    createdAt: app.createdAt.toISOString(),
  };
}

/** GET /me/apps/{appId}: the caller's app in the portal's realm. */
export async function getMyApp(appId: string, actor: Actor): Promise<AppResource> {
  const ownerId = ownUserIdOf(actor);
  const realm = await getPortalRealmOrThrow();
  return toAppResource(await getMyAppOrThrow(db(), ownerId, realm.id, appId));
}
