// How the four scopes combine (contract/effective-policy.ts), the function both
// the gateway and the console's effective-policy answer use: rules from the
// most specific scope that sets them (null clearing), limits stacking.
import { describe, expect, it } from "vitest";
import { effectivePolicy, type ScopeChain } from "../src/contract/effective-policy";

const cors = (origin: string) => ({ allowedOrigins: [origin] });

describe("effectivePolicy: rules", () => {
  it.each<[string, ScopeChain, unknown]>([
    ["operation over API", { api: { cors: cors("https://a.example") }, operation: { cors: cors("https://op.example") } }, { value: cors("https://op.example"), scope: "operation" }],
    ["API over product", { product: { maxRequestBodyBytes: 20 }, api: { maxRequestBodyBytes: 30 } }, { value: 30, scope: "api" }],
    ["product over workspace", { workspace: { maxRequestBodyBytes: 10 }, product: { maxRequestBodyBytes: 20 } }, { value: 20, scope: "product" }],
    ["workspace when nothing narrower sets it", { workspace: { maxRequestBodyBytes: 10 }, api: {} }, { value: 10, scope: "workspace" }],
    ["null at a narrower scope clears it", { workspace: { maxRequestBodyBytes: 10 }, api: { maxRequestBodyBytes: null } }, { value: null, scope: "api" }],
  ])("%s", (_label, chain, expected) => {
    const rules = effectivePolicy(chain).rules;
    expect(rules.cors ?? rules.maxRequestBodyBytes).toEqual(expected);
  });

  it("keeps false as a value: an operation opting out of its API's validation", () => {
    expect(effectivePolicy({ api: { requestValidation: true }, operation: { requestValidation: false } }).rules.requestValidation).toEqual({ value: false, scope: "operation" });
  });

  it("reports only the rules some scope sets", () => {
    expect(effectivePolicy({ api: { ipFilter: { deny: ["10.0.0.0/8"] } } }).rules).toEqual({ ipFilter: { value: { deny: ["10.0.0.0/8"] }, scope: "api" } });
  });
});

describe("effectivePolicy: limits stack", () => {
  const rate = (calls: number) => ({ calls, periodSeconds: 60 });

  it("applies the product's and the API's limits both; an operation's replaces its API's", () => {
    expect(effectivePolicy({ product: { rateLimit: rate(100) }, api: { rateLimit: rate(10) } }).limits.map((l) => l.scope)).toEqual(["product", "api"]);
    const withOperation = effectivePolicy({ product: { rateLimit: rate(100) }, api: { rateLimit: rate(10) }, operation: { rateLimit: rate(1) } });
    expect(withOperation.limits.map((l) => [l.scope, l.value])).toEqual([["product", rate(100)], ["operation", rate(1)]]);
  });

  it("falls back to the workspace default only when neither product nor API sets that kind", () => {
    expect(effectivePolicy({ workspace: { rateLimit: rate(5) }, api: {} }).limits.map((l) => l.scope)).toEqual(["workspace"]);
    expect(effectivePolicy({ workspace: { rateLimit: rate(5) }, api: { rateLimit: rate(10) } }).limits.map((l) => l.scope)).toEqual(["api"]);
  });
});
