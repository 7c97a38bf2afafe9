"use client";
// Creates a subscription owned by the signed-in user, to a product or (API-scoped) to a
// single API, optionally with an expiry. The keys come back in clear only in this
// response, so they are shown once, prominently.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { apiFetch, jsonBody } from "@/components/api-client";
import type { Api, CreateSubscriptionRequest, CreatedSubscription, ListResponse, Product } from "@/components/api-types";
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
  const [scope, setScope] = useState<"product" | "api">("product");
  const products = useQuery({ queryKey: queryKeys.products, queryFn: () => apiFetch<ListResponse<Product>>("/api/v1/products") });
  const apis = useQuery({ queryKey: queryKeys.apis, queryFn: () => apiFetch<ListResponse<Api>>("/api/v1/apis"), enabled: scope === "api" });

  const createSubscription = useMutation({
    mutationFn: (body: CreateSubscriptionRequest) => apiFetch<CreatedSubscription>("/api/v1/subscriptions", jsonBody("POST", body)),
    onSuccess: () => {
      formRef.current?.reset();
      void queryClient.invalidateQueries({ queryKey: queryKeys.subscriptions });
    },
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const expires = formText(form, "expiresAt"); // datetime-local: the viewer's local time
    createSubscription.mutate({
      name: formText(form, "name"),
      ...(scope === "product" ? { productId: formText(form, "productId") } : { apiId: formText(form, "apiId") }),
      ...(expires && { expiresAt: new Date(expires).toISOString() }),
    });
  }

  const created = createSubscription.data;
  return (
    <Card title="Create subscription">
      <form className="form" onSubmit={onSubmit} ref={formRef}>
        <div className="form-row">
          <Input label="Name" name="name" required />
          <Select label="Scope" value={scope} onChange={(e) => setScope(e.target.value as "product" | "api")}>
            <option value="product">A product</option>
            <option value="api">A single API</option>
          </Select>
          {scope === "product" ? (
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
          ) : (
            <Select label="API" name="apiId" required defaultValue="">
              <option value="" disabled>
                {apis.isPending ? "Loading APIs…" : "Choose an API"}
              </option>
              {apis.data?.items.map((api) => (
                <option key={api.id} value={api.id}>
                  {api.name} (/{api.path})
                </option>
              ))}
            </Select>
          )}
          <Input label="Expires" name="expiresAt" type="datetime-local" hint="Optional: the keys stop working then." />
        </div>
        <ErrorBanner error={products.error ?? apis.error ?? createSubscription.error} title="Could not create the subscription" />
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
