"use client";
// The product's settings as one form: description, terms, approval, the per-developer
// limit, the rate limit and the quota, and its APIs. Saved with one PATCH.
import { useState, type FormEvent } from "react";
import type { Product } from "@/lib/client/api-types";
import { Card } from "@/components/ui/card";
import { Checkbox, Input, Textarea } from "@/components/ui/field";
import { FieldErrorScope } from "@/components/ui/field-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { ApiPicker } from "@/components/console/api-picker";
import { useUpdateProduct } from "@/lib/client/use-products";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { updateProductInputSchema } from "@/lib/products/product-schemas";
import { productLimitAliases, readProductForm } from "../product-form-values";
import { ProductLimitFields } from "../product-limit-fields";

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
        <FieldErrorScope error={formError ?? request.problem ?? save.error} aliases={productLimitAliases}>
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
          </fieldset>
          <ProductLimitFields product={product} disabled={!editable} />
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
