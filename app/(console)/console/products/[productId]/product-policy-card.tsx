"use client";
// The product's gateway rules for its subscribers (`policy` on PATCH
// /products/{id}): the request rules but CORS (a preflight carries no key, so
// the gateway answers it before it knows the product) and how the product's
// limits are counted and answered. They win over the workspace defaults where
// the API or operation sets none. Checked with the route's own schema.
import type { Product } from "@/lib/client/api-types";
import { CountingFields, limitFieldAliases, readCounting } from "@/components/console/limit-fields";
import { readRules, RequestRuleFields, ruleFieldAliases } from "@/components/console/request-rule-fields";
import { Card } from "@/components/ui/card";
import { inheritUnsetRules } from "@/lib/gateway-policy/inherit-unset-rules";
import { useUpdateProduct } from "@/lib/client/use-products";
import { useCheckedSubmit } from "@/lib/client/use-request-check";
import { updateProductInputSchema } from "@/lib/products/product-schemas";
import { GatewayPolicyForm } from "@/components/console/gateway-policy-form";

const productPolicyAliases = { ...limitFieldAliases("policy."), ...ruleFieldAliases("policy.") };

export function ProductPolicyCard({ product, editable }: { product: Product; editable: boolean }) {
  const submit = useCheckedSubmit(useUpdateProduct(product.id), updateProductInputSchema, (form) => ({
    // An empty field inherits the workspace default, unless the product had set that rule: then it is off here.
    policy: { ...inheritUnsetRules(readRules(form, "product"), product.policy), ...readCounting(form, "product") },
  }));

  return (
    <Card title="Gateway rules">
      <p className="muted">
        Applied to this product&apos;s subscribers on each of its APIs where the API or operation sets none of its own; they win over the workspace defaults.
      </p>
      <GatewayPolicyForm
        key={JSON.stringify(product.policy)}
        label="Product gateway rules"
        submit={submit}
        aliases={productPolicyAliases}
        canEdit={editable}
        saves="rules"
      >
        <fieldset className="fieldset" disabled={!editable} style={{ border: 0, padding: 0, margin: 0 }}>
          <RequestRuleFields rules={product.policy} scope="product" />
        </fieldset>
        <CountingFields limits={product.policy} scope="product" disabled={!editable} />
      </GatewayPolicyForm>
    </Card>
  );
}
