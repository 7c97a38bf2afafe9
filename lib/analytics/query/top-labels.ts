// What a top list shows beside each key: the API's, product's or subscription's name, the
// developer's email, the status's phrase. One Prisma lookup of at most 100 ids; a key whose
// entity is gone shows as itself.
import { STATUS_CODES } from "node:http";
import { db } from "@/lib/db";
import type { Dimension } from "./analytics-sources";

const reasonLabels: Record<string, string> = {
  key: "Subscription key",
  jwt: "JWT",
  access: "Access rule",
  rate: "Rate limit",
  quota: "Quota",
  limiter: "Limiter unavailable",
  ip: "IP filter",
  cors: "CORS",
  size: "Request size",
  validation: "Request validation",
  client_cert: "Client certificate",
  tls: "HTTPS required",
  route: "No matching route",
  method: "Method not allowed",
  lifecycle: "Retired API",
  path: "Invalid path",
  malformed: "Malformed request",
  timeout: "Request timeout",
  upgrade: "Upgrade refused",
  backend: "Backend failure",
  config: "Gateway not configured",
  internal: "Gateway error",
};

const byId = (rows: { id: string; label: string }[]) => new Map(rows.map((r) => [r.id, r.label]));

/** Names of the APIs with these ids. */
export async function apiNames(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db().api.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return byId(rows.map((r) => ({ id: r.id, label: r.name })));
}

/** Labels of `keys` of one dimension (operation keys are looked up by their API, `apiIds`). */
export async function labelsOf(dimension: Dimension, keys: string[]): Promise<Map<string, string>> {
  const where = { where: { id: { in: keys } } };
  switch (dimension) {
    case "api":
      return apiNames(keys);
    case "product":
      return byId((await db().product.findMany({ ...where, select: { id: true, name: true } })).map((r) => ({ id: r.id, label: r.name })));
    case "subscription":
      return byId((await db().subscription.findMany({ ...where, select: { id: true, name: true } })).map((r) => ({ id: r.id, label: r.name })));
    case "user":
      return byId((await db().user.findMany({ ...where, select: { id: true, email: true } })).map((r) => ({ id: r.id, label: r.email })));
    case "status":
      return new Map(keys.map((key) => [key, `${key} ${STATUS_CODES[Number(key)] ?? ""}`.trim()]));
    case "reason":
      return new Map(keys.map((key) => [key, reasonLabels[key] ?? key]));
    case "operation":
    case "gateway":
      return new Map(keys.map((key) => [key, key]));
  }
}
