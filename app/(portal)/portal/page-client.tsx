"use client";
// The catalogue: published products only (console users get every product from the
// API, so the filter matters for them; developers only ever receive published ones).
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { useProducts } from "@/lib/client/use-products";
import { ProductCard } from "./product-card";

export function CatalogueClient() {
  const products = useProducts();
  const published = (products.data?.items ?? []).filter((p) => p.state === "published");

  return (
    <>
      <PageHeader title="Products" description="Subscribe to a product to get keys for its APIs." />
      <ErrorBanner error={products.error} />
      {products.isPending && <p className="muted">Loading products…</p>}
      {products.isSuccess && published.length === 0 && <p className="muted">No products are published yet.</p>}
      <div className="card-grid">
        {published.map((product) => (
          <ProductCard key={product.id} product={product} />
        ))}
      </div>
    </>
  );
}
