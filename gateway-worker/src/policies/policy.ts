// The shape every policy has, so new ones (jwt, rate-limit, quota, analytics)
// slot into the pipeline without touching the server or the router.
import type { IncomingHttpHeaders } from "node:http";
import type { z } from "zod";
import type { GatewayApi, GatewayConfigSnapshot, GatewayOperation } from "../contract/config-snapshot.js";
import type { RuntimeConfig } from "../config/compile-config.js";
import type { Rejection } from "../http/errors.js";
import type { ConnectionInfo } from "../tls/connection-info.js";
import type { ClientIdentity } from "../tls/trust-bundle.js";

export type { Rejection } from "../http/errors.js";

/**
 * What an API's settings may depend on beyond the API itself. The config state
 * (config/config-state.ts) re-prepares an API when one of these changes, and
 * passes only the products that bundle it.
 */
export type PolicyScopes = Pick<GatewayConfigSnapshot, "defaults" | "products">;

/** What policies learn about, and may change on, one request before it is forwarded. */
export interface PolicyContext {
  readonly requestId: string;
  readonly method: string;
  /** True for a WebSocket upgrade request (always a GET); absent for plain requests. */
  readonly websocket?: boolean;
  /** Normalised request path, including the API path ("/demo/orders/1"). */
  readonly pathname: string;
  /** Headers as they will be forwarded; a policy may delete (strip) or set entries. */
  readonly headers: IncomingHttpHeaders;
  /** Raw query string without "?", as it will be forwarded; a policy may rewrite it. */
  query: string;
  readonly api: GatewayApi;
  /** The config this request started with; a swap mid-request does not affect it. */
  readonly config: RuntimeConfig;
  /** Request start, ms since epoch; one clock reading for every policy. */
  readonly now: number;
  /** Added to whatever the client receives: the backend's response or a rejection. */
  readonly responseHeaders: Record<string, string>;
  /** The connection the request came on: TLS or not, the client's certificates (tls/connection-info.ts). */
  readonly connection?: ConnectionInfo;
  /** Set by client-certificate once the caller's certificate is verified: who it is, for later rules and the access log. */
  clientCertificate?: ClientIdentity;
  /** Set by subscription-key once a key is accepted; read by later policies and the access log. */
  subscription?: { readonly id: string; readonly productId: string | null; readonly boundClientId?: string };
  /** Set by jwt-validation once a bearer token is verified: its `sub` (null when it has none) and its claims. */
  jwt?: { readonly sub: string | null; readonly claims?: Readonly<Record<string, unknown>> };
  /** Called once the response to a forwarded call has ended, with its body's size (bytes quotas). */
  afterResponse?: ((responseBodyBytes: number) => void)[];
  /** The caller's address: the socket's peer, or the client a trusted proxy forwarded for (http/client-address.ts). */
  readonly clientIp?: string;
  /** The current revision's operation the request matched (set by operation-match); absent when the API lists none. */
  operation?: GatewayOperation;
  /** Applied in order to the backend's response headers before they are relayed (never to rejections). */
  responseHeaderEdits?: ((headers: IncomingHttpHeaders) => void)[];
  /** Set by body-size: a streamed body longer than this is cut with 413 while it is forwarded. */
  maxRequestBodyBytes?: number;
  /** Reads the whole request body (at most `limit` bytes; null if longer); it is then forwarded from memory. */
  readBody?(limit: number): Promise<Buffer | null>;
  /** Set once readBody has read it: the forwarder sends these bytes instead of the consumed stream. */
  bufferedBody?: Buffer;
}

/** undefined = continue with the next policy; a Rejection = answer it and stop. */
export type PolicyOutcome = Rejection | undefined;

export interface Policy<Settings = unknown> {
  readonly name: string;
  /** Higher runs first, as with Kong plugins; see pipeline/policy-order.ts for the table. */
  readonly priority: number;
  /**
   * Validates this policy's settings for one API. Parsed once per config
   * (at compile time), never per request; a failure rejects the whole snapshot.
   */
  readonly schema: z.ZodType<Settings>;
  /** Picks this policy's raw settings for `api` out of the snapshot (its defaults and the products bundling `api`). */
  settingsFor(api: GatewayApi, snapshot: PolicyScopes): unknown;
  handle(ctx: PolicyContext, settings: Settings): PolicyOutcome | Promise<PolicyOutcome>;
  /**
   * True when, with these settings, `handle` would do nothing for any request of the API
   * (no check, no header, no change): the prepared pipeline then leaves the policy out.
   * Absent: the policy always runs.
   */
  inactive?(settings: Settings): boolean;
}

/**
 * Any policy, whatever its settings type, so heterogeneous policies fit one
 * array (`handle` is a method, hence bivariant). The pipeline only ever passes
 * a policy the value its own schema produced.
 */
export type AnyPolicy = Policy<unknown>;
