// The login form's message for next-auth's `error`: a refusal travels as "<code>:<seconds>".
import { describe, expect, it } from "vitest";
import { encodeLoginRefusal, loginFailureMessage } from "@/lib/iam/login-throttle/login-refusal";

describe("login failure message", () => {
  it.each([
    { error: "CredentialsSignin", expected: "Invalid email or password" },
    { error: null, expected: "Invalid email or password" },
    { error: encodeLoginRefusal("login_throttled", 8), expected: "Too many sign-in attempts; try again in 8 s." },
    { error: encodeLoginRefusal("login_throttled", 300), expected: "Too many sign-in attempts; try again in 5 min." },
    { error: encodeLoginRefusal("account_locked", 900), expected: /temporarily locked .* try again in 15 min/ },
    { error: "login_unavailable", expected: "Sign-in is temporarily unavailable; try again shortly." },
  ])("$error → $expected", ({ error, expected }) => {
    expect(loginFailureMessage(error)).toMatch(expected);
  });
});
