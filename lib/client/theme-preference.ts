// The colour-scheme values and the cookie the root layout renders them from; shared by the browser
// (components/theme-toggle.tsx) and the server (lib/iam/users/theme-preference-schemas.ts).
export const themePreferences = ["light", "dark", "system"] as const;
export type ThemePreference = (typeof themePreferences)[number];

/**
 * The root layout reads this cookie to render <html data-theme> before the first paint (no flash,
 * no inline script under the nonce CSP); the user's stored preference is the source it follows.
 */
export const themeCookieName = "portcullis-theme";
export const themeCookieMaxAgeSeconds = 60 * 60 * 24 * 365;

export function parseThemePreference(value: string | undefined): ThemePreference {
  return themePreferences.includes(value as ThemePreference) ? (value as ThemePreference) : "system";
}
