// The management API's OpenAPI document: complete (every route file method is described,
// nothing else is), valid OpenAPI 3.1 by Redocly's recommended rules, public, and truthful
// (real answers of the list routes match their documented response schemas).
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { beforeAll, describe, expect, it } from "vitest";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import { buildOpenApiDocument } from "@/lib/management-api/build-openapi-document";
import { managementApiRoutes } from "@/lib/management-api/management-api-routes";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { discoverApiRoutes, type DiscoveredRoute } from "../support/discover-api-routes";
import { importApi } from "../support/import-api";

type Operation = { operationId?: string; requestBody?: unknown; responses: Record<string, unknown>; security?: unknown[] };
const document = buildOpenApiDocument();
const paths = document.paths as Record<string, Record<string, Operation>>;
const documentedKeys = Object.entries(paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
let routes: DiscoveredRoute[] = [];

beforeAll(async () => {
  routes = await discoverApiRoutes();
});

describe("completeness", () => {
  it("describes every method of every route file under app/api/v1", () => {
    const missing = routes.map((r) => r.key).filter((key) => !documentedKeys.includes(key));
    expect(missing, "add an entry in lib/management-api/routes/* for each of these").toEqual([]);
  });

  it("describes no route that does not exist", () => {
    const existing = routes.map((r) => r.key);
    expect(documentedKeys.filter((key) => !existing.includes(key))).toEqual([]);
  });

  it("gives every operation a unique operationId, a success response and the error shape", () => {
    const ids = Object.values(paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    for (const [key, op] of Object.entries(paths).flatMap(([p, item]) => Object.entries(item).map(([m, o]) => [`${m} ${p}`, o] as const))) {
      expect(Object.keys(op.responses).some((s) => s.startsWith("2")), key).toBe(true);
      if (op.security?.length !== 0) expect(op.responses["401"], key).toMatchObject({ content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
    }
  });
});

describe("validity", () => {
  it("is OpenAPI 3.1 with bearer security and no error from Redocly's recommended rules", async () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.components?.securitySchemes?.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    const problems = await lintFromString({
      source: JSON.stringify(document),
      absoluteRef: "/openapi.json",
      config: await createConfig({ extends: ["recommended"] }),
    });
    const errors = problems.filter((p) => p.severity === "error").map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(errors).toEqual([]);
  });

  it("describes request bodies with the zod schemas the handlers validate with", () => {
    const importApi = paths["/apis"]?.post?.requestBody as { content: Record<string, { schema: unknown }> };
    const schema = JSON.stringify(importApi.content["application/json"]?.schema);
    for (const field of ["name", "path", "backendUrl", "spec"]) expect(schema).toContain(`"${field}"`);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("is public and serves the document", async () => {
    const res = await callRoute(openapiRoute.GET, { as: null, path: "/openapi.json" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ openapi: "3.1.0", info: { title: "Portcullis management API" } });
    expect(Object.keys(res.body.paths)).toContain("/tokens");
  });
});

describe("truthfulness", () => {
  it("every list route without path parameters answers what its response schema says", async () => {
    // Something in each list, so item schemas are exercised too.
    const api = await importApi({ name: "Documented", path: uniquePath("documented") });
    expect(api.status).toBe(201);
    const product = await callRoute(routes.find((r) => r.key === "POST /products")?.handler, {
      method: "POST",
      body: { name: uniquePath("Documented product"), apiIds: [api.body.id], state: "published" },
    });
    expect(product.status).toBe(201);
    const sub = await callRoute(routes.find((r) => r.key === "POST /subscriptions")?.handler, {
      method: "POST",
      body: { productId: product.body.id, name: "Documented app" },
    });
    expect(sub.status).toBe(201);

    const checked: string[] = [];
    for (const doc of managementApiRoutes.filter((d) => d.method === "get" && !d.path.includes("{") && d.response.schema)) {
      const route = routes.find((r) => r.key === `GET ${doc.path}`);
      const res = await callRoute(route?.handler, { path: doc.path });
      expect(res.status, doc.path).toBe(200);
      const parsed = doc.response.schema?.safeParse(res.body);
      expect(parsed?.error?.issues ?? [], doc.path).toEqual([]);
      checked.push(doc.path);
    }
    expect(checked).toEqual(expect.arrayContaining(["/apis", "/products", "/subscriptions", "/users", "/tokens", "/audit-events"]));
  });
});
