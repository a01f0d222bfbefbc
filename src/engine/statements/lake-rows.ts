import type { RecordBatch } from 'apache-arrow';
import type { Statement } from '../../sql/ast.js';
import { toRecordBatch } from '../../exec/to-record-batch.js';
import type { ResultColumn } from '../query-engine.js';
import type { EngineParsed, SessionCore, StatementHandler } from '../session-core.js';
import { textColumns } from './text-rows.js';

/** A text row of SHOW / DESCRIBE output; null prints as NULL (Spark's empty comment). */
export type TextRow = readonly (string | null)[];

/**
 * A statement answering text rows computed from the catalog (SHOW TABLES, DESCRIBE, ...):
 * its columns are known at prepare (RowDescription), the rows at execute.
 */
export function textRowsStatement<S extends Statement>(
  names: readonly string[] | ((s: S) => readonly string[]),
  tag: string,
  rows: (core: SessionCore, s: S, parsed: EngineParsed) => Promise<readonly TextRow[]>,
): StatementHandler<S> {
  const columnsOf = (s: S): ResultColumn[] =>
    textColumns(...(typeof names === 'function' ? names(s) : names));
  return {
    prepare: (_core, s) => Promise.resolve({ columns: columnsOf(s) }),
    async execute(core, s, prepared) {
      const columns = columnsOf(s);
      const out = await rows(core, s, prepared.parsed);
      return { columns, batches: oneBatch(columns, out), tag: () => tag };
    },
  };
}

async function* oneBatch(
  columns: readonly ResultColumn[],
  rows: readonly TextRow[],
): AsyncGenerator<RecordBatch> {
  const values = columns.map((_, i) => rows.map((r) => r[i] ?? null));
  yield await Promise.resolve(toRecordBatch(columns, values, rows.length));
}

/** Spark's SHOW ... LIKE pattern: `*` any characters, `|` alternatives, case-insensitive. */
export function likePattern(pattern: string | null): (name: string) => boolean {
  if (pattern === null) return () => true;
  const alternatives = pattern.split('|').map((p) =>
    p
      .trim()
      .split('*')
      .map((part) => part.replace(/[.+?^${}()[\]\\]/g, '\\$&'))
      .join('.*'),
  );
  const re = new RegExp(`^(?:${alternatives.join('|')})$`, 'i');
  return (name) => re.test(name);
}
