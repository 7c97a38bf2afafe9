// Issue #12: a cookie-authenticated change must come from the console's own origin (CSRF),
// and every JSON body must say application/json (a no-cors text/plain POST is refused).
import { beforeAll, describe, expect, it } from "vitest";
import * as usersRoute from "@/app/api/v1/users/route";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import * as tokenRoute from "@/app/api/v1/tokens/[tokenId]/route";
import { db } from "@/lib/db";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { bootstrapAdmin, createIdentity, type Identity } from "../support/identities";

/** A platform admin signed in to the console (cookie); bearer calls use the bootstrap token. */
let admin: Identity;
beforeAll(async () => {
  admin = await createIdentity("platform_admin", { via: "session" });
});

const newAdmin = () => ({ email: `${uniquePath("csrf")}@example.test`, name: "Mallory", role: "platform_admin", password: "correct horse battery" });
const asJson = (body: unknown) => JSON.stringify(body);
const asForm = (body: Record<string, string>) => new URLSearchParams(body).toString();

type Case = [name: string, via: "cookie" | "bearer", headers: Record<string, string | null>, encode: "json" | "form", status: number, code?: string];

describe("state-changing calls: origin and content type", () => {
  it.each<Case>([
    ["cookie, evil Origin, text/plain (the reported attack)", "cookie", { origin: "http://evil.example", "content-type": "text/plain" }, "json", 403, "cross_origin_refused"],
    ["cookie, evil Origin, application/json", "cookie", { origin: "http://evil.example", "sec-fetch-site": "cross-site" }, "json", 403, "cross_origin_refused"],
    ["cookie, another port of the same host", "cookie", { origin: "http://localhost:4000", "sec-fetch-site": "same-site" }, "json", 403, "cross_origin_refused"],
    ["cookie, the console's port over https", "cookie", { origin: "https://localhost:3000" }, "json", 403, "cross_origin_refused"],
    ["cookie, Origin null (sandboxed iframe, data: URL)", "cookie", { origin: "null", "sec-fetch-site": "cross-site" }, "json", 403, "cross_origin_refused"],
    ["cookie, no Origin, Sec-Fetch-Site cross-site", "cookie", { origin: null, "sec-fetch-site": "cross-site" }, "json", 403, "cross_origin_refused"],
    ["cookie, no Origin, Sec-Fetch-Site same-site", "cookie", { origin: null, "sec-fetch-site": "same-site" }, "json", 403, "cross_origin_refused"],
    ["cookie, neither Origin nor Sec-Fetch-Site", "cookie", { origin: null, "sec-fetch-site": null }, "json", 403, "cross_origin_refused"],
    ["cookie, same origin, text/plain body", "cookie", { "content-type": "text/plain" }, "json", 415, "unsupported_media_type"],
    ["cookie, same origin, form-encoded body", "cookie", { "content-type": "application/x-www-form-urlencoded" }, "form", 415, "unsupported_media_type"],
    ["cookie, same origin, multipart content type", "cookie", { "content-type": "multipart/form-data; boundary=x" }, "json", 415, "unsupported_media_type"],
    ["cookie, same origin, no content type", "cookie", { "content-type": null }, "json", 415, "unsupported_media_type"],
    ["cookie, same origin", "cookie", {}, "json", 201],
    ["cookie, same origin, JSON with a charset", "cookie", { "content-type": "Application/JSON; charset=utf-8" }, "json", 201],
    ["cookie, the console reached as 127.0.0.1 (loopback alias, same port)", "cookie", { origin: "http://127.0.0.1:3000" }, "json", 201],
    ["cookie, no Origin, Sec-Fetch-Site same-origin", "cookie", { origin: null, "sec-fetch-site": "same-origin" }, "json", 201],
    ["bearer token, no Origin", "bearer", {}, "json", 201],
    ["bearer token, foreign Origin (no ambient credential)", "bearer", { origin: "http://evil.example" }, "json", 201],
    ["bearer token, text/plain body", "bearer", { "content-type": "text/plain" }, "json", 415, "unsupported_media_type"],
  ])("%s", async (_name, via, headers, encode, status, code) => {
    const input = newAdmin();
    const rawBody = encode === "json" ? asJson(input) : asForm(input);
    const options = { method: "POST", path: "/users", rawBody, headers };
    const res = await callRoute(usersRoute.POST, { ...options, as: via === "cookie" ? admin : bootstrapAdmin });

    expect(res.status).toBe(status);
    if (code) expect(res.body.error.code).toBe(code);
    const created = await db().user.findUnique({ where: { email: input.email } });
    expect(created !== null).toBe(status === 201);
  });

  it("refuses a cross-origin DELETE with the cookie even though it has no body", async () => {
    const token = (await callRoute(tokensRoute.POST, { method: "POST", body: { name: uniquePath("csrf-token") } })).body;
    const options = { method: "DELETE", path: `/tokens/${token.id}`, params: { tokenId: token.id } };

    const forged = await callRoute(tokenRoute.DELETE, { ...options, as: admin, headers: { origin: "http://evil.example", "content-type": null } });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe("cross_origin_refused");
    expect((await db().adminApiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).toBeNull();

    const legit = await callRoute(tokenRoute.DELETE, { ...options, as: admin, headers: { "content-type": null } });
    expect(legit.status).toBe(200);
  });

  it("leaves reads alone: a cross-origin GET cannot read the answer anyway", async () => {
    const res = await callRoute(usersRoute.GET, { as: admin, path: "/users", headers: { origin: "http://evil.example", "sec-fetch-site": "cross-site" } });
    expect(res.status).toBe(200);
  });
});
