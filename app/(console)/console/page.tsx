import type { Metadata } from "next";
import { countCatalogue } from "@/lib/dashboard/count-catalogue";
import { requireConsoleUser } from "@/lib/iam/session";
import { DashboardClient } from "./page-client";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireConsoleUser("/console");
  return <DashboardClient userName={user.name || user.email} counts={await countCatalogue()} />;
}
