"use client";
// One catalogue entry. "Subscribe" opens an inline form asking for a subscription
// name (and, when the product has terms, shows them and asks to accept them); the
// answer's state tells whether keys work now or an admin must approve first.
import Link from "next/link";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { apiFetch, jsonBody } from "@/components/api-client";
import { formChecked, formText } from "@/components/form-data";
import type { CreatedSubscription, Product } from "@/components/api-types";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Checkbox, Input } from "@/components/ui/field";
import { ProductLimits } from "./product-limits";
import { queryKeys } from "@/components/query-keys";

function outcome(sub: CreatedSubscription): string {
  if (sub.state === "active") return `Subscribed: "${sub.name}" is active.`;
  if (sub.state === "submitted") return `Subscription "${sub.name}" submitted — awaiting approval.`;
  return `Subscription "${sub.name}" is ${sub.state}.`;
}

export function ProductCard({ product }: { product: Product }) {
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const hasTerms = product.terms.trim() !== "";

  const subscribe = useMutation({
    mutationFn: (body: { productId: string; name: string; acceptTerms?: boolean }) =>
      apiFetch<CreatedSubscription>("/api/v1/subscriptions", jsonBody("POST", body)),
    onSuccess: () => {
      setAsking(false);
      void queryClient.invalidateQueries({ queryKey: queryKeys.subscriptions });
    },
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    subscribe.mutate({
      productId: product.id,
      name: formText(form, "name"),
      ...(hasTerms && { acceptTerms: formChecked(form, "acceptTerms") }),
    });
  }

  return (
    <Card as="article" id={`product-${product.id}`} title={product.name} headingLevel={2} className="product-card">
      {product.approvalRequired && <Badge tone="warning">Approval required</Badge>}
      <p className="product-description">{product.description || <span className="muted">No description.</span>}</p>
      <ProductLimits product={product} />
      <h3 className="small-heading">APIs</h3>
      <ul className="api-list">
        {product.apis.map((api) => (
          <li key={api.id}>
            <Link href={`/portal/apis/${api.id}`}>{api.name}</Link> <code>/{api.gatewayPath}</code>
          </li>
        ))}
        {product.apis.length === 0 && <li className="muted">No APIs yet.</li>}
      </ul>
      {subscribe.isSuccess && (
        <p className="success-banner" role="status">
          {outcome(subscribe.data)} <Link href="/portal/subscriptions">Open your subscriptions</Link>
        </p>
      )}
      {asking ? (
        <form className="form subscribe-form" onSubmit={onSubmit}>
          <Input label="Subscription name" name="name" required autoFocus />
          {hasTerms && (
            <div className="hint-box" role="group" aria-label="Terms of use">
              <h3 className="small-heading">Terms of use</h3>
              <p style={{ whiteSpace: "pre-wrap", maxHeight: "12rem", overflowY: "auto" }}>{product.terms}</p>
              <Checkbox label="I accept the terms" name="acceptTerms" required />
            </div>
          )}
          <ErrorBanner error={subscribe.error} title="Could not subscribe" />
          <div className="form-actions">
            <Button type="submit" busy={subscribe.isPending}>
              Confirm subscription
            </Button>
            <Button variant="ghost" onClick={() => { setAsking(false); subscribe.reset(); }}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <div className="form-actions">
          <Button onClick={() => { setAsking(true); subscribe.reset(); }}>Subscribe</Button>
        </div>
      )}
    </Card>
  );
}
