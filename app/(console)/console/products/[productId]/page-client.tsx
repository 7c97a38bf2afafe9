"use client";
// One product: its settings form, Publish/Unpublish, and deletion. Publishers edit the
// products they own (or that nobody owns), admins all; the server enforces the same rule.
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, jsonBody } from "@/components/api-client";
import type { Product, UserRole } from "@/components/api-types";
import { formatDateTime } from "@/components/format";
import { queryKeys } from "@/components/query-keys";
import { StateBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { DeleteProductCard } from "./delete-product-card";
import { ProductSettingsForm } from "./product-settings-form";
import { canManageOwned } from "@/lib/auth/can-manage-owned";

type Viewer = { id: string; role: UserRole };

function mayEdit(viewer: Viewer, product: Product): boolean {
  return canManageOwned(viewer.role, viewer.id, product.ownerId ?? null);
}

export function ProductDetailClient({ productId, viewer }: { productId: string; viewer: Viewer }) {
  const queryClient = useQueryClient();
  const productPath = `/api/v1/products/${encodeURIComponent(productId)}`;
  const product = useQuery({ queryKey: [...queryKeys.products, productId], queryFn: () => apiFetch<Product>(productPath) });

  const setState = useMutation({
    mutationFn: (state: Product["state"]) => apiFetch<Product>(productPath, jsonBody("PATCH", { state })),
    onSuccess: (updated) => {
      queryClient.setQueryData([...queryKeys.products, productId], updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.products });
    },
  });

  const back = (
    <Link href="/console/products" className="back-link">
      ← All products
    </Link>
  );
  if (product.isPending) return <>{back}<p className="muted">Loading product…</p></>;
  if (product.isError) return <>{back}<PageHeader title="Product" /><ErrorBanner error={product.error} /></>;

  const data = product.data;
  const editable = mayEdit(viewer, data);
  const published = data.state === "published";
  return (
    <>
      {back}
      <PageHeader
        title={data.name}
        description={`Updated ${formatDateTime(data.updatedAt)} · ${published ? "visible in the developer portal" : "draft: hidden from developers"}`}
        actions={
          <>
            <StateBadge state={data.state} />
            {editable && (
              <Button
                variant={published ? "secondary" : "primary"}
                busy={setState.isPending}
                onClick={() => setState.mutate(published ? "draft" : "published")}
              >
                {published ? "Unpublish" : "Publish"}
              </Button>
            )}
          </>
        }
      />
      <ErrorBanner error={setState.error} title="Could not change the state" />
      {!editable && <p className="muted">Read-only: only a platform admin or the product&apos;s owner may change it.</p>}
      <ProductSettingsForm product={data} editable={editable} />
      {editable && <DeleteProductCard product={data} />}
    </>
  );
}
