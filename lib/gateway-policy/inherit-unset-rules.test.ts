import { describe, expect, it } from "vitest";
import { inheritUnsetRules } from "./inherit-unset-rules";

describe("inheritUnsetRules", () => {
  it.each([
    { case: "a value is sent as it is", read: { maxRequestBodyBytes: 10 }, stored: {}, sent: { maxRequestBodyBytes: 10 } },
    { case: "an empty field the scope never set keeps inheriting", read: { ipFilter: null }, stored: {}, sent: {} },
    { case: "an empty field the scope had set turns it off here", read: { ipFilter: null }, stored: { ipFilter: { deny: ["10.0.0.0/8"] } }, sent: { ipFilter: null } },
    { case: "a rule already off here stays off (nothing to send)", read: { headerRules: null }, stored: { headerRules: null }, sent: {} },
    { case: "false is a value, not an empty field", read: { requestValidation: false }, stored: {}, sent: { requestValidation: false } },
  ])("$case", ({ read, stored, sent }) => {
    expect(inheritUnsetRules(read, stored)).toEqual(sent);
  });
});
