// The realm whose clients are developers' apps: the workspace setting portal.realm. Null, or a
// realm deleted since, means the workspace has not enabled apps.
import type { Actor } from "@/lib/iam/actor";
import { db, type DbTransaction } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { getWorkspaceSettings } from "@/lib/settings/get-workspace-settings";

export const APPS_DISABLED_MESSAGE =
  "This workspace has not enabled apps: a platform admin must name the portal's realm (console Settings, portal.realm) first";

type Reader = Pick<DbTransaction, "realm" | "workspaceSetting">;

export async function getPortalRealm(tx: Reader = db()) {
  const { portal } = await getWorkspaceSettings(tx);
  if (!portal.realm) return null;
  return tx.realm.findUnique({ where: { name: portal.realm }, select: { id: true, name: true, enabled: true } });
}

export async function getPortalRealmOrThrow(tx: Reader = db()) {
  const realm = await getPortalRealm(tx);
  if (!realm) throw new ApiError("conflict", APPS_DISABLED_MESSAGE);
  return realm;
}

/** Apps belong to a user: a session, or an API token a user created (it acts for them). */
export function ownUserIdOf(actor: Actor): string {
  if (!actor.userId) throw new ApiError("forbidden", "Apps belong to a user: call with a user's session or an API token a user created");
  return actor.userId;
}
