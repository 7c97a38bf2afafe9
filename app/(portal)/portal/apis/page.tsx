import type { Metadata } from "next";
import { requireSignedIn } from "@/lib/iam/session";
import { ApiCatalogueClient } from "./page-client";

export const metadata: Metadata = { title: "APIs" };

export default async function PortalApisPage() {
  await requireSignedIn("/portal/apis");
  return <ApiCatalogueClient />;
}
