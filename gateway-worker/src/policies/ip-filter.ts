// Allow/deny lists of IPv4 and IPv6 ranges per scope. The address checked is
// ctx.clientIp: the socket's peer unless that peer is a trusted proxy
// (http/client-address.ts), so X-Forwarded-For is believed only from those.
// Deny wins over allow; with an allow list, everyone else is refused.
// After the key, so a product's filter applies to its subscribers; before
// JWT validation, so refused addresses never cause signature checks.
import ipaddr from "ipaddr.js";
import type { IpFilterRule } from "../contract/config-snapshot.js";
import { rejection } from "../http/errors.js";
import { POLICY_PRIORITY } from "../pipeline/policy-order.js";
import type { Policy } from "./policy.js";
import { ruleScopesFor, scopedRuleSchema, type ScopedRule } from "./scoped-rule.js";

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** ::ffff:10.0.0.0/104 is written IPv6 but means IPv4 addresses; compare it as IPv4. */
function parseRange(text: string): Range {
  const [address, bits] = text.includes("/") ? ipaddr.parseCIDR(text) : (() => {
    const a = ipaddr.parse(text);
    return [a, a.kind() === "ipv4" ? 32 : 128] as Range;
  })();
  if (address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    return [(address as ipaddr.IPv6).toIPv4Address(), bits - 96];
  }
  return [address, bits];
}

interface CompiledIpFilter {
  readonly allow: readonly Range[] | null;
  readonly deny: readonly Range[];
}

function compileIpFilter(rule: IpFilterRule): CompiledIpFilter {
  return { allow: rule.allow?.length ? rule.allow.map(parseRange) : null, deny: (rule.deny ?? []).map(parseRange) };
}

const inAny = (address: ipaddr.IPv4 | ipaddr.IPv6, ranges: readonly Range[]) =>
  ranges.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));

export function isAddressAllowed(filter: CompiledIpFilter, clientIp: string | undefined): boolean {
  // No usable address (a closed socket) cannot be shown to be allowed: fail closed.
  if (clientIp === undefined || !ipaddr.isValid(clientIp)) return false;
  const address = ipaddr.process(clientIp);
  if (inAny(address, filter.deny)) return false;
  return filter.allow === null || inAny(address, filter.allow);
}

export const ipFilterPolicy: Policy<ScopedRule<CompiledIpFilter>> = {
  name: "ip-filter",
  priority: POLICY_PRIORITY["ip-filter"],
  schema: scopedRuleSchema("ipFilter", compileIpFilter),
  settingsFor: ruleScopesFor,
  inactive: (rule) => rule.unset,
  handle(ctx, rule) {
    const filter = rule.forRequest(ctx);
    if (!filter || isAddressAllowed(filter, ctx.clientIp)) return undefined;
    return rejection("ip_forbidden");
  },
};
