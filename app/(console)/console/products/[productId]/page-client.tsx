"use client";
// One product: its settings form, its gateway rules, Publish/Unpublish, and deletion. Publishers edit only the
// products they own (never an admin's, which nobody owns), admins all; canManageOwned is the server's rule.
import type { Product, UserRole } from "@/lib/client/api-types";
import { AnalyticsPanel } from "@/components/analytics/analytics-panel";
import { formatDateTime } from "@/components/format";
import { StateBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { ChangeRollout } from "@/components/console/change-rollout";
import { DeleteProductCard } from "./delete-product-card";
import { LimitsUsageCard } from "./limits-usage-card";
import { ProductPolicyCard } from "./product-policy-card";
import { ProductSettingsForm } from "./product-settings-form";
import { canManageOwned } from "@/lib/iam/can-manage-owned";
import { useProduct, useUpdateProduct } from "@/lib/client/use-products";

type Viewer = { id: string; role: UserRole };

function mayEdit(viewer: Viewer, product: Product): boolean {
  return canManageOwned(viewer.role, viewer.id, product.ownerId ?? null);
}

export function ProductDetailClient({ productId, viewer }: { productId: string; viewer: Viewer }) {
  const product = useProduct(productId);
  const setState = useUpdateProduct(productId);

  const back = (current?: string) => <Breadcrumbs trail={[{ label: "Products", href: "/console/products" }]} current={current} />;
  if (product.isPending) return <>{back()}<p className="muted">Loading product…</p></>;
  if (product.isError) return <>{back()}<PageHeader title="Product" /><ErrorBanner error={product.error} /></>;

  const data = product.data;
  const editable = mayEdit(viewer, data);
  const published = data.state === "published";
  return (
    <>
      {back(data.name)}
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
                onClick={() => setState.mutate({ state: published ? "draft" : "published" })}
              >
                {published ? "Unpublish" : "Publish"}
              </Button>
            )}
          </>
        }
      />
      <ChangeRollout label={`${setState.variables?.state === "draft" ? "Unpublishing" : "Publishing"} ${data.name}`} request={setState} />
      <ErrorBanner error={setState.error} title="Could not change the state" />
      {!editable && <p className="muted">Read-only: only a platform admin or the product&apos;s owner may change it.</p>}
      <ProductSettingsForm product={data} editable={editable} />
      <ProductPolicyCard product={data} editable={editable} />
      <LimitsUsageCard product={data} />
      <AnalyticsPanel fixed={{ productId }} top={{ dimension: "api", title: "Top APIs", column: "API" }} />
      {editable && <DeleteProductCard product={data} />}
    </>
  );
}
