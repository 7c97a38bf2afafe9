// Which address a sign-in is counted against. Next's own server sets `x-forwarded-for` to the
// socket address only when the request has none, and a proxy appends the address it saw.
import { describe, expect, it } from "vitest";
import { clientAddressFrom, parseTrustedProxies } from "@/lib/iam/login-throttle/client-address";

const headers = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("client address of a sign-in", () => {
  it.each([
    { case: "the socket address, as next start sets it", xff: "203.0.113.5", trusted: "", expected: "203.0.113.5" },
    { case: "no header at all", xff: undefined, trusted: "", expected: "unknown" },
    { case: "no trusted proxy: the right-most entry, not a client-chosen left one", xff: "1.1.1.1, 203.0.113.5", trusted: "", expected: "203.0.113.5" },
    { case: "a trusted proxy's own hop is skipped", xff: "1.1.1.1, 203.0.113.5, 10.0.0.2", trusted: "10.0.0.0/8", expected: "203.0.113.5" },
    { case: "an untrusted hop stops the walk", xff: "203.0.113.5, 198.51.100.7, 10.0.0.2", trusted: "10.0.0.2", expected: "198.51.100.7" },
    { case: "every hop trusted: the left-most", xff: "10.0.0.3, 10.0.0.2", trusted: "10.0.0.0/8", expected: "10.0.0.3" },
    { case: "IPv4-mapped IPv6 is the IPv4 address", xff: "::ffff:203.0.113.5", trusted: "", expected: "203.0.113.5" },
    { case: "IPv6 is counted per /64", xff: "2001:db8:1:2:aaaa::1", trusted: "", expected: "2001:db8:1:2::/64" },
    { case: "a port is dropped", xff: "203.0.113.5:51234", trusted: "", expected: "203.0.113.5" },
    { case: "garbage shares one bucket", xff: "not-an-ip-<script>", trusted: "", expected: "invalid" },
  ])("$case", ({ xff, trusted, expected }) => {
    expect(clientAddressFrom(headers(xff), parseTrustedProxies(trusted))).toBe(expected);
  });

  it("refuses a TRUSTED_PROXIES entry that is not an address or range", () => {
    expect(() => parseTrustedProxies("10.0.0.1, proxy.internal")).toThrow(/proxy\.internal/);
  });
});
