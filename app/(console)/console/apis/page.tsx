import type { Metadata } from "next";
import { requireConsoleUser } from "@/lib/auth/session";
import { canMutate } from "@/components/role-label";
import { ApisClient } from "./page-client";

export const metadata: Metadata = { title: "APIs" };

export default async function ApisPage() {
  const user = await requireConsoleUser("/console/apis");
  return <ApisClient canEdit={canMutate(user.role)} />;
}
