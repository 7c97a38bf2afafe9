// The portal's name and logo in its header, and its accent colour as CSS custom properties
// (portal.name, portal.logoUrl, portal.primaryColor from the workspace settings).
import type { CSSProperties } from "react";
import type { WorkspaceSettings } from "@/lib/settings/workspace-settings-schema";
import { Logo } from "@/components/logo";

type Portal = Pick<WorkspaceSettings["portal"], "name" | "logoUrl" | "primaryColor">;

export function PortalBrand({ portal }: { portal: Portal }) {
  if (!portal.logoUrl) return <Logo subtitle={portal.name} />;
  return (
    <span className="logo">
      {/* eslint-disable-next-line @next/next/no-img-element -- an admin's URL of any size; next/image would need its host configured */}
      <img src={portal.logoUrl} alt="" className="portal-logo-image" height={32} style={{ height: 32, width: "auto" }} />
      <span className="logo-text">{portal.name}</span>
    </span>
  );
}

type Rgb = readonly [number, number, number];

const rgbOf = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as unknown as Rgb;
const hexOf = (rgb: Rgb) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => a[i] + (b[i] - a[i]) * t) as unknown as Rgb;

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: Rgb, b: Rgb) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

/**
 * The admin's colour moved towards `towards` (black on light pages, white on dark ones) just
 * enough to reach 4.5:1 against `surface`, so links and buttons stay readable whatever colour
 * was chosen (axe checks both themes).
 */
function readable(color: string, surface: string, towards: string): string {
  const base = rgbOf(color);
  const against = rgbOf(surface);
  const target = rgbOf(towards);
  for (let t = 0; t <= 1; t += 0.05) {
    const candidate = mix(base, target, t);
    if (contrast(candidate, against) >= 4.5) return hexOf(candidate);
  }
  return towards;
}

// The surface of app/globals.css closest to the accent in each theme (--color-surface-muted):
// readable there, it is readable on every other surface of that theme too.
const LIGHT_SURFACE = "#f0f2f7";
const DARK_SURFACE = "#1f2536";

/**
 * The accent on every portal page; the console's own accent stays as it is. Each theme gets
 * the admin's colour made readable (4.5:1) on its surfaces and on its own soft background
 * (the current page's tab), so links, and the text on primary buttons, keep their contrast.
 */
export function portalAccentStyle(portal: Portal): CSSProperties {
  const c = portal.primaryColor;
  const softLight = hexOf(mix(rgbOf(c), rgbOf("#ffffff"), 0.88));
  const softDark = hexOf(mix(rgbOf(c), rgbOf("#0f1320"), 0.75));
  // Darkening (light theme) or lightening (dark theme) further never loses contrast already won.
  const light = readable(readable(c, LIGHT_SURFACE, "#000000"), softLight, "#000000");
  const dark = readable(readable(c, DARK_SURFACE, "#ffffff"), softDark, "#ffffff");
  return {
    "--portal-accent": c,
    "--color-accent": `light-dark(${light}, ${dark})`,
    "--color-accent-hover": `light-dark(${hexOf(mix(rgbOf(light), [0, 0, 0], 0.2))}, ${hexOf(mix(rgbOf(dark), [255, 255, 255], 0.2))})`,
    "--color-accent-soft": `light-dark(${softLight}, ${softDark})`,
  } as CSSProperties;
}
