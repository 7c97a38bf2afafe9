// The refusal → form field mapping behind FieldErrorScope: validation issues by path,
// conflicts by their `field`, aliases for controls named unlike the body.
import { describe, expect, it } from "vitest";
import { ApiRequestError } from "@/lib/client/api-client";
import { requestProblem } from "@/lib/client/use-request-check";
import { fieldErrorsOf } from "@/lib/client/field-errors";
import { z } from "zod";

const validation = (issues: unknown) => new ApiRequestError(400, "validation_failed", "path: Required", { issues });

describe("fieldErrorsOf", () => {
  it.each([
    ["not an API error", new Error("boom"), {}],
    ["no details", new ApiRequestError(500, "internal_error", "Internal server error"), {}],
    ["one issue", validation([{ path: "path", message: "Required" }]), { path: "Required" }],
    ["nested path", validation([{ path: "backends.0.url", message: "Invalid URL" }]), { "backends.0.url": "Invalid URL" }],
    ["two issues on one field are joined", validation([{ path: "name", message: "Too short" }, { path: "name", message: "Bad characters" }]), { name: "Too short; Bad characters" }],
    ["a body-level issue names no field", validation([{ path: "", message: "Expected object" }]), {}],
    ["malformed issues are skipped", validation([{ path: 3, message: "x" }, null, "text"]), {}],
    [
      "a conflict names its field",
      new ApiRequestError(409, "conflict", "The gateway path '/orders' is already used by API 'Orders API v1'", { field: "path" }),
      { path: "The gateway path '/orders' is already used by API 'Orders API v1'" },
    ],
    ["a conflict without a field names none", new ApiRequestError(409, "conflict", "A subscription changed meanwhile"), {}],
  ])("%s", (_label, error, expected) => {
    expect(fieldErrorsOf(error)).toEqual(expected);
  });

  it("maps body paths onto differently named controls", () => {
    const error = validation([{ path: "backends.0.url", message: "Invalid URL" }, { path: "name", message: "Required" }]);
    expect(fieldErrorsOf(error, { "backends.0.url": "backendUrl" })).toEqual({ backendUrl: "Invalid URL", name: "Required" });
  });

  it("reads the browser-side check of the route's schema the same way", () => {
    const schema = z.object({ name: z.string().min(1, "Give the product a name"), quota: z.number().int().optional() });
    expect(fieldErrorsOf(requestProblem(schema, { name: "", quota: 1.5 }))).toEqual({
      name: "Give the product a name",
      quota: expect.stringMatching(/int/i),
    });
  });
});
