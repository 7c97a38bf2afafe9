// Versions, revisions and lifecycle as a running gateway enforces them, changed
// through the management API while it runs (PostgreSQL -> Redis -> gateway).
import { afterAll, describe, expect, it } from "vitest";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import * as revisionsRoute from "@/app/api/v1/apis/[apiId]/revisions/route";
import * as makeCurrentRoute from "@/app/api/v1/apis/[apiId]/revisions/[number]/make-current/route";
import * as settingsRoute from "@/app/api/v1/settings/route";
import * as versionSetsRoute from "@/app/api/v1/version-sets/route";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { callGateway, type GatewayRequest } from "../support/call-gateway";
import { callRoute } from "../support/call-route";
import { demoSpecYaml, uniquePath } from "../support/demo-spec";
import { importedApi } from "../support/import-api";
import { useInProcessStack } from "../support/in-process-stack";
import type { Answer } from "../support/read-answer";
import { specWithLintErrors, specWithoutEcho } from "./spec-variants";

const stack = useInProcessStack();

afterAll(async () => {
  await callRoute(settingsRoute.PATCH, { method: "PATCH", body: { governance: { requireLintCleanToPublish: false } } });
});

const call = (path: string, init?: GatewayRequest) => callGateway(stack, path, init);

const eventually = (path: string, check: (res: Answer) => void, init?: GatewayRequest) => waitFor(async () => check(await call(path, init)), 5000);

/** An open API (no key needed), so each test is about one thing. */
const importOpenApi = async (path: string, spec = demoSpecYaml, extra: Record<string, unknown> = {}) =>
  (await importedApi({ path, backendUrl: stack.backendUrl, spec, subscriptionRequired: false, ...extra })) as { id: string };

const patchApi = (apiId: string, body: unknown) => callRoute(apiRoute.PATCH, { method: "PATCH", params: { apiId }, body });

describe("the gateway serves the current revision", () => {
  it("serves a new operation only once its revision is made current", async () => {
    const path = uniquePath("rev");
    const { id: apiId } = await importOpenApi(path, specWithoutEcho);
    await eventually(`/${path}/hello`, (r) => expect(r.status).toBe(200));
    expect((await call(`/${path}/echo`)).body.error.code).toBe("operation_not_found");
    const wrongMethod = await call(`/${path}/hello`, { method: "DELETE" });
    expect([wrongMethod.status, wrongMethod.body.error.code, wrongMethod.headers.get("allow")]).toEqual([405, "method_not_allowed", "GET, HEAD"]);
    expect((await call(`/${path}/orders/1`)).body).toMatchObject({ id: "1" }); // templated segment

    const revision = await callRoute(revisionsRoute.POST, { method: "POST", params: { apiId }, body: { spec: demoSpecYaml } });
    expect(revision.body.diff.added).toEqual([expect.objectContaining({ method: "GET", path: "/echo" })]);
    const versionAfterImport = stack.gateway.currentVersion();
    expect((await call(`/${path}/echo`)).status).toBe(404); // stored, not current: nothing published

    await callRoute(makeCurrentRoute.POST, { method: "POST", params: { apiId, number: "2" } });
    await eventually(`/${path}/echo`, (r) => expect(r.status).toBe(200));
    expect(stack.gateway.currentVersion()).toBeGreaterThan(versionAfterImport ?? 0);
  });
});

