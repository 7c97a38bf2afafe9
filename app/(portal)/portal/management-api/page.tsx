import type { Metadata } from "next";
import { requireSignedIn } from "@/lib/iam/session";
import { ManagementApiClient } from "./page-client";

export const metadata: Metadata = { title: "Management API" };

export default async function ManagementApiPage() {
  await requireSignedIn("/portal/management-api");
  return <ManagementApiClient />;
}
