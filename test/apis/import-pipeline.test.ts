// Import through the management API: formats, refusals with pointers, messy specs kept,
// lint endpoint, workspace settings, URL import policy, and GitHub's 13 MB description.
import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as lintRoute from "@/app/api/v1/apis/[apiId]/lint/route";
import * as validateRoute from "@/app/api/v1/apis/validate/route";
import * as settingsRoute from "@/app/api/v1/settings/route";
import { callRoute } from "../support/call-route";
import { demoSpecYaml } from "../support/demo-spec";
import { importApi } from "../support/import-api";

const ok = { responses: { "200": { description: "ok" } } };
const oas = (version: string, paths: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ openapi: version, info: { title: "T", version: "1" }, paths, ...extra });

/** `spec` or `specUrl`, imported as a draft (so nothing reaches the gateways). */
const importSpec = (spec: Record<string, unknown>) => importApi({ name: "Imported", spec: undefined, lifecycle: "draft", ...spec });
const patchSettings = (body: unknown) => callRoute(settingsRoute.PATCH, { method: "PATCH", path: "/settings", body });

let server: Server;
let baseUrl = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/redirect") return res.writeHead(302, { location: "/spec.yaml" }).end();
    if (req.url === "/spec.yaml") return res.writeHead(200, { "content-type": "application/yaml" }).end(demoSpecYaml);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

const restoreSettings = () => patchSettings({ lint: { ruleset: "recommended", customConfig: null }, import: { allowPrivateUrls: false } });

afterAll(async () => {
  await restoreSettings();
  server.close();
});

describe("formats", () => {
  const swagger = JSON.stringify({
    swagger: "2.0",
    info: { title: "Pets", version: "1" },
    paths: { "/pets/{id}": { get: { operationId: "getPet", parameters: [{ name: "id", in: "path", required: true, type: "string" }], responses: { "200": { description: "ok", schema: { $ref: "#/definitions/Pet" } } } } } },
    definitions: { Pet: { type: "object" } },
  });
  it.each([
    ["OpenAPI 3.0 YAML", demoSpecYaml, "openapi-3.0", 5],
    ["OpenAPI 3.1 JSON", oas("3.1.0", { "/x": { get: ok, post: ok } }), "openapi-3.1", 2],
    ["Swagger 2.0 JSON", swagger, "swagger-2.0", 1],
  ])("imports %s with a lint report", async (_name, spec, sourceFormat, operations) => {
    const res = await importSpec({ spec });
    expect(res.status).toBe(201);
    expect(res.body.operations).toHaveLength(operations);
    expect(res.body.currentRevision.sourceFormat).toBe(sourceFormat);
    expect(res.body.lint).toEqual({ ruleset: "recommended", errors: expect.any(Number), warnings: expect.any(Number) });
  });
});

describe("refusals", () => {
  it.each([
    ["bad YAML", "openapi: 3.0.0\ninfo: [unclosed", ""],
    ["a dangling $ref", oas("3.0.3", { "/a": { get: { responses: { "200": { $ref: "#/components/responses/Gone" } } } } }), "#/paths/~1a/get/responses/200"],
    ["a document that is not OpenAPI", '{"asyncapi": "2.6.0"}', "#/openapi"],
  ])("refuses %s with 422 invalid_spec and pointers", async (_name, spec, pointer) => {
    const res = await importSpec({ spec });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("invalid_spec");
    expect(res.body.error.problems[0]).toEqual({ pointer, message: expect.any(String) });
  });

  it("requires exactly one of spec and specUrl", async () => {
    const res = await importSpec({ spec: demoSpecYaml, specUrl: `${baseUrl}/spec.yaml` });
    expect(res.status).toBe(400);
  });
});

describe("messy specs are kept, never a 500", () => {
  const big = "x".repeat(2_000_000);
  it.each([
    ["duplicate operationIds", oas("3.0.3", { "/a": { get: { operationId: "dup", ...ok }, post: { operationId: "dup", ...ok } } }), 2],
    ["identical templated paths", oas("3.0.3", { "/u/{id}": { get: ok }, "/u/{name}": { get: ok } }), 2],
    ["missing operationIds", oas("3.0.3", { "/a": { get: ok, put: ok } }), 2],
    ["$ref siblings", oas("3.0.3", { "/a": { get: { responses: { "200": { $ref: "#/components/responses/R", description: "sib" } } } } }, { components: { responses: { R: { description: "ok" } } } }), 1],
    ["odd keys under a path", oas("3.0.3", { "/a": { "x-foo": { get: 1 }, FETCH: {}, get: ok, parameters: [] } }), 1],
    ["unicode", oas("3.0.3", { "/ünï/çødé/🚀": { get: { summary: "日本語", tags: ["тег"], ...ok } } }), 1],
    ["a huge example", oas("3.0.3", { "/a": { get: { responses: { "200": { description: "ok", content: { "text/plain": { schema: { type: "string" }, example: big } } } } } } }), 1],
    ["a 3.1 webhooks-only document", oas("3.1.0", undefined, { webhooks: { ping: { post: ok } } }), 0],
    ["a path item $ref", oas("3.1.0", { "/a": { $ref: "#/components/pathItems/A" } }, { components: { pathItems: { A: { get: ok } } } }), 1],
    ["YAML anchors and duplicate keys", "openapi: 3.0.3\ninfo: {title: t, version: 1}\npaths:\n  /a:\n    get: &op {responses: {'200': {description: ok}}}\n    post: *op\n    post: *op\n", 2],
    ["a numeric info.version", '{"openapi":"3.0.0","info":{"title":"t","version":2},"paths":{"/a":{"get":{}}}}', 1],
  ])("%s", async (_name, spec, operations) => {
    const res = await importSpec({ spec });
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(201);
    expect(res.body.operations).toHaveLength(operations);
  });
});

