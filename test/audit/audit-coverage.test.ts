// Every domain service that writes to the database records an audit event: a static check
// over lib/, so a new service that forgets recordAuditEvent fails here.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const libRoot = fileURLToPath(new URL("../../lib", import.meta.url));
const prismaWrite = /\b(?:tx|db\(\))\s*\.\s*\w+\s*\.\s*(?:create|createMany|update|updateMany|upsert|delete|deleteMany)\s*\(/;

/** Writes that are not admin changes: bookkeeping of tokens and of the config channel itself. */
const notAuditable: Record<string, string> = {
  "iam/tokens/resolve-token-actor.ts": "touches lastUsedAt on each request",
  "config-channel/publish-gateway-config.ts": "GatewayConfigRevision is itself the log of published configs",
  "iam/login-throttle/record-successful-login.ts": "clears the failed-attempt count on sign-in (lockouts and unlocks are audited)",
  // A realm's OAuth traffic: each token request would otherwise be an audit event.
  "iam/realms/oidc/authorization-codes.ts": "issues and redeems one-time authorization codes",
  "iam/realms/oidc/refresh-tokens.ts": "rotates refresh tokens on use (a detected reuse revokes the family)",
  "iam/realms/oidc/revocation-endpoint.ts": "RFC 7009 revocation by the token's own client, not an admin change",
  // Factor storage: the services that call these audit enrolment, removal, reset and recovery-code use
  // (iam/mfa/own-factors.ts, reset-mfa.ts, console-second-step.ts, realms/oidc/realm-second-step.ts).
  "iam/mfa/totp.ts": "stores a pending factor, burns each used time step, marks a factor confirmed (the caller audits the enrolment)",
  "iam/mfa/webauthn.ts": "stores a registered passkey (the caller audits it) and its signature counter on each use",
  "iam/mfa/recovery-codes.ts": "replaces and consumes hashed recovery codes (the callers audit both)",
  "iam/realms/realm-client-scope-builtins.ts": "seeds a new realm's built-in client scopes inside its creation (audited in realms.ts)",
  "iam/users/set-theme-preference.ts": "a user's own colour scheme, which changes nothing anyone else sees",
  "iam/realms/run-scheduled-key-rotations.ts": "deletes expired codes, refresh families and revoked jtis (each rotation is audited in signing-keys.ts)",
};

describe("audit coverage", () => {
  it("every lib/ file that writes with Prisma calls recordAuditEvent", () => {
    const files = readdirSync(libRoot, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    const writers = files.filter((f) => prismaWrite.test(readFileSync(join(libRoot, f), "utf8")));
    expect(writers.length).toBeGreaterThan(10);
    const missing = writers.filter((f) => !(f in notAuditable) && !readFileSync(join(libRoot, f), "utf8").includes("recordAuditEvent("));
    expect(missing).toEqual([]);
  });
});
