// SSRF guard for spec URLs: the address actually connected to must be public.
// The check runs inside the socket's DNS lookup, so it applies AFTER resolution and to
// every hop of a redirect, and a DNS answer cannot change between check and connect.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import ipaddr from "ipaddr.js";

/** Only ipaddr.js's "unicast" range is public; private, loopback, link-local, multicast... are not. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

export class PrivateAddressError extends Error {
  constructor(readonly hostname: string, readonly address: string) {
    super(`'${hostname}' resolves to ${address}, a private, loopback, link-local or multicast address`);
    this.name = "PrivateAddressError";
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for http(s).request that refuses non-public answers (all of them, not just the first). */
export function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const list = addresses as LookupAddress[];
    const refused = list.find((a) => !isPublicAddress(a.address));
    if (refused) return callback(new PrivateAddressError(hostname, refused.address) as NodeJS.ErrnoException, []);
    if (options.all) return callback(null, list);
    const first = list[0];
    if (!first) return callback(Object.assign(new Error(`No address for '${hostname}'`), { code: "ENOTFOUND" }), []);
    callback(null, first.address, first.family);
  });
}