describe("lifecycle on the gateway", () => {
  it("announces deprecation and sunset, answers 410 once retired, and forgets drafts", async () => {
    const path = uniquePath("life");
    const { id: apiId } = await importOpenApi(path);
    await eventually(`/${path}/hello`, (r) => expect(r.headers.get("deprecation")).toBeNull());

    await patchApi(apiId, { lifecycle: "deprecated", sunsetAt: "2031-03-01T12:00:00Z" });
    await eventually(`/${path}/hello`, (r) => {
      expect(r.status).toBe(200);
      expect(r.headers.get("deprecation")).toBe("true");
      expect(r.headers.get("sunset")).toBe("Sat, 01 Mar 2031 12:00:00 GMT");
    });

    await patchApi(apiId, { lifecycle: "retired" });
    await eventually(`/${path}/hello`, (r) => expect([r.status, r.body.error.code]).toEqual([410, "api_retired"]));

    const draft = uniquePath("draft");
    await importOpenApi(draft, demoSpecYaml, { lifecycle: "draft" });
    await eventually(`/${path}/hello`, (r) => expect(r.status).toBe(410)); // a later config is applied...
    expect((await call(`/${draft}/hello`)).body.error.code).toBe("route_not_found"); // ...without the draft
  });

  it("refuses to publish a revision with lint errors when governance requires it", async () => {
    const path = uniquePath("gov");
    const { id: apiId } = await importOpenApi(path, specWithLintErrors, { lifecycle: "draft" });
    await callRoute(settingsRoute.PATCH, { method: "PATCH", body: { governance: { requireLintCleanToPublish: true } } });
    try {
      const refused = await patchApi(apiId, { lifecycle: "published" });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ code: "governance_failed", errors: 2 });
      expect((await call(`/${path}/hello`)).body.error.code).toBe("route_not_found");

      await callRoute(revisionsRoute.POST, { method: "POST", params: { apiId }, body: { spec: demoSpecYaml } });
      await callRoute(makeCurrentRoute.POST, { method: "POST", params: { apiId, number: "2" } });
      expect((await patchApi(apiId, { lifecycle: "published" })).status).toBe(200);
      await eventually(`/${path}/hello`, (r) => expect(r.status).toBe(200));
    } finally {
      await callRoute(settingsRoute.PATCH, { method: "PATCH", body: { governance: { requireLintCleanToPublish: false } } });
    }
  });
});

describe("versions on the gateway", () => {
  async function versionSet(scheme: "path" | "header" | "query") {
    const res = await callRoute(versionSetsRoute.POST, { method: "POST", body: { name: uniquePath(scheme), scheme } });
    return res.body.id as string;
  }

  it("path scheme: each version at /<path>/<version>", async () => {
    const setId = await versionSet("path");
    const path = uniquePath("pv");
    await importOpenApi(path, demoSpecYaml, { versionSetId: setId, versionName: "v1" });
    await importOpenApi(path, specWithoutEcho, { versionSetId: setId, versionName: "v2" });
    await eventually(`/${path}/v2/hello`, (r) => expect(r.status).toBe(200));
    expect((await call(`/${path}/v1/echo`)).status).toBe(200);
    expect((await call(`/${path}/v2/echo`)).body.error.code).toBe("operation_not_found");
    expect((await call(`/${path}/hello`)).body.error.code).toBe("route_not_found");
  });

  it.each([
    ["header", (v: string) => ({ headers: { "Api-Version": v } }), (p: string) => p],
    ["query", () => ({}), (p: string, v: string) => `${p}?api-version=${v}`],
  ] as const)("%s scheme: versions share the path, the request picks one", async (scheme, init, url) => {
    const setId = await versionSet(scheme);
    const path = uniquePath(scheme);
    await importOpenApi(path, demoSpecYaml, { versionSetId: setId, versionName: "v1" });
    await importOpenApi(path, specWithoutEcho, { versionSetId: setId, versionName: "v2" });
    await eventually(url(`/${path}/hello`, "v2"), (r) => expect(r.status).toBe(200), init("v2"));
    expect((await call(url(`/${path}/echo`, "v1"), init("v1"))).body).toMatchObject({ path: "/echo" });
    expect((await call(url(`/${path}/echo`, "v2"), init("v2"))).body.error.code).toBe("operation_not_found");

    const missing = await call(`/${path}/hello`);
    expect([missing.status, missing.body.error.code]).toEqual([404, "api_version_not_found"]);
    expect(missing.body.error.message).toContain("Available versions: v1, v2");
    expect((await call(url(`/${path}/hello`, "v9"), init("v9"))).body.error.message).toMatch(/Unknown API version 'v9'/);
  });
});
