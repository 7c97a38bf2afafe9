// The MFA resources of the management API: one's own factors (/me/mfa) and an admin's reset.
import { z } from "zod";
import { safeText } from "@/lib/http/safe-text";

export const mfaFactorSchema = z
  .object({
    id: z.string(),
    type: z.enum(["totp", "passkey"]),
    label: z.string(),
    transports: z.array(z.string()).describe("Passkeys: how the browser reaches the authenticator (internal, usb, hybrid, ...)"),
    createdAt: z.string().describe("ISO 8601"),
    lastUsedAt: z.string().nullable().describe("ISO 8601"),
  })
  .meta({ id: "MfaFactor" });
export type MfaFactorResource = z.infer<typeof mfaFactorSchema>;

export const mfaStatusSchema = z
  .object({
    factors: z.array(mfaFactorSchema).max(10).describe("Confirmed factors, oldest first (at most 10 per person, so not paged)"),
    recoveryCodesRemaining: z.number().int(),
    required: z.boolean().describe("Whether the workspace requires a second factor for the caller's role"),
  })
  .meta({ id: "MfaStatus" });

export const totpEnrolmentSchema = z
  .object({
    factorId: z.string().describe("Confirm it with POST /me/mfa/totp/{factorId}/confirm"),
    secret: z.string().describe("Base32, for typing into an app by hand"),
    otpauthUri: z.string().describe("otpauth://totp/... (RFC 6238 parameters: SHA1, 6 digits, 30 s)"),
    qrDataUrl: z.string().describe("The URI as a PNG QR code (data: URL)"),
  })
  .meta({ id: "TotpEnrolment" });

export const totpCodeSchema = z.string().trim().regex(/^\d{6}$/, "six digits").describe("The current code of the authenticator app");

export const confirmTotpInputSchema = z.object({ code: totpCodeSchema }).strict();

export const recoveryCodesSchema = z
  .object({ recoveryCodes: z.array(z.string()).describe("Shown once; each works once; a new set replaces the old") })
  .meta({ id: "RecoveryCodes" });

export const confirmedFactorSchema = z
  .object({
    factor: mfaFactorSchema,
    recoveryCodes: z.array(z.string()).nullable().describe("A first set when this is the first factor; null otherwise"),
  })
  .meta({ id: "ConfirmedMfaFactor" });

/** The browser's PublicKeyCredential as JSON (@simplewebauthn/browser's startRegistration result). */
export const registerPasskeyInputSchema = z
  .object({
    response: z
      .object({ id: z.string(), rawId: z.string(), type: z.literal("public-key"), response: z.looseObject({}) })
      .loose()
      .describe("RegistrationResponseJSON"),
    label: safeText().trim().min(1).max(100).optional().describe("Shown in the list (default 'Passkey')"),
  })
  .strict();

export const passkeyOptionsSchema = z.looseObject({ challenge: z.string() }).describe("PublicKeyCredentialCreationOptionsJSON").meta({ id: "PasskeyOptions" });

export const mfaResetSchema = z
  .object({ removedFactors: z.number().int(), removedRecoveryCodes: z.number().int() })
  .meta({ id: "MfaReset" });

/** The pending-MFA token of a sign-in, for the sign-in page's own helpers (/api/auth/mfa/...). */
export const pendingStepInputSchema = z.object({ mfaToken: z.string().min(1).max(4000) }).strict();
