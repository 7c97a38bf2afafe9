import type { Metadata } from "next";
import { requireSignedIn } from "@/lib/iam/session";
import { CatalogueClient } from "./page-client";

export const metadata: Metadata = { title: "Products" };

export default async function PortalHomePage() {
  await requireSignedIn("/portal");
  return <CatalogueClient />;
}
