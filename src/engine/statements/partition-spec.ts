import type { TableRef } from '../../../catalog/catalog.js';
import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import type { Expr } from '../../sql/ast.js';
import type { PartitionValue } from '../../sql/ast-dml.js';
import { errorPosition } from '../../sql/position.js';
import type { EngineParsed } from '../session-core.js';

/**
 * A `PARTITION (p='v', q)` spec checked against the table's partition keys: the static
 * values as Hive partition text (null: NULL), by key name. Keys written without a
 * value (dynamic partitions) are left out. 42703 for a name that is not a partition key.
 */
export function staticPartitionValues(
  table: TableRef,
  spec: readonly PartitionValue[],
  parsed: EngineParsed,
): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const p of spec) {
    const key = table.partitionKeys.find((k) => k.name.toLowerCase() === p.name.toLowerCase());
    const position = errorPosition(parsed.fullText, p.span.start);
    if (key === undefined) {
      throw new LakeError(
        SqlState.undefinedColumn,
        `partition column "${p.name}" of relation "${table.ident.name}" does not exist`,
        { position },
      );
    }
    if (out.has(key.name)) {
      throw new LakeError('42701', `partition column "${p.name}" specified more than once`, {
        position,
      });
    }
    if (p.value !== null) out.set(key.name, partitionText(p.value, position));
  }
  return out;
}

/** A partition value as written: a literal (Hive keeps its text), NULL, or `-n`. */
function partitionText(e: Expr, position: number): string | null {
  if (e.kind === 'literal') {
    const v = e.value;
    switch (v.type) {
      case 'null':
        return null;
      case 'boolean':
        return String(v.value);
      case 'integer':
      case 'decimal':
        return v.text;
      case 'string':
        return v.value;
    }
  }
  if (e.kind === 'typed-literal') return e.value;
  if (e.kind === 'unary' && e.op === '-' && e.operand.kind === 'literal') {
    const t = partitionText(e.operand, position);
    if (t !== null) return `-${t}`;
  }
  throw new LakeError(SqlState.featureNotSupported, 'a partition value must be a literal', {
    position,
  });
}
