import type { Metadata } from "next";
import { requireConsoleUser } from "@/lib/iam/session";
import { hasPermission } from "@/lib/iam/rbac/permissions";
import { ProductsClient } from "./page-client";

export const metadata: Metadata = { title: "Products" };

export default async function ProductsPage() {
  const user = await requireConsoleUser("/console/products");
  return <ProductsClient canEdit={hasPermission(user.role, "products.write")} />;
}
