import type { Metadata } from "next";
import { requireConsoleUser } from "@/lib/iam/session";
import { ProductDetailClient } from "./page-client";

export const metadata: Metadata = { title: "Product" };

export default async function ProductDetailPage({ params }: { params: Promise<{ productId: string }> }) {
  const { productId } = await params;
  const user = await requireConsoleUser(`/console/products/${encodeURIComponent(productId)}`);
  return <ProductDetailClient productId={productId} viewer={{ id: user.id, role: user.role }} />;
}
