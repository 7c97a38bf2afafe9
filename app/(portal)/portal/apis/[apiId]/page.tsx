import type { Metadata } from "next";
import { requireSignedIn } from "@/lib/iam/session";
import { PortalApiClient } from "./page-client";

export const metadata: Metadata = { title: "API" };

export default async function PortalApiPage({ params }: { params: Promise<{ apiId: string }> }) {
  const { apiId } = await params;
  await requireSignedIn(`/portal/apis/${encodeURIComponent(apiId)}`);
  return <PortalApiClient apiId={apiId} />;
}
