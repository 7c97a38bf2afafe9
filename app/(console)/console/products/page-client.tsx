"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/api-client";
import type { ListResponse, Product } from "@/components/api-types";
import { StateBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableMessageRow } from "@/components/ui/table";
import { queryKeys } from "@/components/query-keys";
import { CreateProductForm } from "./create-product-form";

const columns = ["Name", "State", "Approval required", "APIs"];

export function ProductsClient({ canEdit }: { canEdit: boolean }) {
  const products = useQuery({ queryKey: queryKeys.products, queryFn: () => apiFetch<ListResponse<Product>>("/api/v1/products") });
  const items = products.data?.items ?? [];

  return (
    <>
      <PageHeader title="Products" description="Bundles of APIs that developers subscribe to, with their approval policy." />
      <ErrorBanner error={products.error} />
      <Card title="All products">
        <Table caption="Products" columns={columns}>
          {products.isPending && <TableMessageRow colSpan={columns.length}>Loading products…</TableMessageRow>}
          {products.isSuccess && items.length === 0 && <TableMessageRow colSpan={columns.length}>No products yet.</TableMessageRow>}
          {items.map((product) => (
            <tr key={product.id}>
              <td>
                <span className="strong">{product.name}</span>
                {product.description && <span className="cell-sub">{product.description}</span>}
              </td>
              <td>
                <StateBadge state={product.state} />
              </td>
              <td>{product.approvalRequired ? "Yes" : "No"}</td>
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
      </Card>
      {canEdit && <CreateProductForm />}
    </>
  );
}
