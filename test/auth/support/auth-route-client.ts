// Drives next-auth's real route handler in-process. next-auth reads the request through
// `next/headers`, which only works inside the request scope Next's server opens; this opens
// the same scope (a work store and an API request store) around one call.
// Next installs AsyncLocalStorage globally at server start; its request stores need it first.
import "next/dist/server/node-environment-baseline";
import { NextRequest } from "next/server";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { createRequestStoreForAPI } from "next/dist/server/async-storage/request-store";
import { randomBytes } from "node:crypto";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import { hashPassword } from "@/lib/iam/password";
import { db } from "@/lib/db";

const BASE = "http://localhost:3000/api/auth";
process.env.NEXTAUTH_URL ??= "http://localhost:3000";

export type AuthResponse = { status: number; headers: Headers; body: Record<string, unknown> | null };

/** One call of next-auth's route handler, e.g. `callAuthRoute("POST", ["callback", "credentials"], …)`. */
export async function callAuthRoute(method: "GET" | "POST", segments: string[], init: { headers: Headers; body?: string }): Promise<AuthResponse> {
  const request = new NextRequest(`${BASE}/${segments.join("/")}`, { method, headers: init.headers, body: init.body });
  const workStore = { route: "/api/auth/[...nextauth]", page: "/api/auth/[...nextauth]/route" };
  const requestStore = createRequestStoreForAPI(request, request.nextUrl, { tags: [], expirationsByCacheKind: new Map() } as never, undefined, undefined as never, undefined);
  const handler = method === "GET" ? authRoute.GET : authRoute.POST;
  const response = await workAsyncStorage.run(workStore as never, () =>
    workUnitAsyncStorage.run(requestStore as never, () => handler(request, { params: Promise.resolve({ nextauth: segments }) })),
  );
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

/** One browser: keeps next-auth's CSRF cookie, calls from `clientAddress` (as `x-forwarded-for`, which Next's server sets). */
export function loginClient(clientAddress: string) {
  let csrf: { cookie: string; token: string } | undefined;

  async function csrfToken() {
    if (csrf) return csrf;
    const res = await callAuthRoute("GET", ["csrf"], { headers: new Headers({ "x-forwarded-for": clientAddress }) });
    const cookie = (res.headers.getSetCookie().find((c) => c.includes("csrf-token")) ?? "").split(";")[0]!;
    csrf = { cookie, token: String(res.body?.csrfToken) };
    return csrf;
  }

  /** What `signIn("credentials", { redirect: false })` sends. */
  async function signIn(email: string, password: string): Promise<AuthResponse> {
    return signInWith({ email, password });
  }

  /** Any credentials fields, e.g. the second step `{ email, mfaToken, code }` (lib/iam/mfa/). */
  async function signInWith(fields: Record<string, string>): Promise<AuthResponse> {
    const { cookie, token } = await csrfToken();
    const headers = new Headers({
      "content-type": "application/x-www-form-urlencoded",
      cookie,
      origin: "http://localhost:3000",
      "x-forwarded-for": clientAddress,
    });
    const body = new URLSearchParams({ ...fields, csrfToken: token, callbackUrl: "/console", json: "true" }).toString();
    return callAuthRoute("POST", ["callback", "credentials"], { headers, body });
  }

  /** Fetches the CSRF token now, so a timed signIn measures only the sign-in. */
  const ready = async () => void (await csrfToken());

  return { signIn, signInWith, ready };
}

export function sessionCookieOf(res: AuthResponse): string | undefined {
  return res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
}

/** Redis counters outlive a test run: a random IPv6 /64 per call, so no two tests or runs share a bucket. */
export function uniqueClientAddress(): string {
  const group = () => randomBytes(2).toString("hex");
  return `2001:db8:${group()}:${group()}::7`;
}

export const uniqueEmail = (tag: string) => `${tag}-${randomBytes(5).toString("hex")}@test.local`;

export async function createLoginUser(password: string, data: { disabled?: boolean } = {}) {
  return db().user.create({
    data: { email: uniqueEmail("login"), name: "Login Target", role: "VIEWER", passwordHash: await hashPassword(password), ...data },
  });
}
