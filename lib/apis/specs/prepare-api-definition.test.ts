// The import pipeline without the database: what is refused (with pointers), what is kept.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/errors";
import { prepareApiDefinition, type PrepareOptions } from "./prepare-api-definition";

const demoSpec = readFileSync(new URL("../../../demo-backend/openapi.yaml", import.meta.url), "utf8");
const options: PrepareOptions = {
  lint: { ruleset: "recommended", customConfig: null },
  importPolicy: { allowPrivateUrls: false, maxSpecBytes: 1024 * 1024, fetchTimeoutMs: 1000 },
};
const prepare = (text: string, extra: Partial<PrepareOptions> = {}) => prepareApiDefinition(text, { ...options, ...extra });
const ok = { responses: { "200": { description: "ok" } } };
const doc = (paths: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ openapi: "3.0.3", info: { title: "t", version: "1" }, paths, ...extra });

async function refusal(text: string) {
  const err = await prepare(text).then(
    () => {
      throw new Error("expected the document to be refused");
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe("prepareApiDefinition", () => {
  it("reads the demo YAML spec, its operations and a lint report", async () => {
    const prepared = await prepare(demoSpec);
    expect(prepared).toMatchObject({ specVersion: "3.0.3", title: "Demo Orders API", sourceFormat: "openapi-3.0" });
    expect(prepared.operations.map((o) => `${o.method} ${o.path} ${o.operationId}`)).toEqual([
      "GET /hello getHello",
      "GET /echo echoRequest",
      "GET /orders listOrders",
      "POST /orders createOrder",
      "GET /orders/{orderId} getOrder",
    ]);
    expect(prepared.lint.ruleset).toBe("recommended");
  });

  it.each([
    ["broken YAML", "openapi: 3.0.0\ninfo: [unclosed", "not valid YAML", ""],
    ["broken JSON", '{"openapi": "3.0.0",', "not valid JSON", ""],
    ["a YAML scalar", "just a string", "must be a JSON or YAML object", ""],
    ["not OpenAPI", '{"hello": "world"}', "Not an OpenAPI 3.x or Swagger 2.0 document", "#/openapi"],
    ["OpenAPI 4", '{"openapi": "4.0.0", "paths": {}}', "Not an OpenAPI 3.x or Swagger 2.0 document", "#/openapi"],
    ["unreadable paths", doc([1, 2]), "paths cannot be read", "#/paths"],
    ["a path item that is a string", doc({ "/a": "nope" }), "operations cannot be read", "#/paths/~1a"],
    ["an operation that is a list", doc({ "/a": { get: [1] } }), "operations cannot be read", "#/paths/~1a/get"],
    ["a dangling $ref", doc({ "/a": { get: { responses: { "200": { $ref: "#/components/responses/Missing" } } } } }), "cannot be resolved", "#/paths/~1a/get/responses/200"],
    ["a remote $ref", doc({ "/a": { get: { responses: { "200": { $ref: "https://example.com/r.json" } } } } }), "cannot be resolved", "#/paths/~1a/get/responses/200"],
  ])("refuses %s with invalid_spec and a pointer", async (_name, text, message, pointer) => {
    const err = await refusal(text);
    expect(err.code).toBe("invalid_spec");
    expect(err.status).toBe(422);
    expect(err.message).toContain(message);
    expect((err.details?.problems as { pointer: string }[])[0]?.pointer).toBe(pointer);
  });

  it("refuses a document over the workspace size limit", async () => {
    const err = await refusal(doc({}, { "x-big": "a".repeat(1024 * 1024) }));
    expect(err.status).toBe(422);
    expect(err.message).toContain("larger than the workspace limit");
  });

  it("keeps operations with duplicate or missing operationIds and identical templated paths", async () => {
    const op = (id?: string) => ({ ...(id ? { operationId: id } : {}), ...ok });
    const paths = { "/a": { get: op("same"), post: op("same") }, "/b": { get: op() }, "/ünï/{id}": { delete: op("same") }, "/ünï/{name}": { delete: op("same") } };
    const prepared = await prepare(doc(paths));
    expect(prepared.operations.map((o) => [o.method, o.path, o.operationId])).toEqual([
      ["GET", "/a", "same"],
      ["POST", "/a", "same"],
      ["GET", "/b", null],
      ["DELETE", "/ünï/{id}", "same"],
      ["DELETE", "/ünï/{name}", "same"],
    ]);
    const rules = new Set(prepared.lint.problems.map((p) => p.ruleId));
    expect(rules).toContain("operation-operationId-unique");
    expect(rules).toContain("no-identical-paths");
  });

  it("converts Swagger 2.0 to OpenAPI 3.0, $refs included", async () => {
    const swagger = {
      swagger: "2.0",
      info: { title: "Pets", version: "1.0" },
      paths: { "/pets": { get: { operationId: "listPets", responses: { "200": { description: "ok", schema: { $ref: "#/definitions/Pet" } } } } } },
      definitions: { Pet: { type: "object", properties: { name: { type: "string" } } } },
    };
    const prepared = await prepare(JSON.stringify(swagger));
    expect(prepared).toMatchObject({ sourceFormat: "swagger-2.0", title: "Pets", version: "1.0" });
    expect(prepared.specVersion).toMatch(/^3\.0\./);
    expect(prepared.operations).toEqual([{ operationId: "listPets", method: "GET", path: "/pets", summary: "", tags: [] }]);
    expect(JSON.stringify(prepared.document)).toContain("#/components/schemas/Pet");
  });

  it("reports lint findings with rule, severity and pointer, per ruleset", async () => {
    const text = doc({ "/a": { get: ok } });
    const recommended = await prepare(text);
    expect(recommended.lint.problems).toContainEqual(
      expect.objectContaining({ ruleId: "operation-summary", severity: "error", pointer: "#/paths/~1a/get/summary" }),
    );
    const minimal = await prepare(text, { lint: { ruleset: "minimal", customConfig: null } });
    expect(minimal.lint.ruleset).toBe("minimal");
    // minimal downgrades what recommended calls an error
    expect(minimal.lint.problems).toContainEqual(expect.objectContaining({ ruleId: "operation-summary", severity: "warn" }));
    expect(minimal.lint.errors).toBeLessThan(recommended.lint.errors);
    const custom = await prepare(text, { lint: { ruleset: "custom", customConfig: "rules:\n  operation-operationId: error\n" } });
    expect(custom.lint.problems.map((p) => `${p.ruleId}:${p.severity}`)).toEqual(["operation-operationId:error"]);
  });
});
