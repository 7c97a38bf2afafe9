// Products: the list (console and portal catalogue), one product, and their changes.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateProductRequest, Product, UpdateProductRequest } from "@/lib/client/api-types";
import { apiFetch, jsonBody, segment } from "./api-client";
import { queryKeys, type ProductFilters } from "./query-keys";
import { usePagedList } from "./use-paged-list";

const productPath = (id: string) => `/api/v1/products/${segment(id)}`;

/** A page of products at a time, filtered and searched on the server (developers: published only). */
export function useProducts(filters: ProductFilters = {}, options: { enabled?: boolean } = {}) {
  return usePagedList<Product>(queryKeys.products.list(filters), "/api/v1/products", filters, options);
}

export function useProduct(productId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: queryKeys.products.detail(productId), queryFn: () => apiFetch<Product>(productPath(productId)), enabled });
}

export function useCreateProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateProductRequest) => apiFetch<Product>("/api/v1/products", jsonBody("POST", body)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.products.list() }),
  });
}

/** PATCH: settings, limits, APIs, or the state alone (Publish / Unpublish). */
export function useUpdateProduct(productId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProductRequest) => apiFetch<Product>(productPath(productId), jsonBody("PATCH", body)),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.products.detail(productId), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.products.list() });
    },
  });
}

/** `deleteSubscriptions`: cancel the live subscriptions too, instead of the server's 409. */
export function useDeleteProduct(productId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deleteSubscriptions: boolean) =>
      apiFetch<{ cancelledSubscriptions: number }>(`${productPath(productId)}${deleteSubscriptions ? "?deleteSubscriptions=true" : ""}`, {
        method: "DELETE",
      }),
    onSuccess: () => {
      // Not the detail: refetching it would flash a 404 on the page being left.
      void queryClient.invalidateQueries({ queryKey: queryKeys.products.list() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.subscriptions.all });
    },
  });
}
