// The portal's name and logo in its header, and its accent colour as CSS custom properties
// (portal.name, portal.logoUrl, portal.primaryColor from the workspace settings).
import { colord, extend } from "colord";
import a11yPlugin from "colord/plugins/a11y";
import mixPlugin from "colord/plugins/mix";
import type { CSSProperties } from "react";
import type { WorkspaceSettings } from "@/lib/settings/workspace-settings-schema";
import { Logo } from "@/components/logo";

extend([a11yPlugin, mixPlugin]);

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

/**
 * The admin's colour moved towards `towards` (black on light pages, white on dark ones) just
 * enough to reach WCAG's 4.5:1 against `surface`, so links and buttons stay readable whatever
 * colour was chosen (axe checks both themes).
 */
function readable(color: string, surface: string, towards: string): string {
  for (let t = 0; t <= 1; t += 0.05) {
    const candidate = colord(color).mix(towards, t);
    if (candidate.isReadable(surface)) return candidate.toHex();
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
  const softLight = colord(c).mix("#ffffff", 0.88).toHex();
  const softDark = colord(c).mix("#0f1320", 0.75).toHex();
  // Darkening (light theme) or lightening (dark theme) further never loses contrast already won.
  const light = readable(readable(c, LIGHT_SURFACE, "#000000"), softLight, "#000000");
  const dark = readable(readable(c, DARK_SURFACE, "#ffffff"), softDark, "#ffffff");
  return {
    "--portal-accent": c,
    "--color-accent": `light-dark(${light}, ${dark})`,
    "--color-accent-hover": `light-dark(${colord(light).mix("#000000", 0.2).toHex()}, ${colord(dark).mix("#ffffff", 0.2).toHex()})`,
    "--color-accent-soft": `light-dark(${softLight}, ${softDark})`,
  } as CSSProperties;
}
