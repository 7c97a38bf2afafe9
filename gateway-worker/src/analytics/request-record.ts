// Turns what the handlers observed about one answered request into the record the
// ingester stores (contract/analytics-record.ts). Every value is cut to the
// contract's limits here, because one record the ingester refuses would cost it
// the whole batch; nothing is validated per request (zod on the hot path).
import type { IncomingMessage } from "node:http";
import type { AccessLogFields } from "../admit-request.js";
import type { AnalyticsRecord } from "../contract/analytics-record.js";
import { rejectionReason } from "../observability/rejection-reasons.js";

/** What the handlers tell about a request once its response has closed. */
export interface Answer {
  requestId: string;
  /** Path without the query string. */
  path: string;
  fields: AccessLogFields;
  status: number;
  /** The error code the gateway answered with itself; undefined when the backend answered. */
  errorCode: string | undefined;
  /** Arrival to the end of the answer. */
  latencyMs: number;
  /** The body bytes sent, when the recorder cannot count them (a refusal written on an upgrade's socket). */
  bytesOut?: number;
}

/** ...and what the recorder measured meanwhile. */
export interface AnsweredRequest extends Answer {
  /** Arrival, ms since epoch. */
  arrivedAt: number;
  upstreamMs: number | undefined;
  bytesIn: number;
  bytesOut: number;
}

const cut = (value: string | undefined, max: number): string | null => (value === undefined || value === "" ? null : value.slice(0, max));
const roundMs = (ms: number) => Math.round(Math.max(0, ms) * 1000) / 1000;
const TRACE_ID = /^[0-9a-f]{32}$/;

/** The record of `a`; the measured values may come apart (the recorder's hot path) or in `a` itself. */
export function analyticsRecordOf(
  req: IncomingMessage,
  a: Answer,
  arrivedAt = (a as AnsweredRequest).arrivedAt,
  upstreamMs = (a as AnsweredRequest).upstreamMs,
  bytesIn = (a as AnsweredRequest).bytesIn,
  bytesOut = (a as AnsweredRequest).bytesOut,
): AnalyticsRecord {
  const { fields } = a;
  const userAgent = req.headers["user-agent"];
  return {
    t: Math.trunc(arrivedAt),
    requestId: a.requestId.slice(0, 200),
    traceId: fields.traceId !== undefined && TRACE_ID.test(fields.traceId) ? fields.traceId : null,
    method: (req.method ?? "GET").slice(0, 16),
    path: a.path.slice(0, 2048),
    apiId: cut(fields.apiId, 200),
    operation: cut(fields.operation, 2100),
    productId: cut(fields.productId, 200),
    subscriptionId: cut(fields.subscriptionId, 200),
    clientId: cut(fields.clientId, 200),
    clientIp: cut(fields.clientIp ?? req.socket.remoteAddress, 64),
    status: Math.min(599, Math.max(100, Math.trunc(a.status))),
    reason: a.errorCode === undefined ? null : rejectionReason(a.errorCode),
    errorCode: cut(a.errorCode, 64),
    latencyMs: roundMs(a.latencyMs),
    upstreamMs: upstreamMs === undefined ? null : roundMs(upstreamMs),
    bytesIn: Math.max(0, Math.trunc(bytesIn)),
    bytesOut: Math.max(0, Math.trunc(bytesOut)),
    userAgent: cut(Array.isArray(userAgent) ? userAgent[0] : userAgent, 256),
  };
}
