"use client";
import Link from "next/link";
import { useRef, useState, type FormEvent } from "react";
import type { ProductState } from "@/lib/client/api-types";
import { formChecked, formText, formTexts } from "@/components/form-data";
import { Card } from "@/components/ui/card";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/field";
import { FieldErrorScope } from "@/components/ui/field-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { ApiPicker } from "@/components/console/api-picker";
import { useCreateProduct } from "@/lib/client/use-products";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { createProductInputSchema } from "@/lib/products/product-schemas";

export function CreateProductForm() {
  const formRef = useRef<HTMLFormElement>(null);
  // A new picker (nothing chosen) after each creation: form.reset() does not reach its state.
  const [pickerKey, setPickerKey] = useState(0);
  const createProduct = useCreateProduct();
  const request = useRequestCheck(createProductInputSchema);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const body = {
      name: formText(form, "name"),
      description: formText(form, "description"),
      terms: formText(form, "terms"),
      apiIds: formTexts(form, "apiIds"),
      approvalRequired: formChecked(form, "approvalRequired"),
      state: formText(form, "state") as ProductState,
    };
    if (request.check(body)) createProduct.mutate(body, {
        onSuccess: () => {
          formRef.current?.reset();
          setPickerKey((k) => k + 1);
        },
      });
  }

  return (
    <Card title="Create product">
      <form className="form" onSubmit={onSubmit} ref={formRef}>
        <FieldErrorScope error={request.problem ?? createProduct.error}>
          <Input label="Name" name="name" required />
          <Textarea label="Description" name="description" rows={3} />
          <Textarea label="Terms" name="terms" rows={3} hint="Developers must accept them to subscribe. Leave empty for none." />
          <fieldset className="fieldset">
            <legend className="field-label">APIs</legend>
            <ApiPicker key={pickerKey} name="apiIds" />
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
          <FormFooter
            submitLabel="Create product"
            busy={createProduct.isPending}
            error={request.problem ?? createProduct.error}
            errorTitle="Could not create the product"
            success={
              createProduct.isSuccess && (
                <>
                  Created product <Link href={`/console/products/${createProduct.data.id}`}>{createProduct.data.name}</Link>: open it to set
                  its limits.
                </>
              )
            }
          />
        </FieldErrorScope>
      </form>
    </Card>
  );
}
