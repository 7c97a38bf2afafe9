import type { Metadata } from "next";
import { AccessDenied } from "@/components/console/access-denied";
import { requireConsoleUser } from "@/lib/auth/session";
import { TokensClient } from "./page-client";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const user = await requireConsoleUser("/console/tokens");
  if (user.role !== "platform_admin") return <AccessDenied title="API tokens" who="platform admins" />;
  return <TokensClient />;
}
