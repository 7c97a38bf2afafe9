// Smooth weighted round robin (nginx's algorithm): with weights 5,1,1 the
// order is a,a,b,a,c,a,a rather than a,a,a,a,a,b,c, so a heavy backend never
// gets a burst while the light ones idle. Exact over every window of sum(weights).
// Unhealthy backends are skipped by pickWhere; the others share by their weights.

interface Slot<T> {
  readonly item: T;
  readonly weight: number;
  current: number;
}

export class WeightedRoundRobin<T> {
  private readonly slots: Slot<T>[];

  constructor(items: readonly { item: T; weight: number }[]) {
    if (items.length === 0) throw new Error("WeightedRoundRobin needs at least one item");
    for (const { weight } of items) {
      if (!Number.isInteger(weight) || weight < 1) throw new Error(`Invalid weight ${weight}`);
    }
    this.slots = items.map(({ item, weight }) => ({ item, weight, current: 0 }));
  }

  get items(): readonly T[] {
    return this.slots.map((s) => s.item);
  }

  /**
   * Mutable state inside an otherwise immutable config: acceptable because
   * Node runs this synchronously on one thread, and a config swap simply
   * starts a fresh rotation.
   */
  pick(): T {
    return this.pickWhere(() => true)!;
  }

  /**
   * The same rotation restricted to the items `eligible` accepts (healthy,
   * not yet tried), with their weights; undefined when none is. Skipped items
   * keep their counters, so they rejoin the rotation where they left it.
   */
  pickWhere(eligible: (item: T) => boolean): T | undefined {
    if (this.slots.length === 1) return eligible(this.slots[0].item) ? this.slots[0].item : undefined;
    let best: Slot<T> | undefined;
    let total = 0;
    for (const slot of this.slots) {
      if (!eligible(slot.item)) continue;
      slot.current += slot.weight;
      total += slot.weight;
      if (!best || slot.current > best.current) best = slot;
    }
    if (best) best.current -= total;
    return best?.item;
  }
}
