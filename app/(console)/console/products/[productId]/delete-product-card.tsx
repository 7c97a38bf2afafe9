"use client";
// Deleting asks first. The server refuses (409) while developers hold live subscriptions;
// the admin may then choose to cancel them along with the product.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Product } from "@/lib/client/api-types";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { ApiRequestError } from "@/lib/client/api-client";
import { useDeleteProduct } from "@/lib/client/use-products";

export function DeleteProductCard({ product }: { product: Product }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteProduct(product.id);
  const deleteProduct = (deleteSubscriptions: boolean) => remove.mutate(deleteSubscriptions, { onSuccess: () => router.push("/console/products") });
  const hasLiveSubscriptions = remove.error instanceof ApiRequestError && remove.error.status === 409;

  return (
    <Card title="Delete product">
      <p className="muted">Deleting removes the product from the portal and the gateways. Its subscriptions stop working.</p>
      <ErrorBanner error={remove.error} title="Could not delete the product" />
      <div className="form-actions">
        {!confirming && (
          <Button variant="danger" onClick={() => setConfirming(true)}>
            Delete product
          </Button>
        )}
        {confirming && !hasLiveSubscriptions && (
          <>
            <Button variant="danger" busy={remove.isPending} onClick={() => deleteProduct(false)}>
              Confirm delete
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
          </>
        )}
        {hasLiveSubscriptions && (
          <>
            <Button variant="danger" busy={remove.isPending} onClick={() => deleteProduct(true)}>
              Delete and cancel its subscriptions
            </Button>
            <Button variant="ghost" onClick={() => { setConfirming(false); remove.reset(); }}>
              Keep it
            </Button>
          </>
        )}
      </div>
    </Card>
  );
}
