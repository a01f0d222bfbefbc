/**
 * Dense ids for integer keys (a GROUP BY on one integer column: TPC-H Q18's 1.5M
 * order keys), in an open-addressing table of doubles with linear probing: no Map entry
 * per key, and a lookup is a multiply, a mask and a few array reads. Keys must be
 * integers a double holds exactly (the normalised form hash-keys.ts gives int2/4/8).
 */
export class IntegerIds {
  private keys = new Float64Array(1024);
  /** The id at each slot, or -1 for an empty slot. */
  private ids = new Int32Array(1024).fill(-1);
  private mask = 1023;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The id of `key`, or `next` (then recorded as its id) when the key is new. */
  idOf(key: number, next: number): number {
    let slot = slotOf(key, this.mask);
    for (;;) {
      const id = this.ids[slot]!;
      if (id < 0) break;
      if (this.keys[slot] === key) return id;
      slot = (slot + 1) & this.mask;
    }
    this.keys[slot] = key;
    this.ids[slot] = next;
    // Kept at most half full, so probe runs stay short.
    if (++this.count * 2 > this.mask) this.grow();
    return next;
  }

  private grow(): void {
    const { keys, ids } = this;
    const capacity = (this.mask + 1) * 2;
    this.keys = new Float64Array(capacity);
    this.ids = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    for (let s = 0; s < ids.length; s++) {
      const id = ids[s]!;
      if (id < 0) continue;
      let slot = slotOf(keys[s]!, this.mask);
      while (this.ids[slot]! >= 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = keys[s]!;
      this.ids[slot] = id;
    }
  }
}

/** Both 32-bit halves of the integer mixed by a multiplicative hash (Fibonacci hashing). */
function slotOf(key: number, mask: number): number {
  const low = key | 0;
  const high = Math.floor(key / 4294967296) | 0;
  return (Math.imul(low ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) >>> 7) & mask;
}
