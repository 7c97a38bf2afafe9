"use client";
// Creates a subscription owned by the signed-in user. The keys come back in clear
// only in this response, so they are shown once, prominently.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, type FormEvent } from "react";
import { apiFetch, jsonBody } from "@/components/api-client";
import type { CreatedSubscription, ListResponse, Product } from "@/components/api-types";
import { formText } from "@/components/form-data";
import { KeysBox } from "@/components/keys-box";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Input, Select } from "@/components/ui/field";
import { queryKeys } from "@/components/query-keys";

export function CreateSubscriptionForm() {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const products = useQuery({ queryKey: queryKeys.products, queryFn: () => apiFetch<ListResponse<Product>>("/api/v1/products") });

  const createSubscription = useMutation({
    mutationFn: (body: { name: string; productId: string }) =>
      apiFetch<CreatedSubscription>("/api/v1/subscriptions", jsonBody("POST", body)),
    onSuccess: () => {
      formRef.current?.reset();
      void queryClient.invalidateQueries({ queryKey: queryKeys.subscriptions });
    },
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    createSubscription.mutate({ name: formText(form, "name"), productId: formText(form, "productId") });
  }

  const created = createSubscription.data;
  return (
    <Card title="Create subscription">
      <form className="form" onSubmit={onSubmit} ref={formRef}>
        <div className="form-row">
          <Input label="Name" name="name" required />
          <Select label="Product" name="productId" required defaultValue="">
            <option value="" disabled>
              {products.isPending ? "Loading products…" : "Choose a product"}
            </option>
            {products.data?.items.map((product) => (
              <option key={product.id} value={product.id}>
                {product.name}
                {product.state === "draft" ? " (draft)" : ""}
              </option>
            ))}
          </Select>
        </div>
        <ErrorBanner error={products.error ?? createSubscription.error} title="Could not create the subscription" />
        <div className="form-actions">
          <Button type="submit" busy={createSubscription.isPending}>
            Create subscription
          </Button>
        </div>
      </form>
      {created && (
        <KeysBox
          title={`Subscription "${created.name}" created (${created.state})`}
          keys={created}
          note="Copy these keys now: they are not shown again on this page."
          onDismiss={() => createSubscription.reset()}
        />
      )}
    </Card>
  );
}
