// Deprecated APIs announce themselves (RFC 9745 Deprecation) and their end (RFC 8594 Sunset).
import { describe, expect, it } from "vitest";
import { compileConfig } from "../src/config/compile-config";
import { Pipeline } from "../src/pipeline/pipeline";
import { lifecycleHeaders, lifecyclePolicy } from "../src/policies/lifecycle";
import type { PolicyContext } from "../src/policies/policy";
import { makeApi, makeSnapshot } from "./helpers/snapshots";

/** The settings the pipeline prepares once per config for `api`. */
const settingsOf = (api: ReturnType<typeof makeApi>) => lifecyclePolicy.schema.parse(lifecyclePolicy.settingsFor(api, makeSnapshot({ apis: [api] })));

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
    expect(await lifecyclePolicy.handle(ctx, settingsOf(api))).toBeUndefined();
    expect(ctx.responseHeaders).toEqual(headers);
  });

  it("a retired API answers 410 whatever its sunset date", async () => {
    const api = makeApi({ lifecycle: "retired", sunsetAt: "2020-01-01T00:00:00.000Z" });
    expect((await lifecyclePolicy.handle(ctxFor(api), settingsOf(api)))?.status).toBe(410);
  });

  it("writes the Sunset date once, when the config is compiled: every request gets the same header value", () => {
    expect(lifecycleHeaders("deprecated", "2030-07-01T12:30:00.000Z")).toEqual({ deprecation: "true", sunset: "Mon, 01 Jul 2030 12:30:00 GMT" });
    expect(lifecycleHeaders("published", "2030-07-01T12:30:00.000Z")).toBeNull();
    const api = makeApi({ lifecycle: "deprecated", sunsetAt: "2030-07-01T00:00:00.000Z" });
    const settings = settingsOf(api);
    const [first, second] = [ctxFor(api), ctxFor(api)];
    lifecyclePolicy.handle(first, settings);
    lifecyclePolicy.handle(second, settings);
    expect(second.responseHeaders).toEqual(first.responseHeaders);
    expect(first.responseHeaders.sunset).toBe("Mon, 01 Jul 2030 00:00:00 GMT");
  });

  it("leaves a published API's pipeline without the lifecycle step", () => {
    expect(lifecyclePolicy.inactive?.(settingsOf(makeApi({ lifecycle: "published" })))).toBe(true);
    expect(lifecyclePolicy.inactive?.(settingsOf(makeApi({ lifecycle: "deprecated" })))).toBe(false);
    expect(lifecyclePolicy.inactive?.(settingsOf(makeApi({ lifecycle: "retired" })))).toBe(false);
  });
});
