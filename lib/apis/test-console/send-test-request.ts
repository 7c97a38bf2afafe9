// Sends one test request through the gateway, as a client would, with a subscription key the
// browser never sees. The target is always the configured gateway under this API's gateway path
// (no SSRF: the caller names a path, never a host), with bounded time and answer size. Not
// audited per request: it changes nothing the console manages, the gateway's analytics record
// it like any call, and creating the test subscription is audited.
import type { Actor } from "@/lib/iam/actor";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/errors";
import { gatewayPathOf } from "../version-sets/gateway-path";
import { findApiToManage } from "../find-api-to-manage";
import { chosenSubscriptionKey, consoleTestKey, type TestKey } from "./console-test-subscription";
import { TEST_RESPONSE_BODY_LIMIT, type TestRequestInput, type TestResponse } from "./test-request-schemas";

const TIMEOUT_MS = 30_000;
/** A new subscription reaches the gateways by broadcast a moment after it is stored. */
const NEW_KEY_GRACE_MS = 5_000;
/** Set by fetch or by us; a caller's value would only confuse the test. */
const REFUSED_HEADERS = new Set(["host", "connection", "content-length", "transfer-encoding", "keep-alive", "upgrade", "te", "trailer", "proxy-authorization", "expect"]);

export function gatewayBaseUrl(): string {
  return (env().GATEWAY_INTERNAL_URL ?? env().GATEWAY_PUBLIC_URL).replace(/\/+$/, "");
}

/** The gateway URL for `path` under the API, or 400 when the path would leave it (dot segments, encoded slashes do not count). */
export function testTargetUrl(base: string, gatewayPath: string, input: Pick<TestRequestInput, "path" | "query">): URL {
  const prefix = `/${gatewayPath}`;
  const url = new URL(`${base}${prefix}${input.path === "/" ? "" : input.path}`);
  for (const [name, value] of Object.entries(input.query)) url.searchParams.append(name, value);
  const under = url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
  if (url.origin !== new URL(base).origin || !under || input.path.split("/").some((s) => s === ".." || s === ".")) {
    throw new ApiError("validation_failed", "The path must stay under the API", { issues: [{ path: "path", message: "must stay under the API's gateway path" }] });
  }
  return url;
}

async function readCapped(res: Response): Promise<{ body: string; truncated: boolean }> {
  if (!res.body) return { body: "", truncated: false };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = TEST_RESPONSE_BODY_LIMIT - size;
    chunks.push(value.byteLength > room ? value.subarray(0, room) : value);
    size += Math.min(value.byteLength, room);
    if (value.byteLength >= room) {
      truncated = value.byteLength > room || !(await reader.read()).done;
      await reader.cancel().catch(() => {});
      break;
    }
  }
  return { body: Buffer.concat(chunks).toString("utf8"), truncated };
}

export async function sendTestRequest(apiId: string, input: TestRequestInput, actor: Actor): Promise<TestResponse> {
  await findApiToManage(apiId, actor);
  const api = await db().api.findUniqueOrThrow({ where: { id: apiId }, include: { versionSet: true } });
  const url = testTargetUrl(gatewayBaseUrl(), gatewayPathOf(api, api.versionSet?.scheme), input);
  const key: TestKey = input.subscriptionId ? await chosenSubscriptionKey(apiId, input.subscriptionId, actor) : await consoleTestKey(apiId, actor);

  const headers = new Headers();
  for (const [name, value] of Object.entries(input.headers)) {
    const lower = name.toLowerCase();
    if (!REFUSED_HEADERS.has(lower) && lower !== api.subscriptionKeyHeader.toLowerCase()) headers.set(name, value);
  }
  headers.set(api.subscriptionKeyHeader, key.key);
  const withBody = input.method !== "GET" && input.method !== "HEAD" && input.body !== undefined;

  const send = () => fetch(url, { method: input.method, headers, body: withBody ? input.body : undefined, redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS) });
  const started = performance.now();
  try {
    let res = await send();
    // A key made just now may not have reached the gateway yet: retry its 401s for a moment.
    while (key.created && res.status === 401 && performance.now() - started < NEW_KEY_GRACE_MS) {
      await res.body?.cancel();
      await new Promise((r) => setTimeout(r, 100));
      res = await send();
    }
    const { body, truncated } = await readCapped(res);
    return {
      status: res.status,
      headers: Object.fromEntries(res.headers.entries()),
      body,
      bodyTruncated: truncated,
      durationMs: Math.round(performance.now() - started),
      url: url.toString(),
      subscriptionId: key.subscriptionId,
    };
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    throw new ApiError("gateway_unreachable", timedOut ? `The gateway did not answer within ${TIMEOUT_MS / 1000} s` : `The gateway at ${new URL(url).origin} could not be reached`);
  }
}
