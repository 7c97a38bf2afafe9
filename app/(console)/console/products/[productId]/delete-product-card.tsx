"use client";
// Deleting asks first. The server refuses (409) while developers hold live subscriptions;
// the admin may then choose to cancel them along with the product.
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch, ApiRequestError } from "@/components/api-client";
import type { Product } from "@/components/api-types";
import { queryKeys } from "@/components/query-keys";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";

export function DeleteProductCard({ product }: { product: Product }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);

  const remove = useMutation({
    mutationFn: (deleteSubscriptions: boolean) =>
      apiFetch<{ cancelledSubscriptions: number }>(
        `/api/v1/products/${encodeURIComponent(product.id)}${deleteSubscriptions ? "?deleteSubscriptions=true" : ""}`,
        { method: "DELETE" },
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.products });
      void queryClient.invalidateQueries({ queryKey: queryKeys.subscriptions });
      router.push("/console/products");
    },
  });
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
            <Button variant="danger" busy={remove.isPending} onClick={() => remove.mutate(false)}>
              Confirm delete
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
          </>
        )}
        {hasLiveSubscriptions && (
          <>
            <Button variant="danger" busy={remove.isPending} onClick={() => remove.mutate(true)}>
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
