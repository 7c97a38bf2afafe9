import type { Metadata } from "next";
import { requireConsoleUser } from "@/lib/auth/session";
import { canMutate } from "@/components/role-label";
import { ApprovalsClient } from "./page-client";

export const metadata: Metadata = { title: "Pending approvals" };

export default async function ApprovalsPage() {
  const user = await requireConsoleUser("/console/subscriptions/approvals");
  return <ApprovalsClient canDecide={canMutate(user.role)} />;
}
