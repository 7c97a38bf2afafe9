// The shared contract: what a snapshot may contain. The console's writer, which
// stores it only if newer, is tested in test/config-channel/.
import { describe, expect, it } from "vitest";
import { gatewayConfigSnapshotSchema } from "../src/contract/config-snapshot";
import { makeApi, makeSnapshot, makeSubscription } from "./helpers/snapshots";

describe("gatewayConfigSnapshotSchema", () => {
  it.each([
    ["a minimal snapshot", makeSnapshot(), true],
    ["nested API path", makeSnapshot({ apis: [makeApi({ path: "v1/orders" })] }), true],
    ["primary and secondary key equal (same subscription)", makeSnapshot({ subscriptions: [makeSubscription({ keys: ["a", "a"] })] }), true],
    ["leading slash", makeSnapshot({ apis: [makeApi({ path: "/demo" })] }), false],
    ["empty segment", makeSnapshot({ apis: [makeApi({ path: "a//b" })] }), false],
    ["dot-dot segment", makeSnapshot({ apis: [makeApi({ path: "a/../b" })] }), false],
    ["reserved healthz", makeSnapshot({ apis: [makeApi({ path: "healthz" })] }), false],
    ["reserved readyz", makeSnapshot({ apis: [makeApi({ path: "readyz" })] }), false],
    ["ftp backend", makeSnapshot({ apis: [makeApi({ backends: [{ url: "ftp://x/y", weight: 1 }] })] }), false],
    ["no backend", makeSnapshot({ apis: [makeApi({ backends: [] })] }), false],
    ["two APIs, one path", makeSnapshot({ apis: [makeApi(), makeApi({ id: "other" })] }), false],
    ["two APIs, one id", makeSnapshot({ apis: [makeApi(), makeApi({ path: "other" })] }), false],
    [
      "one key, two subscriptions",
      makeSnapshot({ subscriptions: [makeSubscription({ keys: ["k"] }), makeSubscription({ id: "sub-2", keys: ["k"] })] }),
      false,
    ],
    ["per-API path and WebSocket switches", makeSnapshot({ apis: [makeApi({ allowEncodedSlashes: true, allowWebSockets: false })] }), true],
    ["a non-boolean switch", makeSnapshot({ apis: [makeApi({ allowWebSockets: "yes" as never })] }), false],
    ["bad key hash", { ...makeSnapshot(), subscriptions: [{ ...makeSubscription(), keyHashes: ["clear-text-key"] }] }, false],
  ])("%s -> valid: %s", (_label, snapshot, valid) => {
    expect(gatewayConfigSnapshotSchema.safeParse(snapshot).success).toBe(valid);
  });

  it("fills in the default key header and query parameter", () => {
    const { subscription: _omitted, ...api } = makeApi();
    const parsed = gatewayConfigSnapshotSchema.parse(makeSnapshot({ apis: [{ ...api, subscription: { required: true } } as never] }));
    expect(parsed.apis[0].subscription).toEqual({ required: true, header: "Ocp-Apim-Subscription-Key", query: "subscription-key" });
  });
});
