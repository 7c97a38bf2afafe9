// Request fields -> Product columns, shared by create and update. Only fields present in
// the input are returned, so a PATCH leaves the others untouched.
import type { Product } from "@/generated/prisma/client";
import type { UpdateProductInput } from "./product-schemas";

type ProductColumns = Partial<
  Pick<
    Product,
    | "name" | "description" | "terms" | "state" | "approvalRequired" | "subscriptionsLimit"
    | "rateLimitCalls" | "rateLimitPeriodSeconds" | "quotaCalls" | "quotaBandwidthBytes" | "quotaPeriod"
  >
>;

/** Plain values, so the result fits both Prisma's create and update inputs. */
export function productColumns(input: UpdateProductInput): ProductColumns {
  const columns: ProductColumns = {};
  if (input.name !== undefined) columns.name = input.name;
  if (input.description !== undefined) columns.description = input.description;
  if (input.terms !== undefined) columns.terms = input.terms;
  if (input.state !== undefined) columns.state = input.state === "published" ? "PUBLISHED" : "DRAFT";
  if (input.approvalRequired !== undefined) columns.approvalRequired = input.approvalRequired;
  if (input.subscriptionsLimit !== undefined) columns.subscriptionsLimit = input.subscriptionsLimit;
  if (input.rateLimit !== undefined) {
    columns.rateLimitCalls = input.rateLimit?.calls ?? null;
    columns.rateLimitPeriodSeconds = input.rateLimit?.periodSeconds ?? null;
  }
  if (input.quota !== undefined) {
    columns.quotaCalls = input.quota?.calls ?? null;
    columns.quotaBandwidthBytes = input.quota?.bandwidthBytes == null ? null : BigInt(input.quota.bandwidthBytes);
    columns.quotaPeriod = input.quota ? (input.quota.period.toUpperCase() as "HOUR" | "DAY" | "WEEK" | "MONTH") : null;
  }
  return columns;
}
