// The workspace's analytics settings as the ingester applies them, re-read at most every
// few seconds: a privacy change (analytics.clientIp) reaches the next batches without a
// restart and without a settings query per batch.
import { getWorkspaceSettings } from "@/lib/settings/get-workspace-settings";
import type { WorkspaceSettings } from "@/lib/settings/workspace-settings-schema";

export type AnalyticsSettings = WorkspaceSettings["analytics"];

const TTL_MS = 5_000;
let cached: { settings: AnalyticsSettings; expiresAt: number } | undefined;

export async function currentAnalyticsSettings(now = Date.now()): Promise<AnalyticsSettings> {
  if (cached && cached.expiresAt > now) return cached.settings;
  const settings = (await getWorkspaceSettings()).analytics;
  cached = { settings, expiresAt: now + TTL_MS };
  return settings;
}

export function forgetAnalyticsSettings(): void {
  cached = undefined;
}
