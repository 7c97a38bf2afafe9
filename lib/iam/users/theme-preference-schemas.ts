// A user's colour scheme: one schema for PATCH /me, GET /me and the OpenAPI document.
import { z } from "zod";
import { themePreferences } from "@/lib/client/theme-preference";

export { parseThemePreference, themeCookieMaxAgeSeconds, themeCookieName, themePreferences, type ThemePreference } from "@/lib/client/theme-preference";

export const themePreferenceSchema = z
  .enum(themePreferences)
  .describe("light or dark, or system to follow the browser's prefers-color-scheme");

export const updateMeInputSchema = z.object({ theme: themePreferenceSchema }).meta({ id: "UpdateMe" });
export type UpdateMeInput = z.infer<typeof updateMeInputSchema>;
