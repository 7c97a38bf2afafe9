import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { Actor } from "@/lib/iam/actor";
import { requireSignedIn } from "@/lib/iam/session";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/errors";
import { getSubscriptionDetail } from "@/lib/subscriptions/get-subscription-detail";
import { PortalSubscriptionClient } from "./page-client";

export const metadata: Metadata = { title: "Subscription" };

export default async function PortalSubscriptionPage({ params }: { params: Promise<{ subscriptionId: string }> }) {
  const { subscriptionId } = await params;
  const user = await requireSignedIn(`/portal/subscriptions/${encodeURIComponent(subscriptionId)}`);
  const actor: Actor = { type: "user", id: user.id, label: user.email, role: user.role, userId: user.id };
  const subscription = await getSubscriptionDetail(subscriptionId, actor).catch((error: unknown) => {
    if (error instanceof ApiError && error.code === "not_found") return null;
    throw error;
  });
  // The portal shows one's own subscriptions only, whatever the role: an admin reads others' in the console.
  if (!subscription || subscription.user?.id !== user.id) notFound();
  return <PortalSubscriptionClient initial={subscription} gatewayUrl={env().GATEWAY_PUBLIC_URL.replace(/\/+$/, "")} />;
}
