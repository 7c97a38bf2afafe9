// The IP filter through a running gateway: allow and deny lists for IPv4 and
// IPv6 clients, the client address taken from the socket unless the peer is a
// trusted proxy (then from X-Forwarded-For), and a product's filter applying
// to its subscribers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScopePolicy } from "../src/contract/config-snapshot";
import { createGateway, type Gateway } from "../src/server";
import { getJson, KEY, KEY_HEADER, REDIS_URL, setUpFixture, type Fixture } from "./helpers/gateway-fixture";
import { makeApi, makeProduct, makeSnapshot, makeSubscription } from "./helpers/snapshots";

let fx: Fixture;
let direct: string; // no trusted proxies: X-Forwarded-For is never believed
let behindProxy: string; // 127.0.0.1 and ::1 are trusted proxies
let directV6: string;
let v6Gateway: Gateway;
const withKey = { [KEY_HEADER]: KEY };

beforeAll(async () => {
  fx = await setUpFixture("ip-filter");
  const api = (id: string, path: string, policy: ScopePolicy) => makeApi({ id, path, backends: [{ url: fx.backend.url, weight: 1 }], policy });
  await fx.publisher.publish(
    makeSnapshot({
      apis: [
        api("api-allow-v4", "allow4", { ipFilter: { allow: ["127.0.0.0/8", "203.0.113.0/24"] } }),
        api("api-deny-v4", "deny4", { ipFilter: { deny: ["127.0.0.1", "198.51.100.0/24"] } }),
        api("api-allow-v6", "allow6", { ipFilter: { allow: ["::1/128", "2001:db8::/32"] } }),
        api("api-deny-v6", "deny6", { ipFilter: { deny: ["2001:db8:bad::/48"], allow: ["::/0", "0.0.0.0/0"] } }),
        api("api-product", "product", {}),
      ],
      products: [
        makeProduct({ apiIds: ["api-allow-v4", "api-deny-v4", "api-allow-v6", "api-deny-v6", "api-product"], policy: { ipFilter: { allow: ["192.0.2.0/24"] } } }),
      ],
      subscriptions: [makeSubscription({ keys: [KEY] })],
    }),
  );
  direct = (await fx.startGateway()).url;
  behindProxy = (await fx.startGateway({ trustedProxies: ["127.0.0.1", "::1"] })).url;
  // On ::1, so the socket's peer is an IPv6 address.
  v6Gateway = createGateway({ redisUrl: REDIS_URL, prefix: fx.prefix, pollIntervalMs: 60_000 });
  directV6 = `http://[::1]:${await v6Gateway.listen(0, "::1")}`;
});
afterAll(async () => {
  await v6Gateway?.close(0);
  await fx?.teardown();
});

describe("IP filter", () => {
  it.each([
    ["/allow4/x", {}, 200],
    ["/deny4/x", {}, 403],
  ])("IPv4 socket peer 127.0.0.1: %s -> %i", async (path, extra, status) => {
    const res = await getJson(`${direct}${path}`, { ...withKey, ...extra });
    expect(res.status).toBe(status);
    if (status === 403) expect(res.body.error.code).toBe("ip_forbidden");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", async () => {
    const res = await getJson(`${direct}/deny4/x`, { ...withKey, "x-forwarded-for": "203.0.113.9" });
    expect(res.status).toBe(403); // still 127.0.0.1
    const spoofed = await getJson(`${direct}/allow6/x`, { ...withKey, "x-forwarded-for": "2001:db8::1" });
    expect(spoofed.status).toBe(403);
  });

  it.each([
    ["an allowed IPv4 client", "/allow4/x", "203.0.113.9", 200],
    ["an IPv4 client outside the allow list", "/allow4/x", "192.0.2.1", 403],
    ["a denied IPv4 client", "/deny4/x", "198.51.100.20", 403],
    ["an allowed IPv6 client", "/allow6/x", "2001:db8::42", 200],
    ["an IPv6 client outside the allow list", "/allow6/x", "2001:dead::1", 403],
    ["a denied IPv6 client (deny wins over allow)", "/deny6/x", "2001:db8:bad::7", 403],
    ["an IPv6 client not denied", "/deny6/x", "2001:db8:900d::7", 200],
    ["the rightmost untrusted hop, not what the client prepended", "/allow4/x", "192.0.2.1, 203.0.113.9", 200],
    ["a spoofed allowed hop left of the real client", "/allow4/x", "203.0.113.9, 192.0.2.1", 403],
  ])("behind a trusted proxy, believes X-Forwarded-For: %s", async (_label, path, xff, status) => {
    const res = await getJson(`${behindProxy}${path}`, { ...withKey, "x-forwarded-for": xff });
    expect(res.status).toBe(status);
  });

  it("checks an IPv6 socket peer", async () => {
    expect((await getJson(`${directV6}/allow6/x`, withKey)).status).toBe(200);
    expect((await getJson(`${directV6}/allow4/x`, withKey)).status).toBe(403);
  });

  it("applies the subscriber's product filter where the API sets none", async () => {
    expect((await getJson(`${behindProxy}/product/x`, { ...withKey, "x-forwarded-for": "192.0.2.5" })).status).toBe(200);
    const refused = await getJson(`${behindProxy}/product/x`, { ...withKey, "x-forwarded-for": "203.0.113.9" });
    expect([refused.status, refused.body.error.code]).toEqual([403, "ip_forbidden"]);
  });
});
