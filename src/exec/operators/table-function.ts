import type { SqlValue } from '../../common/sql-value.js';
import { BatchBuilder, MAX_BATCH_ROWS } from '../batch-builder.js';
import { SINGLE_ROW, type ColumnBatch } from '../column-batch.js';
import { evaluate } from '../evaluate-expr.js';
import { lowerExprs } from '../lower-expr.js';
import { generatorOperator } from './generator-operator.js';
import type { OperatorBuilder } from './operator.js';
import { seriesFunctions } from './table-series.js';

/**
 * A set-returning function: generate_series, range, unnest/explode/posexplode
 * (table-series.ts has each one's rows). Output: the input's columns when there is
 * an input (`unnest(t.arr)`, LATERAL: the function runs once per input row, whose
 * values repeat beside its rows), then the function's columns, then with
 * `ordinality` an int8 position counted from 1 per call (WITH ORDINALITY).
 */
export const buildTableFunction: OperatorBuilder<'table-function'> = (node, rt) => {
  const input = node.input ? rt.build(node.input) : null;
  const inputWidth = node.input ? node.input.columns.length : 0;
  const args = lowerExprs(node.args, node.input?.columns ?? []);
  const argTypes = node.args.map((a) => a.type);
  const fnEnd = node.columns.length - (node.ordinality ? 1 : 0);
  const outTypes = node.columns.slice(inputWidth, fnEnd).map((c) => c.type);
  const series = seriesFunctions[node.fn];

  /** The rows of one call: its columns, with the ordinality column appended. */
  function* calls(values: readonly SqlValue[]): Generator<SqlValue[][]> {
    let position = 1n;
    for (const chunk of series(values, argTypes, outTypes, rt.ctx)) {
      if (node.ordinality) {
        const n = chunk[0]?.length ?? 0;
        const ord = new Array<SqlValue>(n);
        for (let i = 0; i < n; i++) ord[i] = position++;
        chunk.push(ord);
      }
      yield chunk;
    }
  }

  return generatorOperator(input ? [input] : [], async function* () {
    if (!input) {
      const values: SqlValue[] = [];
      for (const a of args) values.push((await evaluate(a, SINGLE_ROW, rt.ctx))[0] ?? null);
      for (const chunk of calls(values)) {
        rt.ctx.checkCanceled();
        yield { columns: chunk, rowCount: chunk[0]?.length ?? 0 };
      }
      return;
    }
    const out = new BatchBuilder(node.columns.length);
    for (let b = await input.next(); b; b = await input.next()) {
      rt.ctx.checkCanceled();
      const argColumns: (readonly SqlValue[])[] = [];
      for (const a of args) argColumns.push(await evaluate(a, b, rt.ctx));
      for (let r = 0; r < b.rowCount; r++) {
        for (const chunk of calls(argColumns.map((c) => c[r] ?? null))) {
          const n = chunk[0]?.length ?? 0;
          if (out.rowCount + n > MAX_BATCH_ROWS) yield flushed(out);
          const repeated = b.columns.map((c) => new Array<SqlValue>(n).fill(c[r] ?? null));
          out.appendColumns([...repeated, ...chunk], n);
        }
      }
      if (out.full) yield flushed(out);
    }
    input.close();
    const last = out.flush();
    if (last) yield last;
  });
};

const flushed = (out: BatchBuilder): ColumnBatch => out.flush() ?? { columns: [], rowCount: 0 };
