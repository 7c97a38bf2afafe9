import type { Metadata } from "next";
import { requireConsoleUser } from "@/lib/auth/session";
import { canMutate } from "@/components/role-label";
import { SubscriptionsClient } from "./page-client";

export const metadata: Metadata = { title: "Subscriptions" };

export default async function SubscriptionsPage() {
  const user = await requireConsoleUser("/console/subscriptions");
  return <SubscriptionsClient canEdit={canMutate(user.role)} />;
}
