// Documents built to exhaust the import (YAML alias bombs, 20,000 levels of nesting, $ref
// chains and loops, text PostgreSQL refuses) answer 422 invalid_spec quickly, on validate,
// import and re-import alike, while legal recursive schemas still import.
import { beforeAll, describe, expect, it } from "vitest";
import * as revisionsRoute from "@/app/api/v1/apis/[apiId]/revisions/route";
import * as validateRoute from "@/app/api/v1/apis/validate/route";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { importApi, importedApi } from "../support/import-api";

type Doc = Record<string, unknown>;
const DEEP = 20_000;
const info = { title: "T", version: "1" };
const returning = (schema: unknown) => ({ responses: { "200": { description: "ok", content: { "application/json": { schema } } } } });
const oas = (paths: Doc, components: Doc = {}, version = "3.0.3") => JSON.stringify({ openapi: version, info, paths, components });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const schemas = (s: Doc) => ({ schemas: s });
const get = (name: string) => ({ "/a": { get: returning(ref(name)) } });

const aliasBomb = [
  "openapi: 3.0.3",
  "info: {title: T, version: '1'}",
  "paths: {}",
  `x-big: &big "${"x".repeat(20_000)}"`,
  "x-copies:",
  ...Array.from({ length: 5_000 }, () => "  - *big"),
].join("\n");
const circularAlias = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\nx-loop: &loop\n  self: *loop\n";
const chain = Object.fromEntries(
  Array.from({ length: DEEP }, (_, i) => [`S${i}`, i === DEEP - 1 ? { type: "string" } : { type: "object", properties: { next: ref(`S${i + 1}`) } }]),
);

const refused: [string, string, RegExp][] = [
  ["a YAML alias bomb (20 KB x 5,000)", aliasBomb, /aliases expanded.*larger than/],
  ["a YAML alias inside its own anchor", circularAlias, /refers to a node that contains it/],
  ["JSON nested 20,000 levels", `{"openapi":"3.0.3","info":{"title":"T","version":"1"},"paths":{},"x-deep":${"[".repeat(DEEP)}${"]".repeat(DEEP)}}`, /nests deeper/],
  ["YAML nested 20,000 levels", `openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\nx-deep: ${"[".repeat(DEEP)}${"]".repeat(DEEP)}\n`, /nests deeper/],
  ["a chain of 20,000 schemas, each referencing the next", oas(get("S0"), schemas(chain)), /nests deeper/],
  ["a schema that is only a $ref to itself (A -> A)", oas(get("A"), schemas({ A: ref("A") })), /\$ref loop/],
  ["a $ref loop without content (A -> B -> A)", oas(get("A"), schemas({ A: ref("B"), B: ref("A") })), /\$ref loop/],
  [
    "a path item $ref loop",
    oas({ "/a": { $ref: "#/components/pathItems/P" } }, { pathItems: { P: { $ref: "#/components/pathItems/Q" }, Q: { $ref: "#/components/pathItems/P" } } }, "3.1.0"),
    /\$ref loop/,
  ],
  [
    "a Swagger 2.0 definitions loop",
    JSON.stringify({ swagger: "2.0", info, paths: { "/a": { get: { responses: { "200": { description: "ok", schema: { $ref: "#/definitions/A" } } } } } }, definitions: { A: { $ref: "#/definitions/B" }, B: { $ref: "#/definitions/A" } } }),
    /\$ref loop/,
  ],
  ["a NUL character in a string (JSON escape)", oas({ "/a": { get: { summary: "a\u0000b", ...returning({ type: "string" }) } } }), /NUL/],
  ["an unpaired surrogate in a key", oas({ "/a\ud800": { get: returning({ type: "string" }) } }), /surrogate/],
  ["a NUL character in YAML", "openapi: 3.0.3\ninfo: {title: \"T\\0\", version: '1'}\npaths: {}\n", /NUL/],
];

const legal: [string, string, number][] = [
  ["a tree node referencing itself", oas(get("Node"), schemas({ Node: { type: "object", properties: { children: { type: "array", items: ref("Node") } } } })), 1],
  [
    "mutual recursion through content (GitHub's issue <-> user style)",
    oas(
      { "/a": { get: returning(ref("Issue")) }, "/b": { get: returning(ref("User")) } },
      schemas({ Issue: { type: "object", properties: { author: ref("User") } }, User: { type: "object", properties: { issues: { type: "array", items: ref("Issue") } } } }),
    ),
    2,
  ],
  ["a ref to a ref to content", oas(get("A"), schemas({ A: ref("B"), B: { type: "string" } })), 1],
  ["YAML with modest aliases", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get: &op\n      responses: {'200': {description: ok}}\n  /b:\n    get: *op\n", 2],
];

let apiId = "";
beforeAll(async () => {
  apiId = (await importedApi({ name: "Target", path: uniquePath("bad-spec"), spec: oas({}) })).id;
});

const entryPoints = {
  validate: (spec: string) => callRoute(validateRoute.POST, { method: "POST", path: "/apis/validate", body: { spec } }),
  import: (spec: string) => importApi({ name: "Bad", path: uniquePath("bad"), lifecycle: "draft", spec }),
  revision: (spec: string) => callRoute(revisionsRoute.POST, { method: "POST", path: `/apis/${apiId}/revisions`, params: { apiId }, body: { spec } }),
};

describe.each(Object.entries(entryPoints))("%s", (_entry, send) => {
  it.each(refused)("refuses %s with 422 invalid_spec, quickly and with bounded memory", async (_label, spec, message) => {
    const heapBefore = process.memoryUsage().heapUsed;
    const startedAt = performance.now();
    const res = await send(spec);
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 422, code: "invalid_spec" });
    expect(res.body.error.problems[0].message).toMatch(message);
    expect(performance.now() - startedAt).toBeLessThan(5_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it.each(legal)("accepts %s", async (_label, spec, operations) => {
    const res = await send(spec);
    expect(res.status).toBe(_entry === "validate" ? 200 : 201);
    expect(res.body.operationCount ?? res.body.operations?.length).toBe(operations);
  });
});
