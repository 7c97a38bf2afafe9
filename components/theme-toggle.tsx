"use client";
// Light / dark / system. Applies at once (html data-theme + cookie, which the root layout renders
// from), then stores it on the user via PATCH /me so another browser follows.
import { useEffect, useId, useState } from "react";
import { apiFetch, jsonBody } from "@/lib/client/api-client";
import {
  parseThemePreference,
  themeCookieMaxAgeSeconds,
  themeCookieName,
  themePreferences,
  type ThemePreference,
} from "@/lib/client/theme-preference";

const labels: Record<ThemePreference, string> = { light: "Light", dark: "Dark", system: "System" };

function readCookie(): ThemePreference {
  const match = document.cookie.split("; ").find((part) => part.startsWith(`${themeCookieName}=`));
  return parseThemePreference(match?.slice(themeCookieName.length + 1));
}

function apply(theme: ThemePreference) {
  if (theme === "system") delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  document.cookie = `${themeCookieName}=${theme}; path=/; max-age=${themeCookieMaxAgeSeconds}; samesite=lax`;
}

export function ThemeToggle({ stored, className }: { stored: ThemePreference; className?: string }) {
  const id = useId();
  const [theme, setTheme] = useState(stored);
  const [failed, setFailed] = useState(false);

  // A browser that has not seen this user's choice yet (no or another cookie) catches up once.
  useEffect(() => {
    if (readCookie() !== stored) apply(stored);
  }, [stored]);

  async function choose(next: ThemePreference) {
    const previous = theme;
    setTheme(next);
    setFailed(false);
    apply(next);
    try {
      await apiFetch("/api/v1/me", jsonBody("PATCH", { theme: next }));
    } catch {
      setTheme(previous);
      apply(previous);
      setFailed(true);
    }
  }

  return (
    <div className={["theme-toggle", className ?? ""].join(" ").trim()}>
      <label htmlFor={id} className="theme-toggle-label">
        Theme
      </label>
      <select id={id} className="theme-toggle-select" value={theme} onChange={(e) => void choose(e.target.value as ThemePreference)}>
        {themePreferences.map((value) => (
          <option key={value} value={value}>
            {labels[value]}
          </option>
        ))}
      </select>
      {failed && (
        <span role="alert" className="theme-toggle-error">
          Not saved; try again.
        </span>
      )}
    </div>
  );
}
