// Sharded lint (lint-in-worker.ts) must report exactly what one single-threaded lint of the
// same JSON reports: the same multiset of {ruleId, severity, message, pointer}.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Source } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import type { LintSettings } from "./lint-config";
import { lintInWorker } from "./lint-in-worker";
import { lintOpenApiDocument } from "./lint-openapi";
import { planLintShards } from "./lint-shards";

const recommended: LintSettings = { ruleset: "recommended", customConfig: null };

async function expectSameAsSingleThreaded(json: string, settings: LintSettings) {
  const single = await lintOpenApiDocument({ source: new Source("/openapi.json", json), parsed: JSON.parse(json) }, settings);
  const sharded = await lintInWorker(json, JSON.parse(json), settings, { shards: 2 });
  // Both reports are sorted by toLintReport, so equal arrays are equal multisets.
  expect(sharded.problems).toEqual(single.problems);
  expect(sharded).toEqual(single);
  return single;
}

// Example errors inline in paths that land in different shards, in a shared component
// response, and in one component example referenced from two paths in different shards
// (reported twice by Redocly: a multiset, never deduplicated).
const json = (() => {
  const objectSchema = { type: "object", properties: { n: { type: "integer" } }, additionalProperties: false };
  const inline = (example: unknown) => ({ description: "ok", content: { "application/json": { schema: objectSchema, example } } });
  const viaShared = { description: "ok", content: { "application/json": { schema: objectSchema, examples: { shared: { $ref: "#/components/examples/Bad" } } } } };
  const op = (id: string, responses: Record<string, unknown>) => ({ get: { operationId: id, summary: id, responses } });
  return JSON.stringify({
    openapi: "3.0.3",
    info: { title: "examples", version: "1" },
    paths: {
      "/a": op("a", { "200": inline({ n: "one" }), "201": viaShared }),
      "/b": op("b", { "200": inline({ n: 2, extra: true }), "404": { $ref: "#/components/responses/Broken" } }),
      "/c": op("c", { "200": inline({ n: 3 }) }),
      "/d": op("d", { "200": inline({ n: 1.5 }), "201": viaShared, "404": { $ref: "#/components/responses/Broken" } }),
    },
    components: {
      examples: { Bad: { value: { n: "bad" } } },
      responses: { Broken: inline([1, 2]) },
    },
  });
})();

describe("sharded lint", () => {
  it("splits the small spec so that example errors land in both the main task and a shard", () => {
    const shards = planLintShards(JSON.parse(json), json, 2);
    expect(shards).toHaveLength(1);
    expect(shards[0]).toContain("/a");
    expect(shards[0]).not.toContain("/d");
  });

  it("reports what a single-threaded lint reports, for example errors in paths and in components", async () => {
    const report = await expectSameAsSingleThreaded(json, recommended);
    const examples = report.problems.filter((p) => p.ruleId === "no-invalid-media-type-examples");
    const at = (prefix: string) => examples.filter((p) => p.pointer.startsWith(prefix)).length;
    expect(at("#/paths/~1a/")).toBeGreaterThan(0);
    expect(at("#/paths/~1d/")).toBeGreaterThan(0);
    expect(at("#/components/responses/Broken/")).toBeGreaterThan(0);
    expect(at("#/components/examples/Bad/")).toBe(2);
  });

  it.each([
    ["only the sharded rule (no struct)", "rules:\n  no-invalid-media-type-examples: error\n"],
    ["the sharded rule with options", "extends: [minimal]\nrules:\n  no-invalid-media-type-examples:\n    severity: warn\n    allowAdditionalProperties: true\n"],
    ["the sharded rule off (no shards)", "extends: [recommended]\nrules:\n  no-invalid-media-type-examples: 'off'\n"],
  ])("works for a custom ruleset with %s", async (_name, customConfig) => {
    await expectSameAsSingleThreaded(json, { ruleset: "custom", customConfig });
  });

  it("reports what a single-threaded lint reports for GitHub's REST API description", { timeout: 120_000 }, async () => {
    const file = createRequire(import.meta.url).resolve("@octokit/openapi/generated/api.github.com.json");
    const github = readFileSync(file, "utf8");
    expect(planLintShards(JSON.parse(github), github, 2)).toHaveLength(1);
    const report = await expectSameAsSingleThreaded(github, recommended);
    expect(report).toMatchObject({ errors: 1630, warnings: 2280 });
  });
});
