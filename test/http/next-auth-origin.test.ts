// Issue #12: next-auth's own POSTs (sign-in, sign-out, session update) carry its double-submit CSRF
// token, but a page on another port of the same host can plant that cookie (cookies ignore ports)
// and log the victim in as the attacker. Its POSTs must come from the console's origin too.
// (The console's own sign-in from its origin: test/auth/login-*.test.ts.)
// First: it sets up what Next's request scope needs before any route module loads Next.
import { callAuthRoute } from "../auth/support/auth-route-client";
import { describe, expect, it } from "vitest";

function post(action: string[], headers: Record<string, string>) {
  return callAuthRoute("POST", action, {
    headers: new Headers({ "content-type": "application/x-www-form-urlencoded", ...headers }),
    body: new URLSearchParams({ email: "mallory@example.test", password: "x", csrfToken: "forged", json: "true" }).toString(),
  });
}

describe("next-auth POST endpoints", () => {
  it.each([
    [["callback", "credentials"], { origin: "http://localhost:4000" }],
    [["callback", "credentials"], { origin: "null" }],
    [["signout"], { "sec-fetch-site": "cross-site" }],
    [["session"], {}],
  ])("refuses %j from %j with 403 cross_origin_refused", async (action, headers) => {
    const res = await post(action, headers);
    expect(res.status).toBe(403);
    expect((res.body?.error as { code?: string } | undefined)?.code).toBe("cross_origin_refused");
  });
});
