// The snapshot reader's two paths agree: the subscriptions array located in the text
// and parsed element by element, or (when the locator steps aside) the whole document.
import { describe, expect, it } from "vitest";
import { compileSubscription } from "../src/config/compile-config";
import { parseSnapshot } from "../src/config/parse-snapshot";
import { gatewaySubscriptionSchema } from "../src/contract/config-snapshot";
import { locateSubscriptions } from "../src/config/snapshot-subscriptions";
import { makeApi, makeSnapshot, makeSubscription } from "./helpers/snapshots";

const snapshot = JSON.stringify(
  makeSnapshot({
    // Strings that look like structure: quotes, escaped backslashes, brackets and commas.
    apis: [makeApi({ name: 'a "quoted" \\ name ]}, [{', path: "demo" })],
    subscriptions: [
      makeSubscription({ id: 'sub-"1"\\', keys: ["k1"] }),
      makeSubscription({ id: "sub-2 ]},[{", keys: ["k2", "k3"], expiresAt: "2030-01-01T00:00:00.000Z" }),
    ],
  }),
);

describe("locateSubscriptions", () => {
  it("finds every element and leaves a shell whose subscriptions are empty", () => {
    const located = locateSubscriptions(snapshot)!;
    const whole = JSON.parse(snapshot) as { subscriptions: unknown[] };
    expect([...located.elements()].map((e) => JSON.parse(e))).toEqual(whole.subscriptions);
    expect(JSON.parse(located.shell)).toEqual({ ...whole, subscriptions: [] });
  });

  it.each([
    ["not an object", "[1, 2]"],
    ["no subscriptions", JSON.stringify({ version: 1, apis: [] })],
    ["subscriptions not an array", JSON.stringify({ version: 1, subscriptions: null })],
    ["subscriptions twice", '{"version":1,"subscriptions":[],"subscriptions":[{"id":"x"}]}'],
    ["missing comma between elements", '{"version":1,"subscriptions":[{"id":"a"} {"id":"b"}]}'],
    ["unterminated string", '{"version":1,"subscriptions":[{"id":"a}]}'],
    ["trailing text", '{"version":1,"subscriptions":[]} x'],
  ])("steps aside for %s", (_label, raw) => {
    expect(locateSubscriptions(raw)).toBeNull();
  });
});

describe("parseSnapshot", () => {
  it("reads the usual document element by element, with the same result as a whole parse", () => {
    const parsed = parseSnapshot(snapshot);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.subscriptions.byId.size).toBe(2);
    expect(parsed.subscriptions.byKeyHash.size).toBe(3);
    expect(parsed.subscriptions.byId.get("sub-2 ]},[{")?.expiresAtMs).toBe(Date.parse("2030-01-01T00:00:00.000Z"));
    expect(parsed.shell.apis[0].name).toBe('a "quoted" \\ name ]}, [{');
  });

  it.each([
    ["broken JSON inside an element", '{"version":3,"subscriptions":[{"id":tru}]}', { version: null, error: "json" }],
    ["a bad subscription", JSON.stringify({ ...JSON.parse(snapshot), version: 3, subscriptions: [{ id: "" }] }), { version: 3, error: "schema" }],
    ["two subscriptions with one id", JSON.stringify(makeSnapshot({ version: 3, subscriptions: [makeSubscription(), makeSubscription()] })), { version: 3, error: "schema" }],
    ["subscriptions not an array", JSON.stringify({ ...JSON.parse(snapshot), version: 3, subscriptions: {} }), { version: 3, error: "schema", issues: ["subscriptions: expected array"] }],
  ])("refuses %s as a whole parse would", (_label, raw, expected) => {
    expect(parseSnapshot(raw)).toMatchObject({ ok: false, ...expected });
  });

  it("reports a JSON error with JSON.parse's own message", () => {
    const raw = '{"version":3,"subscriptions":[{"id":tru}]}';
    let message = "";
    try {
      JSON.parse(raw);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(parseSnapshot(raw)).toEqual({ ok: false, version: null, error: "json", issues: [message] });
  });
});

describe("subscriptions read without zod", () => {
  const valid = makeSubscription({ id: "sub-x", keys: ["kx"] });
  const hash = valid.keyHashes[0];
  // What the contract's schema says of each, the reader must say too.
  it.each([
    ["the common shape", valid],
    ["an expiry date", { ...valid, expiresAt: "2031-05-01T10:00:00Z" }],
    ["an unknown field (stripped)", { ...valid, extra: 1 }],
    ["an optional field", { ...valid, boundClientId: "app-1" }],
    ["a per-API subscription", { ...valid, productId: null, apiId: "api-1" }],
    ["an upper-case hash", { ...valid, keyHashes: [hash.toUpperCase()] }],
    ["no keys", { ...valid, keyHashes: [] }],
    ["no productId", { ...valid, productId: undefined }],
    ["an empty id", { ...valid, id: "" }],
    ["an unknown state", { ...valid, state: "cancelled" }],
    ["a number as expiry", { ...valid, expiresAt: 5 }],
  ])("%s", (_label, subscription) => {
    const expected = gatewaySubscriptionSchema.safeParse(subscription);
    const parsed = parseSnapshot(JSON.stringify(makeSnapshot({ subscriptions: [subscription as never] })));
    expect(parsed.ok).toBe(expected.success);
    if (parsed.ok && expected.success) expect(parsed.subscriptions.byId.get("sub-x")).toEqual(compileSubscription(expected.data));
  });
});
