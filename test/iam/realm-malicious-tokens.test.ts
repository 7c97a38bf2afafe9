// Malicious and malformed bearer tokens against an API bound to a realm, through a running
// gateway: each is refused with the right status, and the genuine token passes. Forgeries
// that need the realm's own signature (bad claims, unknown `crit`, `b64: false`) are signed
// with its real active key, so what refuses them is the check and not the signature.
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { db } from "@/lib/db";
import { activeSigningKey } from "@/lib/iam/realms/signing-keys";
import { callGateway } from "../support/call-gateway";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { importedApi } from "../support/import-api";
import { useInProcessStack } from "../support/in-process-stack";
import { startRealmIssuerServer, type RealmIssuerServer } from "../support/realm-issuer-server";
import { clientCredentialsToken, realmWithReaderAndNobody } from "../support/realm-clients";

let server: RealmIssuerServer;
beforeAll(async () => {
  server = await startRealmIssuerServer();
});
afterAll(async () => {
  await server?.close();
});

const suffix = Math.random().toString(36).slice(2, 8);
const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

async function newRealm(name: string, signingAlgorithm: "RS256" | "ES256") {
  const { issuer, reader, nobody } = await realmWithReaderAndNobody(name, { signingAlgorithm });
  const realmRow = await db().realm.findUniqueOrThrow({ where: { name } });
  return {
    issuer,
    signing: await activeSigningKey(realmRow.id),
    reader: await clientCredentialsToken(issuer, reader),
    nobody: await clientCredentialsToken(issuer, nobody),
  };
}

type Realm = Awaited<ReturnType<typeof newRealm>>;
type Case = { name: string; status: number; token: (r: { rs: Realm; es: Realm; other: Realm }) => Promise<string> | string };

/** The genuine reader token's claims, re-signed by the realm's own key with `change` applied. */
async function resigned(realm: Realm, change: (claims: JWTPayload) => JWTPayload, header: Record<string, unknown> = {}) {
  const claims = JSON.parse(Buffer.from(realm.reader.split(".")[1]!, "base64url").toString()) as JWTPayload;
  return new SignJWT(change(claims)).setProtectedHeader({ alg: realm.signing.alg, kid: realm.signing.kid, typ: "JWT", ...header }).sign(realm.signing.key);
}

const attacker = await generateKeyPair("RS256", { extractable: true });
const attackerJwk = { ...(await exportJWK(attacker.publicKey)), kid: "attacker", alg: "RS256", use: "sig" };
const signedByAttacker = (realm: Realm, header: Record<string, unknown>) =>
  resignedWith(realm, attacker.privateKey, { alg: "RS256", ...header });
async function resignedWith(realm: Realm, key: CryptoKey, header: Record<string, unknown> & { alg: string }) {
  const claims = JSON.parse(Buffer.from(realm.reader.split(".")[1]!, "base64url").toString()) as JWTPayload;
  return new SignJWT(claims).setProtectedHeader(header).sign(key);
}
/** Signs by hand (jose refuses to make these): RS256 over `<header>.<payload as given>`. */
async function signedRaw(realm: Realm, header: Record<string, unknown>, payload: string) {
  const input = `${b64(header)}.${payload}`;
  const signature = await crypto.subtle.sign({ name: "RSASSA-PKCS1-v1_5" }, realm.signing.key, new TextEncoder().encode(input));
  return `${input}.${Buffer.from(signature).toString("base64url")}`;
}
const unsigned = (realm: Realm, alg: string) => `${b64({ alg, typ: "JWT", kid: realm.signing.kid })}.${realm.reader.split(".")[1]}.`;
const now = () => Math.floor(Date.now() / 1000);

