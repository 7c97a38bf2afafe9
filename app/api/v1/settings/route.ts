import { NextResponse } from "next/server";
import { readJson, withAuth } from "@/lib/http/with-auth";
import { getWorkspaceSettings } from "@/lib/settings/get-workspace-settings";
import { updateWorkspaceSettings } from "@/lib/settings/update-workspace-settings";
import { workspaceSettingsPatchSchema } from "@/lib/settings/workspace-settings-schema";

// GET /api/v1/settings - workspace settings (lint ruleset, governance, import policy)
export const GET = withAuth(async () => NextResponse.json(await getWorkspaceSettings()), { route: "GET /settings" });

// PATCH /api/v1/settings - change any subset of the settings (platform admins)
export const PATCH = withAuth(
  async ({ request, actor }) => {
    const patch = workspaceSettingsPatchSchema.parse(await readJson(request));
    return NextResponse.json(await updateWorkspaceSettings(patch, actor));
  },
  { route: "PATCH /settings" },
);
