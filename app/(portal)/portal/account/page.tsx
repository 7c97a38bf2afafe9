import type { Metadata } from "next";
import { requireSignedIn } from "@/lib/iam/session";
import { AccountClient } from "./page-client";

export const metadata: Metadata = { title: "Your account" };

export default async function PortalAccountPage() {
  const user = await requireSignedIn("/portal/account");
  return <AccountClient email={user.email} name={user.name} canDelete={user.role === "developer"} />;
}
