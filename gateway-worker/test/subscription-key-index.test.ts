// The packed key table a snapshot's keys go into, and the per-config index over it:
// every key finds its owner (past the table's first growth), nothing else matches,
// and an entry counts only while its subscription is still the config's one of that id.
import { describe, expect, it } from "vitest";
import { ShardedMap } from "../src/config/sharded-map";
import { PackedKeyTable, SubscriptionKeyIndex } from "../src/config/subscription-key-index";
import { hashSubscriptionKey } from "../src/contract/subscription-key-hash";

type Owner = { id: string };
const hash = (key: string) => hashSubscriptionKey(key);

function table(owners: readonly Owner[], keysPer = 2) {
  const builder = PackedKeyTable.builder<Owner>();
  for (const owner of owners) for (let k = 0; k < keysPer; k++) expect(builder.claim(hash(`${owner.id}/${k}`), owner)).toBeUndefined();
  return builder.build();
}

describe("PackedKeyTable", () => {
  const owners = Array.from({ length: 3000 }, (_, i) => ({ id: `sub-${i}` }));
  const packed = table(owners);

  it("finds every key's owner after growing past its first size", () => {
    expect(packed.size).toBe(6000);
    for (const owner of owners) {
      expect(packed.get(hash(`${owner.id}/0`))).toBe(owner);
      expect(packed.get(hash(`${owner.id}/1`))).toBe(owner);
    }
  });

  it.each([
    ["an unknown key", hash("nobody")],
    ["a hash one digit short", hash("sub-1/0").slice(0, 63)],
    ["a hash that is not hex", `${hash("sub-1/0").slice(0, 62)}zz`],
    ["the empty string", ""],
  ])("answers nothing for %s", (_, keyHash) => {
    expect(packed.get(keyHash)).toBeUndefined();
  });

  it("claim keeps the first owner of a key and answers it", () => {
    const builder = PackedKeyTable.builder<Owner>();
    const [a, b] = [{ id: "a" }, { id: "b" }];
    expect(builder.claim(hash("k"), a)).toBeUndefined();
    expect(builder.claim(hash("k"), b)).toBe(a);
    const built = builder.build();
    expect(built.size).toBe(1);
    expect(built.get(hash("k"))).toBe(a);
  });

  it("refuses to store what is not a sha256 hex hash", () => {
    expect(() => PackedKeyTable.builder<Owner>().claim("abc", { id: "a" })).toThrow(/sha256/);
  });
});

describe("SubscriptionKeyIndex", () => {
  const [alice, bob] = [{ id: "sub-alice" }, { id: "sub-bob" }];
  const packed = (() => {
    const builder = PackedKeyTable.builder<Owner>();
    builder.claim(hash("alice"), alice);
    builder.claim(hash("bob"), bob);
    return builder.build();
  })();
  const byId = ShardedMap.from<Owner>([
    [alice.id, alice],
    [bob.id, bob],
  ]);
  const index = SubscriptionKeyIndex.of(packed, byId);

  it("resolves the snapshot's keys to their subscriptions", () => {
    expect(index.get(hash("alice"))).toBe(alice);
    expect(index.get(hash("bob"))).toBe(bob);
  });

  it("stops resolving a key once its subscription is replaced or removed, and leaves the older index as it was", () => {
    const renewed = { id: "sub-alice" };
    const next = index.with([[hash("alice-2"), renewed]], byId.with([[alice.id, renewed], [bob.id, undefined]]));
    expect(next.get(hash("alice"))).toBeUndefined(); // the old key still names the replaced object
    expect(next.get(hash("alice-2"))).toBe(renewed);
    expect(next.get(hash("bob"))).toBeUndefined();
    expect(next.entry(hash("bob"))).toBe(bob); // the entry is there, but no longer believed
    expect(index.get(hash("alice"))).toBe(alice);
    expect(index.get(hash("alice-2"))).toBeUndefined();
  });

  it("a key a delta sets wins over the snapshot's entry", () => {
    const carol = { id: "sub-carol" };
    const next = index.with([[hash("bob"), carol]], byId.with([[bob.id, undefined], [carol.id, carol]]));
    expect(next.get(hash("bob"))).toBe(carol);
  });
});