describe("lint endpoint and validate (dry run)", () => {
  it("gives the problems of the current revision, and 404 for a revision that does not exist", async () => {
    const created = await importSpec({ spec: oas("3.0.3", { "/a/": { get: ok } }) });
    const report = await callRoute(lintRoute.GET, { path: `/apis/${created.body.id}/lint`, params: { apiId: created.body.id } });
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ ruleset: "recommended", errors: created.body.lint.errors, warnings: created.body.lint.warnings });
    expect(report.body.problems).toContainEqual({ ruleId: "no-path-trailing-slash", severity: "error", message: expect.any(String), pointer: "#/paths/~1a~1" });
    const missing = await callRoute(lintRoute.GET, { path: `/apis/${created.body.id}/lint?revision=9`, params: { apiId: created.body.id } });
    expect(missing.status).toBe(404);
  });

  it("validates without storing and streams phases when asked", async () => {
    const res = await callRoute(validateRoute.POST, { method: "POST", path: "/apis/validate", body: { spec: demoSpecYaml } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ specVersion: "3.0.3", sourceFormat: "openapi-3.0", title: "Demo Orders API", operationCount: 5 });
    expect(Array.isArray(res.body.lint.problems)).toBe(true);

    const streamed = await callRoute(validateRoute.POST, {
      method: "POST",
      path: "/apis/validate",
      headers: { accept: "application/x-ndjson" },
      body: { spec: "openapi: [" },
    });
    const lines = String(streamed.body).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ phase: "parse", status: "start" });
    expect(lines.at(-1)).toMatchObject({ status: 422, body: { error: { code: "invalid_spec" } } });
  });
});

describe("workspace settings", () => {
  afterEach(restoreSettings);

  it("change the ruleset every import uses, and refuse an unusable custom config", async () => {
    expect((await patchSettings({ lint: { ruleset: "minimal" } })).status).toBe(200);
    expect((await importSpec({ spec: demoSpecYaml })).body.lint.ruleset).toBe("minimal");

    const custom = await patchSettings({ lint: { ruleset: "custom", customConfig: "rules:\n  operation-description: error\n" } });
    expect(custom.body.lint).toEqual({ ruleset: "custom", customConfig: "rules:\n  operation-description: error\n" });
    const linted = await callRoute(validateRoute.POST, { method: "POST", body: { spec: oas("3.0.3", { "/a": { get: ok } }) } });
    expect(linted.body.lint.problems.map((p: { ruleId: string }) => p.ruleId)).toEqual(["operation-description"]);

    for (const customConfig of ["plugins: ['./evil.js']", "extends: ['https://example.com/x.yaml']", "rules: [1"]) {
      const refused = await patchSettings({ lint: { ruleset: "custom", customConfig } });
      expect(refused.status, customConfig).toBe(400);
    }
    const current = await callRoute(settingsRoute.GET, { path: "/settings" });
    expect(current.body.lint.customConfig).toBe("rules:\n  operation-description: error\n");
    expect(current.body.governance).toEqual({ requireLintCleanToPublish: false });
  });

  it("fetch spec URLs only from public addresses unless private URLs are allowed", async () => {
    await patchSettings({ import: { allowPrivateUrls: false } });
    for (const specUrl of [`${baseUrl}/spec.yaml`, `http://localhost:${new URL(baseUrl).port}/spec.yaml`, "http://[::1]:1/x", "http://169.254.169.254/latest"]) {
      const refused = await importSpec({ specUrl });
      expect(refused.status, specUrl).toBe(422);
      expect(refused.body.error.message, specUrl).toMatch(/private, loopback, link-local or multicast/);
    }
    await patchSettings({ import: { allowPrivateUrls: true } });
    const imported = await importSpec({ specUrl: `${baseUrl}/redirect` });
    expect(imported.status).toBe(201);
    expect(imported.body.operations).toHaveLength(5);
    const notFound = await importSpec({ specUrl: `${baseUrl}/nope` });
    expect(notFound.status).toBe(422);
    expect(notFound.body.error.message).toContain("HTTP 404");
  });
});

describe("GitHub's REST API description", () => {
  it("imports all 1,223 operations with its lint report", { timeout: 180_000 }, async () => {
    const file = createRequire(import.meta.url).resolve("@octokit/openapi/generated/api.github.com.json");
    const res = await importSpec({ spec: readFileSync(file, "utf8") });
    expect(res.status).toBe(201);
    expect(res.body.operations).toHaveLength(1223);
    expect(res.body.lint).toMatchObject({ ruleset: "recommended", errors: 1630 });
  });
});
