// Account probing by timing: before, an existing email answered in 80 ms and an unknown one in
// 12 ms (no password hash to check). Every path must pay the same scrypt verification and give
// the same answer. Absolute times depend on the machine, so this compares medians.
import { describe, expect, it } from "vitest";
import { createLoginUser, loginClient, uniqueClientAddress, uniqueEmail } from "./support/auth-route-client";

const RUNS = 9;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

type Target = { email: string; password: string };
const paths: Record<string, () => Promise<Target>> = {
  "wrong password": async () => ({ email: (await createLoginUser("right-password-1")).email, password: "wrong-password" }),
  "unknown email": async () => ({ email: uniqueEmail("nobody"), password: "wrong-password" }),
  "disabled user": async () => ({ email: (await createLoginUser("right-password-1", { disabled: true })).email, password: "right-password-1" }),
};

/** Runs alternate between the paths (so load on the machine hits each alike); each uses a fresh account and address. */
async function timeEachPath() {
  const times: Record<string, number[]> = {};
  const answers = new Set<string>();
  for (let run = 0; run < RUNS; run++) {
    for (const [path, target] of Object.entries(paths)) {
      const { email, password } = await target();
      const client = loginClient(uniqueClientAddress());
      await client.ready();
      const started = performance.now();
      const res = await client.signIn(email, password);
      (times[path] ??= []).push(performance.now() - started);
      answers.add(`${res.status} ${JSON.stringify(res.body)}`);
    }
  }
  return { medians: Object.fromEntries(Object.entries(times).map(([path, t]) => [path, median(t)])), answers: [...answers] };
}

describe("sign-in timing", () => {
  it("takes as long, and answers the same, for a wrong password, an unknown email and a disabled user", async () => {
    const { medians, answers } = await timeEachPath();
    const values = Object.values(medians);
    expect(Math.min(...values) / Math.max(...values), `medians (ms): ${JSON.stringify(medians)}`).toBeGreaterThanOrEqual(0.5);
    expect(answers).toHaveLength(1);
  });
});
