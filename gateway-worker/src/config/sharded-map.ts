// A persistent string map for the large indexes of the config (100,000
// subscriptions, their key hashes, denials). Entries live in a fixed number of
// shards chosen by a hash of the key; `with` returns a new map that shares every
// shard it did not touch, so a delta copies a few hundred entries, not the whole
// index, and a request holding the previous map keeps seeing it unchanged.

/** 1,024 shards: ~200 entries per shard at 200,000 keys, and a 1,024-slot array copied per change. */
const SHARD_BITS = 10;
const SHARD_COUNT = 1 << SHARD_BITS;
const EMPTY: ReadonlyMap<string, never> = new Map<string, never>();

/** Characters of a key that choose its shard, from its end: any fixed choice is correct, this one is cheap. */
const HASHED_TAIL = 24;

/**
 * FNV-1a over the key's length and its last HASHED_TAIL characters: keys of one kind often
 * share a long prefix (denials: "token\0https://issuer/...", cuid ids), their tails differ
 * (a jti, a counter and random characters, sha256 hex).
 */
function shardOf(key: string): number {
  let hash = 0x811c9dc5 ^ key.length;
  for (let i = Math.max(0, key.length - HASHED_TAIL); i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & (SHARD_COUNT - 1);
}

export class ShardedMap<V> {
  private constructor(
    private readonly shards: readonly ReadonlyMap<string, V>[],
    readonly size: number,
  ) {}

  static empty<V>(): ShardedMap<V> {
    return new ShardedMap<V>(new Array<ReadonlyMap<string, V>>(SHARD_COUNT).fill(EMPTY), 0);
  }

  /** Built once from many entries (a snapshot): each shard is filled in place, no copy per entry. */
  static from<V>(entries: Iterable<readonly [string, V]>): ShardedMap<V> {
    const builder = ShardedMap.builder<V>();
    for (const [key, value] of entries) builder.set(key, value);
    return builder.build();
  }

  /**
   * Fills shards in place while a snapshot is read, then freezes them into a map. `claim`
   * sets a key only if it is new and answers what it already held (one hash per entry).
   */
  static builder<V>(): { claim(key: string, value: V): V | undefined; set(key: string, value: V): void; build(): ShardedMap<V> } {
    const shards: Map<string, V>[] = Array.from({ length: SHARD_COUNT }, () => new Map<string, V>());
    return {
      set: (key, value) => void shards[shardOf(key)].set(key, value),
      claim: (key, value) => {
        const shard = shards[shardOf(key)];
        const held = shard.get(key);
        if (held === undefined) shard.set(key, value);
        return held;
      },
      build: () => new ShardedMap<V>(shards, shards.reduce((n, shard) => n + shard.size, 0)),
    };
  }

  get(key: string): V | undefined {
    return this.shards[shardOf(key)].get(key);
  }

  has(key: string): boolean {
    return this.shards[shardOf(key)].has(key);
  }

  /** A new map with `changes` applied in order (`undefined` deletes); this one is left as it was. */
  with(changes: Iterable<readonly [string, V | undefined]>): ShardedMap<V> {
    const copied = new Map<number, Map<string, V>>();
    let size = this.size;
    for (const [key, value] of changes) {
      const index = shardOf(key);
      let shard = copied.get(index);
      if (!shard) copied.set(index, (shard = new Map(this.shards[index])));
      const had = shard.has(key);
      if (value === undefined) {
        if (had) size--;
        shard.delete(key);
      } else {
        if (!had) size++;
        shard.set(key, value);
      }
    }
    if (copied.size === 0) return this;
    const shards = this.shards.slice();
    for (const [index, shard] of copied) shards[index] = shard;
    return new ShardedMap<V>(shards, size);
  }

  *values(): IterableIterator<V> {
    for (const shard of this.shards) yield* shard.values();
  }

  *entries(): IterableIterator<[string, V]> {
    for (const shard of this.shards) yield* shard.entries();
  }
}
