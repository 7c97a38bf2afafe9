import type { Metadata } from "next";
import { requireConsoleUser } from "@/lib/iam/session";
import { hasPermission } from "@/lib/iam/rbac/permissions";
import { ApisClient } from "./page-client";

export const metadata: Metadata = { title: "APIs" };

export default async function ApisPage() {
  const user = await requireConsoleUser("/console/apis");
  return <ApisClient canEdit={hasPermission(user.role, "apis.write")} />;
}
