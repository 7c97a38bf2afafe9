// The pipeline runs policies by priority (highest first), stops at the first
// rejection, and validates each policy's settings once, at compile time.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { makeApi, makeSnapshot } from "./helpers/snapshots";
import { compileConfig } from "../src/config/compile-config";
import { rejection } from "../src/http/errors";
import { Pipeline, PolicySettingsError } from "../src/pipeline/pipeline";
import { defaultPolicies } from "../src/policies";
import { lifecyclePolicy } from "../src/policies/lifecycle";
import type { AnyPolicy, PolicyContext } from "../src/policies/policy";

function recorder(name: string, priority: number, calls: string[], reject = false): AnyPolicy {
  return {
    name,
    priority,
    schema: z.unknown(),
    settingsFor: () => undefined,
    async handle() {
      calls.push(name);
      return reject ? { status: 418, code: `${name}_says_no`, message: "no" } : undefined;
    },
  };
}

function makeCtx(api = makeApi()): PolicyContext {
  const config = compileConfig(makeSnapshot({ apis: [api] }), new Pipeline([]));
  return { requestId: "r", method: "GET", pathname: "/demo", headers: {}, query: "", api, config, now: Date.now(), responseHeaders: {} };
}

describe("Pipeline", () => {
  it("runs highest priority first, ties by name, whatever the registration order", async () => {
    const calls: string[] = [];
    const pipeline = new Pipeline([
      recorder("low", 10, calls),
      recorder("high", 2000, calls),
      recorder("mid-b", 900, calls),
      recorder("mid-a", 900, calls),
    ]);
    expect(pipeline.describe()).toBe("high(2000) -> mid-a(900) -> mid-b(900) -> low(10)");
    const outcome = await pipeline.prepare(makeApi(), makeSnapshot()).run(makeCtx());
    expect(outcome).toBeUndefined();
    expect(calls).toEqual(["high", "mid-a", "mid-b", "low"]);
  });

  it("stops at the first rejection", async () => {
    const calls: string[] = [];
    const pipeline = new Pipeline([recorder("first", 3, calls), recorder("second", 2, calls, true), recorder("third", 1, calls)]);
    const outcome = await pipeline.prepare(makeApi(), makeSnapshot()).run(makeCtx());
    expect(outcome?.code).toBe("second_says_no");
    expect(calls).toEqual(["first", "second"]);
  });

  it("default policies run in the order of pipeline/policy-order.ts", () => {
    expect(new Pipeline(defaultPolicies).policies.map((p) => p.name)).toEqual([
      "transport-security",
      "cors",
      "lifecycle",
      "path-encoding",
      "operation-match",
      "websocket-upgrade",
      "client-certificate",
      "subscription-key",
      "ip-filter",
      "jwt-validation",
      "access-rules",
      "body-size",
      "request-validation",
      "header-rules",
      "identity-forwarding",
    ]);
  });

  it("refuses a policy registered twice", () => {
    expect(() => new Pipeline([lifecyclePolicy, lifecyclePolicy])).toThrow(/twice/);
  });

  it("leaves out the policies that have nothing to do for the API, and runs synchronously while nothing is async", async () => {
    const calls: string[] = [];
    const sync = (name: string, priority: number, settings: unknown): AnyPolicy => ({
      name,
      priority,
      schema: z.unknown(),
      settingsFor: () => settings,
      inactive: (s) => s === null,
      handle() {
        calls.push(name);
        return undefined;
      },
    });
    const prepared = new Pipeline([sync("first", 30, {}), sync("idle", 20, null), sync("last", 10, {})]).prepare(makeApi(), makeSnapshot());
    expect(prepared.policyNames).toEqual(["first", "last"]);
    const outcome = prepared.run(makeCtx());
    expect(outcome).toBeUndefined(); // a value, not a promise
    expect(calls).toEqual(["first", "last"]);

    calls.length = 0;
    const mixed = new Pipeline([sync("first", 30, {}), recorder("async", 20, calls), sync("last", 10, {})]).prepare(makeApi(), makeSnapshot());
    const pending = mixed.run(makeCtx());
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toBeUndefined();
    expect(calls).toEqual(["first", "async", "last"]);
  });

  it("prepares an API with no rules, token, operations or lifecycle news without those policies", () => {
    const names = new Pipeline(defaultPolicies).prepare(makeApi(), makeSnapshot()).policyNames;
    expect(names).toContain("subscription-key"); // it strips keys even when none is required
    for (const idle of ["transport-security", "cors", "lifecycle", "operation-match", "jwt-validation", "ip-filter", "body-size", "request-validation", "header-rules"]) {
      expect(names).not.toContain(idle);
    }
    const busy = makeApi({ lifecycle: "deprecated", operations: [{ method: "GET", path: "/x" }], policy: { cors: { allowedOrigins: ["*"] } } });
    expect(new Pipeline(defaultPolicies).prepare(busy, makeSnapshot({ apis: [busy] })).policyNames).toEqual(
      expect.arrayContaining(["lifecycle", "operation-match", "cors"]),
    );
  });

  it("validates settings at prepare time, not per request", () => {
    const strict: AnyPolicy = { ...recorder("strict", 1, []), schema: z.number(), settingsFor: (api) => api.name };
    expect(() => new Pipeline([strict]).prepare(makeApi(), makeSnapshot())).toThrow(PolicySettingsError);
  });

  it("a retired API is refused before the key is even read", async () => {
    const api = makeApi({ lifecycle: "retired" });
    const ctx = makeCtx(api);
    const outcome = await new Pipeline(defaultPolicies).prepare(api, makeSnapshot()).run(ctx);
    expect(outcome).toEqual(rejection("api_retired"));
    expect(outcome?.status).toBe(410);
  });

  it.each([
    ["published", undefined],
    ["draft", undefined],
    ["deprecated", "true"],
  ] as const)("lifecycle %s -> Deprecation header %s", async (lifecycle, header) => {
    const ctx = makeCtx();
    const settings = lifecyclePolicy.schema.parse(lifecyclePolicy.settingsFor(makeApi({ lifecycle }), makeSnapshot()));
    expect(await lifecyclePolicy.handle(ctx, settings)).toBeUndefined();
    expect(ctx.responseHeaders["deprecation"]).toBe(header);
  });
});
