// The gateway serves the current revision's operations: templated segments
// match one segment, unknown paths are 404, known paths with the wrong method 405.
import { describe, expect, it } from "vitest";
import { compileConfig } from "../src/config/compile-config";
import { gatewayConfigSnapshotSchema } from "../src/contract/config-snapshot";
import { Pipeline } from "../src/pipeline/pipeline";
import { defaultPolicies } from "../src/policies";
import { operationMatchPolicy } from "../src/policies/operation-match";
import type { PolicyContext } from "../src/policies/policy";
import { OperationMatcher } from "../src/routing/operation-matcher";
import { makeApi, makeSnapshot } from "./helpers/snapshots";

const matcher = new OperationMatcher([
  { method: "GET", path: "/hello" },
  { method: "GET", path: "/orders" },
  { method: "post", path: "/orders/" }, // lower-case method, trailing slash: as messy specs write them
  { method: "GET", path: "/orders/{orderId}" },
  { method: "DELETE", path: "/orders/{id}" }, // same template, other parameter name
  { method: "GET", path: "/orders/export" }, // literal beside a template
  { method: "GET", path: "/files/{name}.{ext}" },
  { method: "PUT", path: "/caf\u00e9/{id}/items/{itemId}" },
  { method: "GET", path: "/" },
  { method: "GET", path: "reports/{year}" }, // no leading slash
]);

describe("OperationMatcher", () => {
  it.each([
    ["GET", "/hello"],
    ["GET", "/hello/"],
    ["HEAD", "/hello"], // HEAD wherever GET is
    ["POST", "/orders"],
    ["GET", "/orders/42"],
    ["DELETE", "/orders/42"],
    ["GET", "/orders/export"],
    ["GET", "/files/report.pdf"],
    ["PUT", "/caf%C3%A9/1/items/2"], // percent-encoded request segment
    ["GET", ""],
    ["GET", "/"],
    ["GET", "/reports/2024"],
    ["get", "/orders/7"],
  ])("%s %j matches", (method, rest) => {
    expect(matcher.match(method, rest).kind).toBe("matched");
  });

  it.each([
    ["GET", "/orders/export", "/orders/export"], // the literal template wins over "{orderId}"
    ["GET", "/orders/42", "/orders/{orderId}"],
    ["HEAD", "/orders/42", "/orders/{orderId}"], // HEAD takes GET's operation
    ["DELETE", "/orders/42", "/orders/{id}"],
  ])("%s %j is the operation %j (its policy applies)", (method, rest, template) => {
    const found = matcher.match(method, rest);
    expect(found.kind === "matched" && found.operation.path).toBe(template);
  });

  it.each([
    ["GET", "/nope"],
    ["GET", "/orders/42/lines"], // one segment per template expression
    ["GET", "/orders//x"], // an empty segment never matches "{id}"
    ["GET", "/files/report"], // partial template needs the "."
    ["GET", "/Hello"], // paths are case-sensitive
    ["PUT", "/café/1/items"],
  ])("%s %j -> not_found", (method, rest) => {
    expect(matcher.match(method, rest)).toEqual({ kind: "not_found" });
  });

  it.each([
    ["DELETE", "/hello", ["GET", "HEAD"]],
    ["PATCH", "/orders", ["GET", "HEAD", "POST"]],
    ["PUT", "/orders/export", ["DELETE", "GET", "HEAD"]], // literal and template both match
    ["POST", "/orders/42", ["DELETE", "GET", "HEAD"]],
  ])("%s %s -> 405, Allow %j", (method, rest, allow) => {
    expect(matcher.match(method, rest)).toEqual({ kind: "method_not_allowed", allow });
  });

  it("an empty revision matches nothing", () => {
    expect(new OperationMatcher([]).match("GET", "/")).toEqual({ kind: "not_found" });
  });
});

describe("operation-match policy", () => {
  const operations = [{ method: "GET", path: "/orders/{id}" }];
  const ctxFor = (api: ReturnType<typeof makeApi>, method: string, pathname: string): PolicyContext => {
    const config = compileConfig(gatewayConfigSnapshotSchema.parse(makeSnapshot({ apis: [api] })), new Pipeline(defaultPolicies));
    return { requestId: "r", method, pathname, headers: {}, query: "", api, config, now: Date.now(), responseHeaders: {} };
  };
  const settings = (api: ReturnType<typeof makeApi>) => operationMatchPolicy.schema.parse(operationMatchPolicy.settingsFor(api, makeSnapshot()));

  it.each([
    ["GET", "/demo/orders/1", undefined, undefined],
    ["GET", "/demo/customers/1", 404, "operation_not_found"],
    ["POST", "/demo/orders/1", 405, "method_not_allowed"],
  ])("%s %s -> %s %s", async (method, pathname, status, code) => {
    const api = makeApi({ operations });
    const outcome = await operationMatchPolicy.handle(ctxFor(api, method, pathname), settings(api));
    expect(outcome?.status).toBe(status);
    expect(outcome?.code).toBe(code);
    if (status === 405) expect(outcome?.headers).toEqual({ allow: "GET, HEAD" });
  });

  it("forwards everything when the snapshot carries no operations", async () => {
    const api = makeApi();
    expect(settings(api)).toBeNull();
    expect(await operationMatchPolicy.handle(ctxFor(api, "DELETE", "/demo/anything"), settings(api))).toBeUndefined();
  });

  it("compiles the matcher once, when the pipeline is prepared", () => {
    const api = makeApi({ operations });
    expect(settings(api)).toBeInstanceOf(OperationMatcher);
    expect(settings(api)?.size).toBe(1);
  });
});

describe("OperationMatcher with multi-part templates", () => {
  const reports = new OperationMatcher([{ method: "GET", path: "/reports/{a}-{b}-{c}.json" }]);

  it("matches ordinary segments", () => {
    expect(reports.match("GET", "/reports/2026-11-26.json").kind).toBe("matched");
  });

  it("does not try to match a segment longer than any real one (backtracking bound)", () => {
    const hostile = `/reports/${"-".repeat(3000)}x`;
    expect(reports.match("GET", hostile)).toEqual({ kind: "not_found" });
    // A long segment that would otherwise match is refused too: the bound is on length, not content.
    expect(reports.match("GET", `/reports/${"a".repeat(300)}-b-c.json`)).toEqual({ kind: "not_found" });
  });
});
