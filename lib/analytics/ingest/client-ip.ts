// The caller's address as the workspace's privacy setting (analytics.clientIp) wants it stored.
// "truncated" keeps the network (IPv4 /24, IPv6 /48): enough to see where traffic comes from,
// not who sent it. "hashed" keeps a keyed HMAC prefix: equal addresses still group together,
// but the address cannot be recovered by hashing the whole IPv4 space, as a plain hash could.
import { createHmac, hkdfSync } from "node:crypto";
import ipaddr from "ipaddr.js";
import { env } from "@/lib/env";
import type { analyticsClientIpModes } from "@/lib/settings/workspace-settings-schema";

export type ClientIpMode = (typeof analyticsClientIpModes)[number];

const HASH_HEX_CHARS = 16;
let hashKey: Buffer | undefined;

// Derived from the console's SECRETS_ENCRYPTION_KEY (already required in production) rather
// than a new secret, and stable across restarts so an address hashes the same every day.
function ipHashKey(): Buffer {
  hashKey ??= Buffer.from(hkdfSync("sha256", Buffer.from(env().SECRETS_ENCRYPTION_KEY, "base64"), "", "portcullis analytics client ip", 32));
  return hashKey;
}

/** The address to store; null when there is none, the mode is "none", or it is not an address. */
export function storedClientIp(ip: string | null, mode: ClientIpMode): string | null {
  if (ip === null || mode === "none") return null;
  if (mode === "full") return ip;
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    address = ipaddr.process(ip); // ::ffff:1.2.3.4 becomes 1.2.3.4
  } catch {
    return null; // a gateway bug or a mangled record: never store an unchecked string
  }
  if (mode === "hashed") {
    return createHmac("sha256", ipHashKey()).update(address.toNormalizedString()).digest("hex").slice(0, HASH_HEX_CHARS);
  }
  if (address.kind() === "ipv4") {
    const [a, b, c] = address.toByteArray();
    return `${a}.${b}.${c}.0`;
  }
  const parts = (address as ipaddr.IPv6).parts.slice(0, 3);
  return ipaddr.IPv6.parse(`${parts.map((p) => p.toString(16)).join(":")}::`).toString();
}
