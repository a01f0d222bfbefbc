import { assert } from '../../common/assert.js';
import type { SqlValue } from '../../common/sql-value.js';

/**
 * The JavaScript text of a scalar SqlValue (numeric's decimal text, a string, a
 * number): for kernels whose input types the binder has already fixed.
 */
export function scalarText(v: SqlValue | undefined): string {
  assert(
    typeof v === 'string' ||
      typeof v === 'number' ||
      typeof v === 'bigint' ||
      typeof v === 'boolean',
    `expected a scalar, got ${typeof v}`,
  );
  return String(v);
}