const cases: Case[] = [
  // Unsigned and algorithm games: refused before any key is looked up.
  ...["none", "None", "NONE", "nOnE"].map((alg): Case => ({ name: `alg ${alg}`, status: 401, token: ({ rs }) => unsigned(rs, alg) })),
  {
    name: "HS256 keyed with the realm's public key (RS/HS confusion)",
    status: 401,
    token: async ({ rs }) => {
      const jwks = (await (await fetch(`${rs.issuer}/protocol/openid-connect/certs`)).json()) as { keys: { n?: string }[] };
      const secret = new TextEncoder().encode(JSON.stringify(jwks.keys[0]));
      return resignedWith(rs, secret as unknown as CryptoKey, { alg: "HS256", kid: rs.signing.kid });
    },
  },
  { name: "HS256 with a guessed secret and the realm's kid", status: 401, token: ({ rs }) => resignedWith(rs, new TextEncoder().encode("secret") as unknown as CryptoKey, { alg: "HS256", kid: rs.signing.kid }) },
  { name: "an embedded jwk header naming the attacker's key", status: 401, token: ({ rs }) => signedByAttacker(rs, { jwk: attackerJwk, kid: "attacker" }) },
  { name: "a jku header pointing at the attacker's JWKS", status: 401, token: ({ rs }) => signedByAttacker(rs, { jku: "http://127.0.0.1:1/jwks.json", kid: "attacker" }) },
  { name: "an x5u header", status: 401, token: ({ rs }) => signedByAttacker(rs, { x5u: "http://127.0.0.1:1/cert.pem", kid: "attacker" }) },
  { name: "the realm's kid on the attacker's signature", status: 401, token: ({ rs }) => signedByAttacker(rs, { kid: rs.signing.kid }) },
  { name: "an unknown kid", status: 401, token: ({ rs }) => signedByAttacker(rs, { kid: "no-such-kid" }) },
  { name: "no kid at all, signed by the attacker", status: 401, token: ({ rs }) => signedByAttacker(rs, {}) },
  // Header extensions a verifier must understand or refuse (RFC 7515 §4.1.11, RFC 7797).
  {
    name: "an unknown crit extension, signed by the realm",
    status: 401,
    token: ({ rs }) =>
      signedRaw(rs, { alg: "RS256", kid: rs.signing.kid, crit: ["urn:example:must-understand"], "urn:example:must-understand": true }, rs.reader.split(".")[1]!),
  },
  {
    name: "b64: false (unencoded payload), signed by the realm",
    status: 401,
    // RFC 7797: the payload is sent as is; it must hold no "." in the compact form.
    token: ({ rs }) => signedRaw(rs, { alg: "RS256", kid: rs.signing.kid, b64: false, crit: ["b64"] }, JSON.stringify({ sub: "x", exp: now() + 60 })),
  },
  // CVE-2022-21449 ("psychic signatures"): r = s = 0 must never verify.
  { name: "ES256 all-zero signature", status: 401, token: ({ es }) => `${es.reader.split(".").slice(0, 2).join(".")}.${Buffer.alloc(64).toString("base64url")}` },
  // Signatures that do not match what they sign.
  {
    name: "payload tampered to add the role",
    status: 401,
    token: ({ rs }) => {
      const [h, p, s] = rs.nobody.split(".") as [string, string, string];
      const claims = JSON.parse(Buffer.from(p, "base64url").toString()) as JWTPayload & { realm_access?: { roles: string[] } };
      return `${h}.${b64({ ...claims, realm_access: { roles: ["orders-reader"] } })}.${s}`;
    },
  },
  { name: "signature stripped", status: 401, token: ({ rs }) => `${rs.reader.split(".").slice(0, 2).join(".")}.` },
  { name: "signature from another token of the realm", status: 401, token: ({ rs }) => `${rs.nobody.split(".").slice(0, 2).join(".")}.${rs.reader.split(".")[2]}` },
  // Well signed by the realm, wrong claims.
  { name: "expired", status: 401, token: ({ rs }) => resigned(rs, (c) => ({ ...c, iat: now() - 7200, exp: now() - 3600 })) },
  { name: "not yet valid (nbf in an hour)", status: 401, token: ({ rs }) => resigned(rs, (c) => ({ ...c, nbf: now() + 3600 })) },
  { name: "without exp", status: 401, token: ({ rs }) => resigned(rs, ({ exp: _exp, ...c }) => c) },
  { name: "a wrong issuer", status: 401, token: ({ rs }) => resigned(rs, (c) => ({ ...c, iss: "https://evil.example/realms/x" })) },
  { name: "a wrong audience", status: 401, token: ({ rs }) => resigned(rs, (c) => ({ ...c, aud: "someone-else" })) },
  { name: "a genuine token of another realm", status: 401, token: ({ other }) => other.reader },
  // Malformed.
  { name: "garbage", status: 401, token: () => "not-a-jwt" },
  { name: "two segments", status: 401, token: ({ rs }) => rs.reader.split(".").slice(0, 2).join(".") },
  { name: "four segments", status: 401, token: ({ rs }) => `${rs.reader}.extra` },
  { name: "five segments (a JWE shape)", status: 401, token: () => [b64({ alg: "RSA-OAEP", enc: "A256GCM" }), "a", "b", "c", "d"].join(".") },
  { name: "a header that is not JSON", status: 401, token: ({ rs }) => `${b64("{not json")}.${rs.reader.split(".").slice(1).join(".")}` },
  { name: "characters outside base64url", status: 401, token: ({ rs }) => `${rs.reader.slice(0, 10)}+/=${rs.reader.slice(13)}` },
  // Well signed, but past the gateway's bound on token size: refused before it is decoded.
  { name: "an oversized token (8 KB of claims, signed by the realm)", status: 401, token: ({ rs }) => resigned(rs, (c) => ({ ...c, filler: "x".repeat(8192) })) },
  // Authorization decisions on genuine tokens.
  { name: "a genuine token without the required role", status: 403, token: ({ rs }) => rs.nobody },
];

