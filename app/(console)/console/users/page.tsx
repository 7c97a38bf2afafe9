import type { Metadata } from "next";
import { AccessDenied } from "@/components/console/access-denied";
import { hasPermission } from "@/lib/iam/rbac/permissions";
import { requireConsoleUser } from "@/lib/iam/session";
import { UsersClient } from "./page-client";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requireConsoleUser("/console/users");
  // Same permissions as GET and PATCH /api/v1/users.
  if (!hasPermission(user.role, "users.read")) return <AccessDenied title="Users" who="platform admins and viewers" />;
  return <UsersClient canEdit={hasPermission(user.role, "users.manage")} currentUserId={user.id} />;
}
