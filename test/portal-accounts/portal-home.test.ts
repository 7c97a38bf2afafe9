// The portal's home page pieces: the Markdown is rendered without any HTML or script, and what
// visitors see of the catalogue follows portal.anonymousAccess.
import { describe, expect, it } from "vitest";
import * as productsRoute from "@/app/api/v1/products/route";
import { renderPortalMarkdown } from "@/lib/portal/branding/render-portal-markdown";
import { visitorCatalogue } from "@/lib/portal/branding/visitor-catalogue";
import { defaultWorkspaceSettings } from "@/lib/settings/workspace-settings-schema";
import { callRoute } from "../support/call-route";

describe("renderPortalMarkdown", () => {
  it("renders Markdown", () => {
    const html = renderPortalMarkdown("## Hello\n\nSee [docs](https://example.com/docs) and `code`.\n\n- one\n- two");
    expect(html).toContain("<h2>Hello</h2>");
    expect(html).toContain('<a href="https://example.com/docs" rel="noopener noreferrer nofollow">docs</a>');
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<li>one</li>");
  });

  it.each([
    ["<script>alert(1)</script>", "script"],
    ['<img src="x" onerror="alert(1)">', "onerror"],
    ["[click](javascript:alert(1))", "javascript:"],
    ['<a href="https://x.test" onclick="alert(1)">x</a>', "onclick"],
    ["<iframe src=https://evil.test></iframe>", "iframe"],
    ["![img](https://evil.test/track.png)", "<img"],
    ['<b style="color:red">raw</b>', "<b"],
  ])("drops %s", (source, forbidden) => {
    expect(renderPortalMarkdown(source).toLowerCase()).not.toContain(forbidden);
  });
});

describe("visitorCatalogue", () => {
  it("shows nothing, every published product, or only the selected ones", async () => {
    const make = async (name: string, state: string) =>
      (await callRoute(productsRoute.POST, { method: "POST", body: { name: `${name} ${Math.random().toString(36).slice(2, 7)}`, state } })).body as { id: string; name: string };
    const shown = await make("Visible", "published");
    const other = await make("Other", "published");
    const draft = await make("Draft", "draft");
    const portal = defaultWorkspaceSettings.portal;

    expect(await visitorCatalogue({ ...portal, anonymousAccess: "none" })).toBeNull();
    const all = (await visitorCatalogue({ ...portal, anonymousAccess: "published" }, 10_000))!.map((p) => p.id);
    expect(all).toEqual(expect.arrayContaining([shown.id, other.id]));
    expect(all).not.toContain(draft.id);
    const selected = (await visitorCatalogue({ ...portal, anonymousAccess: "selected", publicProductIds: [shown.id, draft.id] }))!.map((p) => p.id);
    expect(selected).toEqual([shown.id]);
  });
});
