"use client";
// Creates a subscription owned by the signed-in user, to a product or (API-scoped) to a
// single API, optionally with an expiry. The keys come back in clear only in this
// response, so they are shown once, prominently.
import { useRef, useState, type FormEvent } from "react";
import type { CreateSubscriptionRequest } from "@/lib/client/api-types";
import { formText } from "@/components/form-data";
import { KeysBox } from "@/components/keys-box";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { SearchBox } from "@/components/ui/search-box";
import { useApis } from "@/lib/client/use-apis";
import { useProducts } from "@/lib/client/use-products";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { useCreateSubscription } from "@/lib/client/use-subscriptions";
import { createSubscriptionInputSchema } from "@/lib/subscriptions/subscription-schemas";

export function CreateSubscriptionForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [scope, setScope] = useState<"product" | "api">("product");
  // The choices are the server's first matches for what is typed in the search field above.
  const [search, setSearch] = useState<string | undefined>();
  const products = useProducts({ search }, { enabled: scope === "product" });
  const apis = useApis({ search }, { enabled: scope === "api" });
  const createSubscription = useCreateSubscription();
  const request = useRequestCheck(createSubscriptionInputSchema);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const expires = formText(form, "expiresAt"); // datetime-local: the viewer's local time
    const body: CreateSubscriptionRequest = {
      name: formText(form, "name"),
      ...(scope === "product" ? { productId: formText(form, "productId") } : { apiId: formText(form, "apiId") }),
      ...(expires && { expiresAt: new Date(expires).toISOString() }),
    };
    if (request.check(body)) createSubscription.mutate(body, { onSuccess: () => formRef.current?.reset() });
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
          <SearchBox label={scope === "product" ? "Find product" : "Find API"} placeholder="Name" onSearch={setSearch} />
          {scope === "product" ? (
            <Select label="Product" name="productId" required defaultValue="">
              <option value="" disabled>
                {products.isPending ? "Loading products…" : "Choose a product"}
              </option>
              {products.items.map((product) => (
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
              {apis.items.map((api) => (
                <option key={api.id} value={api.id}>
                  {api.name} (/{api.path})
                </option>
              ))}
            </Select>
          )}
          <Input label="Expires" name="expiresAt" type="datetime-local" hint="Optional: the keys stop working then." />
        </div>
        <FormFooter
          submitLabel="Create subscription"
          busy={createSubscription.isPending}
          error={products.error ?? apis.error ?? request.problem ?? createSubscription.error}
          errorTitle="Could not create the subscription"
        />
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
