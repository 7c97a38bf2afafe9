// Which peers may speak for the original client in forwarding headers
// (GATEWAY_TRUSTED_PROXIES: IPs or CIDRs). Everyone else's X-Forwarded-* and
// Forwarded are replaced, so a client cannot claim another address or host.
import ipaddr from "ipaddr.js";

export type TrustedProxies = (address: string | undefined) => boolean;

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** "10.0.0.0/8" or a single address ("127.0.0.1", "::1"); throws on anything else. */
export function parseTrustedProxy(entry: string): Range {
  const text = entry.trim();
  if (text.includes("/")) return ipaddr.parseCIDR(text);
  const address = ipaddr.parse(text);
  return [address, address.kind() === "ipv4" ? 32 : 128];
}

/** Recent answers of normaliseAddress: a keep-alive client asks for the same address on every request. */
const normalised = new Map<string, string>();
const MAX_REMEMBERED = 10_000;

/** ::ffff:10.1.2.3 is 10.1.2.3: dual-stack sockets report IPv4 clients that way. */
export function normaliseAddress(address: string): string {
  const known = normalised.get(address);
  if (known !== undefined) return known;
  const value = ipaddr.isValid(address) ? ipaddr.process(address).toString() : address;
  if (normalised.size >= MAX_REMEMBERED) normalised.clear();
  normalised.set(address, value);
  return value;
}

export function trustedProxies(entries: readonly string[]): TrustedProxies {
  const ranges = entries.map(parseTrustedProxy).map(([address, bits]): Range => {
    // A range written as ::ffff:10.0.0.0/104 means IPv4 addresses; compare it as IPv4.
    if (address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
      return [(address as ipaddr.IPv6).toIPv4Address(), bits - 96];
    }
    return [address, bits];
  });
  if (ranges.length === 0) return () => false;
  return (address) => {
    if (address === undefined || !ipaddr.isValid(address)) return false;
    const parsed = ipaddr.process(address);
    return ranges.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits));
  };
}
