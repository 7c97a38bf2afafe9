// The workspace's gateway rules (the widest scope), and the developer portal's origin, which
// the gateways always let call an API from a browser (try-it) without an admin's CORS rule.
import type { DbTransaction } from "@/lib/db";
import type { GatewayDefaults, ScopePolicy } from "@/lib/config-channel/contract";
import { env } from "@/lib/env";
import { getWorkspaceSettings } from "@/lib/settings/get-workspace-settings";

export async function buildGatewayDefaults(tx: DbTransaction): Promise<ScopePolicy> {
  return (await getWorkspaceSettings(tx)).gatewayPolicy;
}

/** Where the portal is served: the console's public URL (NEXTAUTH_URL), as a browser sends it in Origin. */
export function portalOrigin(): string {
  return new URL(env().NEXTAUTH_URL).origin;
}

/** How a snapshot and a defaults.replaced carry them: the rules set (none: no key) and the portal's origin. */
export function definedDefaults(defaults: ScopePolicy): GatewayDefaults | undefined {
  const carried: GatewayDefaults = { ...defaults, portalOrigin: portalOrigin() };
  return Object.keys(carried).length > 0 ? carried : undefined;
}
