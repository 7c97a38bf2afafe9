// What the review of the catalogue's permissions found and fixed: publishers cannot take
// over what admins created (nor nest a path inside it), tokens acting for nobody own no
// subscription, developers see neither drafts nor backend addresses, and a settings
// patch changes only what it names.
import { beforeAll, describe, expect, it } from "vitest";
import * as apisRoute from "@/app/api/v1/apis/route";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import * as productsRoute from "@/app/api/v1/products/route";
import * as settingsRoute from "@/app/api/v1/settings/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import * as secretsRoute from "@/app/api/v1/subscriptions/[subscriptionId]/secrets/route";
import type { UserRoleName } from "@/lib/iam/roles";
import { roleFromApi } from "@/lib/iam/roles";
import { sha256Hex } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { createIdentityPerRole, withToken, type Identity } from "../support/identities";
import { importApi } from "../support/import-api";

let as: Record<UserRoleName, Identity>;
let adminApi: { id: string; path: string };

beforeAll(async () => {
  as = await createIdentityPerRole({ tag: "review" });
  const created = await importApi({ name: "Admin API", path: uniquePath("admin-owned"), backendUrl: "http://10.0.0.7:9000" });
  adminApi = created.body;
});

describe("publishers and what admins created", () => {
  it("refuses a publisher's change to an admin's API", async () => {
    const res = await callRoute(apiRoute.PATCH, {
      method: "PATCH",
      as: as.api_publisher,
      params: { apiId: adminApi.id },
      body: { backendUrls: ["http://attacker.test"] },
    });
    expect(res.status).toBe(403);
  });

  const publisherImports = (path: string) => importApi({ name: "Nested", path, backendUrl: "http://publisher.test" }, as.api_publisher);

  it("refuses a publisher's API path nested inside an admin's API", async () => {
    const res = await publisherImports(`${adminApi.path}/admin`);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(adminApi.path);
  });

  it("refuses a publisher's API path around an admin's API", async () => {
    const outer = uniquePath("outer");
    const inner = await importApi({ name: "Inner", path: `${outer}/inner`, backendUrl: "http://admin.test" });
    expect(inner.status).toBe(201);
    const res = await publisherImports(outer);
    expect(res.status).toBe(403);
  });

  it("lets a publisher nest inside its own API", async () => {
    const own = await publisherImports(uniquePath("own"));
    expect(own.status).toBe(201);
    expect((await publisherImports(`${own.body.path}/v2`)).status).toBe(201);
  });

  it("lets an admin nest paths", async () => {
    const res = await importApi({ name: "Nested by admin", path: `${adminApi.path}/v2`, backendUrl: "http://admin.test" });
    expect(res.status).toBe(201);
  });
});

describe("subscriptions that belong to nobody", () => {
  it("are not readable by a developer token that acts for nobody", async () => {
    const product = await callRoute(productsRoute.POST, {
      method: "POST",
      body: { name: `Nobody ${uniquePath("p")}`, apiIds: [adminApi.id], state: "published" },
    });
    const sub = await callRoute(subscriptionsRoute.POST, { method: "POST", body: { productId: product.body.id, name: "no owner" } });
    const token = `pcl_test_${uniquePath("dev")}`;
    await db().adminApiToken.create({ data: { name: "ownerless dev", tokenHash: sha256Hex(token), prefix: "pcl_test", role: roleFromApi("developer") } });
    const res = await callRoute(secretsRoute.GET, { as: withToken(token), params: { subscriptionId: sub.body.id } });
    expect([401, 403, 404]).toContain(res.status);
    expect(JSON.stringify(res.body)).not.toContain(sub.body.primaryKey);
  });
});

describe("what developers see", () => {
  it("lists live APIs of published products without their backends, and hides drafts", async () => {
    const draft = await importApi({ name: "Draft API", path: uniquePath("draft"), backendUrl: "http://10.0.0.8", lifecycle: "draft" });
    await callRoute(productsRoute.POST, {
      method: "POST",
      body: { name: `Visible ${uniquePath("p")}`, apiIds: [adminApi.id, draft.body.id], state: "published" },
    });
    const listed = await callRoute(apisRoute.GET, { as: as.developer, path: `/apis?search=${adminApi.path}` });
    expect(listed.body.items.map((a: { id: string }) => a.id)).toContain(adminApi.id);
    const drafts = await callRoute(apisRoute.GET, { as: as.developer, path: `/apis?search=${draft.body.path}` });
    expect(drafts.body.items).toEqual([]);
    expect(JSON.stringify(listed.body)).not.toContain("10.0.0.7");
    const one = await callRoute(apiRoute.GET, { as: as.developer, params: { apiId: adminApi.id } });
    expect(one.body.backendUrls).toEqual([]);
  });
});

describe("PATCH /api/v1/settings", () => {
  it("changes only the fields it names", async () => {
    await callRoute(settingsRoute.PATCH, { method: "PATCH", body: { import: { maxSpecBytes: 4096, fetchTimeoutMs: 5000 } } });
    const res = await callRoute(settingsRoute.PATCH, { method: "PATCH", body: { import: { fetchTimeoutMs: 7000 } } });
    expect(res.body.import).toMatchObject({ maxSpecBytes: 4096, fetchTimeoutMs: 7000 });
    await callRoute(settingsRoute.PATCH, { method: "PATCH", body: { import: { maxSpecBytes: 50 * 1024 * 1024, fetchTimeoutMs: 15_000 } } });
  });
});
