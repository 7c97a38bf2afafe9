"use client";
// The product's settings as one form: description, terms, approval, the per-developer
// limit, the rate limit and the quota, and its APIs. Saved with one PATCH.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { apiFetch, jsonBody } from "@/components/api-client";
import type { Api, ListResponse, Product, UpdateProductRequest } from "@/components/api-types";
import { queryKeys } from "@/components/query-keys";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/field";
import { bandwidthMb, readProductForm } from "./product-form-values";

export function ProductSettingsForm({ product, editable }: { product: Product; editable: boolean }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<Error | null>(null);
  const apis = useQuery({ queryKey: queryKeys.apis, queryFn: () => apiFetch<ListResponse<Api>>("/api/v1/apis") });
  const bundled = new Set(product.apis.map((a) => a.id));

  const save = useMutation({
    mutationFn: (body: UpdateProductRequest) =>
      apiFetch<Product>(`/api/v1/products/${encodeURIComponent(product.id)}`, jsonBody("PATCH", body)),
    onSuccess: (updated) => {
      queryClient.setQueryData([...queryKeys.products, product.id], updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.products });
    },
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    save.reset();
    try {
      setFormError(null);
      save.mutate(readProductForm(e.currentTarget));
    } catch (err) {
      setFormError(err as Error);
    }
  }

  return (
    <Card title="Settings">
      <form className="form" onSubmit={onSubmit} aria-label="Product settings">
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
          {apis.isPending && <p className="muted">Loading APIs…</p>}
          <ErrorBanner error={apis.error} />
          <div className="checkbox-grid">
            {apis.data?.items.map((api) => (
              <Checkbox key={api.id} label={api.name} name="apiIds" value={api.id} defaultChecked={bundled.has(api.id)} />
            ))}
          </div>
        </fieldset>
        <ErrorBanner error={formError ?? save.error} title="Could not save the product" />
        {save.isSuccess && (
          <p className="success-banner" role="status">
            Saved. The gateways enforce the new settings within seconds.
          </p>
        )}
        {editable && (
          <div className="form-actions">
            <Button type="submit" busy={save.isPending} disabled={apis.isPending}>
              Save changes
            </Button>
          </div>
        )}
      </form>
    </Card>
  );
}
