import type { Metadata } from "next";
import { requireConsoleUser } from "@/lib/iam/session";
import { AccountClient } from "./page-client";

export const metadata: Metadata = { title: "My account" };

export default async function AccountPage() {
  const user = await requireConsoleUser("/console/account");
  return <AccountClient email={user.email} />;
}
