// JWT hardening through a real gateway: a token whose algorithm the API does not
// allow is refused before any key lookup (no JWKS fetch), and a real key rotation
// is picked up within the refetch interval even while a flood of unknown `kid`s
// runs, with the issuer's JWKS fetched at most once per interval.
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GatewayJwt } from "../src/contract/config-snapshot";
import { setUpFixture, type Fixture } from "./helpers/gateway-fixture";
import { AUDIENCE, ISSUER, startTestIdp, type TestIdp } from "./helpers/jwks-server";
import { makeApi, makeSnapshot } from "./helpers/snapshots";
import { waitFor } from "./helpers/wait-for";

const REFETCH_INTERVAL_MS = 5_000;
const open = { required: false, header: "Ocp-Apim-Subscription-Key", query: "subscription-key" };

let fx: Fixture;
let idp: TestIdp;
let url: string;

const jwt = (jwksPath: string, extra: Partial<GatewayJwt> = {}) =>
  ({ issuer: ISSUER, audiences: [AUDIENCE], jwksUri: `${idp.url}${jwksPath}`, ...extra }) as GatewayJwt;

beforeAll(async () => {
  [fx, idp] = await Promise.all([setUpFixture("jwt-hardening"), startTestIdp()]);
  const api = (id: string, path: string, settings: GatewayJwt) =>
    makeApi({ id, path, subscription: open, backends: [{ url: fx.backend.url, weight: 1 }], jwt: settings });
  await fx.publisher.publish(
    makeSnapshot({
      apis: [api("api-rot", "rot", jwt("/rotation")), api("api-alg", "alg", jwt("/alg", { algorithms: ["ES256"] })), api("api-def", "def", jwt("/default")), api("api-fail", "fail", jwt("/failing"))],
      subscriptions: [],
    }),
  );
  ({ url } = await fx.startGateway());
});
afterAll(async () => {
  await fx.teardown();
  await idp.close();
});

const call = async (path: string, token: string) => {
  const res = await fetch(`${url}/${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null };
};
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const claims = () => ({ iss: ISSUER, aud: AUDIENCE, sub: "mallory", exp: Math.floor(Date.now() / 1000) + 300 });
const hsForgery = (kid = "key-1") =>
  new SignJWT(claims()).setProtectedHeader({ alg: "HS256", kid }).sign(new TextEncoder().encode("guessed-secret-0123456789abcdef"));
const unsecured = () => `${b64({ alg: "none", typ: "JWT" })}.${b64(claims())}.`;

describe("algorithm allowlist", () => {
  it.each([
    ["HS256 forgery, default allowlist", "def", "/default", hsForgery],
    ["alg none, default allowlist", "def", "/default", async () => unsecured()],
    ["RS256 where only ES256 is allowed", "alg", "/alg", () => idp.sign()],
  ])("refuses %s with 401 before fetching any key", async (_label, path, jwksPath, token) => {
    const { status, body } = await call(path, await token());
    expect(status).toBe(401);
    expect(body?.error).toEqual({ code: "invalid_token", message: "The bearer token's signing algorithm is not accepted." });
    expect(idp.hits.get(jwksPath) ?? 0).toBe(0);
  });

  it("still accepts an allowed algorithm (the default list has RS256)", async () => {
    expect((await call("def", await idp.sign())).status).toBe(200);
    expect(idp.hits.get("/default")).toBe(1);
  });
});

describe("key rotation during a flood of unknown kids", () => {
  it("accepts the new key within the refetch interval, fetching at most once per interval", async () => {
    const started = Date.now();
    expect((await call("rot", await idp.sign())).status).toBe(200); // first fetch: keys cached

    let flooding = true;
    const refusedFlood: number[] = [];
    const flooder = async () => {
      while (flooding) {
        const token = Math.random() < 0.5 ? await idp.sign({}, { kid: `unknown-${randomUUID()}` }) : await hsForgery(`forged-${randomUUID()}`);
        const { status } = await call("rot", token);
        if (status !== 401) refusedFlood.push(status);
      }
    };
    const flood = Array.from({ length: 4 }, flooder);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // the flood has started a refetch window
      await idp.rotate();
      const rotated = await idp.sign();
      // The bound is the refetch interval; the slack absorbs a loaded machine's scheduling only.
      await waitFor(async () => expect((await call("rot", rotated)).status).toBe(200), REFETCH_INTERVAL_MS + 1_500, 100);
    } finally {
      flooding = false;
      await Promise.all(flood);
    }
    const elapsed = Date.now() - started;
    expect(refusedFlood).toEqual([]); // every flood token was a 401, never a 5xx
    expect(idp.hits.get("/rotation")).toBeLessThanOrEqual(Math.ceil(elapsed / REFETCH_INTERVAL_MS) + 1);
  });
});

describe("an issuer whose JWKS fails", () => {
  it("is not refetched per unknown kid: keys held keep verifying, and fetches stay within one per interval", async () => {
    const started = Date.now();
    expect((await call("fail", await idp.sign())).status).toBe(200);
    idp.mode = 500;
    try {
      const known = await idp.sign();
      const deadline = Date.now() + REFETCH_INTERVAL_MS + 1_500; // past the cool-down, into the failure back-off
      const statuses = new Set<number>();
      while (Date.now() < deadline) {
        const outcomes = await Promise.all(
          Array.from({ length: 4 }, async () => (await call("fail", await idp.sign({}, { kid: `unknown-${randomUUID()}` }))).status),
        );
        for (const status of outcomes) statuses.add(status);
        expect((await call("fail", known)).status).toBe(200);
      }
      expect([...statuses].every((status) => status === 401 || status === 503)).toBe(true);
    } finally {
      idp.mode = "ok";
    }
    expect(idp.hits.get("/failing")).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / REFETCH_INTERVAL_MS) + 1);
  });
});
