// Values PostgreSQL refuses (NUL bytes, unpaired surrogates, year 0) answer 400 validation_failed,
// named by the schema where a field takes them, and by the database-error mapping as a backstop
// where they reach a query unchecked (ids in the URL): never a 500.
import { beforeAll, describe, expect, it } from "vitest";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import * as revisionsRoute from "@/app/api/v1/apis/[apiId]/revisions/route";
import * as diffRoute from "@/app/api/v1/apis/[apiId]/revisions/[number]/diff/route";
import * as auditRoute from "@/app/api/v1/audit-events/route";
import * as productsRoute from "@/app/api/v1/products/route";
import * as versionSetRoute from "@/app/api/v1/version-sets/[versionSetId]/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import { toApiError } from "@/lib/http/errors";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { importApi, importedApi } from "../support/import-api";

const spec = JSON.stringify({ openapi: "3.0.3", info: { title: "T", version: "1" }, paths: {} });
const NUL = "a\u0000b";
const LONE = "a\ud800b";
let apiId = "";

beforeAll(async () => {
  apiId = (await importedApi({ name: "Target", path: uniquePath("nul"), spec })).id;
});

const patchApi = (body: unknown) => callRoute(apiRoute.PATCH, { method: "PATCH", path: `/apis/${apiId}`, params: { apiId }, body });

describe("schemas refuse what the database cannot store, naming the field", () => {
  it.each<[string, () => ReturnType<typeof callRoute>, string]>([
    ["NUL in an API name", () => importApi({ name: NUL, path: uniquePath("nul"), spec }), "name"],
    ["an unpaired surrogate in a description", () => patchApi({ description: LONE }), "description"],
    ["sunsetAt in year 0", () => patchApi({ sunsetAt: "0000-01-01T00:00:00Z" }), "sunsetAt"],
    ["sunsetAt before year 1 once its offset applies", () => patchApi({ sunsetAt: "0001-01-01T00:30:00+01:00" }), "sunsetAt"],
    ["NUL in revision notes", () => callRoute(revisionsRoute.POST, { method: "POST", params: { apiId }, body: { spec, notes: NUL } }), "notes"],
    ["NUL in a product name", () => callRoute(productsRoute.POST, { method: "POST", body: { name: NUL } }), "name"],
    ["an audit filter from year 0", () => callRoute(auditRoute.GET, { path: "/audit-events?from=0000-01-01T00:00:00Z" }), "from"],
    ["NUL in an audit filter", () => callRoute(auditRoute.GET, { path: "/audit-events?entityId=a%00b" }), "entityId"],
    ["NUL in a subscription filter", () => callRoute(subscriptionsRoute.GET, { path: "/subscriptions?apiId=a%00b" }), "apiId"],
  ])("%s", async (_label, send, field) => {
    const res = await send();
    expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 400, code: "validation_failed" });
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain(field);
  });
});

describe("ids in the URL reach the database unchecked: its refusal is a 400", () => {
  it.each<[string, () => ReturnType<typeof callRoute>]>([
    ["GET an API", () => callRoute(apiRoute.GET, { params: { apiId: NUL } })],
    ["PATCH an API", () => callRoute(apiRoute.PATCH, { method: "PATCH", params: { apiId: NUL }, body: { name: "x" } })],
    ["list revisions", () => callRoute(revisionsRoute.GET, { params: { apiId: NUL } })],
    ["diff revisions", () => callRoute(diffRoute.GET, { path: "/apis/x/revisions/1/diff", params: { apiId: NUL, number: "1" } })],
    ["GET a version set", () => callRoute(versionSetRoute.GET, { params: { versionSetId: NUL } })],
  ])("%s with NUL in the id", async (_label, send) => {
    const res = await send();
    expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 400, code: "validation_failed" });
  });
});

describe("toApiError maps the database's data errors, as Prisma 7 with @prisma/adapter-pg throws them", () => {
  const prisma = (code: string, sqlState?: string) =>
    Object.assign(new Error("Database error"), { code, meta: sqlState ? { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "postgres", originalCode: sqlState } } } : {} });
  it.each<[string, unknown, string]>([
    ["NUL byte (P2039 / 22021)", prisma("P2039", "22021"), "validation_failed"],
    ["date out of range (P2039 / 22008)", prisma("P2039", "22008"), "validation_failed"],
    ["bad jsonb text in a raw query (P2010 / 22P05)", prisma("P2010", "22P05"), "validation_failed"],
    ["too long for its column (P2000)", prisma("P2000"), "validation_failed"],
    ["invalid text representation (P2007)", prisma("P2007"), "validation_failed"],
    ["index row too large (P2039 / 54000)", prisma("P2039", "54000"), "validation_failed"],
    ["a pg error without Prisma (22021)", Object.assign(new Error("x"), { code: "22021" }), "validation_failed"],
    ["a serialisation failure stays ours (P2039 / 40001)", prisma("P2039", "40001"), "internal_error"],
  ])("%s -> %s", (_label, err, code) => {
    expect(toApiError(err).code).toBe(code);
  });
});
