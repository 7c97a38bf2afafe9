// The subscription-key policy, one row per case: where the key is read from,
// what each kind of bad key answers, and that the key never goes further.
import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { compileConfig } from "../src/config/compile-config";
import { gatewayConfigSnapshotSchema, type GatewayApi } from "../src/contract/config-snapshot";
import { getQueryParam, removeQueryParam, takeQueryParam } from "../src/http/query-string";
import { Pipeline } from "../src/pipeline/pipeline";
import { defaultPolicies } from "../src/policies";
import type { PolicyContext } from "../src/policies/policy";
import { subscriptionKeyPolicy } from "../src/policies/subscription-key";
import { makeApi, makeProduct, makeSnapshot, makeSubscription } from "./helpers/snapshots";

const NOW = Date.parse("2030-01-01T00:00:00Z");
const demo = makeApi();
const other = makeApi({ id: "api-other", path: "other" });
const custom = makeApi({ id: "api-custom", path: "custom", subscription: { required: true, header: "X-Api-Key", query: "apikey" } });
const open = makeApi({ id: "api-open", path: "open", subscription: { required: false, header: "Ocp-Apim-Subscription-Key", query: "subscription-key" } });

const config = compileConfig(
  gatewayConfigSnapshotSchema.parse(
    makeSnapshot({
      apis: [demo, other, custom, open],
      products: [makeProduct({ apiIds: ["api-demo", "api-custom"] })],
      subscriptions: [
        makeSubscription({ id: "sub-active", keys: ["good", "good-secondary"] }),
        makeSubscription({ id: "sub-suspended", state: "suspended", keys: ["suspended"] }),
        makeSubscription({ id: "sub-submitted", state: "submitted", keys: ["submitted"] }),
        makeSubscription({ id: "sub-expired-state", state: "expired", keys: ["expired-state"] }),
        makeSubscription({ id: "sub-past", expiresAt: "2029-12-31T23:59:59Z", keys: ["past"] }),
        makeSubscription({ id: "sub-future", expiresAt: "2030-06-01T00:00:00Z", keys: ["future"] }),
        makeSubscription({ id: "sub-other-only", productId: null, apiId: "api-other", keys: ["other-only"] }),
      ],
    }),
  ),
  new Pipeline(defaultPolicies),
);

function makeCtx(api = demo, headers: IncomingHttpHeaders = {}, query = ""): PolicyContext {
  return { requestId: "r", method: "GET", pathname: `/${api.path}`, headers: { host: "gw", ...headers }, query, api, config, now: NOW, responseHeaders: {} };
}

const H = "ocp-apim-subscription-key";
/** The settings the pipeline prepares once per config. */
const settingsOf = (api: GatewayApi) => subscriptionKeyPolicy.schema.parse(api.subscription);
const Q = "subscription-key";

