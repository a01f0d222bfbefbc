import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares two secrets without leaking where they differ, nor (by hashing both to a
 * fixed length first) how long the expected one is: crypto.timingSafeEqual needs
 * equal lengths, and an early length check would tell an attacker the length.
 */
export function constantTimeEqual(a: Buffer, b: Buffer): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db) && a.length === b.length;
}
