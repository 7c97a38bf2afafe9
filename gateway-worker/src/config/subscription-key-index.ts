// The subscription key index: sha256 of a key (hex) -> its subscription, for 100,000
// subscriptions and twice as many keys. A snapshot's keys are packed once into a binary
// open-addressing table: 32 bytes a key in one buffer, a 4-byte slot and an owner
// pointer, no string and no Map entry (~50 bytes a key instead of ~200, and no string
// hashing while a cold start fills it). The keys deltas set afterwards live in a small
// copy-on-write overlay. An entry is believed only while its subscription is still the
// config's subscription of that id, so a delta that replaces or removes a subscription
// never has to find its old keys: they stop resolving with it.
import { ShardedMap } from "./sharded-map.js";

const KEY_BYTES = 32;
const HEX_KEY_LENGTH = KEY_BYTES * 2;
const INITIAL_KEYS = 1024;

export interface KeyOwner {
  readonly id: string;
}

/** `hex` into `target` at `offset`; false unless it is 64 hex digits. */
function writeKey(target: Buffer, offset: number, hex: string): boolean {
  return hex.length === HEX_KEY_LENGTH && target.write(hex, offset, KEY_BYTES, "hex") === KEY_BYTES;
}

/** Sized for a load of at most one half, so a probe is short. */
function slotCountFor(keys: number): number {
  let slots = 2 * INITIAL_KEYS;
  while (slots < keys * 2) slots *= 2;
  return slots;
}

/**
 * The keys of one snapshot, immutable once built. The slot of a key is taken from its
 * first four bytes: a sha256 is uniform already, and the console, not the caller,
 * chooses what is stored, so nobody can crowd one run of slots.
 */
export class PackedKeyTable<V extends KeyOwner> {
  /** Decoding space for lookups; JavaScript runs one lookup at a time. */
  private static readonly probe = Buffer.alloc(KEY_BYTES);

  private constructor(
    private readonly keys: Buffer,
    private readonly owners: readonly V[],
    /** Key ordinal + 1 per slot; 0 is free. */
    private readonly slots: Int32Array,
  ) {}

  /** Filled while a snapshot is read. `claim` takes valid hex only (the snapshot's schema checks it). */
  static builder<V extends KeyOwner>(): { claim(keyHash: string, owner: V): V | undefined; build(): PackedKeyTable<V> } {
    let keys = Buffer.allocUnsafe(INITIAL_KEYS * KEY_BYTES);
    const owners: V[] = [];
    let slots = new Int32Array(slotCountFor(0));
    const place = (table: Int32Array, ordinal: number) => {
      const mask = table.length - 1;
      let slot = keys.readUInt32LE(ordinal * KEY_BYTES) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = ordinal + 1;
    };
    return {
      /** Adds the key unless it is there already, and answers the owner it already had. */
      claim(keyHash, owner) {
        const ordinal = owners.length;
        if ((ordinal + 1) * KEY_BYTES > keys.length) {
          const grown = Buffer.allocUnsafe(keys.length * 2);
          keys.copy(grown);
          keys = grown;
        }
        const offset = ordinal * KEY_BYTES;
        if (!writeKey(keys, offset, keyHash)) throw new Error(`not a sha256 hex key hash: "${keyHash.slice(0, HEX_KEY_LENGTH)}"`);
        const held = findOrdinal(keys, slots, keys, offset);
        if (held >= 0) return owners[held];
        owners.push(owner);
        if (owners.length * 2 > slots.length) {
          slots = new Int32Array(slots.length * 2);
          for (let k = 0; k < owners.length; k++) place(slots, k);
        } else place(slots, ordinal);
        return undefined;
      },
      build: () => new PackedKeyTable<V>(keys.subarray(0, owners.length * KEY_BYTES), owners, slots),
    };
  }

  /** How many keys the table holds (their owners may have changed since). */
  get size(): number {
    return this.owners.length;
  }

  /** The owner the snapshot gave `keyHash`, whether or not it is still current. */
  get(keyHash: string): V | undefined {
    const probe = PackedKeyTable.probe;
    if (!writeKey(probe, 0, keyHash)) return undefined;
    const ordinal = findOrdinal(this.keys, this.slots, probe, 0);
    return ordinal >= 0 ? this.owners[ordinal] : undefined;
  }
}

/** The ordinal of the key at `source[offset..+32]` in a table, or -1. */
function findOrdinal(keys: Buffer, slots: Int32Array, source: Buffer, offset: number): number {
  const mask = slots.length - 1;
  for (let slot = source.readUInt32LE(offset) & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
    const ordinal = slots[slot] - 1;
    const start = ordinal * KEY_BYTES;
    if (source.compare(keys, start, start + KEY_BYTES, offset, offset + KEY_BYTES) === 0) return ordinal;
  }
  return -1;
}

/**
 * The index one config serves keys from: the snapshot's table, the keys deltas set since,
 * and that config's subscriptions by id, against which every entry is checked.
 */
export class SubscriptionKeyIndex<V extends KeyOwner> {
  constructor(
    private readonly packed: PackedKeyTable<V>,
    private readonly overlay: ShardedMap<V>,
    private readonly byId: ShardedMap<V>,
  ) {}

  static of<V extends KeyOwner>(packed: PackedKeyTable<V>, byId: ShardedMap<V>): SubscriptionKeyIndex<V> {
    return new SubscriptionKeyIndex(packed, ShardedMap.empty<V>(), byId);
  }

  /** The subscription `keyHash` identifies in this config, if it is still that subscription's key. */
  get(keyHash: string): V | undefined {
    const owner = this.entry(keyHash);
    return owner !== undefined && this.byId.get(owner.id) === owner ? owner : undefined;
  }

  /** The entry for `keyHash` whoever owns it now (a delta checks it against its own changes). */
  entry(keyHash: string): V | undefined {
    if (this.overlay.size > 0) {
      const set = this.overlay.get(keyHash);
      if (set !== undefined) return set;
    }
    return this.packed.get(keyHash);
  }

  /** The index of the config `byId` belongs to, with the keys a delta set. */
  with(keys: Iterable<readonly [string, V]>, byId: ShardedMap<V>): SubscriptionKeyIndex<V> {
    return new SubscriptionKeyIndex(this.packed, this.overlay.with(keys), byId);
  }
}
