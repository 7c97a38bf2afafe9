import type { Metadata } from "next";
import { requireConsoleUser } from "@/lib/iam/session";
import { SubscriptionDetailClient } from "./page-client";

export const metadata: Metadata = { title: "Subscription" };

export default async function SubscriptionDetailPage({ params }: { params: Promise<{ subscriptionId: string }> }) {
  const { subscriptionId } = await params;
  await requireConsoleUser(`/console/subscriptions/${encodeURIComponent(subscriptionId)}`);
  return <SubscriptionDetailClient subscriptionId={subscriptionId} />;
}
