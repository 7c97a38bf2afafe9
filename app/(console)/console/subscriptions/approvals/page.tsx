import type { Metadata } from "next";
import { requireConsoleUser } from "@/lib/iam/session";
import { hasPermission } from "@/lib/iam/rbac/permissions";
import { ApprovalsClient } from "./page-client";

export const metadata: Metadata = { title: "Pending approvals" };

export default async function ApprovalsPage() {
  const user = await requireConsoleUser("/console/subscriptions/approvals");
  return <ApprovalsClient canDecide={hasPermission(user.role, "subscriptions.approve")} />;
}
