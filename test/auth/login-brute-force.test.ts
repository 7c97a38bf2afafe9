// Brute force on the credentials sign-in (issue #12): before, 50 wrong passwords took 3.4 s and
// the right one then worked. Counters live in Redis, so attempts are driven through next-auth's
// real route handler; the clock (Date only) is frozen so "within the delay" is deterministic.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createLoginUser, loginClient, sessionCookieOf, uniqueClientAddress, uniqueEmail } from "./support/auth-route-client";

const PASSWORD = "the-right-password-1";

beforeEach(() => void vi.useFakeTimers({ toFake: ["Date"], now: new Date() }));
afterEach(() => void vi.useRealTimers());

const statuses = (answers: { status: number }[]) => answers.map((a) => a.status);
const count = (answers: { status: number }[], status: number) => answers.filter((a) => a.status === status).length;

describe("sign-in throttling", () => {
  it("refuses the right password after 50 wrong ones, and only 5 of them were checked", async () => {
    const user = await createLoginUser(PASSWORD);
    const client = loginClient(uniqueClientAddress());
    const answers = [];
    for (let i = 0; i < 50; i++) answers.push(await client.signIn(user.email, `wrong-${i}`));
    expect(statuses(answers).slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(count(answers, 429)).toBe(45);

    const right = await client.signIn(user.email, PASSWORD);
    expect(right.status).toBe(429);
    expect(sessionCookieOf(right)).toBeUndefined();
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginAttempts).toBe(5);
  });

  it("answers a clear 429: Retry-After, a structured error, and a url next-auth's client can read", async () => {
    const user = await createLoginUser(PASSWORD);
    const client = loginClient(uniqueClientAddress());
    for (let i = 0; i < 5; i++) expect((await client.signIn(user.email, "wrong")).status).toBe(401);
    const refused = await client.signIn(user.email, "wrong");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(refused.status).toBe(429);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body).toMatchObject({ error: { code: "login_throttled", retryAfterSeconds: retryAfter } });
    expect(new URL(String(refused.body?.url)).searchParams.get("error")).toBe(`login_throttled:${retryAfter}`);
  });

  it("throttles one address spraying many accounts after 20 failures, and not another address", async () => {
    const spraying = loginClient(uniqueClientAddress());
    const answers = [];
    for (let i = 0; i < 25; i++) answers.push(await spraying.signIn(uniqueEmail("spray"), "Winter2026!"));
    expect(count(answers, 401)).toBe(20);
    expect(answers.slice(20).map((a) => (a.body?.error as { code?: string })?.code)).toEqual(Array(5).fill("login_throttled"));
    expect(Number(answers[24]!.headers.get("retry-after"))).toBeGreaterThan(200);

    expect((await loginClient(uniqueClientAddress()).signIn(uniqueEmail("spray"), "Winter2026!")).status).toBe(401);
  });

  it.each([
    { what: "one account from 40 addresses at once", allowed: 5, sameAccount: true, sameAddress: false },
    { what: "40 accounts from one address at once", allowed: 20, sameAccount: false, sameAddress: true },
  ])("lets exactly $allowed of $what reach the password check", async ({ allowed, sameAccount, sameAddress }) => {
    const user = await createLoginUser(PASSWORD);
    const sharedAddress = uniqueClientAddress();
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        loginClient(sameAddress ? sharedAddress : uniqueClientAddress()).signIn(sameAccount ? user.email : uniqueEmail("par"), "wrong"),
      ),
    );
    expect(count(answers, 401)).toBe(allowed);
    expect(count(answers, 429)).toBe(40 - allowed);
  });

  it("a successful sign-in resets the account's count", async () => {
    const user = await createLoginUser(PASSWORD);
    const client = loginClient(uniqueClientAddress());
    for (let i = 0; i < 4; i++) expect((await client.signIn(user.email, "wrong")).status).toBe(401);
    const ok = await client.signIn(user.email, PASSWORD);
    expect(ok.status).toBe(200);
    expect(sessionCookieOf(ok)).toBeDefined();
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ failedLoginAttempts: 0, lockedUntil: null });
    for (let i = 0; i < 5; i++) expect((await client.signIn(user.email, "wrong")).status).toBe(401);
  });
});
