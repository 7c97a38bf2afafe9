"use client";
// The product's settings as one form: description, terms, approval, the per-developer
// limit, the rate limit and the quota, and its APIs. Saved with one PATCH.
import { useState, type FormEvent } from "react";
import type { Product } from "@/lib/client/api-types";
import { Card } from "@/components/ui/card";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/field";
import { FieldErrorScope } from "@/components/ui/field-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { ApiPicker } from "@/components/console/api-picker";
import { useUpdateProduct } from "@/lib/client/use-products";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { updateProductInputSchema } from "@/lib/products/product-schemas";
import { bandwidthMb, readProductForm } from "./product-form-values";

export function ProductSettingsForm({ product, editable }: { product: Product; editable: boolean }) {
  const [formError, setFormError] = useState<Error | null>(null);
  const save = useUpdateProduct(product.id);
  const request = useRequestCheck(updateProductInputSchema);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    save.reset();
    request.clear();
    try {
      setFormError(null);
      const body = readProductForm(e.currentTarget);
      if (request.check(body)) save.mutate(body);
    } catch (err) {
      setFormError(err as Error);
    }
  }

  return (
    <Card title="Settings">
      <form className="form" onSubmit={onSubmit} aria-label="Product settings">
        <FieldErrorScope error={formError ?? request.problem ?? save.error}>
          <fieldset className="fieldset" disabled={!editable}>
            <Input label="Name" name="name" required defaultValue={product.name} />
            <Textarea label="Description" name="description" rows={3} defaultValue={product.description} />
            <Textarea
              label="Terms"
              name="terms"
              rows={4}
              defaultValue={product.terms}
              hint="Shown when developers subscribe; they must accept them. Leave empty for none."
            />
            <Checkbox label="Approval required" name="approvalRequired" defaultChecked={product.approvalRequired} />
            <Input
              label="Subscription limit per developer"
              name="subscriptionsLimit"
              type="number"
              min={1}
              defaultValue={product.subscriptionsLimit ?? ""}
              hint="Empty: no limit."
            />
          </fieldset>
          <fieldset className="fieldset" disabled={!editable}>
            <legend className="field-label">Rate limit (per subscription)</legend>
            <div className="form-row">
              <Input label="Rate limit calls" name="rateLimitCalls" type="number" min={1} defaultValue={product.rateLimit?.calls ?? ""} />
              <Input
                label="Rate limit period (seconds)"
                name="rateLimitPeriodSeconds"
                type="number"
                min={1}
                max={86400}
                defaultValue={product.rateLimit?.periodSeconds ?? ""}
              />
            </div>
          </fieldset>
          <fieldset className="fieldset" disabled={!editable}>
            <legend className="field-label">Quota (per subscription): calls and/or bandwidth</legend>
            <div className="form-row">
              <Input label="Quota calls" name="quotaCalls" type="number" min={1} defaultValue={product.quota?.calls ?? ""} />
              <Input label="Quota bandwidth (MB)" name="quotaBandwidthMb" type="number" min={0} step="any" defaultValue={bandwidthMb(product)} />
              <Select label="Quota period" name="quotaPeriod" defaultValue={product.quota?.period ?? "month"}>
                <option value="hour">Hour</option>
                <option value="day">Day</option>
                <option value="week">Week</option>
                <option value="month">Month</option>
              </Select>
            </div>
          </fieldset>
          <fieldset className="fieldset" disabled={!editable}>
            <legend className="field-label">APIs</legend>
            <ApiPicker name="apiIds" initial={product.apis} />
          </fieldset>
          <FormFooter
            submitLabel="Save changes"
            busy={save.isPending}
            error={formError ?? request.problem ?? save.error}
            errorTitle="Could not save the product"
            success={save.isSuccess && "Saved. The gateways enforce the new settings within seconds."}
            hideActions={!editable}
          />
        </FieldErrorScope>
      </form>
    </Card>
  );
}
