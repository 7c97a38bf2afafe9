import type { Metadata } from "next";
import { requireConsoleUser } from "@/lib/iam/session";
import { ApiDetailClient } from "./page-client";

export const metadata: Metadata = { title: "API details" };

export default async function ApiDetailPage({ params }: { params: Promise<{ apiId: string }> }) {
  const { apiId } = await params;
  const user = await requireConsoleUser(`/console/apis/${encodeURIComponent(apiId)}`);
  return <ApiDetailClient apiId={apiId} viewer={{ id: user.id, role: user.role }} />;
}
