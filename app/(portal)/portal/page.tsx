import type { Metadata } from "next";
import { getSessionUser, requireSignedIn } from "@/lib/iam/session";
import { renderPortalMarkdown } from "@/lib/portal/branding/render-portal-markdown";
import { visitorCatalogue } from "@/lib/portal/branding/visitor-catalogue";
import { getWorkspaceSettings } from "@/lib/settings/get-workspace-settings";
import { VisitorCatalogue } from "@/components/portal/visitor-catalogue";
import { CatalogueClient } from "./page-client";

export async function generateMetadata(): Promise<Metadata> {
  const { portal } = await getWorkspaceSettings();
  return { title: portal.name };
}

// The home page: the workspace's Markdown (sanitised on the server), then the catalogue: the
// signed-in get the live one, visitors what portal.anonymousAccess allows (or the sign-in page).
export default async function PortalHomePage() {
  const [user, { portal }] = await Promise.all([getSessionUser(), getWorkspaceSettings()]);
  const visible = user ? null : await visitorCatalogue(portal);
  if (!user && !visible) await requireSignedIn("/portal");
  return (
    <>
      {/* Sanitised in renderPortalMarkdown: no raw HTML, no scripts, links only http(s)/mailto. */}
      <section className="portal-home-text" aria-label="Welcome" dangerouslySetInnerHTML={{ __html: renderPortalMarkdown(portal.homeMarkdown) }} />
      {user ? <CatalogueClient /> : <VisitorCatalogue products={visible ?? []} />}
    </>
  );
}
