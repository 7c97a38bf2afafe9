import type { Metadata } from "next";
import { hasPermission } from "@/lib/iam/rbac/permissions";
import { requireConsoleUser } from "@/lib/iam/session";
import { GatewayTlsSection } from "./gateway-tls-section";
import { SettingsClient } from "./page-client";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireConsoleUser("/console/settings");
  return (
    <>
      <SettingsClient canEdit={hasPermission(user.role, "settings.write")} />
      {hasPermission(user.role, "gateway-tls.read") && <GatewayTlsSection canEdit={hasPermission(user.role, "gateway-tls.write")} />}
    </>
  );
}
