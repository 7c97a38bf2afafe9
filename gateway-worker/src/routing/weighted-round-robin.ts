// Smooth weighted round robin (nginx's algorithm): with weights 5,1,1 the
// order is a,a,b,a,c,a,a rather than a,a,a,a,a,b,c, so a heavy backend never
// gets a burst while the light ones idle. Exact over every window of sum(weights).

interface Slot<T> {
  readonly item: T;
  readonly weight: number;
  current: number;
}

export class WeightedRoundRobin<T> {
  private readonly slots: Slot<T>[];
  private readonly totalWeight: number;

  constructor(items: readonly { item: T; weight: number }[]) {
    if (items.length === 0) throw new Error("WeightedRoundRobin needs at least one item");
    for (const { weight } of items) {
      if (!Number.isInteger(weight) || weight < 1) throw new Error(`Invalid weight ${weight}`);
    }
    this.slots = items.map(({ item, weight }) => ({ item, weight, current: 0 }));
    this.totalWeight = items.reduce((sum, { weight }) => sum + weight, 0);
  }

  /**
   * Mutable state inside an otherwise immutable config: acceptable because
   * Node runs this synchronously on one thread, and a config swap simply
   * starts a fresh rotation.
   */
  pick(): T {
    if (this.slots.length === 1) return this.slots[0].item;
    let best = this.slots[0];
    for (const slot of this.slots) {
      slot.current += slot.weight;
      if (slot.current > best.current) best = slot;
    }
    best.current -= this.totalWeight;
    return best.item;
  }
}
