// OpenAPI entries for workspace-wide routes: settings and this document itself.
import { z } from "zod";
import { workspaceSettingsPatchSchema, workspaceSettingsResourceSchema } from "@/lib/settings/workspace-settings-schema";
import { routeDocs } from "../route-doc";

export const workspaceRoutes = routeDocs([
  {
    method: "get",
    path: "/settings",
    operationId: "getSettings",
    summary: "Workspace settings: lint ruleset, governance, import policy",
    tag: "Settings",
    response: { status: 200, description: "The settings", schema: workspaceSettingsResourceSchema },
  },
  {
    method: "patch",
    path: "/settings",
    operationId: "updateSettings",
    summary: "Change any subset of the settings",
    tag: "Settings",
    body: workspaceSettingsPatchSchema,
    response: { status: 200, description: "The settings", schema: workspaceSettingsResourceSchema },
    errors: [422],
  },
  {
    method: "get",
    path: "/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document (OpenAPI 3.1)",
    tag: "Meta",
    response: { status: 200, description: "The OpenAPI document", schema: z.looseObject({ openapi: z.string() }) },
  },
]);
