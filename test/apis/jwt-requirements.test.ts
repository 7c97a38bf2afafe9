// JWT requirements of an API, end to end: validated and stored by the
// management API (create and PATCH), audited, then enforced by a running
// in-process gateway that verifies tokens against a local JWKS and forwards
// the Authorization header to the backend.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import * as auditRoute from "@/app/api/v1/audit-events/route";
import { AUDIENCE, ISSUER, startTestIdp, type TestIdp } from "@/gateway-worker/test/helpers/jwks-server";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { JWT_ALGORITHMS } from "@/lib/config-channel/contract";
import { callGateway } from "../support/call-gateway";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { importedApi } from "../support/import-api";
import { startInProcessStack, type InProcessStack } from "../support/in-process-stack";

let stack: InProcessStack;
let idp: TestIdp;

beforeAll(async () => {
  [stack, idp] = await Promise.all([startInProcessStack(), startTestIdp()]);
});

afterAll(async () => {
  await stack?.stop();
  await idp?.close();
});

const requirements = () => ({ issuer: ISSUER, audiences: [AUDIENCE], jwksUri: `${idp.url}/jwks`, requiredScopes: ["orders:read"] });

async function importOpenApi(extra: Record<string, unknown> = {}) {
  const path = uniquePath("jwt");
  const body = await importedApi({ path, backendUrl: stack.backendUrl, subscriptionRequired: false, ...extra });
  return { id: body.id as string, path, body };
}

const patchApi = (apiId: string, body: unknown) => callRoute(apiRoute.PATCH, { method: "PATCH", params: { apiId }, body });

describe("jwtRequirements in the management API", () => {
  it("is stored with its defaults, returned, audited, and cleared with null", async () => {
    const { id } = await importOpenApi();
    const set = await patchApi(id, { jwtRequirements: requirements() });
    expect(set.status).toBe(200);
    const expected = { ...requirements(), requiredRoles: [], rolesClaim: "realm_access.roles", clockToleranceSeconds: 30, tokenHeader: "Authorization", algorithms: [...JWT_ALGORITHMS] };
    expect(set.body.jwtRequirements).toEqual(expected);
    expect((await callRoute(apiRoute.GET, { params: { apiId: id } })).body.jwtRequirements).toEqual(expected);

    const audit = await callRoute(auditRoute.GET, { path: `/audit-events?entityId=${id}&action=api.updated` });
    expect(audit.body.items[0]).toMatchObject({ before: { jwtRequirements: null }, after: { jwtRequirements: expected } });

    const cleared = await patchApi(id, { jwtRequirements: null });
    expect(cleared.body.jwtRequirements).toBeNull();
  });

  it("is accepted on create", async () => {
    const { body } = await importOpenApi({ jwtRequirements: { ...requirements(), requiredRoles: ["clerk"] } });
    expect(body.jwtRequirements).toMatchObject({ issuer: ISSUER, requiredRoles: ["clerk"], clockToleranceSeconds: 30 });
  });

  it.each([
    ["no audience", { audiences: [] }, "jwtRequirements.audiences"],
    ["issuer not a URL", { issuer: "acme" }, "jwtRequirements.issuer"],
    ["JWKS over ftp", { jwksUri: "ftp://idp.test/jwks" }, "jwtRequirements.jwksUri"],
    ["JWKS over plain http off loopback", { jwksUri: "http://idp.example.com/jwks" }, "jwtRequirements.jwksUri"],
    ["scope with a quote", { requiredScopes: ['orders"read'] }, "jwtRequirements.requiredScopes.0"],
    ["negative clock tolerance", { clockToleranceSeconds: -1 }, "jwtRequirements.clockToleranceSeconds"],
    ["header name with a space", { tokenHeader: "X Token" }, "jwtRequirements.tokenHeader"],
    ["unknown field", { secret: "s3cr3t" }, "jwtRequirements"],
    ["an empty algorithm list", { algorithms: [] }, "jwtRequirements.algorithms"],
  ])("refuses %s with 400", async (_label, change, path) => {
    const { id } = await importOpenApi();
    const res = await patchApi(id, { jwtRequirements: { ...requirements(), ...change } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it.each([
    ["none", "'none' is refused: it accepts unsigned tokens"],
    ["HS256", "'HS256' is refused: keys come from a JWKS (public keys), and HMAC would treat a public key as a shared secret"],
    ["XY999", "'XY999' is not a supported signing algorithm"],
  ])("refuses the algorithm %s with a validation error naming it", async (alg, message) => {
    const { id } = await importOpenApi();
    const res = await patchApi(id, { jwtRequirements: { ...requirements(), algorithms: ["RS256", alg] } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.issues).toContainEqual({ path: "jwtRequirements.algorithms.1", message: expect.stringContaining(message) });
  });

  it("stores an explicit allowlist", async () => {
    const { id } = await importOpenApi();
    const res = await patchApi(id, { jwtRequirements: { ...requirements(), algorithms: ["ES256", "EdDSA"] } });
    expect(res.status).toBe(200);
    expect(res.body.jwtRequirements.algorithms).toEqual(["ES256", "EdDSA"]);
  });
});

describe("the running gateway enforces jwtRequirements", () => {
  it("demands a valid token once a PATCH sets them, forwards its Authorization header, and stops when cleared", async () => {
    const { id, path } = await importOpenApi();
    await waitFor(async () => expect((await callGateway(stack, `/${path}/echo`)).status).toBe(200), 5000);

    expect((await patchApi(id, { jwtRequirements: requirements() })).status).toBe(200);
    await waitFor(async () => {
      const res = await callGateway(stack, `/${path}/echo`);
      expect([res.status, res.body.error?.code, res.headers.get("www-authenticate")]).toEqual([401, "missing_token", "Bearer"]);
    }, 5000);

    const good = await idp.sign({ scope: "orders:read" });
    const ok = await callGateway(stack, `/${path}/echo`, { headers: { authorization: `Bearer ${good}` } });
    expect(ok.status).toBe(200);
    expect(ok.body.headers.authorization).toBe(`Bearer ${good}`); // the backend gets the token

    const cases = [
      [await idp.sign({ scope: "orders:read" }, { audience: "billing" }), 401, "invalid_token"],
      [await idp.sign({ scope: "orders:read" }, { foreignKey: true }), 401, "invalid_token"],
      [await idp.sign({ scope: "openid" }), 403, "insufficient_scope"],
    ] as const;
    for (const [token, status, code] of cases) {
      const res = await callGateway(stack, `/${path}/echo`, { headers: { authorization: `Bearer ${token}` } });
      expect([res.status, res.body.error.code]).toEqual([status, code]);
    }

    await patchApi(id, { jwtRequirements: null });
    await waitFor(async () => expect((await callGateway(stack, `/${path}/echo`)).status).toBe(200), 5000);
  });
});
