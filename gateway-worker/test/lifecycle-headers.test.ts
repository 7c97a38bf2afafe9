// Deprecated APIs announce themselves (RFC 9745 Deprecation) and their end (RFC 8594 Sunset).
import { describe, expect, it } from "vitest";
import { compileConfig } from "../src/config/compile-config";
import { Pipeline } from "../src/pipeline/pipeline";
import { lifecyclePolicy } from "../src/policies/lifecycle";
import type { PolicyContext } from "../src/policies/policy";
import { makeApi, makeSnapshot } from "./helpers/snapshots";

function ctxFor(api: ReturnType<typeof makeApi>): PolicyContext {
  const config = compileConfig(makeSnapshot({ apis: [api] }), new Pipeline([]));
  return { requestId: "r", method: "GET", pathname: "/demo", headers: {}, query: "", api, config, now: Date.now(), responseHeaders: {} };
}

describe("lifecycle headers", () => {
  it.each([
    ["deprecated", "2030-07-01T00:00:00.000Z", { deprecation: "true", sunset: "Mon, 01 Jul 2030 00:00:00 GMT" }],
    ["deprecated", null, { deprecation: "true" }],
    ["published", "2030-07-01T00:00:00.000Z", {}], // a sunset date alone announces nothing
  ] as const)("%s with sunsetAt %s -> %j", async (lifecycle, sunsetAt, headers) => {
    const api = makeApi({ lifecycle, sunsetAt });
    const ctx = ctxFor(api);
    expect(await lifecyclePolicy.handle(ctx, lifecycle)).toBeUndefined();
    expect(ctx.responseHeaders).toEqual(headers);
  });

  it("a retired API answers 410 whatever its sunset date", async () => {
    const api = makeApi({ lifecycle: "retired", sunsetAt: "2020-01-01T00:00:00.000Z" });
    expect((await lifecyclePolicy.handle(ctxFor(api), "retired"))?.status).toBe(410);
  });
});
