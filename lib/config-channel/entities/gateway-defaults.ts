// The workspace's gateway rules (the widest scope); absent when it sets none.
import type { DbTransaction } from "@/lib/db";
import type { ScopePolicy } from "@/lib/config-channel/contract";
import { getWorkspaceSettings } from "@/lib/settings/get-workspace-settings";

export async function buildGatewayDefaults(tx: DbTransaction): Promise<ScopePolicy> {
  return (await getWorkspaceSettings(tx)).gatewayPolicy;
}

/** How a snapshot and a defaults.replaced carry them: no key when empty. */
export function definedDefaults(defaults: ScopePolicy): ScopePolicy | undefined {
  return Object.keys(defaults).length > 0 ? defaults : undefined;
}