describe("subscription-key policy", () => {
  it.each([
    // label, api, headers, query, expected code (null = accepted), expected subscription
    ["valid key in header", demo, { [H]: "good" }, "", null, "sub-active"],
    ["secondary key", demo, { [H]: "good-secondary" }, "", null, "sub-active"],
    ["valid key in query", demo, {}, `${Q}=good`, null, "sub-active"],
    ["header wins over query", demo, { [H]: "good" }, `${Q}=unknown`, null, "sub-active"],
    ["custom header name", custom, { "x-api-key": "good" }, "", null, "sub-active"],
    ["custom query name", custom, {}, "apikey=good", null, "sub-active"],
    ["default header ignored when API uses another", custom, { [H]: "good" }, "", "missing_subscription_key", undefined],
    ["no key at all", demo, {}, "", "missing_subscription_key", undefined],
    ["empty header", demo, { [H]: "" }, "", "missing_subscription_key", undefined],
    ["empty query value", demo, {}, `${Q}=`, "missing_subscription_key", undefined],
    ["unknown key", demo, { [H]: "nope" }, "", "invalid_subscription_key", undefined],
    ["product does not include the API", other, { [H]: "good" }, "", "invalid_subscription_key", undefined],
    ["single-API subscription for another API", demo, { [H]: "other-only" }, "", "invalid_subscription_key", undefined],
    ["single-API subscription, its API", other, { [H]: "other-only" }, "", null, "sub-other-only"],
    ["suspended", demo, { [H]: "suspended" }, "", "subscription_inactive", undefined],
    ["submitted (awaiting approval)", demo, { [H]: "submitted" }, "", "subscription_inactive", undefined],
    ["state expired", demo, { [H]: "expired-state" }, "", "subscription_inactive", undefined],
    ["expiresAt in the past", demo, { [H]: "past" }, "", "subscription_inactive", undefined],
    ["expiresAt in the future", demo, { [H]: "future" }, "", null, "sub-future"],
    ["suspended key on an API it does not cover", other, { [H]: "suspended" }, "", "invalid_subscription_key", undefined],
    ["open API, no key", open, {}, "", null, undefined],
  ] as const)("%s", async (_label, api, headers, query, code, subscriptionId) => {
    const ctx = makeCtx(api, { ...headers }, query);
    const outcome = await subscriptionKeyPolicy.handle(ctx, settingsOf(api));
    expect(outcome?.code ?? null).toBe(code);
    if (code) {
      expect(outcome?.status).toBe(code === "subscription_inactive" ? 403 : 401);
    }
    expect(ctx.subscription?.id).toBe(subscriptionId);
  });

  it("missing key answers the exact APIM-style message", async () => {
    const outcome = await subscriptionKeyPolicy.handle(makeCtx(), settingsOf(demo));
    expect(outcome).toEqual({
      status: 401,
      code: "missing_subscription_key",
      message: "Access denied due to missing subscription key. Include the subscription key when making requests to the API.",
    });
  });

  it.each([
    ["required, header", demo, { [H]: "good", accept: "x" }, "a=1", "a=1"],
    ["required, query between others", demo, { accept: "x" }, `a=1&${Q}=good&b=%20two+3`, "a=1&b=%20two+3"],
    ["required, key in both places", demo, { [H]: "good", accept: "x" }, `${Q}=good&${Q}=again`, ""],
    ["rejected requests too", demo, { [H]: "nope", accept: "x" }, `${Q}=nope`, ""],
    ["open API still strips", open, { [H]: "good", accept: "x" }, `${Q}=good&z=9`, "z=9"],
  ] as const)("strips the key before forwarding: %s", async (_label, api, headers, query, forwardedQuery) => {
    const ctx = makeCtx(api, { ...headers }, query);
    await subscriptionKeyPolicy.handle(ctx, settingsOf(api));
    expect(ctx.headers[H]).toBeUndefined();
    expect(ctx.headers.accept).toBe("x"); // other headers untouched
    expect(ctx.query).toBe(forwardedQuery);
  });
});

describe("query-string helpers", () => {
  it.each([
    ["a=1&k=v", "k", "v"],
    ["k=a%20b+c", "k", "a b c"],
    ["k%2Dx=1", "k-x", "1"],
    ["k", "k", ""],
    ["a=1", "k", undefined],
    ["", "k", undefined],
    ["k=%E0%A4%A", "k", "%E0%A4%A"], // malformed escape kept as written
  ])("getQueryParam(%j, %j) = %j", (query, name, value) => {
    expect(getQueryParam(query, name)).toBe(value);
  });

  it.each([
    ["a=1&k=v&b=2", "k", "a=1&b=2"],
    ["k=v", "k", ""],
    ["a=%7E*&k=v&k=w", "k", "a=%7E*"],
    ["kk=1&k2=2", "k", "kk=1&k2=2"],
  ])("removeQueryParam(%j, %j) = %j", (query, name, rest) => {
    expect(removeQueryParam(query, name)).toBe(rest);
  });

  it.each([
    ["a=1&k=v&b=2", "k", "v", "a=1&b=2"],
    ["k=v&k=w", "k", "v", ""],
    ["k%2Dx=1&a=%7E*", "k-x", "1", "a=%7E*"],
    ["a=1&b=2", "k", undefined, "a=1&b=2"],
    ["kk=1&k2=2", "k", undefined, "kk=1&k2=2"],
    ["k+x=1", "k x", "1", ""],
    ["", "k", undefined, ""],
  ])("takeQueryParam(%j, %j) = %j, rest %j: the same as getQueryParam and removeQueryParam", (query, name, value, rest) => {
    expect(takeQueryParam(query, name)).toEqual({ value, rest });
    expect(takeQueryParam(query, name)).toEqual({ value: getQueryParam(query, name), rest: removeQueryParam(query, name) });
  });
});

describe("subscription-key header name, lower-cased once at compile time", () => {
  it.each(["X-API-KEY", "x-api-key", "X-Api-Key"])("an API whose header is configured as %s finds the key Node delivers in lower case", async (header) => {
    const api = makeApi({ id: "api-custom", path: "custom", subscription: { required: true, header, query: "apikey" } });
    const settings = settingsOf(api);
    expect(settings.headerName).toBe("x-api-key");
    const ctx = makeCtx(api, { "x-api-key": "good" });
    expect(await subscriptionKeyPolicy.handle(ctx, settings)).toBeUndefined();
    expect(ctx.subscription?.id).toBe("sub-active");
    expect(ctx.headers["x-api-key"]).toBeUndefined(); // still stripped
  });
});
