// OpenAPI entries for workspace-wide routes: settings and this document itself.
import { z } from "zod";
import { ADMINS, CONSOLE_ROLES } from "@/lib/http/with-auth";
import { workspaceSettingsPatchSchema, workspaceSettingsSchema } from "@/lib/settings/workspace-settings-schema";
import { routeDocs } from "../route-doc";

const settingsSchema = workspaceSettingsSchema.meta({ id: "WorkspaceSettings" });

export const workspaceRoutes = routeDocs([
  {
    method: "get",
    path: "/settings",
    operationId: "getSettings",
    summary: "Workspace settings: lint ruleset, governance, import policy",
    tag: "Settings",
    roles: CONSOLE_ROLES,
    response: { status: 200, description: "The settings", schema: settingsSchema },
  },
  {
    method: "patch",
    path: "/settings",
    operationId: "updateSettings",
    summary: "Change any subset of the settings",
    tag: "Settings",
    roles: ADMINS,
    body: workspaceSettingsPatchSchema,
    response: { status: 200, description: "The settings", schema: settingsSchema },
    errors: [422],
  },
  {
    method: "get",
    path: "/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document (OpenAPI 3.1)",
    tag: "Meta",
    roles: "public",
    response: { status: 200, description: "The OpenAPI document", schema: z.looseObject({ openapi: z.string() }) },
  },
]);
