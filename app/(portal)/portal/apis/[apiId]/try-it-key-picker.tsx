"use client";
// Which of the developer's own subscriptions try-it sends the key of: named when there is
// one, a picker when several open this API, and what to do when there is none.
import { Select } from "@/components/ui/field";
import type { ApiReference } from "@/lib/client/api-types";

type Props = {
  subscriptionRequired: boolean;
  subscriptions: ApiReference["subscriptions"];
  value: string | undefined;
  onChange: (id: string) => void;
  keyState: "loading" | "ready" | "failed" | "none";
};

const labelOf = (s: ApiReference["subscriptions"][number]) => (s.productName ? `${s.name} (${s.productName})` : s.name);

export function TryItKeyPicker({ subscriptionRequired, subscriptions, value, onChange, keyState }: Props) {
  if (!subscriptionRequired) return <p className="muted">Try it calls the gateway directly: this API needs no key.</p>;
  if (subscriptions.length === 0) {
    return (
      <p className="hint-box" role="note">
        You have no active subscription that opens this API. Subscribe through a product above; once it is active, try it sends
        your key.
      </p>
    );
  }
  const status = keyState === "loading" ? "Loading your key…" : keyState === "ready" ? "Try it sends this subscription's primary key." : "";
  return (
    <div className="form-row">
      {subscriptions.length > 1 ? (
        <Select label="Subscription for try it" value={value} onChange={(e) => onChange(e.target.value)}>
          {subscriptions.map((s) => (
            <option key={s.id} value={s.id}>
              {labelOf(s)}
            </option>
          ))}
        </Select>
      ) : (
        <p>
          Try it uses your subscription <strong>{labelOf(subscriptions[0])}</strong>.
        </p>
      )}
      <p className="muted" role="status" data-testid="try-it-key-status">
        {status}
      </p>
    </div>
  );
}
