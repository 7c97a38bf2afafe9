// The workspace settings: one WorkspaceSetting row per section ("lint", "governance",
// "import", "gatewayPolicy", "security", "analytics", "portal"), each validated here so a hand-edited or older row falls back to defaults.
import { z } from "zod";
import { scopePolicySchema } from "@portcullis/gateway/contract";
import { userRoles } from "@/lib/iam/roles";

export const lintRulesetNames = ["recommended", "minimal", "spec", "custom"] as const;
export type LintRulesetName = (typeof lintRulesetNames)[number];

export const lintSettingsSchema = z.object({
  ruleset: z.enum(lintRulesetNames).default("recommended").describe("Redocly ruleset every import is linted with"),
  customConfig: z
    .string()
    .max(100_000)
    .nullable()
    .default(null)
    .describe("Redocly config YAML (used when ruleset is 'custom'), e.g. `extends: [minimal]\\nrules: {operation-summary: error}`"),
});

export const governanceSettingsSchema = z.object({
  requireLintCleanToPublish: z
    .boolean()
    .default(false)
    .describe("When true, an API whose current revision has lint errors cannot be published"),
});

export const importSettingsSchema = z.object({
  allowPrivateUrls: z
    .boolean()
    .default(false)
    .describe("Allow spec URLs that resolve to private, loopback, link-local or multicast addresses"),
  maxSpecBytes: z
    .number()
    .int()
    .min(1024)
    .max(200 * 1024 * 1024)
    .default(50 * 1024 * 1024)
    .describe("Largest spec accepted, in bytes (pasted, uploaded or fetched)"),
  fetchTimeoutMs: z.number().int().min(1000).max(120_000).default(15_000).describe("Timeout for fetching a spec URL"),
});

/**
 * Gateway rules and limits for every API, the widest scope: a product, API or
 * operation that sets the same rule wins (limits stack; see the contract's
 * effective-policy.ts). Shipped to the gateways as the snapshot's `defaults`.
 */
export const gatewayPolicySettingsSchema = scopePolicySchema;

/** Console sign-in policy (realm users follow their realm's `mfaRequired`). */
export const securitySettingsSchema = z.object({
  mfaRequiredRoles: z
    .array(z.enum(userRoles))
    .default([])
    .describe("Console roles that must sign in with a second factor (TOTP or passkey); a user without one enrols at the next sign-in"),
});

/** What the analytics ingester (lib/analytics/ingest/) keeps of each request. */
export const analyticsClientIpModes = ["full", "truncated", "hashed", "none"] as const;
export const analyticsSettingsSchema = z.object({
  clientIp: z
    .enum(analyticsClientIpModes)
    .default("truncated")
    .describe("How request records keep the caller's address: full, truncated (IPv4 /24, IPv6 /48), hashed (keyed HMAC prefix) or none"),
  rawRetentionDays: z
    .number()
    .int()
    .min(1)
    .max(400)
    .default(30)
    .describe("Days raw request records are kept (whole days are dropped); rollups keep their own retention (minute 8 days, hour 400 days, day 5 years)"),
});

/** Who may create a developer account in the portal. */
export const portalSignUpModes = ["open", "approval", "invitation"] as const;
/** What a visitor who is not signed in sees of the catalogue. */
export const portalAnonymousAccessModes = ["none", "published", "selected"] as const;

/** The developer portal's look, words and doors (set in the console's Settings, read by every portal page). */
export const portalSettingsSchema = z.object({
  name: z.string().trim().min(1).max(100).default("Portcullis developer portal").describe("Shown in the portal's header and page titles"),
  logoUrl: z
    .string()
    .max(2000)
    .regex(/^(https:\/\/|\/)[^\s"'<>]*$/, "an https:// URL or a path on this site")
    .nullable()
    .default(null)
    .describe("The portal's logo (https URL or a site path); null: the Portcullis mark"),
  primaryColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, "a colour as #rrggbb")
    .default("#4f46e5")
    .describe("Accent colour of buttons and links in the portal"),
  homeMarkdown: z
    .string()
    .max(50_000)
    .default("## Welcome\n\nBrowse our APIs, subscribe to a product and call it with your own key.")
    .describe("The portal home page's text, Markdown (rendered sanitised: no HTML, no scripts)"),
  anonymousAccess: z
    .enum(portalAnonymousAccessModes)
    .default("published")
    .describe("What visitors who are not signed in see: nothing, every published product and its APIs, or only publicProductIds"),
  publicProductIds: z.array(z.string().min(1).max(100)).max(500).default([]).describe("With anonymousAccess 'selected': the products visitors see"),
  signUpMode: z
    .enum(portalSignUpModes)
    .default("open")
    .describe("open: anyone signs up; approval: new accounts wait for an admin; invitation: only invited emails may sign up"),
  realm: z
    .string()
    .max(100)
    .nullable()
    .default(null)
    .describe("The realm whose clients are developers' apps and whose sign-in the portal offers; null: neither"),
});

export const workspaceSettingsSchema = z.object({
  lint: lintSettingsSchema,
  governance: governanceSettingsSchema,
  import: importSettingsSchema,
  gatewayPolicy: gatewayPolicySettingsSchema,
  security: securitySettingsSchema,
  analytics: analyticsSettingsSchema,
  portal: portalSettingsSchema,
});

export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

/** GET/PATCH /settings answer the settings with every default filled in. */
export const workspaceSettingsResourceSchema = workspaceSettingsSchema.meta({ id: "WorkspaceSettings" });
export type WorkspaceSettingsSection = keyof WorkspaceSettings;
export const workspaceSettingsSections = ["lint", "governance", "import", "gatewayPolicy", "security", "analytics", "portal"] as const satisfies readonly WorkspaceSettingsSection[];

/**
 * A section's fields, each optional and WITHOUT its default: zod's `.partial()` keeps
 * `.default()`s, so a patch of one field would silently reset its neighbours.
 */
function patchOf<Shape extends z.ZodRawShape>(section: z.ZodObject<Shape>) {
  const fields = Object.entries(section.shape).map(([name, value]) => {
    const field = value as z.ZodType;
    const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field;
    const optional = inner.optional();
    return [name, field.description ? optional.describe(field.description) : optional];
  });
  return z.object(Object.fromEntries(fields) as { [K in keyof Shape]: z.ZodOptional<z.ZodType<z.output<Shape[K]>>> }).strict();
}

/** PATCH body: any subset of any section; fields left out keep their stored value. */
export const workspaceSettingsPatchSchema = z
  .object({
    lint: patchOf(lintSettingsSchema).optional(),
    governance: patchOf(governanceSettingsSchema).optional(),
    import: patchOf(importSettingsSchema).optional(),
    gatewayPolicy: patchOf(gatewayPolicySettingsSchema)
      .optional()
      .describe("Workspace-wide gateway rules and limits (the fields of PATCH /apis/{id}); each key absent: kept, null: none"),
    security: patchOf(securitySettingsSchema).optional(),
    analytics: patchOf(analyticsSettingsSchema).optional(),
    portal: patchOf(portalSettingsSchema).optional(),
  })
  .strict();

export type WorkspaceSettingsPatch = z.infer<typeof workspaceSettingsPatchSchema>;

export const defaultWorkspaceSettings: WorkspaceSettings = workspaceSettingsSchema.parse({ lint: {}, governance: {}, import: {}, gatewayPolicy: {}, security: {}, analytics: {}, portal: {} });
