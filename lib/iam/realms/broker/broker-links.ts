// The login page's "Sign in with …" links: one per identity provider with sign-in enabled, each
// carrying the authorization request so the broker can continue it (broker-login.ts).
import { db } from "@/lib/db";
import type { ProtocolRealm } from "../oidc/realm-for-protocol";

export const brokerLoginPath = (realmName: string, alias: string) => `/realms/${realmName}/broker/${alias}/login`;

export async function brokerLinks(realm: ProtocolRealm, params: Record<string, string>): Promise<{ label: string; href: string }[]> {
  const providers = await db().realmIdentityProvider.findMany({
    where: { realmId: realm.id, signInEnabled: true },
    select: { alias: true, displayName: true },
    orderBy: { alias: "asc" },
  });
  const query = new URLSearchParams(params).toString();
  return providers.map((p) => ({ label: p.displayName ?? p.alias, href: `${brokerLoginPath(realm.name, p.alias)}?${query}` }));
}
