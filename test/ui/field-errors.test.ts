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
    [
      "problems name their field by JSON pointer",
      new ApiRequestError(422, "invalid_certificate", "…", { problems: [{ pointer: "/mtls/caCertificates", message: "not a PEM certificate" }, { pointer: "/privateKey", message: "does not belong to the certificate" }] }),
      { "mtls.caCertificates": "not a PEM certificate", privateKey: "does not belong to the certificate" },
    ],
    ["a conflict without a field names none", new ApiRequestError(409, "conflict", "A subscription changed meanwhile"), {}],
  ])("%s", (_label, error, expected) => {
    expect(fieldErrorsOf(error)).toEqual(expected);
  });

  it("maps body paths onto differently named controls", () => {
    const error = validation([{ path: "backends.0.url", message: "Invalid URL" }, { path: "name", message: "Required" }]);
    expect(fieldErrorsOf(error, { "backends.0.url": "backendUrl" })).toEqual({ backendUrl: "Invalid URL", name: "Required" });
  });

  it("maps a path onto the alias of its longest aliased prefix (list items, nested rules)", () => {
    const aliases = { "gatewayPolicy.ipFilter.allow": "ipAllow", "gatewayPolicy.ipFilter": "ipDeny", quota: "quotaCalls", "quota.period": "quotaPeriod" };
    const error = validation([
      { path: "gatewayPolicy.ipFilter.allow.1", message: "Not an IP or CIDR" },
      { path: "quota.period", message: "Invalid option" },
      { path: "quota", message: "a quota needs calls or bandwidthBytes" },
      { path: "gatewayPolicy.rateLimit.calls", message: "Too small" },
    ]);
    expect(fieldErrorsOf(error, aliases)).toEqual({
      ipAllow: "Not an IP or CIDR",
      quotaPeriod: "Invalid option",
      quotaCalls: "a quota needs calls or bandwidthBytes",
      "gatewayPolicy.rateLimit.calls": "Too small",
    });
  });

  it("reads the browser-side check of the route's schema the same way", () => {
    const schema = z.object({ name: z.string().min(1, "Give the product a name"), quota: z.number().int().optional() });
    expect(fieldErrorsOf(requestProblem(schema, { name: "", quota: 1.5 }))).toEqual({
      name: "Give the product a name",
      quota: expect.stringMatching(/int/i),
    });
  });
});
