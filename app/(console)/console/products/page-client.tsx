"use client";
import Link from "next/link";
import { useState } from "react";
import type { Product } from "@/lib/client/api-types";
import { formatBytes, formatCount } from "@/components/format";
import { StateBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { LoadMore } from "@/components/ui/load-more";
import { SearchBox } from "@/components/ui/search-box";
import { Table } from "@/components/ui/table";
import { useProducts } from "@/lib/client/use-products";
import { CreateProductForm } from "./create-product-form";

const columns = ["Name", "State", "Approval required", "Limits", "APIs"];

/** "100 calls / 60 s · 10,000 calls per month": the limits at a glance. */
function limitsSummary(product: Product): string {
  const parts: string[] = [];
  if (product.rateLimit) parts.push(`${formatCount(product.rateLimit.calls)} calls / ${product.rateLimit.periodSeconds} s`);
  if (product.quota) {
    const what = [product.quota.calls && `${formatCount(product.quota.calls)} calls`, product.quota.bandwidthBytes && formatBytes(product.quota.bandwidthBytes)];
    parts.push(`${what.filter(Boolean).join(" + ")} per ${product.quota.period}`);
  }
  if (product.subscriptionsLimit) parts.push(`max ${product.subscriptionsLimit} per developer`);
  return parts.join(" · ") || "None";
}

export function ProductsClient({ canEdit }: { canEdit: boolean }) {
  const [search, setSearch] = useState<string | undefined>();
  const products = useProducts({ search });
  const items = products.items;

  return (
    <>
      <PageHeader title="Products" description="Bundles of APIs that developers subscribe to, with their approval policy and limits. Open one to edit it." />
      <ErrorBanner error={products.error} />
      <Card title="All products" actions={<SearchBox label="Search products" placeholder="Name" onSearch={setSearch} />}>
        <Table
          caption="Products"
          columns={columns}
          loading={products.isPending && "Loading products…"}
          empty={products.isSuccess && items.length === 0 && (search ? "No products match." : "No products yet.")}
        >
          {items.map((product) => (
            <tr key={product.id}>
              <td>
                <Link href={`/console/products/${product.id}`} className="strong">
                  {product.name}
                </Link>
                {product.description && <span className="cell-sub">{product.description}</span>}
              </td>
              <td>
                <StateBadge state={product.state} />
              </td>
              <td>{product.approvalRequired ? "Yes" : "No"}</td>
              <td>{limitsSummary(product)}</td>
              <td className="api-links">
                {product.apis.length === 0 && <span className="muted">None</span>}
                {product.apis.map((api) => (
                  <Link key={api.id} href={`/console/apis/${api.id}`}>
                    {api.name}
                  </Link>
                ))}
              </td>
            </tr>
          ))}
        </Table>
        <LoadMore list={products} />
      </Card>
      {canEdit && <CreateProductForm />}
    </>
  );
}
