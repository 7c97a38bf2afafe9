import type { Metadata } from "next";
import { requireSignedIn } from "@/lib/iam/session";
import { isConsoleRole } from "@/lib/iam/roles";
import { env } from "@/lib/env";
import { MySubscriptionsClient } from "./page-client";

export const metadata: Metadata = { title: "My subscriptions" };

export default async function MySubscriptionsPage() {
  const user = await requireSignedIn("/portal/subscriptions");
  return (
    <MySubscriptionsClient
      gatewayUrl={env().GATEWAY_PUBLIC_URL.replace(/\/+$/, "")}
      // Console roles get every subscription from the API; the portal shows only their own.
      onlyOwnedBy={isConsoleRole(user.role) ? user.id : undefined}
    />
  );
}
