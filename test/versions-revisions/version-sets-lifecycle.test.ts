// Version sets, path uniqueness across versions, and the lifecycle through PATCH /apis/{id}.
import { describe, expect, it } from "vitest";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import * as versionSetsRoute from "@/app/api/v1/version-sets/route";
import * as versionSetRoute from "@/app/api/v1/version-sets/[versionSetId]/route";
import { db } from "@/lib/db";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { importApi as importDemoApi } from "../support/import-api";

async function createSet(scheme: "path" | "header" | "query", extra: Record<string, unknown> = {}) {
  const res = await callRoute(versionSetsRoute.POST, { method: "POST", body: { name: uniquePath(`set-${scheme}`), scheme, ...extra } });
  expect(res.status).toBe(201);
  return res.body;
}

const importApi = (path: string, extra: Record<string, unknown> = {}) => importDemoApi({ name: `API ${path}`, path, ...extra });

const patchApi = (apiId: string, body: unknown) => callRoute(apiRoute.PATCH, { method: "PATCH", params: { apiId }, body });

describe("version sets", () => {
  it.each([
    ["header", undefined, "Api-Version"],
    ["query", undefined, "api-version"],
    ["path", undefined, null],
    ["header", "X-Version", "X-Version"],
  ] as const)("scheme %s, parameterName %s -> %s", async (scheme, parameterName, expected) => {
    const set = await createSet(scheme, parameterName ? { parameterName } : {});
    expect(set).toMatchObject({ scheme, parameterName: expected, apis: [] });
    expect((await callRoute(versionSetRoute.GET, { params: { versionSetId: set.id } })).body.name).toBe(set.name);
  });

  it.each([
    [{ name: "x", scheme: "cookie" }, 400],
    [{ name: "x", scheme: "header", parameterName: "has space" }, 400],
    [{ scheme: "header" }, 400],
  ])("refuses %j with %s", async (body, status) => {
    expect((await callRoute(versionSetsRoute.POST, { method: "POST", body })).status).toBe(status);
  });

  it("lists, renames, refuses a duplicate name, and deletes only an empty set", async () => {
    const set = await createSet("header");
    const other = await createSet("query");
    const listed = await callRoute(versionSetsRoute.GET, { path: `/version-sets?search=${set.name}` });
    expect(listed.body.items.map((s: { id: string }) => s.id)).toEqual([set.id]);

    const dup = await callRoute(versionSetRoute.PATCH, { method: "PATCH", params: { versionSetId: set.id }, body: { name: other.name } });
    expect([dup.status, dup.body.error.code]).toEqual([409, "conflict"]);
    const renamed = await callRoute(versionSetRoute.PATCH, { method: "PATCH", params: { versionSetId: set.id }, body: { name: `${set.name}-2` } });
    expect(renamed.body.name).toBe(`${set.name}-2`);

    const api = await importApi(uniquePath("member"), { versionSetId: set.id, versionName: "v1" });
    expect(api.body).toMatchObject({ versionName: "v1", versionSet: { id: set.id, scheme: "header", parameterName: "Api-Version" } });
    const refused = await callRoute(versionSetRoute.DELETE, { method: "DELETE", params: { versionSetId: set.id } });
    expect([refused.status, refused.body.error.code]).toEqual([409, "conflict"]);
    expect((await callRoute(versionSetRoute.DELETE, { method: "DELETE", params: { versionSetId: other.id } })).status).toBe(204);
    expect((await callRoute(versionSetRoute.GET, { params: { versionSetId: other.id } })).status).toBe(404);
  });

  it("moves every member when the scheme changes from header to path", async () => {
    const set = await createSet("header");
    const path = uniquePath("moving");
    const v1 = await importApi(path, { versionSetId: set.id, versionName: "v1" });
    await importApi(path, { versionSetId: set.id, versionName: "v2" });
    expect(v1.body.gatewayPath).toBe(path);
    await callRoute(versionSetRoute.PATCH, { method: "PATCH", params: { versionSetId: set.id }, body: { scheme: "path" } });
    expect((await callRoute(apiRoute.GET, { params: { apiId: v1.body.id } })).body.gatewayPath).toBe(`${path}/v1`);
  });
});

