"use client";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, type FormEvent } from "react";
import { apiFetch, jsonBody } from "@/components/api-client";
import type { Api, CreateProductRequest, ListResponse, Product, ProductState } from "@/components/api-types";
import { formChecked, formText, formTexts } from "@/components/form-data";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/field";
import { queryKeys } from "@/components/query-keys";

export function CreateProductForm() {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const apis = useQuery({ queryKey: queryKeys.apis, queryFn: () => apiFetch<ListResponse<Api>>("/api/v1/apis") });

  const createProduct = useMutation({
    mutationFn: (body: CreateProductRequest) => apiFetch<Product>("/api/v1/products", jsonBody("POST", body)),
    onSuccess: () => {
      formRef.current?.reset();
      void queryClient.invalidateQueries({ queryKey: queryKeys.products });
    },
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    createProduct.mutate({
      name: formText(form, "name"),
      description: formText(form, "description"),
      terms: formText(form, "terms"),
      apiIds: formTexts(form, "apiIds"),
      approvalRequired: formChecked(form, "approvalRequired"),
      state: formText(form, "state") as ProductState,
    });
  }

  return (
    <Card title="Create product">
      <form className="form" onSubmit={onSubmit} ref={formRef}>
        <Input label="Name" name="name" required />
        <Textarea label="Description" name="description" rows={3} />
        <Textarea label="Terms" name="terms" rows={3} hint="Developers must accept them to subscribe. Leave empty for none." />
        <fieldset className="fieldset">
          <legend className="field-label">APIs</legend>
          {apis.isPending && <p className="muted">Loading APIs…</p>}
          {apis.isSuccess && apis.data.items.length === 0 && <p className="muted">No APIs to add yet.</p>}
          <ErrorBanner error={apis.error} />
          <div className="checkbox-grid">
            {apis.data?.items.map((api) => (
              <Checkbox key={api.id} label={api.name} name="apiIds" value={api.id} />
            ))}
          </div>
        </fieldset>
        <div className="form-row">
          <Select label="State" name="state" defaultValue="draft">
            <option value="draft">Draft</option>
            <option value="published">Published</option>
          </Select>
          <div className="field field-inline">
            <Checkbox label="Approval required" name="approvalRequired" />
          </div>
        </div>
        <ErrorBanner error={createProduct.error} title="Could not create the product" />
        {createProduct.isSuccess && (
          <p className="success-banner" role="status">
            Created product <Link href={`/console/products/${createProduct.data.id}`}>{createProduct.data.name}</Link>: open it to set its
            limits.
          </p>
        )}
        <div className="form-actions">
          <Button type="submit" busy={createProduct.isPending}>
            Create product
          </Button>
        </div>
      </form>
    </Card>
  );
}
