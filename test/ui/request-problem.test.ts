// A form checks its body with the route's schema before sending it; the refusal it shows
// must be the one the route would answer, word for word (lib/http/errors.ts's converter).
import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { createApiInputSchema } from "@/lib/apis/api-schemas";
import { updateApiInputSchema } from "@/lib/apis/update-api-input";
import { createVersionSetInputSchema } from "@/lib/apis/version-sets/version-set-schemas";
import { createAdminApiTokenInputSchema } from "@/lib/iam/tokens/token-schemas";
import { requestProblem } from "@/lib/client/use-request-check";
import { toApiError } from "@/lib/http/errors";
import { createUserInputSchema } from "@/lib/iam/users/user-schemas";
import { createProductInputSchema } from "@/lib/products/product-schemas";
import { changeSubscriptionStateInputSchema, createSubscriptionInputSchema } from "@/lib/subscriptions/subscription-schemas";

const refused: [string, ZodType, unknown][] = [
  ["user with a short password", createUserInputSchema, { email: "a@b.example", name: "A", role: "viewer", password: "short" }],
  ["user without email or name", createUserInputSchema, { email: "", name: " ", role: "viewer", password: "long enough password" }],
  ["product without a name", createProductInputSchema, { name: "", apiIds: [], approvalRequired: false, state: "draft" }],
  ["version set with a spaced header", createVersionSetInputSchema, { name: "Orders", scheme: "header", parameterName: "Api Version" }],
  ["token with a NUL byte", createAdminApiTokenInputSchema, { name: "ci\u0000", role: "viewer" }],
  ["subscription to nothing", createSubscriptionInputSchema, { name: "app" }],
  ["API import with a spaced path and no spec", createApiInputSchema, { name: "Orders", path: "my orders", backendUrl: "http://127.0.0.1:4000", lifecycle: "draft", spec: "" }],
  ["rejection without a reason", changeSubscriptionStateInputSchema, { state: "rejected", comment: "" }],
  ["API backends with weight 0 and a relative health path", updateApiInputSchema, { backends: [{ url: "http://a.example/", weight: 0 }], backendSettings: { healthCheck: { path: "health" } } }],
];

describe("requestProblem", () => {
  it.each(refused)("%s reads as the server's 400", (_label, schema, body) => {
    const parsed = schema.safeParse(body);
    expect(parsed.success).toBe(false);
    const server = toApiError(parsed.error);
    const browser = requestProblem(schema, body);
    expect(browser).toMatchObject({ status: 400, code: server.code, message: server.message, details: server.details });
  });

  it("accepts what the route accepts", () => {
    expect(requestProblem(createUserInputSchema, { email: "a@b.example", name: "A", role: "viewer", password: "long enough password" })).toBeNull();
    expect(requestProblem(changeSubscriptionStateInputSchema, { state: "rejected", comment: "Partners only" })).toBeNull();
  });
});
