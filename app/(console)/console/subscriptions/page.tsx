import type { Metadata } from "next";
import { requireConsoleUser } from "@/lib/iam/session";
import { hasPermission } from "@/lib/iam/rbac/permissions";
import { SubscriptionsClient } from "./page-client";

export const metadata: Metadata = { title: "Subscriptions" };

export default async function SubscriptionsPage() {
  const user = await requireConsoleUser("/console/subscriptions");
  return <SubscriptionsClient canEdit={hasPermission(user.role, "subscriptions.approve")} />;
}
