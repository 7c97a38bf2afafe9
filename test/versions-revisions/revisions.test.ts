// Revisions through the management API: a re-import is stored beside the current
// revision with its lint counts and diff; make-current switches atomically and is audited.
import { describe, expect, it } from "vitest";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import * as revisionsRoute from "@/app/api/v1/apis/[apiId]/revisions/route";
import * as diffRoute from "@/app/api/v1/apis/[apiId]/revisions/[number]/diff/route";
import * as makeCurrentRoute from "@/app/api/v1/apis/[apiId]/revisions/[number]/make-current/route";
import { db } from "@/lib/db";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { createIdentity, type Identity } from "../support/identities";
import { importedApi } from "../support/import-api";
import { specRevised, specWithoutEcho } from "./spec-variants";

const importApi = async (spec = specWithoutEcho) => (await importedApi({ name: "Revised", path: uniquePath("rev"), spec })) as { id: string };

const keysOf = (ops: { method: string; path: string }[]) => ops.map((o) => `${o.method} ${o.path}`).sort();

describe("revisions", () => {
  it("imports a revision beside the current one, diffs it, and makes it current", async () => {
    const api = await importApi();
    const apiId = api.id;

    const created = await callRoute(revisionsRoute.POST, { method: "POST", params: { apiId }, body: { spec: specRevised, notes: "adds echo and delete" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: 2, isCurrent: false, version: "1.1.0", notes: "adds echo and delete", operationCount: 6 });
    expect(created.body.lint).toMatchObject({ ruleset: "recommended", errors: expect.any(Number), warnings: expect.any(Number) });
    expect(created.body.diff.against).toBe(1);
    expect(keysOf(created.body.diff.added)).toEqual(["DELETE /orders/{orderId}", "GET /echo"]);
    expect(created.body.diff.removed).toEqual([]);
    expect(created.body.diff.changed).toEqual([
      expect.objectContaining({ method: "GET", path: "/hello", fields: ["summary"], after: expect.objectContaining({ summary: "Say hello, politely" }) }),
    ]);

    const listed = await callRoute(revisionsRoute.GET, { params: { apiId } });
    expect(listed.body.items.map((r: { number: number; isCurrent: boolean }) => [r.number, r.isCurrent])).toEqual([[2, false], [1, true]]);
    expect(listed.body.items[1]).toMatchObject({ operationCount: 4, lint: { ruleset: "recommended" } });

    const againstCurrent = await callRoute(diffRoute.GET, { path: `/apis/${apiId}/revisions/2/diff`, params: { apiId, number: "2" } });
    expect(againstCurrent.body).toMatchObject({ revision: 2, against: 1 });
    expect(keysOf(againstCurrent.body.added)).toEqual(["DELETE /orders/{orderId}", "GET /echo"]);
    const backwards = await callRoute(diffRoute.GET, { path: `/apis/${apiId}/revisions/1/diff?against=2`, params: { apiId, number: "1" } });
    expect(keysOf(backwards.body.removed)).toEqual(["DELETE /orders/{orderId}", "GET /echo"]);

    const made = await callRoute(makeCurrentRoute.POST, { method: "POST", params: { apiId, number: "2" } });
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({ number: 2, isCurrent: true });
    const fetched = await callRoute(apiRoute.GET, { params: { apiId } });
    expect(fetched.body.currentRevision).toMatchObject({ number: 2, version: "1.1.0" });
    expect(fetched.body.operations.map((o: { operationId: string }) => o.operationId)).toContain("deleteOrder");
    const rows = await db().apiRevision.findMany({ where: { apiId }, orderBy: { number: "asc" } });
    expect(rows.map((r) => r.isCurrent)).toEqual([false, true]); // exactly one current

    // Making the current revision current again changes (and audits) nothing.
    expect((await callRoute(makeCurrentRoute.POST, { method: "POST", params: { apiId, number: "2" } })).status).toBe(200);
    const audit = await db().auditEvent.findMany({ where: { entityId: apiId }, orderBy: { at: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["api.created", "api.revision_created", "api.revision_made_current"]);
    expect([audit[2].before, audit[2].after]).toEqual([{ currentRevision: 1 }, { currentRevision: 2 }]);
  });

  it("a re-import with lint findings is stored, never refused", async () => {
    const { id: apiId } = await importApi();
    const res = await callRoute(revisionsRoute.POST, {
      method: "POST",
      params: { apiId },
      body: { spec: specWithoutEcho.replace("summary: Say hello", "summary: ''") },
    });
    expect(res.status).toBe(201);
    expect(res.body.diff.changed.map((c: { fields: string[] }) => c.fields)).toEqual([["summary"]]);
  });
});

describe("revision errors", () => {
  it.each([
    ["POST", "unknown API", "missing-api", undefined, { spec: specRevised }, 404, "not_found"],
    ["POST", "no spec", "api", undefined, { notes: "x" }, 400, "validation_failed"],
    ["POST", "spec and specUrl", "api", undefined, { spec: specRevised, specUrl: "https://example.com/x.json" }, 400, "validation_failed"],
    ["POST", "not OpenAPI", "api", undefined, { spec: "hello: world" }, 422, "invalid_spec"],
    ["DIFF", "unknown revision", "api", "9", undefined, 404, "not_found"],
    ["DIFF", "not a number", "api", "two", undefined, 400, "validation_failed"],
    ["DIFF", "against an unknown revision", "api", "1?against=7", undefined, 404, "not_found"],
    ["MAKE", "unknown revision", "api", "9", undefined, 404, "not_found"],
    ["MAKE", "revision 0", "api", "0", undefined, 400, "validation_failed"],
    ["MAKE", "unknown API", "missing-api", "1", undefined, 404, "not_found"],
  ] as const)("%s %s -> %s %s", async (kind, _label, which, number, body, status, code) => {
    const apiId = which === "api" ? (await importApi()).id : "missing-api";
    const [n, query] = (number ?? "").split("?");
    const res =
      kind === "POST"
        ? await callRoute(revisionsRoute.POST, { method: "POST", params: { apiId }, body })
        : kind === "DIFF"
          ? await callRoute(diffRoute.GET, { path: `/apis/${apiId}/revisions/${n}/diff${query ? `?${query}` : ""}`, params: { apiId, number: n } })
          : await callRoute(makeCurrentRoute.POST, { method: "POST", params: { apiId, number: n } });
    expect([res.status, res.body.error.code]).toEqual([status, code]);
  });

  it("only the API's owner (or an admin) may add or switch revisions; viewers may read them", async () => {
    const [owner, other, viewer] = await Promise.all([
      createIdentity("api_publisher", { tag: "rev-owner" }),
      createIdentity("api_publisher", { tag: "rev-other" }),
      createIdentity("viewer", { tag: "rev-viewer" }),
    ]);
    const { id: apiId } = await importedApi({ name: "Owned", path: uniquePath("owned"), spec: specWithoutEcho }, owner);
    const post = (as: Identity) => callRoute(revisionsRoute.POST, { method: "POST", as, params: { apiId }, body: { spec: specRevised } });
    expect((await post(other)).body.error.code).toBe("forbidden");
    expect((await post(viewer)).status).toBe(403);
    expect((await post(owner)).status).toBe(201);
    const switchAs = (as: Identity) => callRoute(makeCurrentRoute.POST, { method: "POST", as, params: { apiId, number: "2" } });
    expect((await switchAs(other)).status).toBe(403);
    expect((await switchAs(owner)).status).toBe(200);
    expect((await callRoute(revisionsRoute.GET, { as: viewer, params: { apiId } })).body.items).toHaveLength(2);
  });
});
