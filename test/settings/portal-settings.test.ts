// The workspace's "portal" settings section: defaults filled in, a patch of one field keeps its
// neighbours, bad values are refused at their path, and the portal's realm must exist.
import { afterAll, describe, expect, it } from "vitest";
import * as settingsRoute from "@/app/api/v1/settings/route";
import * as realmsRoute from "@/app/api/v1/realms/route";
import { defaultWorkspaceSettings } from "@/lib/settings/workspace-settings-schema";
import { db } from "@/lib/db";
import { callRoute } from "@/test/support/call-route";
import { createIdentity, type Caller } from "@/test/support/identities";

const patch = (portal: Record<string, unknown>, as?: Caller) =>
  callRoute(settingsRoute.PATCH, { method: "PATCH", path: "/settings", body: { portal }, ...(as === undefined ? {} : { as }) });

describe("portal settings", () => {
  afterAll(async () => {
    await patch({ ...defaultWorkspaceSettings.portal });
  });

  it("answers the defaults, and a patch of one field keeps the others", async () => {
    const read = await callRoute(settingsRoute.GET, { path: "/settings" });
    expect(read.status).toBe(200);
    expect(Object.keys(read.body.portal).sort()).toEqual(Object.keys(defaultWorkspaceSettings.portal).sort());

    const named = await patch({ name: "Acme developers", primaryColor: "#0a7f3f" });
    expect(named.status).toBe(200);
    expect(named.body.portal).toMatchObject({ name: "Acme developers", primaryColor: "#0a7f3f", signUpMode: read.body.portal.signUpMode });
    const mode = await patch({ signUpMode: "approval" });
    expect(mode.body.portal).toMatchObject({ name: "Acme developers", signUpMode: "approval" });

    const events = await db().auditEvent.findMany({ where: { action: "settings.updated" }, orderBy: { at: "desc" }, take: 1 });
    expect(events[0].after).toMatchObject({ portal: { signUpMode: "approval" } });
  });

  it.each([
    ["a colour that is not #rrggbb", { primaryColor: "red" }, "portal.primaryColor"],
    ["a logo on another scheme", { logoUrl: "javascript:alert(1)" }, "portal.logoUrl"],
    ["an unknown sign-up mode", { signUpMode: "anyone" }, "portal.signUpMode"],
    ["an unknown field", { colour: "#000000" }, "portal"],
  ])("refuses %s at its path", async (_label, body, path) => {
    const answer = await patch(body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("validation_failed");
    expect(answer.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it("takes only a realm that exists", async () => {
    const unknown = await patch({ realm: "no-such-realm" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues).toEqual([{ path: "portal.realm", message: "No realm is named 'no-such-realm'" }]);

    const name = `portal-${Date.now().toString(36)}`;
    expect((await callRoute(realmsRoute.POST, { method: "POST", path: "/realms", body: { name } })).status).toBe(201);
    const named = await patch({ realm: name });
    expect(named.status).toBe(200);
    expect(named.body.portal.realm).toBe(name);
    expect((await patch({ realm: null })).body.portal.realm).toBeNull();
  });

  it("is changed by platform admins only", async () => {
    const viewer = await createIdentity("viewer");
    const answer = await patch({ name: "Not mine" }, viewer);
    expect(answer.status).toBe(403);
  });
});
