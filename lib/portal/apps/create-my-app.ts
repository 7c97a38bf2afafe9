// A developer registers an app: a confidential client_credentials client in the portal's realm,
// owned by them, with a generated client id and a 256-bit secret answered once (stored as its
// SHA-256, as every realm client's). It gets the realm's default client scopes like any client,
// and no roles: an admin grants those in the realm page.
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { sha256Hex } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { newSecret } from "@/lib/iam/realms/realm-clients";
import { assignClientScopes } from "@/lib/iam/realms/realm-client-scopes";
import { appInclude, getMyAppOrThrow, toAppResource } from "./get-my-app-or-throw";
import { getPortalRealmOrThrow, ownUserIdOf } from "./portal-realm";
import type { CreateAppInput, CreatedApp } from "./portal-app-schemas";

/** "app-<name as a slug>-<8 hex>": readable in the realm page and in logs, unique by its random tail. */
export function generatedClientId(name: string): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return `app-${slug ? `${slug}-` : ""}${randomBytes(4).toString("hex")}`;
}

export async function createMyApp(input: CreateAppInput, actor: Actor): Promise<CreatedApp> {
  const ownerId = ownUserIdOf(actor);
  const secret = newSecret();
  return db().$transaction(async (tx) => {
    const realm = await getPortalRealmOrThrow(tx);
    const created = await tx.realmClient.create({
      data: {
        realmId: realm.id,
        clientId: generatedClientId(input.name),
        type: "CONFIDENTIAL",
        tokenEndpointAuthMethod: "CLIENT_SECRET_BASIC",
        secretHash: sha256Hex(secret),
        redirectUris: [],
        scopes: [],
        audiences: [],
        ownerId,
        appName: input.name,
        appDescription: input.description,
      },
      include: appInclude(ownerId),
    });
    await assignClientScopes(tx, realm.id, created.id, {}, { isNew: true });
    const app = toAppResource(await getMyAppOrThrow(tx, ownerId, realm.id, created.id));
    await recordAuditEvent(tx, actor, { action: "portal.app_created", entityType: "realm_client", entityId: created.id, after: app });
    return { app, clientSecret: secret };
  });
}
