import type { Metadata } from "next";
import { requireConsoleUser } from "@/lib/auth/session";
import { SettingsClient } from "./page-client";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireConsoleUser("/console/settings");
  return <SettingsClient canEdit={user.role === "platform_admin"} />;
}
