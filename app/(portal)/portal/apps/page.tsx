// My apps: a developer's OAuth clients in the portal's realm. Without that realm (workspace
// setting portal.realm) the workspace has not enabled apps, and the page says what an admin sets.
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireSignedIn } from "@/lib/iam/session";
import { hasPermission } from "@/lib/iam/rbac/permissions";
import { issuerOf } from "@/lib/iam/realms/issuer-url";
import { getPortalRealm } from "@/lib/portal/apps/portal-realm";
import { MyAppsClient } from "./page-client";

export const metadata: Metadata = { title: "My apps" };

const description = "Applications that call JWT-protected APIs with their own OAuth credentials (client credentials).";

export default async function MyAppsPage() {
  const user = await requireSignedIn("/portal/apps");
  const realm = await getPortalRealm();
  if (!realm || !hasPermission(user.role, "apps.self")) {
    return (
      <>
        <PageHeader title="My apps" description={description} />
        <div className="hint-box" role="status" data-testid="apps-disabled">
          {!realm ? (
            <>
              <p>This workspace has not enabled apps yet.</p>
              <p className="muted">
                A platform admin enables them by choosing the realm for apps in the console (Settings, developer portal: the realm for
                apps and sign-in, <code>portal.realm</code>). <Link href="/portal/subscriptions">Your subscriptions</Link> work meanwhile.
              </p>
            </>
          ) : (
            <p>Your role cannot register apps: sign in with a developer account.</p>
          )}
        </div>
      </>
    );
  }
  return <MyAppsClient realm={realm.name} tokenUrl={`${issuerOf(realm.name)}/protocol/openid-connect/token`} realmEnabled={realm.enabled} ownUserId={user.id} />;
}
