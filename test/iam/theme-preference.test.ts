// PATCH /me stores the colour scheme on the user (so it follows them) and sets the cookie the root layout renders from.
import { describe, expect, it } from "vitest";
import * as meRoute from "@/app/api/v1/me/route";
import { db } from "@/lib/db";
import { callRoute } from "../support/call-route";
import { createIdentity } from "../support/identities";

describe("PATCH /me theme", () => {
  it.each([
    ["dark", "DARK"],
    ["light", "LIGHT"],
    ["system", "SYSTEM"],
  ] as const)("stores %s on the user, answers it in GET /me and sets the cookie", async (theme, stored) => {
    const me = await createIdentity("developer", { via: "session", tag: `theme-${theme}` });
    const answer = await callRoute(meRoute.PATCH, { method: "PATCH", path: "/me", as: me, body: { theme } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ theme });
    expect(answer.headers.get("set-cookie")).toContain(`portcullis-theme=${theme}`);
    expect((await db().user.findUniqueOrThrow({ where: { id: me.userId } })).themePreference).toBe(stored);
    expect((await callRoute(meRoute.GET, { path: "/me", as: me })).body).toMatchObject({ theme });
  });

  it.each([
    ["an unknown scheme", { theme: "sepia" }, 400, "validation_failed"],
    ["no scheme", {}, 400, "validation_failed"],
  ])("refuses %s", async (_label, body, status, code) => {
    const me = await createIdentity("viewer", { via: "session", tag: "theme-bad" });
    const answer = await callRoute(meRoute.PATCH, { method: "PATCH", path: "/me", as: me, body });
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ error: { code } });
  });

  it("refuses a management token without a user: nobody to remember it for", async () => {
    const answer = await callRoute(meRoute.PATCH, { method: "PATCH", path: "/me", body: { theme: "dark" } });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: { code: "bad_request", message: "Only a signed-in user has a theme preference" } });
  });
});
