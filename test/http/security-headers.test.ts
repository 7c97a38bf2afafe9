// Issue #12: pages had no CSP, framing, referrer or sniffing protection. Pages get a per-request
// nonce CSP from proxy.ts; every response gets the static headers from next.config.ts.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { proxy } from "@/proxy";

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
}

function pageCsp(path = "/console") {
  const response = proxy(new NextRequest(`http://localhost:3000${path}`));
  return { response, csp: response.headers.get("content-security-policy") ?? "" };
}

describe("page Content-Security-Policy (proxy.ts)", () => {
  it.each([
    ["script-src", ["'strict-dynamic'"], ["'unsafe-inline'", "'unsafe-eval'", "*", "data:"]],
    ["object-src", ["'none'"], []],
    ["base-uri", ["'self'"], []],
    ["form-action", ["'self'"], []],
    ["frame-ancestors", ["'none'"], []],
    ["default-src", ["'self'"], ["*"]],
    // The gateway, for the portal's try-it (GATEWAY_PUBLIC_URL's origin), and nothing else.
    ["connect-src", ["'self'", "http://localhost:8080"], ["*"]],
    // swagger-ui's stylesheet draws its icons with data: SVGs; React sets style attributes.
    ["img-src", ["'self'", "data:"], ["*"]],
    ["style-src", ["'self'", "'unsafe-inline'"], ["*"]],
  ])("%s has %j and none of %j", (name, present, absent) => {
    const values = directives(pageCsp().csp).get(name);
    expect(values, `${name} missing`).toBeDefined();
    for (const v of present) expect(values).toContain(v);
    for (const v of absent) expect(values).not.toContain(v);
  });

  it("uses a fresh nonce per request and hands the same policy to Next so it stamps its scripts", () => {
    const first = pageCsp();
    const second = pageCsp();
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(first.csp)?.[1];
    expect(nonce?.length).toBeGreaterThanOrEqual(22);
    expect(second.csp).not.toContain(nonce);
    expect(first.response.headers.get("x-middleware-request-content-security-policy")).toBe(first.csp);
  });
});

describe("static security headers (next.config.ts)", () => {
  it.each([
    ["/console", "x-content-type-options", "nosniff"],
    ["/portal/management-api", "x-frame-options", "DENY"],
    ["/login", "referrer-policy", "same-origin"],
    ["/api/v1/users", "x-content-type-options", "nosniff"],
    ["/api/v1/users", "content-security-policy", "default-src 'none'; frame-ancestors 'none'"],
  ])("%s answers %s: %s", async (path, header, value) => {
    const rules = (await nextConfig.headers?.()) ?? [];
    const matching = rules.filter((rule) => new RegExp(`^${rule.source.replace("/:path*", "(/.*)?")}$`).test(path));
    const headers = new Map(matching.flatMap((rule) => rule.headers.map((h) => [h.key.toLowerCase(), h.value] as const)));
    expect(headers.get(header)).toBe(value);
  });
});
