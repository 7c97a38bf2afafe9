// Response shapes of the catalogue (APIs, products, subscriptions) for the OpenAPI document.
// They mirror toApiResource / toProductResource / toSubscriptionResource; loose objects, so a
// field added there is allowed here, and test/openapi checks real answers against them.
import { z } from "zod";
import { jwtRequirementsSchema } from "@/lib/apis/jwt-requirements-schema";
import { isoDate } from "./common-schemas";

export const operationSchema = z
  .looseObject({
    id: z.string(),
    operationId: z.string().nullable().describe("May be missing or duplicated in real specs"),
    method: z.string(),
    path: z.string(),
    summary: z.string(),
    tags: z.array(z.string()),
  })
  .meta({ id: "Operation" });

export const lintSummarySchema = z
  .looseObject({ ruleset: z.string(), errors: z.number().int(), warnings: z.number().int() })
  .meta({ id: "LintSummary" });

export const apiSchema = z
  .looseObject({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    path: z.string().describe("Base path on the gateway"),
    backendUrls: z.array(z.string()),
    lifecycle: z.enum(["draft", "published", "deprecated", "retired"]),
    subscriptionRequired: z.boolean(),
    allowEncodedSlashes: z.boolean().describe("%2F and %5C inside path segments reach the backend"),
    allowWebSockets: z.boolean().describe("The gateway proxies WebSocket upgrades"),
    jwtRequirements: jwtRequirementsSchema.nullable().describe("Bearer-token validation at the gateway; null: none"),
    operationCount: z.number().int(),
    currentRevision: z
      .looseObject({ id: z.string(), number: z.number().int(), title: z.string(), version: z.string(), specVersion: z.string() })
      .nullable(),
    operations: z.array(operationSchema).optional().describe("Only on single-API answers"),
    createdAt: isoDate(),
    updatedAt: isoDate(),
  })
  .meta({ id: "Api" });

export const importedApiSchema = apiSchema.extend({ lint: lintSummarySchema }).meta({ id: "ImportedApi" });

const limitsSchema = {
  rateLimit: z.looseObject({ calls: z.number().int(), periodSeconds: z.number().int() }).nullable(),
  quota: z
    .looseObject({ calls: z.number().int().nullable(), bandwidthBytes: z.number().nullable(), period: z.string() })
    .nullable(),
};

export const productSchema = z
  .looseObject({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    terms: z.string(),
    state: z.enum(["draft", "published"]),
    approvalRequired: z.boolean(),
    subscriptionsLimit: z.number().int().nullable(),
    ...limitsSchema,
    apis: z.array(z.looseObject({ id: z.string(), name: z.string(), path: z.string() })),
    createdAt: isoDate(),
    updatedAt: isoDate(),
  })
  .meta({ id: "Product" });

const reference = z.looseObject({ id: z.string(), name: z.string() });

export const subscriptionSchema = z
  .looseObject({
    id: z.string(),
    name: z.string(),
    state: z.enum(["submitted", "active", "suspended", "rejected", "cancelled", "expired"]),
    stateComment: z.string(),
    product: reference.nullable(),
    api: reference.nullable(),
    user: z.looseObject({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
    expiresAt: z.string().nullable(),
    createdAt: isoDate(),
    updatedAt: isoDate(),
  })
  .meta({ id: "Subscription" });

export const subscriptionKeysSchema = z
  .object({ primaryKey: z.string(), secondaryKey: z.string() })
  .meta({ id: "SubscriptionKeys", description: "Secrets: send one as the subscription key header" });

export const createdSubscriptionSchema = subscriptionSchema
  .extend(subscriptionKeysSchema.shape)
  .meta({ id: "CreatedSubscription", description: "The subscription and its keys, shown once" });
