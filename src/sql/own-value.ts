/**
 * Looks a user-supplied word up in a lookup table. Plain `table[word]` would find
 * Object.prototype members for words such as `constructor` or `tostring`.
 */
export function ownValue<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
