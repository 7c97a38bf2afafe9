// Path rewriting and the gateway's own environment.
import { describe, expect, it } from "vitest";
import { compileBackend } from "../src/config/compile-config";
import os from "node:os";
import { loadGatewayEnv } from "../src/env";
import { resolveRequestId } from "../src/http/request-id";
import { trustedProxies } from "../src/http/trusted-proxies";
import { upstreamPath } from "../src/proxy/forwarder";

describe("upstreamPath", () => {
  it.each([
    ["http://127.0.0.1:4000/api", "/orders/1", "x=1", "/api/orders/1?x=1"],
    ["http://127.0.0.1:4000/api/", "/orders/1", "", "/api/orders/1"],
    ["http://127.0.0.1:4000/api", "", "", "/api"],
    ["http://127.0.0.1:4000/api", "/", "", "/api/"],
    ["http://127.0.0.1:4000", "", "", "/"],
    ["http://127.0.0.1:4000", "/a/b", "q=%20", "/a/b?q=%20"],
    ["http://127.0.0.1:4000/api?v=2", "/x", "y=1", "/api/x?v=2&y=1"],
  ])("%s + %j + %j -> %s", (backend, rest, query, expected) => {
    expect(upstreamPath(compileBackend(backend), rest, query)).toBe(expected);
  });
});

describe("resolveRequestId", () => {
  it.each([
    ["abc-123", "abc-123"],
    [["first", "second"], "first"],
  ])("keeps a safe incoming id %j", (incoming, expected) => {
    expect(resolveRequestId(incoming)).toBe(expected);
  });

  it.each([undefined, "", "has space", "x".repeat(129), "new\nline"])("replaces %j with a fresh uuid", (incoming) => {
    expect(resolveRequestId(incoming)).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("trustedProxies", () => {
  const isTrusted = trustedProxies(["10.0.0.0/8", "127.0.0.1", "2001:db8::/32", "::ffff:192.168.0.0/112"]);
  it.each([
    ["10.1.2.3", true],
    ["::ffff:10.1.2.3", true], // an IPv4 client on a dual-stack socket
    ["127.0.0.1", true],
    ["127.0.0.2", false],
    ["11.0.0.1", false],
    ["2001:db8::5", true],
    ["2001:db9::5", false],
    ["192.168.4.4", true], // written as an IPv4-mapped range
    ["::1", false],
    [undefined, false],
    ["not-an-ip", false],
  ])("%s -> %s", (address, expected) => {
    expect(isTrusted(address)).toBe(expected);
  });

  it("trusts nobody when the list is empty", () => {
    expect(trustedProxies([])("127.0.0.1")).toBe(false);
  });
});

describe("loadGatewayEnv", () => {
  it("defaults", () => {
    expect(loadGatewayEnv({})).toEqual({
      GATEWAY_PORT: 8080,
      GATEWAY_WORKERS: os.availableParallelism(),
      GATEWAY_HOST: "0.0.0.0",
      REDIS_URL: "redis://127.0.0.1:6379",
      CONFIG_CHANNEL_PREFIX: "portcullis",
      CONFIG_POLL_INTERVAL_MS: 30000,
      LOG_LEVEL: "info",
      BACKEND_TIMEOUT_MS: 30000,
      GATEWAY_HEADERS_TIMEOUT_MS: 10000,
      GATEWAY_REQUEST_TIMEOUT_MS: 30000,
      GATEWAY_TRUSTED_PROXIES: [],
      GATEWAY_HTTPS_PORT: 8443,
      GATEWAY_METRICS_PORT: 9464,
      GATEWAY_HEARTBEAT_INTERVAL_MS: 10000,
      ANALYTICS_ENABLED: true,
      ANALYTICS_BATCH_SIZE: 500,
      ANALYTICS_FLUSH_MS: 1000,
      ANALYTICS_BUFFER_MAX: 50_000,
    });
  });

  it("reads trusted proxies as a comma-separated list of IPs and CIDRs", () => {
    expect(loadGatewayEnv({ GATEWAY_TRUSTED_PROXIES: " 10.0.0.0/8, ::1 ,," }).GATEWAY_TRUSTED_PROXIES).toEqual(["10.0.0.0/8", "::1"]);
  });

  it("coerces numbers and treats empty strings as unset", () => {
    const env = loadGatewayEnv({ GATEWAY_PORT: "9000", BACKEND_TIMEOUT_MS: "", CONFIG_CHANNEL_PREFIX: "t1" });
    expect([env.GATEWAY_PORT, env.BACKEND_TIMEOUT_MS, env.CONFIG_CHANNEL_PREFIX]).toEqual([9000, 30000, "t1"]);
  });

  it.each([
    { GATEWAY_PORT: "70000" },
    { REDIS_URL: "http://x" },
    { LOG_LEVEL: "loud" },
    { CONFIG_POLL_INTERVAL_MS: "10" },
    { GATEWAY_TRUSTED_PROXIES: "10.0.0.0/33" },
    { GATEWAY_TRUSTED_PROXIES: "127.0.0.1, proxy.internal" },
    { GATEWAY_HEADERS_TIMEOUT_MS: "40000", GATEWAY_REQUEST_TIMEOUT_MS: "30000" },
    { GATEWAY_WORKERS: "0" },
    { GATEWAY_WORKERS: "two" },
  ])(
    "refuses %j",
    (env) => {
      expect(() => loadGatewayEnv(env)).toThrow(/Invalid gateway environment/);
    },
  );
});
