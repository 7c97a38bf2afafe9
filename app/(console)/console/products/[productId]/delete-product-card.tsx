"use client";
// Deleting asks first. The server refuses (409) while developers hold live subscriptions;
// the admin may then choose, asked again, to cancel them along with the product.
import { useRouter } from "next/navigation";
import type { Product } from "@/lib/client/api-types";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { ErrorBanner } from "@/components/ui/error-banner";
import { ApiRequestError } from "@/lib/client/api-client";
import { useDeleteProduct } from "@/lib/client/use-products";

export function DeleteProductCard({ product }: { product: Product }) {
  const router = useRouter();
  const remove = useDeleteProduct(product.id);
  const deleteProduct = (deleteSubscriptions: boolean) => remove.mutate(deleteSubscriptions, { onSuccess: () => router.push("/console/products") });
  const hasLiveSubscriptions = remove.error instanceof ApiRequestError && remove.error.status === 409;
  const noWayBack = "There is no way back: a deleted product cannot be restored; create it again to offer its APIs.";

  return (
    <Card title="Delete product">
      <p className="muted">Deleting removes the product from the portal and the gateways. Its subscriptions stop working.</p>
      <ErrorBanner error={remove.error} title="Could not delete the product" />
      <div className="form-actions">
        {!hasLiveSubscriptions && (
          <ConfirmButton
            variant="danger"
            busy={remove.isPending}
            confirm={{
              title: `Delete ${product.name}?`,
              body: "The product leaves the portal and the gateways; calls made through it are refused. Its APIs stay in the catalogue.",
              wayBack: noWayBack,
              confirmLabel: "Delete product",
            }}
            onConfirm={() => deleteProduct(false)}
          >
            Delete product
          </ConfirmButton>
        )}
        {hasLiveSubscriptions && (
          <>
            <ConfirmButton
              variant="danger"
              busy={remove.isPending}
              confirm={{
                title: `Delete ${product.name} and cancel its subscriptions?`,
                body: "Every live subscription to the product is cancelled: its developers' keys stop working at once.",
                wayBack: `${noWayBack} Cancelled subscriptions cannot be reactivated either.`,
                confirmLabel: "Delete and cancel subscriptions",
              }}
              onConfirm={() => deleteProduct(true)}
            >
              Delete and cancel its subscriptions
            </ConfirmButton>
            <Button variant="ghost" onClick={() => remove.reset()}>
              Keep it
            </Button>
          </>
        )}
      </div>
    </Card>
  );
}