describe("malicious and malformed tokens against a realm-bound API", () => {
  const stack = useInProcessStack();
  let realms: { rs: Realm; es: Realm; other: Realm };
  let path: string;
  let esPath: string;

  const call = (apiPath: string, token: string, scheme = "Bearer") => callGateway(stack, `/${apiPath}/hello`, { headers: { authorization: `${scheme} ${token}` } });

  beforeAll(async () => {
    realms = { rs: await newRealm(`mal-rs-${suffix}`, "RS256"), es: await newRealm(`mal-es-${suffix}`, "ES256"), other: await newRealm(`mal-other-${suffix}`, "RS256") };
    const bind = async (realm: string) => {
      const apiPath = uniquePath("malicious");
      const api = await importedApi({ path: apiPath, backendUrl: stack.backendUrl, subscriptionRequired: false });
      const bound = await callRoute(apiRoute.PATCH, {
        method: "PATCH",
        path: `/apis/${api.id}`,
        params: { apiId: api.id },
        body: { jwtRequirements: { realm, requiredRoles: ["orders-reader"], clockToleranceSeconds: 0 } },
      });
      expect(bound.status, JSON.stringify(bound.body)).toBe(200);
      return apiPath;
    };
    path = await bind(`mal-rs-${suffix}`);
    esPath = await bind(`mal-es-${suffix}`);
    for (const [apiPath, token] of [[path, realms.rs.reader], [esPath, realms.es.reader]] as const) {
      await waitFor(async () => expect((await call(apiPath, token)).status).toBe(200), 10_000);
    }
  });

  it("lets the genuine token with the role through (the control)", async () => {
    expect((await call(path, realms.rs.reader)).status).toBe(200);
    expect((await call(esPath, realms.es.reader)).status).toBe(200);
    // The hand signer makes tokens the gateway accepts, so the crit and b64 refusals are the checks' doing.
    const handSigned = await signedRaw(realms.rs, { alg: "RS256", kid: realms.rs.signing.kid }, realms.rs.reader.split(".")[1]!);
    expect((await call(path, handSigned)).status).toBe(200);
  });

  it.each(cases)("refuses $name with $status", async ({ token, status, name }) => {
    const target = name.startsWith("ES256") ? esPath : path;
    const answer = await call(target, await token(realms));
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    expect(answer.body.error.code).toBe(status === 403 ? "insufficient_scope" : "invalid_token");
    if (name.startsWith("an oversized")) expect(answer.body.error.message).toBe("The bearer token is too large.");
  });

  it("refuses a genuine token sent with another scheme than Bearer", async () => {
    const answer = await call(path, realms.rs.reader, "Token");
    expect(answer.status).toBe(401);
  });

  it("counts at least 30 cases", () => {
    expect(cases.length + 1).toBeGreaterThanOrEqual(30);
  });
});
