// How config reaches gateways over real Redis, exactly as the console
// publishes it: live updates by event, cold start, refusal of bad or old
// snapshots, catching up after missed events, and graceful shutdown.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configChannelNames } from "../src/contract/config-snapshot";
import type { Gateway } from "../src/server";
import { getJson, KEY, KEY_HEADER, REDIS_URL, setUpFixture, type Fixture } from "./helpers/gateway-fixture";
import { startTcpRelay } from "./helpers/tcp-relay";
import { waitFor } from "./helpers/wait-for";

let fx: Fixture;
let live: { gateway: Gateway; url: string };
const withKey = { [KEY_HEADER]: KEY };

beforeAll(async () => {
  fx = await setUpFixture("config");
  expect(await fx.publisher.publish(fx.snapshot(1))).toBe(true);
  live = await fx.startGateway();
});
afterAll(() => fx?.teardown());

describe("config over the channel", () => {
  it("a gateway started after publication has the config at once (cold start)", async () => {
    expect(live.gateway.currentVersion()).toBe(1);
    expect((await getJson(`${live.url}/demo/ok`, withKey)).status).toBe(200);
    expect((await getJson(`${live.url}/demo/ok`)).status).toBe(401);
  });

  it("a new snapshot without the subscription makes the running gateway answer 401 within seconds", async () => {
    const started = Date.now();
    expect(await fx.publisher.publish(fx.snapshot(2, { withAlice: false }))).toBe(true);
    await waitFor(async () => {
      const res = await getJson(`${live.url}/demo/orders`, withKey);
      expect([res.status, res.body.error?.code]).toEqual([401, "invalid_subscription_key"]);
    }, 2000);
    expect(Date.now() - started).toBeLessThan(2000); // the event did it: the poll interval is 60 s
    expect(live.gateway.currentVersion()).toBe(2);
  });

  it("ignores an older snapshot (the store refuses it, and the gateway would too)", async () => {
    expect(await fx.publisher.publish(fx.snapshot(1))).toBe(false);
    expect(live.gateway.currentVersion()).toBe(2);
  });

  it.each([
    ["not JSON", () => "{this is not json", "config snapshot is not valid JSON"],
    ["schema violation", () => JSON.stringify({ ...fx.snapshot(4), apis: [{ path: "/nope" }] }), "config snapshot failed validation"],
  ])("keeps serving the old config when the stored snapshot is invalid: %s", async (_label, raw, logMessage) => {
    await fx.publisher.publishRaw(raw(), 4);
    await waitFor(async () => expect(fx.logLines.some((l) => l.includes(logMessage))).toBe(true));
    expect(live.gateway.currentVersion()).toBe(2);
    expect((await getJson(`${live.url}/demo/orders`)).body.error.code).toBe("missing_subscription_key");
  });

  it("catches up through the poll when the event was missed", async () => {
    const polling = await fx.startGateway({ pollIntervalMs: 200 });
    // Written behind the gateways' backs: no event is published.
    const redis = new Redis(REDIS_URL);
    await redis.set(configChannelNames(fx.prefix).latestKey, JSON.stringify(fx.snapshot(5)));
    await redis.quit();
    await waitFor(async () => expect(polling.gateway.currentVersion()).toBe(5), 2000);
    expect((await getJson(`${polling.url}/demo/ok`, withKey)).status).toBe(200);
  });

  it("catches up right after reconnecting when an event was published while Redis was unreachable", async () => {
    const target = new URL(REDIS_URL);
    const relay = await startTcpRelay(target.hostname, Number(target.port || 6379));
    try {
      const cutOff = await fx.startGateway({ redisUrl: relay.url }); // poll: 60 s, so only the reconnect can help
      expect(cutOff.gateway.currentVersion()).toBe(5);
      relay.cut();
      expect(await fx.publisher.publish(fx.snapshot(6, { withAlice: false }))).toBe(true); // event missed
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(cutOff.gateway.currentVersion()).toBe(5); // still serving the old config meanwhile
      expect((await getJson(`${cutOff.url}/demo/ok`, withKey)).status).toBe(200);
      relay.restore();
      await waitFor(async () => expect(cutOff.gateway.currentVersion()).toBe(6), 5000);
      expect((await getJson(`${cutOff.url}/demo/ok`, withKey)).body.error.code).toBe("invalid_subscription_key");
      await cutOff.gateway.close(0);
    } finally {
      await relay.close();
    }
  });

  it("finishes an in-flight request when closed, then refuses new connections", async () => {
    expect(await fx.publisher.publish(fx.snapshot(7))).toBe(true); // alice back
    const closing = await fx.startGateway();
    const inFlight = getJson(`${closing.url}/demo/slow`, withKey);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the request reached the 300 ms backend
    const closed = closing.gateway.close(5000);
    expect((await inFlight).status).toBe(200);
    await closed;
    await expect(fetch(`${closing.url}/healthz`)).rejects.toThrow();
  });
});
