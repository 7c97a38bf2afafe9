import type { Metadata } from "next";
import { requireConsoleUser } from "@/lib/iam/session";
import { GatewaysClient } from "./page-client";

export const metadata: Metadata = { title: "Gateways" };

// Every console role, as GET /api/v1/config-delivery.
export default async function GatewaysPage() {
  await requireConsoleUser("/console/gateways");
  return <GatewaysClient />;
}
