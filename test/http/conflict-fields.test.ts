// A 409 about one field says which (`field` beside code and message), so the console puts
// the message under that field; table of the conflicts a form can run into.
import { describe, expect, it } from "vitest";
import * as productsRoute from "@/app/api/v1/products/route";
import * as realmsRoute from "@/app/api/v1/realms/route";
import * as clientsRoute from "@/app/api/v1/realms/[realm]/clients/route";
import { callRoute } from "@/test/support/call-route";
import { uniquePath } from "@/test/support/demo-spec";
import { importApi, importedApi } from "@/test/support/import-api";

const tag = () => uniquePath("c").replace(/[^a-z0-9-]/g, "-");

describe("conflicts name their field", () => {
  it("an API path already used names `path` and the API that holds it", async () => {
    const first = await importedApi();
    const res = await importApi({ path: first.path, name: "Second" });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: { code: "conflict", message: expect.stringContaining(`already used by API '${first.name}'`), field: "path" } });
  });

  it("a product name already taken names `name`", async () => {
    const name = `Product ${tag()}`;
    const create = () => callRoute(productsRoute.POST, { method: "POST", path: "/products", body: { name } });
    expect((await create()).status).toBe(201);
    const res = await create();
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: { code: "conflict", message: `A product named '${name}' already exists`, field: "name" } });
  });

  it("a realm name already taken (a unique index) names `name`", async () => {
    const name = tag();
    const create = () => callRoute(realmsRoute.POST, { method: "POST", path: "/realms", body: { name } });
    expect((await create()).status).toBe(201);
    const res = await create();
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: { code: "conflict", message: expect.stringMatching(/name/), field: "name" } });
  });

  it("a realm client id already taken names `clientId`", async () => {
    const realm = tag();
    expect((await callRoute(realmsRoute.POST, { method: "POST", path: "/realms", body: { name: realm } })).status).toBe(201);
    const create = () =>
      callRoute(clientsRoute.POST, { method: "POST", path: `/realms/${realm}/clients`, params: { realm }, body: { clientId: "billing", type: "public", redirectUris: ["https://app.example/cb"] } });
    const first = await create();
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const res = await create();
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: { code: "conflict", message: expect.stringMatching(/clientId/), field: "clientId" } });
  });
});
