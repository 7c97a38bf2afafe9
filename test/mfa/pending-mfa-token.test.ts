// The pending-MFA token between password and second factor: bound to its user and to where it
// was issued (the console or one realm), unforgeable, and spent once.
import { describe, expect, it } from "vitest";
import { consoleOwner, realmOwner } from "@/lib/iam/mfa/mfa-owner";
import { readPendingMfaToken, signPendingMfaToken, spendPendingMfaToken } from "@/lib/iam/mfa/pending-mfa-token";

describe("pending-MFA token", () => {
  it("reads back its user and purpose where it was issued, and nowhere else", async () => {
    const token = await signPendingMfaToken(consoleOwner("u1"), "console", "verify");
    expect(await readPendingMfaToken(token, "console")).toMatchObject({ owner: { kind: "user", userId: "u1" }, purpose: "verify" });
    expect(await readPendingMfaToken(token, "realm:r1")).toBeNull();
    const realmToken = await signPendingMfaToken(realmOwner("ru1"), "realm:r1", "enrol");
    expect(await readPendingMfaToken(realmToken, "realm:r1")).toMatchObject({ owner: { kind: "realm-user", realmUserId: "ru1" }, purpose: "enrol" });
    expect(await readPendingMfaToken(realmToken, "realm:r2")).toBeNull();
    expect(await readPendingMfaToken(realmToken, "console")).toBeNull();
  });

  it.each([
    ["a changed payload", (t: string) => { const [h, , s] = t.split("."); return `${h}.${Buffer.from(JSON.stringify({ sub: "user:admin", purpose: "verify", aud: "console", iss: "portcullis:mfa", jti: "x", exp: 4e9 })).toString("base64url")}.${s}`; }],
    ["no signature", (t: string) => `${t.split(".").slice(0, 2).join(".")}.`],
    ["alg none", (t: string) => `${Buffer.from('{"alg":"none","typ":"pending-mfa+jwt"}').toString("base64url")}.${t.split(".")[1]}.`],
    ["garbage", () => "not-a-token"],
  ])("refuses %s", async (_name, tamper) => {
    const token = await signPendingMfaToken(consoleOwner("u2"), "console", "verify");
    expect(await readPendingMfaToken(tamper(token), "console")).toBeNull();
  });

  it("is spent once", async () => {
    const token = await signPendingMfaToken(consoleOwner("u3"), "console", "verify");
    const pending = (await readPendingMfaToken(token, "console"))!;
    expect(await spendPendingMfaToken(pending)).toBe(true);
    expect(await spendPendingMfaToken(pending)).toBe(false);
    expect(await readPendingMfaToken(token, "console")).toBeNull();
  });
});
