"use client";
// An API's page in the portal: where to call it, its lifecycle, the products to subscribe
// through, its reference (swagger-ui, from the current revision, servers on the gateway) with
// try-it sending the developer's own key (and a bearer token where the API checks one), and code
// samples per operation.
import { useState } from "react";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { useApiReference } from "@/lib/client/use-api-reference";
import { useSubscriptionKeys } from "@/lib/client/use-subscriptions";
import { ApiAddress } from "./api-address";
import { ApiLifecycleNote } from "./api-lifecycle-note";
import { ApiProducts } from "./api-products";
import { CodeSamples } from "./code-samples";
import { ReferenceView } from "./reference-view";
import { TryItKeyPicker } from "./try-it-key-picker";
import { TryItToken } from "./try-it-token";

export function PortalApiClient({ apiId }: { apiId: string }) {
  const reference = useApiReference(apiId);
  const [chosen, setChosen] = useState<string | undefined>();
  const [bearerToken, setBearerToken] = useState("");
  const subscriptions = reference.data?.subscriptions ?? [];
  const subscriptionId = subscriptions.some((s) => s.id === chosen) ? chosen : subscriptions[0]?.id;
  // The caller's own subscription only (the server answers nobody else's keys).
  const keys = useSubscriptionKeys(subscriptionId ?? "", { enabled: Boolean(subscriptionId) });
  const key = keys.data?.primaryKey;

  const trail = [{ label: "APIs", href: "/portal/apis" }];
  if (reference.isPending) return <><Breadcrumbs trail={trail} /><p className="muted" role="status">Loading API…</p></>;
  if (reference.isError) return <><Breadcrumbs trail={trail} /><PageHeader title="API" /><ErrorBanner error={reference.error} /></>;

  const { data } = reference;
  return (
    <>
      <Breadcrumbs trail={trail} current={data.name} />
      <PageHeader
        title={data.name}
        description={data.revision ? `Version ${data.revision.version} · revision ${data.revision.number}` : "No revision yet"}
      />
      <ApiLifecycleNote lifecycle={data.lifecycle} sunsetAt={data.sunsetAt} />
      <ApiAddress reference={data} />
      <ApiProducts productIds={data.products.map((p) => p.id)} onSubscribed={() => void reference.refetch()} />
      <section aria-labelledby="try-it-heading" className="stack">
        <h2 id="try-it-heading" className="portal-section-heading">Reference and try it</h2>
        <TryItKeyPicker
          subscriptionRequired={data.subscriptionRequired}
          subscriptions={subscriptions}
          value={subscriptionId}
          onChange={setChosen}
          keyState={keys.isFetching ? "loading" : key ? "ready" : keys.isError ? "failed" : "none"}
        />
        <ErrorBanner error={keys.error} title="Could not load your key" />
        {data.tokenRequired && <TryItToken token={bearerToken} onChange={setBearerToken} />}
        <ReferenceView reference={data} subscriptionKey={key} bearerToken={bearerToken || undefined} />
      </section>
      <CodeSamples operations={data.operations} placeholder={data.keyPlaceholder} realKey={key} />
    </>
  );
}
