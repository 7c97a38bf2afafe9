// Issue #12: /login?callbackUrl=/%09/127.0.0.1:4000/echo sent a signed-in user to another origin.
// Only a path on the console's own origin may come out; everything else becomes the fallback.
import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/iam/safe-callback-url";

const ORIGIN = "http://localhost:3000";

describe("safeCallbackUrl", () => {
  it.each([
    ["/console", "/console"],
    ["/console/apis?tab=lint#top", "/console/apis?tab=lint#top"],
    ["/portal/management-api", "/portal/management-api"],
    ["/console/../portal", "/portal"],
    ["http://localhost:3000/console/users", "/console/users"],
    ["/a%2Fb", "/a%2Fb"],
  ])("keeps %j as %j", (value, expected) => {
    expect(safeCallbackUrl(value, ORIGIN)).toBe(expected);
  });

  it.each([
    // The reported payload, decoded by Next's searchParams, and its neighbours.
    "/\t/127.0.0.1:4000/echo",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\u0000/evil.example",
    "\t//evil.example",
    " //evil.example",
    "/\u00a0/evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/\\/evil.example",
    "https://evil.example",
    "https:evil.example",
    "http:/evil.example",
    "HTTPS://evil.example/console",
    "http://localhost:4000/console",
    "https://localhost:3000/console",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/%09/127.0.0.1:4000/echo",
    "/%0a/evil.example",
    "/%2F%2Fevil.example",
    "/%5Cevil.example",
    "%2F%2Fevil.example",
    "/%252F%252Fevil.example",
    "console",
    "",
    "/%",
  ])("refuses %j", (value) => {
    expect(safeCallbackUrl(value, ORIGIN)).toBe("/");
  });

  it.each([
    [undefined, "/"],
    [["/console", "//evil.example"], "/console"],
    [["//evil.example", "/console"], "/"],
  ] as const)("takes the first of %j", (value, expected) => {
    expect(safeCallbackUrl(value as string | string[] | undefined, ORIGIN)).toBe(expected);
  });

  it("uses the given fallback", () => {
    expect(safeCallbackUrl("//evil.example", ORIGIN, "/console")).toBe("/console");
  });
});

describe("next-auth's redirect callback", () => {
  it.each([
    ["/console", "http://localhost:3000/console"],
    ["http://localhost:3000/portal", "http://localhost:3000/portal"],
    ["/\t/127.0.0.1:4000/echo", "http://localhost:3000/"],
    ["http://127.0.0.1:4000/echo", "http://localhost:3000/"],
    ["//evil.example", "http://localhost:3000/"],
  ])("sends %j to %j", async (url, expected) => {
    const { authOptions } = await import("@/lib/iam/auth-options");
    expect(await authOptions.callbacks?.redirect?.({ url, baseUrl: ORIGIN })).toBe(expected);
  });
});
