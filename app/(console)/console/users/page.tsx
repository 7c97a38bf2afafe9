import type { Metadata } from "next";
import { AccessDenied } from "@/components/console/access-denied";
import { requireConsoleUser } from "@/lib/auth/session";
import { UsersClient } from "./page-client";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requireConsoleUser("/console/users");
  // Same rule as GET /api/v1/users: platform admins manage, viewers read.
  if (user.role !== "platform_admin" && user.role !== "viewer") return <AccessDenied title="Users" who="platform admins and viewers" />;
  return <UsersClient canEdit={user.role === "platform_admin"} currentUserId={user.id} />;
}
