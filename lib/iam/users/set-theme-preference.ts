// Stores the caller's colour scheme on their user, so it follows them to another browser.
// Not audited: it changes nothing anyone else sees.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import type { Actor } from "@/lib/iam/actor";
import type { ThemePreference } from "./theme-preference-schemas";

const toDb = { light: "LIGHT", dark: "DARK", system: "SYSTEM" } as const;

export function themeFromDb(value: "LIGHT" | "DARK" | "SYSTEM"): ThemePreference {
  return value === "LIGHT" ? "light" : value === "DARK" ? "dark" : "system";
}

export async function setThemePreference(actor: Actor, theme: ThemePreference): Promise<ThemePreference> {
  // A management token without a user has nobody to remember the preference for.
  if (!actor.userId) throw new ApiError("bad_request", "Only a signed-in user has a theme preference");
  const user = await db().user.update({ where: { id: actor.userId }, data: { themePreference: toDb[theme] } });
  return themeFromDb(user.themePreference);
}
