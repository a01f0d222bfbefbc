/**
 * The largest magnitude in an exact vec's values, remembered per values array. Typed sum
 * and avg need it to know a batch's per-group totals stay exact in doubles (below 2^53),
 * and finding it costs a pass as long as the sum itself; but the vecs that feed them
 * usually know it already: a column read through a Parquet dictionary is bounded by its
 * dictionary's entries (a few dozen values), and arithmetic by its operands' bounds.
 */
const bounds = new WeakMap<Float64Array, number>();

/** A known bound of `values` (any number at least their largest magnitude), or undefined. */
export const knownBound = (values: Float64Array): number | undefined => bounds.get(values);

/** Records `bound` (at least the largest magnitude in `values`) and returns `values`. */
export function withBound(values: Float64Array, bound: number): Float64Array {
  bounds.set(values, bound);
  return values;
}

/** The bound of `values`: the recorded one, else their largest magnitude, measured once. */
export function boundOf(values: Float64Array): number {
  const known = bounds.get(values);
  if (known !== undefined) return known;
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    hi = v > hi ? v : hi;
    lo = v < lo ? v : lo;
  }
  const bound = hi > -lo ? hi : -lo;
  bounds.set(values, bound);
  return bound;
}
