import type { Metadata } from "next";
import { AccessDenied } from "@/components/console/access-denied";
import { hasPermission } from "@/lib/iam/rbac/permissions";
import { requireConsoleUser } from "@/lib/iam/session";
import { UserDetailClient } from "./page-client";

export const metadata: Metadata = { title: "User" };

export default async function UserDetailPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const user = await requireConsoleUser(`/console/users/${encodeURIComponent(userId)}`);
  // Same permissions as GET and PATCH /api/v1/users/{userId}; every role with users.read also reads subscriptions.
  if (!hasPermission(user.role, "users.read")) return <AccessDenied title="User" who="platform admins and viewers" />;
  return (
    <UserDetailClient
      userId={userId}
      currentUserId={user.id}
      canEdit={hasPermission(user.role, "users.manage")}
    />
  );
}
