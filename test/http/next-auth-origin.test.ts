// Issue #12: next-auth's own POSTs (sign-in, sign-out, session update) carry its double-submit CSRF
// token, but a page on another port of the same host can plant that cookie (cookies ignore ports)
// and log the victim in as the attacker. Its POSTs must come from the console's origin too.
// (The console's own sign-in needs Next's request scope, so Playwright's auth.setup.ts proves it.)
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import * as nextAuthRoute from "@/app/api/auth/[...nextauth]/route";

const CONSOLE = "http://localhost:3000";

function post(action: string[], headers: Record<string, string>) {
  const request = new NextRequest(`${CONSOLE}/api/auth/${action.join("/")}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ email: "mallory@example.test", password: "x", csrfToken: "forged", json: "true" }).toString(),
  });
  return nextAuthRoute.POST(request, { params: Promise.resolve({ nextauth: action }) });
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
    expect((await res.json()).error.code).toBe("cross_origin_refused");
  });

});
