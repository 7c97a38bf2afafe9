"use client";
// One catalogue entry. "Subscribe" opens an inline form asking for a subscription
// name (and, when the product has terms, shows them and asks to accept them); the
// answer's state tells whether keys work now or an admin must approve first. From the
// catalogue it lands on the new subscription's page; the API page stays (onSubscribed).
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { formChecked, formText } from "@/components/form-data";
import type { CreatedSubscription, Product } from "@/lib/client/api-types";
import { Button } from "@/components/ui/button";
import { FormFooter } from "@/components/ui/form-footer";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Checkbox, Input } from "@/components/ui/field";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { useCreateSubscription } from "@/lib/client/use-subscriptions";
import { termsVersionOf } from "@/lib/client/terms-version";
import { createSubscriptionInputSchema } from "@/lib/subscriptions/subscription-schemas";
import { ProductLimits } from "./product-limits";

function outcome(sub: CreatedSubscription): string {
  if (sub.state === "active") return `Subscribed: "${sub.name}" is active.`;
  if (sub.state === "submitted") return `Subscription "${sub.name}" submitted — awaiting approval.`;
  return `Subscription "${sub.name}" is ${sub.state}.`;
}

/** `onSubscribed`: the API page refreshes which of the developer's subscriptions open it. */
export function ProductCard({ product, onSubscribed }: { product: Product; onSubscribed?: () => void }) {
  const [asking, setAsking] = useState(false);
  const hasTerms = product.terms.trim() !== "";
  const subscribe = useCreateSubscription();
  const request = useRequestCheck(createSubscriptionInputSchema);
  const router = useRouter();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    // The version of the text on screen: terms changed since are refused (409), not accepted unread.
    const termsVersion = hasTerms ? await termsVersionOf(product.terms) : undefined;
    const body = {
      productId: product.id,
      name: formText(form, "name"),
      ...(hasTerms && { acceptTerms: formChecked(form, "acceptTerms"), ...(termsVersion && { termsVersion }) }),
    };
    if (request.check(body)) {
      subscribe.mutate(body, {
        onSuccess: (created) => {
          setAsking(false);
          if (onSubscribed) onSubscribed();
          else router.push(`/portal/subscriptions/${encodeURIComponent(created.id)}`);
        },
      });
    }
  }

  function cancel() {
    setAsking(false);
    subscribe.reset();
    request.clear();
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
          {outcome(subscribe.data)} <Link href={`/portal/subscriptions/${encodeURIComponent(subscribe.data.id)}`}>Open the subscription</Link>
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
          <FormFooter
            submitLabel="Confirm subscription"
            busy={subscribe.isPending}
            error={request.problem ?? subscribe.error}
            errorTitle="Could not subscribe"
          >
            <Button variant="ghost" onClick={cancel}>
              Cancel
            </Button>
          </FormFooter>
        </form>
      ) : (
        <div className="form-actions">
          <Button onClick={() => { setAsking(true); subscribe.reset(); request.clear(); }}>Subscribe</Button>
        </div>
      )}
    </Card>
  );
}
