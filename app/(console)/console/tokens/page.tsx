import type { Metadata } from "next";
import { AccessDenied } from "@/components/console/access-denied";
import { hasPermission } from "@/lib/iam/rbac/permissions";
import { requireConsoleUser } from "@/lib/iam/session";
import { TokensClient } from "./page-client";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const user = await requireConsoleUser("/console/tokens");
  if (!hasPermission(user.role, "tokens.manage")) return <AccessDenied title="API tokens" who="platform admins" />;
  return <TokensClient />;
}
