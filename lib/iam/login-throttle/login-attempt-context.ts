// The route reserves an attempt before next-auth runs; next-auth then calls `authorize` deep in
// its own code, which cannot pass anything through. The attempt travels in AsyncLocalStorage,
// and `authorize` leaves a refusal there for the route to answer as a 429.
import { AsyncLocalStorage } from "node:async_hooks";
import type { loginThrottleKeys } from "./login-policy";
import type { LoginRefusal } from "./reserve-login-attempt";

export type LoginAttempt = {
  email: string;
  clientAddress: string;
  keys: ReturnType<typeof loginThrottleKeys>;
  refusal?: LoginRefusal;
  /** The password was right and a second factor is due: the route answers this pending step (lib/iam/mfa/). */
  secondStep?: { purpose: "verify" | "enrol"; mfaToken: string };
};

const storage = new AsyncLocalStorage<LoginAttempt>();

export function runLoginAttempt<T>(attempt: LoginAttempt, fn: () => Promise<T>): Promise<T> {
  return storage.run(attempt, fn);
}

export function currentLoginAttempt(): LoginAttempt | undefined {
  return storage.getStore();
}
