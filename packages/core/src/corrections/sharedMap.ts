interface Slot<V> {
  readonly seq: number;
  readonly value: V;
}

interface Backing<K, V> {
  readonly slots: Map<K, Slot<V>[]>;
  /** The sequence number of the newest write; a view at an older number that writes must copy first. */
  head: number;
}

/**
 * An immutable map whose `set` costs O(1) when used linearly (each version set at most once, as a stream's
 * state is evolved event after event) and O(n) otherwise (it copies): old versions stay valid and unchanged.
 * It keeps decision states pure without copying a member's whole map of acts on every event.
 */
export class SharedMap<K, V> implements ReadonlyMap<K, V> {
  readonly #backing: Backing<K, V>;
  readonly #seq: number;
  readonly size: number;

  private constructor(backing: Backing<K, V>, seq: number, size: number) {
    this.#backing = backing;
    this.#seq = seq;
    this.size = size;
  }

  /** A shared map holding the entries of any map. */
  static from<K, V>(map: ReadonlyMap<K, V>): SharedMap<K, V> {
    if (map instanceof SharedMap) return map as SharedMap<K, V>;
    let shared = SharedMap.empty<K, V>();
    for (const [k, v] of map) shared = shared.set(k, v);
    return shared;
  }

  /** An empty map. */
  static empty<K, V>(): SharedMap<K, V> {
    return new SharedMap<K, V>({ slots: new Map(), head: 0 }, 0, 0);
  }

  #slot(key: K): Slot<V> | undefined {
    const slots = this.#backing.slots.get(key);
    if (!slots) return undefined;
    for (let i = slots.length - 1; i >= 0; i--) if (slots[i]!.seq <= this.#seq) return slots[i];
    return undefined;
  }

  get(key: K): V | undefined {
    return this.#slot(key)?.value;
  }

  has(key: K): boolean {
    return this.#slot(key) !== undefined;
  }

  /** A new version with `key` set to `value`; this version is unchanged. */
  set(key: K, value: V): SharedMap<K, V> {
    let backing = this.#backing;
    if (backing.head !== this.#seq) {
      // Another version was derived from this one already: branch off with a copy of what this one sees.
      const slots = new Map<K, Slot<V>[]>();
      for (const [k, v] of this) slots.set(k, [{ seq: 0, value: v }]);
      backing = { slots, head: 0 };
    }
    // This version is now the newest of `backing`, so every slot of the key is visible to it.
    const seq = backing.head + 1;
    backing.head = seq;
    const list = backing.slots.get(key);
    if (list) list.push({ seq, value });
    else backing.slots.set(key, [{ seq, value }]);
    return new SharedMap(backing, seq, list ? this.size : this.size + 1);
  }

  *entries(): MapIterator<[K, V]> {
    for (const key of this.#backing.slots.keys()) {
      const slot = this.#slot(key);
      if (slot) yield [key, slot.value];
    }
  }

  *keys(): MapIterator<K> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [k, v] of this.entries()) callback(v, k, this);
  }
}
