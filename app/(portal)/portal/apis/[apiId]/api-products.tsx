"use client";
// Subscribe from the API's page: the published products that contain it, each with the
// catalogue's own card and subscribe flow (terms, approval, the outcome).
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { useProduct } from "@/lib/client/use-products";
import { ProductCard } from "../../product-card";

function ProductById({ productId, onSubscribed }: { productId: string; onSubscribed: () => void }) {
  const product = useProduct(productId);
  if (product.isPending) return <p className="muted">Loading product…</p>;
  if (product.isError) return <ErrorBanner error={product.error} />;
  return <ProductCard product={product.data} onSubscribed={onSubscribed} />;
}

export function ApiProducts({ productIds, onSubscribed }: { productIds: string[]; onSubscribed: () => void }) {
  return (
    <section aria-labelledby="products-heading">
      <h2 id="products-heading" className="portal-section-heading">
        Subscribe
      </h2>
      {productIds.length === 0 ? (
        <Card>
          <p className="muted">No published product contains this API yet: there is nothing to subscribe to.</p>
        </Card>
      ) : (
        <div className="card-grid">
          {productIds.map((id) => (
            <ProductById key={id} productId={id} onSubscribed={onSubscribed} />
          ))}
        </div>
      )}
    </section>
  );
}
