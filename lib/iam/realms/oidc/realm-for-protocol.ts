// The realm a protocol request names: unknown and disabled realms look the same (404), as in Keycloak.
import { db } from "@/lib/db";
import { OAuthError } from "./oauth-response";

export async function enabledRealm(name: string) {
  const realm = await db().realm.findUnique({ where: { name } });
  if (!realm || !realm.enabled) throw new OAuthError("not_found", `Realm '${name.slice(0, 64)}' does not exist`, 404);
  return realm;
}

export type ProtocolRealm = Awaited<ReturnType<typeof enabledRealm>>;