describe("one gateway path per API, except versions of one header/query set", () => {
  it.each<[string, (ids: Record<string, string>, p: string) => Record<string, unknown>[], number, string | null]>([
    ["two versions of a header set share a path", (s, p) => [{ path: p, versionSetId: s.header, versionName: "v1" }, { path: p, versionSetId: s.header, versionName: "v2" }], 201, null],
    ["two versions of a query set share a path", (s, p) => [{ path: p, versionSetId: s.query, versionName: "a" }, { path: p, versionSetId: s.query, versionName: "b" }], 201, null],
    ["the same version twice", (s, p) => [{ path: p, versionSetId: s.header, versionName: "v1" }, { path: `${p}-x`, versionSetId: s.header, versionName: "v1" }], 409, "conflict"],
    ["a plain API on a header set's path", (s, p) => [{ path: p, versionSetId: s.header, versionName: "v1" }, { path: p }], 409, "conflict"],
    ["two plain APIs on one path", (_s, p) => [{ path: p }, { path: p }], 409, "conflict"],
    ["versions of two sets on one path", (s, p) => [{ path: p, versionSetId: s.header, versionName: "v1" }, { path: p, versionSetId: s.query, versionName: "v2" }], 409, "conflict"],
    ["path versions of one set", (s, p) => [{ path: p, versionSetId: s.path, versionName: "v1" }, { path: p, versionSetId: s.path, versionName: "v2" }], 201, null],
    ["a plain API where a path version is served", (s, p) => [{ path: p, versionSetId: s.path, versionName: "v1" }, { path: `${p}/v1` }], 409, "conflict"],
    ["a plain API on a path set's base path", (s, p) => [{ path: p, versionSetId: s.path, versionName: "v1" }, { path: p }], 201, null],
    ["a versionName without a set", (_s, p) => [{ path: p, versionName: "v1" }], 400, "validation_failed"],
    ["an unknown version set", (_s, p) => [{ path: p, versionSetId: "no-such-set", versionName: "v1" }], 422, "unprocessable"],
    ["a set without a versionName", (s, p) => [{ path: p, versionSetId: s.header }], 400, "validation_failed"],
  ])("%s -> %s", async (_label, build, status, code) => {
    const sets = { header: (await createSet("header")).id, query: (await createSet("query")).id, path: (await createSet("path")).id };
    const bodies = build(sets, uniquePath("shared"));
    for (const body of bodies.slice(0, -1)) expect((await importApi(String(body.path), body)).status).toBe(201);
    const last = bodies[bodies.length - 1];
    const res = await importApi(String(last.path), last);
    expect([res.status, res.body.error?.code ?? null]).toEqual([status, code]);
  });

  it("PATCH joins and leaves a set with the same rules", async () => {
    const set = await createSet("header");
    const path = uniquePath("join");
    const member = await importApi(path, { versionSetId: set.id, versionName: "v1" });
    const plain = await importApi(uniquePath("plain"));
    const joined = await patchApi(plain.body.id, { versionSetId: set.id, versionName: "v2" });
    expect(joined.body).toMatchObject({ versionName: "v2", versionSet: { id: set.id } });
    const clash = await patchApi(plain.body.id, { versionName: "v1" });
    expect([clash.status, clash.body.error.code]).toEqual([409, "conflict"]);
    const left = await patchApi(member.body.id, { versionSetId: null });
    expect(left.body).toMatchObject({ versionSet: null, versionName: null, gatewayPath: path });
  });
});

describe("PATCH /apis/{id}: lifecycle and settings", () => {
  it.each([
    ["draft", "published", 200],
    ["draft", "deprecated", 409],
    ["published", "deprecated", 200],
    ["published", "retired", 409],
    ["published", "draft", 409],
    ["deprecated", "published", 200],
    ["deprecated", "retired", 200],
    ["retired", "published", 409],
    ["retired", "retired", 200],
  ] as const)("%s -> %s answers %s", async (from, to, status) => {
    const api = await importApi(uniquePath("life"), { lifecycle: from === "draft" ? "draft" : "published" });
    const path: Record<string, string[]> = { draft: [], published: [], deprecated: ["deprecated"], retired: ["deprecated", "retired"] };
    for (const step of path[from]) expect((await patchApi(api.body.id, { lifecycle: step })).status).toBe(200);
    const res = await patchApi(api.body.id, { lifecycle: to });
    expect(res.status).toBe(status);
    expect(res.body.lifecycle ?? res.body.error.code).toBe(status === 200 ? to : "conflict");
  });

  it("changes settings, sets a sunset date and audits before and after", async () => {
    const api = await importApi(uniquePath("settings"));
    const sunsetAt = "2030-01-31T00:00:00.000Z";
    const res = await patchApi(api.body.id, {
      name: "Renamed",
      backendUrls: ["http://127.0.0.1:2/", "http://127.0.0.1:3/"],
      subscriptionRequired: false,
      lifecycle: "deprecated",
      sunsetAt,
    });
    expect(res.body).toMatchObject({ name: "Renamed", subscriptionRequired: false, lifecycle: "deprecated", sunsetAt });
    const [event] = await db().auditEvent.findMany({ where: { entityId: api.body.id, action: "api.deprecated" } });
    expect(event.before).toMatchObject({ name: `API ${api.body.path}`, lifecycle: "published", sunsetAt: null, subscriptionRequired: true });
    expect(event.after).toMatchObject({ name: "Renamed", lifecycle: "deprecated", sunsetAt, backendUrls: ["http://127.0.0.1:2/", "http://127.0.0.1:3/"] });
    expect(event.after).not.toHaveProperty("description"); // only what changed
  });

  it.each([
    [{ lifecycle: "gone" }, 400],
    [{ sunsetAt: "next tuesday" }, 400],
    [{ backendUrls: [] }, 400],
    [{ backendUrls: ["ftp://x/"] }, 400],
    [{ versionName: "a b" }, 400],
  ])("refuses %j with %s", async (body, status) => {
    const api = await importApi(uniquePath("bad"));
    expect((await patchApi(api.body.id, body)).status).toBe(status);
  });

  it("answers 404 for an unknown API", async () => {
    expect((await patchApi("no-such-api", { name: "x" })).status).toBe(404);
  });
});
