// API publishers manage the APIs, products and version sets they own (create): another
// publisher gets 403 on every change, and on putting its API into the owner's set;
// the owner and platform admins get through.
import { beforeAll, describe, expect, it } from "vitest";
import * as apisRoute from "@/app/api/v1/apis/route";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import * as revisionsRoute from "@/app/api/v1/apis/[apiId]/revisions/route";
import * as makeCurrentRoute from "@/app/api/v1/apis/[apiId]/revisions/[number]/make-current/route";
import * as productsRoute from "@/app/api/v1/products/route";
import * as productRoute from "@/app/api/v1/products/[productId]/route";
import * as versionSetsRoute from "@/app/api/v1/version-sets/route";
import * as versionSetRoute from "@/app/api/v1/version-sets/[versionSetId]/route";
import { db } from "@/lib/db";
import { callRoute } from "../support/call-route";
import { demoSpecYaml, uniquePath } from "../support/demo-spec";
import { createIdentity, type Identity } from "../support/identities";
import { importedApi } from "../support/import-api";

let owner: Identity;
let other: Identity;
let apiId: string;
let productId: string;
let versionSetId: string;

beforeAll(async () => {
  owner = await createIdentity("api_publisher", { tag: "owner" });
  other = await createIdentity("api_publisher", { tag: "other" });
  apiId = (await importedApi({ name: "Owned", path: uniquePath("owned") }, owner)).id;
  const product = await callRoute(productsRoute.POST, {
    method: "POST",
    as: owner,
    body: { name: uniquePath("Owned product"), apiIds: [apiId] },
  });
  expect(product.status).toBe(201);
  productId = product.body.id;
  const set = await callRoute(versionSetsRoute.POST, { method: "POST", as: owner, body: { name: uniquePath("Owned set"), scheme: "path" } });
  expect(set.status).toBe(201);
  versionSetId = set.body.id;
});

type Change = { label: string; handler: unknown; method: string; params: Record<string, string>; body?: unknown };

/** Each change, as a callRoute request; run once by the other publisher (403) and once by the owner. */
const changes = (): Change[] => [
  { label: "PATCH /apis/{id}", handler: apiRoute.PATCH, method: "PATCH", params: { apiId }, body: { description: "changed" } },
  { label: "POST /apis/{id}/revisions", handler: revisionsRoute.POST, method: "POST", params: { apiId }, body: { spec: demoSpecYaml } },
  { label: "POST .../revisions/1/make-current", handler: makeCurrentRoute.POST, method: "POST", params: { apiId, number: "1" } },
  { label: "PATCH /products/{id}", handler: productRoute.PATCH, method: "PATCH", params: { productId }, body: { description: "changed" } },
  {
    label: "POST /products bundling the owner's API",
    handler: productsRoute.POST,
    method: "POST",
    params: {},
    body: { name: uniquePath("Borrowed"), apiIds: [apiId] },
  },
  { label: "PATCH /version-sets/{id}", handler: versionSetRoute.PATCH, method: "PATCH", params: { versionSetId }, body: { description: "changed" } },
  {
    label: "POST /apis into the owner's version set",
    handler: apisRoute.POST,
    method: "POST",
    params: {},
    body: { name: "Joining", path: uniquePath("joining"), backendUrl: "http://127.0.0.1:1/", spec: demoSpecYaml, versionSetId, versionName: uniquePath("v") },
  },
];

describe("publisher ownership", () => {
  it("a publisher owns what they create", async () => {
    expect((await db().api.findUniqueOrThrow({ where: { id: apiId } })).ownerId).toBe(owner.userId);
    expect((await db().product.findUniqueOrThrow({ where: { id: productId } })).ownerId).toBe(owner.userId);
  });

  it.each(changes().map((c) => c.label))("another publisher gets 403 for %s", async (label) => {
    const change = changes().find((c) => c.label === label)!;
    const res = await callRoute(change.handler, { ...change, as: other });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
  });

  it("another publisher cannot delete the owner's product", async () => {
    const res = await callRoute(productRoute.DELETE, { method: "DELETE", params: { productId }, as: other });
    expect(res.status).toBe(403);
  });

  it("another publisher cannot delete the owner's version set", async () => {
    const res = await callRoute(versionSetRoute.DELETE, { method: "DELETE", params: { versionSetId }, as: other });
    expect([res.status, res.body.error.code]).toEqual([403, "forbidden"]);
  });

  it.each(changes().map((c) => c.label))("the owner may do %s", async (label) => {
    const change = changes().find((c) => c.label === label)!;
    const res = await callRoute(change.handler, { ...change, as: owner });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  });

  it("a platform admin may change a publisher's API and the owner may delete their product", async () => {
    const patched = await callRoute(apiRoute.PATCH, { method: "PATCH", params: { apiId }, body: { description: "by admin" } });
    expect(patched.status).toBe(200);
    const deleted = await callRoute(productRoute.DELETE, { method: "DELETE", params: { productId }, as: owner });
    expect(deleted.status).toBe(200);
  });
});
