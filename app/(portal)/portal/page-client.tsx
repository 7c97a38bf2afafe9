"use client";
// The catalogue: published products only (console users get every product from the
// API, so the filter matters for them; developers only ever receive published ones),
// searched and paged on the server.
import { useState } from "react";
import { ErrorBanner } from "@/components/ui/error-banner";
import { LoadMore } from "@/components/ui/load-more";
import { PageHeader } from "@/components/ui/page-header";
import { SearchBox } from "@/components/ui/search-box";
import { useProducts } from "@/lib/client/use-products";
import { ProductCard } from "./product-card";

export function CatalogueClient() {
  const [search, setSearch] = useState<string | undefined>();
  const products = useProducts({ state: "published", search });
  const published = products.items;

  return (
    <>
      <PageHeader title="Products" description="Subscribe to a product to get keys for its APIs." />
      <SearchBox label="Search products" placeholder="Name" onSearch={setSearch} />
      <ErrorBanner error={products.error} />
      {products.isPending && <p className="muted">Loading products…</p>}
      {products.isSuccess && published.length === 0 && <p className="muted">{search ? "No products match." : "No products are published yet."}</p>}
      <div className="card-grid">
        {published.map((product) => (
          <ProductCard key={product.id} product={product} />
        ))}
      </div>
      <LoadMore list={products} />
    </>
  );
}
