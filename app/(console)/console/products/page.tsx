import type { Metadata } from "next";
import { requireConsoleUser } from "@/lib/auth/session";
import { canMutate } from "@/components/role-label";
import { ProductsClient } from "./page-client";

export const metadata: Metadata = { title: "Products" };

export default async function ProductsPage() {
  const user = await requireConsoleUser("/console/products");
  return <ProductsClient canEdit={canMutate(user.role)} />;
}
