import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/errors";
import { extractOperations } from "./extract-operations";
import { lintOpenApi } from "./lint-openapi";
import { loadOpenApiDocument } from "./load-openapi-document";

const demoSpec = readFileSync(new URL("../../../demo-backend/openapi.yaml", import.meta.url), "utf8");

async function refusal(text: string) {
  try {
    await loadOpenApiDocument(text);
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error("expected the document to be refused");
}

describe("loadOpenApiDocument", () => {
  it("reads the demo YAML spec and its operations", async () => {
    const loaded = await loadOpenApiDocument(demoSpec);
    expect(loaded.specVersion).toBe("3.0.3");
    expect(loaded.title).toBe("Demo Orders API");
    const ops = extractOperations(loaded.document).map((o) => `${o.method} ${o.path} ${o.operationId}`);
    expect(ops).toEqual([
      "GET /hello getHello",
      "GET /echo echoRequest",
      "GET /orders listOrders",
      "POST /orders createOrder",
      "GET /orders/{orderId} getOrder",
    ]);
  });

  it("reads OpenAPI 3.1 JSON", async () => {
    const spec = { openapi: "3.1.0", info: { title: "T", version: "2" }, paths: { "/x": { get: { responses: { "200": { description: "ok" } } } } } };
    const loaded = await loadOpenApiDocument(JSON.stringify(spec));
    expect(loaded.specVersion).toBe("3.1.0");
    expect(extractOperations(loaded.document)).toHaveLength(1);
  });

  it.each([
    ["broken YAML", "openapi: 3.0.0\ninfo: [unclosed", "not valid YAML"],
    ["broken JSON", '{"openapi": "3.0.0",', "not valid JSON"],
    ["a YAML scalar", "just a string", "must be a JSON or YAML object"],
    ["not OpenAPI", '{"hello": "world"}', "Not an OpenAPI 3.x document"],
    ["unreadable paths", '{"openapi":"3.0.0","info":{"title":"t","version":"1"},"paths":[1,2]}', "paths cannot be read"],
  ])("refuses %s with a structured error", async (_name, text, message) => {
    const err = await refusal(text);
    expect(err.code).toBe("invalid_spec");
    expect(err.status).toBe(422);
    expect(err.message).toContain(message);
    expect(Array.isArray(err.details?.problems)).toBe(true);
  });

  it("refuses a dangling local $ref and points at it", async () => {
    const spec = {
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: { "/a": { get: { responses: { "200": { $ref: "#/components/responses/Missing" } } } } },
    };
    const err = await refusal(JSON.stringify(spec));
    expect(err.details?.problems).toEqual([
      { pointer: "#/paths/~1a/get/responses/200", message: "Can't resolve $ref" },
    ]);
  });

  it("keeps operations with duplicate or missing operationIds", async () => {
    const op = (id?: string) => ({ ...(id ? { operationId: id } : {}), responses: { "200": { description: "ok" } } });
    const spec = {
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: { "/a": { get: op("same"), post: op("same") }, "/b": { get: op() }, "/ünï/{id}": { delete: op("same") } },
    };
    const ops = extractOperations((await loadOpenApiDocument(JSON.stringify(spec))).document);
    expect(ops.map((o) => [o.method, o.path, o.operationId])).toEqual([
      ["GET", "/a", "same"],
      ["POST", "/a", "same"],
      ["GET", "/b", null],
      ["DELETE", "/ünï/{id}", "same"],
    ]);
  });
});

describe("lintOpenApi", () => {
  it("reports findings with rule, severity and pointer without refusing", async () => {
    const spec = { openapi: "3.0.3", info: { title: "t", version: "1" }, paths: { "/a": { get: { responses: { "200": { description: "ok" } } } } } };
    const report = await lintOpenApi(JSON.stringify(spec), "recommended");
    expect(report.errors).toBeGreaterThan(0);
    expect(report.problems).toContainEqual(
      expect.objectContaining({ ruleId: "operation-summary", severity: "error", pointer: "#/paths/~1a/get/summary" }),
    );
  });
});
