// The address a sign-in is counted against. A Next.js route handler never sees the socket:
// Next's own server (`next start`) writes it into `x-forwarded-for`, but only when the request
// carries none (base-server: `x-forwarded-for ??= socket.remoteAddress`), and a proxy appends
// what it saw. So the right-most entry is the peer of whoever wrote last; entries added by
// proxies listed in TRUSTED_PROXIES are skipped. Without a proxy that overwrites the header, a
// client can pick its own address bucket; the per-account limit and lockout never depend on it.
import ipaddr from "ipaddr.js";

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** `TRUSTED_PROXIES`: comma-separated addresses or CIDR ranges. */
export function parseTrustedProxies(value: string): Range[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      if (ipaddr.isValidCIDR(entry)) return ipaddr.parseCIDR(entry);
      if (!ipaddr.isValid(entry)) throw new Error(`TRUSTED_PROXIES: '${entry}' is not an IP address or CIDR range`);
      const address = ipaddr.parse(entry);
      return [address, address.kind() === "ipv4" ? 32 : 128] as Range;
    });
}

function parse(entry: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const bare = entry.replace(/^\[(.*)\](?::\d+)?$/, "$1").replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1");
  return ipaddr.isValid(bare) ? ipaddr.process(bare) : undefined;
}

const isTrusted = (address: ipaddr.IPv4 | ipaddr.IPv6, trusted: Range[]) =>
  trusted.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));

/** One IPv6 host owns a whole /64, so it is counted as one; garbage shares one "invalid" bucket. */
function bucket(address: ipaddr.IPv4 | ipaddr.IPv6 | undefined): string {
  if (!address) return "invalid";
  if (address.kind() === "ipv4") return address.toString();
  return `${(address as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16)).join(":")}::/64`;
}

export function clientAddressFrom(headers: Headers, trusted: Range[]): string {
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (hops.length === 0) return "unknown";
  for (let i = hops.length - 1; i >= 0; i--) {
    const address = parse(hops[i]!);
    if (!address || !isTrusted(address, trusted) || i === 0) return bucket(address);
  }
  return "unknown";
}
