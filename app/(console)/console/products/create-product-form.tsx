"use client";
import Link from "next/link";
import { useRef, useState, type FormEvent } from "react";
import type { CreateProductRequest, ProductState } from "@/lib/client/api-types";
import { formChecked, formText, formTexts } from "@/components/form-data";
import { Card } from "@/components/ui/card";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/field";
import { FieldErrorScope } from "@/components/ui/field-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { ApiPicker } from "@/components/console/api-picker";
import { useCreateProduct } from "@/lib/client/use-products";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { createProductInputSchema } from "@/lib/products/product-schemas";
import { productLimitAliases, readProductLimits } from "./product-form-values";
import { ProductLimitFields } from "./product-limit-fields";

export function CreateProductForm() {
  const formRef = useRef<HTMLFormElement>(null);
  // A new picker (nothing chosen) after each creation: form.reset() does not reach its state.
  const [pickerKey, setPickerKey] = useState(0);
  const createProduct = useCreateProduct();
  const request = useRequestCheck(createProductInputSchema);
  const [formError, setFormError] = useState<Error | null>(null);
  const problem = formError ?? request.problem ?? createProduct.error;

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    createProduct.reset();
    request.clear();
    setFormError(null);
    const form = e.currentTarget;
    let body: CreateProductRequest;
    try {
      body = {
        name: formText(form, "name"),
        description: formText(form, "description"),
        terms: formText(form, "terms"),
        apiIds: formTexts(form, "apiIds"),
        approvalRequired: formChecked(form, "approvalRequired"),
        state: formText(form, "state") as ProductState,
        ...readProductLimits(form),
      };
    } catch (err) {
      setFormError(err as Error);
      return;
    }
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
        <FieldErrorScope error={problem} aliases={productLimitAliases}>
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
          <ProductLimitFields />
          <FormFooter
            submitLabel="Create product"
            busy={createProduct.isPending}
            error={problem}
            errorTitle="Could not create the product"
            success={
              createProduct.isSuccess && (
                <>
                  Created product <Link href={`/console/products/${createProduct.data.id}`}>{createProduct.data.name}</Link>: open it to see its subscribers, gateway rules and usage.
                </>
              )
            }
          />
        </FieldErrorScope>
      </form>
    </Card>
  );
}
