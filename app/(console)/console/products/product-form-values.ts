// Reads the product forms (create and settings) into request bodies. Empty limit fields mean
// "no limit"; a half-filled rate limit or a quota without calls or bandwidth is caught here,
// with a message in the form's own words, before the server's validation would say it in JSON paths.
import type { Product, QuotaPeriod, UpdateProductRequest } from "@/lib/client/api-types";
import { formChecked, formText, formTexts } from "@/components/form-data";
import { bytesToMb, mbToBytes } from "@/components/format";

function positiveNumber(form: HTMLFormElement, name: string, label: string): number | null {
  const text = formText(form, name);
  if (text === "") return null;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${label} must be a positive number`);
  return value;
}

function positiveInteger(form: HTMLFormElement, name: string, label: string): number | null {
  const value = positiveNumber(form, name, label);
  if (value !== null && !Number.isInteger(value)) throw new Error(`${label} must be a whole number`);
  return value;
}

/** The fields <ProductLimitFields> shows, as both the create and the PATCH body carry them. */
export function readProductLimits(form: HTMLFormElement): Required<Pick<UpdateProductRequest, "subscriptionsLimit" | "rateLimit" | "quota">> {
  const calls = positiveInteger(form, "rateLimitCalls", "Rate limit calls");
  const periodSeconds = positiveInteger(form, "rateLimitPeriodSeconds", "Rate limit period (seconds)");
  if ((calls === null) !== (periodSeconds === null)) throw new Error("Give both the rate limit calls and its period, or neither");

  const quotaCalls = positiveInteger(form, "quotaCalls", "Quota calls");
  const quotaMb = positiveNumber(form, "quotaBandwidthMb", "Quota bandwidth (MB)");
  const hasQuota = quotaCalls !== null || quotaMb !== null;

  return {
    subscriptionsLimit: positiveInteger(form, "subscriptionsLimit", "Subscription limit per developer"),
    rateLimit: calls !== null && periodSeconds !== null ? { calls, periodSeconds } : null,
    quota: hasQuota
      ? {
          calls: quotaCalls,
          bandwidthBytes: quotaMb === null ? null : mbToBytes(quotaMb),
          period: (formText(form, "quotaPeriod") || "month") as QuotaPeriod,
        }
      : null,
  };
}

/** The settings form as one PATCH body. */
export function readProductForm(form: HTMLFormElement): UpdateProductRequest {
  return {
    name: formText(form, "name"),
    description: formText(form, "description", { trim: false }),
    terms: formText(form, "terms", { trim: false }),
    apiIds: formTexts(form, "apiIds"),
    approvalRequired: formChecked(form, "approvalRequired"),
    ...readProductLimits(form),
  };
}

/** The quota's bandwidth as the form's MB field shows it. */
export const bandwidthMb = (product: Product): string => bytesToMb(product.quota?.bandwidthBytes);

/** The request paths of the limits → the controls that show them (for <FieldErrorScope aliases>). */
export const productLimitAliases = {
  "rateLimit.calls": "rateLimitCalls",
  "rateLimit.periodSeconds": "rateLimitPeriodSeconds",
  quota: "quotaCalls",
  "quota.calls": "quotaCalls",
  "quota.bandwidthBytes": "quotaBandwidthMb",
  "quota.period": "quotaPeriod",
} as const;
