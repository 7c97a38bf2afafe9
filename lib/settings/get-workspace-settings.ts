// Reads the workspace settings (lint ruleset, governance, import policy), defaults filled in.
// Used by imports (ruleset, URL policy), publishing (governance) and GET /api/v1/settings.
import { db, type DbTransaction } from "@/lib/db";
import {
  defaultWorkspaceSettings,
  workspaceSettingsSchema,
  workspaceSettingsSections,
  type WorkspaceSettings,
  type WorkspaceSettingsSection,
} from "./workspace-settings-schema";

type SettingsReader = Pick<DbTransaction, "workspaceSetting">;

/** Pass a transaction client to read inside it; defaults to the shared client. */
export async function getWorkspaceSettings(client: SettingsReader = db()): Promise<WorkspaceSettings> {
  const rows = await client.workspaceSetting.findMany({ where: { key: { in: [...workspaceSettingsSections] } } });
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const read = <S extends WorkspaceSettingsSection>(section: S): WorkspaceSettings[S] => {
    const value = stored.get(section);
    const parsed = workspaceSettingsSchema.shape[section].safeParse({
      ...defaultWorkspaceSettings[section],
      ...(isObject(value) ? value : {}),
    });
    // A corrupt row must not break every import: that section falls back to its defaults.
    return (parsed.success ? parsed.data : defaultWorkspaceSettings[section]) as WorkspaceSettings[S];
  };
  return {
    lint: read("lint"),
    governance: read("governance"),
    import: read("import"),
    gatewayPolicy: read("gatewayPolicy"),
    security: read("security"),
    analytics: read("analytics"),
    portal: read("portal"),
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
