"use client";
// A product's limits as form fields, the same on creation and in its settings: the
// subscriptions a developer may hold, the rate limit and the quota (calls and/or bandwidth).
// readProductLimits reads them back; productLimitAliases puts the server's refusals under them.
import type { Product } from "@/lib/client/api-types";
import { Input, Select } from "@/components/ui/field";
import { bandwidthMb } from "./product-form-values";

export function ProductLimitFields({ product, disabled = false }: { product?: Product; disabled?: boolean }) {
  return (
    <>
      <fieldset className="fieldset" disabled={disabled}>
        <Input
          label="Subscription limit per developer"
          name="subscriptionsLimit"
          type="number"
          min={1}
          defaultValue={product?.subscriptionsLimit ?? ""}
          hint="Empty: no limit."
        />
      </fieldset>
      <fieldset className="fieldset" disabled={disabled}>
        <legend className="field-label">Rate limit (per subscription)</legend>
        <div className="form-row">
          <Input label="Rate limit calls" name="rateLimitCalls" type="number" min={1} defaultValue={product?.rateLimit?.calls ?? ""} />
          <Input
            label="Rate limit period (seconds)"
            name="rateLimitPeriodSeconds"
            type="number"
            min={1}
            max={86400}
            defaultValue={product?.rateLimit?.periodSeconds ?? ""}
          />
        </div>
      </fieldset>
      <fieldset className="fieldset" disabled={disabled}>
        <legend className="field-label">Quota (per subscription): calls and/or bandwidth</legend>
        <div className="form-row">
          <Input label="Quota calls" name="quotaCalls" type="number" min={1} defaultValue={product?.quota?.calls ?? ""} />
          <Input
            label="Quota bandwidth (MB)"
            name="quotaBandwidthMb"
            type="number"
            min={0}
            step="any"
            defaultValue={product ? bandwidthMb(product) : ""}
          />
          <Select label="Quota period" name="quotaPeriod" defaultValue={product?.quota?.period ?? "month"}>
            <option value="hour">Hour</option>
            <option value="day">Day</option>
            <option value="week">Week</option>
            <option value="month">Month</option>
          </Select>
        </div>
      </fieldset>
    </>
  );
}
