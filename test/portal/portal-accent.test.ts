// The portal's accent, made from any colour an admin picks: readable (WCAG 4.5:1) on the
// surfaces of both themes and on its own soft background, and the admin's colour itself kept
// when it already is.
import { colord, extend } from "colord";
import a11yPlugin from "colord/plugins/a11y";
import { describe, expect, it } from "vitest";
import { portalAccentStyle } from "@/components/portal/portal-brand";

extend([a11yPlugin]);

const surfaces = { light: "#f0f2f7", dark: "#1f2536" };
const themes = (value: string) => /^light-dark\((#[0-9a-f]{6}), (#[0-9a-f]{6})\)$/.exec(value)!.slice(1);

describe("portalAccentStyle", () => {
  it.each(["#ffff00", "#f0f0f0", "#000080", "#e11d48", "#4f46e5", "#00ff7f", "#000000", "#ffffff"])(
    "makes %s readable in both themes",
    (primaryColor) => {
      const style = portalAccentStyle({ name: "Portal", logoUrl: null, primaryColor }) as Record<string, string>;
      const [light, dark] = themes(style["--color-accent"]);
      const [softLight, softDark] = themes(style["--color-accent-soft"]);
      expect(style["--portal-accent"]).toBe(primaryColor);
      expect(colord(light).contrast(surfaces.light)).toBeGreaterThanOrEqual(4.5);
      expect(colord(light).contrast(softLight)).toBeGreaterThanOrEqual(4.5);
      expect(colord(dark).contrast(surfaces.dark)).toBeGreaterThanOrEqual(4.5);
      expect(colord(dark).contrast(softDark)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it("keeps an admin's colour that is readable already", () => {
    const style = portalAccentStyle({ name: "Portal", logoUrl: null, primaryColor: "#1d3fa8" }) as Record<string, string>;
    expect(themes(style["--color-accent"])[0]).toBe("#1d3fa8");
  });
});
