import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeData, Utf8, Vector } from 'apache-arrow';
import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import { Types, type SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { buildVector } from '../../common/values/build-vector.js';
import { evaluate } from '../evaluate-expr.js';
import { testRuntime } from '../operators/test-runtime.js';
import { compileVec } from './compile-vec-expr.js';
import { compileFilter } from './compile-vec-filter.js';
import { materializeVec } from './materialize-vec.js';
import { arrowColumn, materializeBatch, type VecBatch } from './vec-batch.js';

/**
 * The typed path must give the generic evaluator's answers value for value, and raise
 * its errors: every case below runs both ways over the same Arrow columns.
 */
const ctx = testRuntime().ctx;
const num = Types.numeric(15, 2);
const bool = Types.bool;

const column = (index: number, type: SqlType): BoundExpr => ({ kind: 'column', index, type });
const lit = (value: SqlValue, type: SqlType): BoundExpr => ({ kind: 'const', value, type });
const call = (fn: string, type: SqlType, ...args: BoundExpr[]): BoundExpr => ({
  kind: 'call',
  fn,
  type,
  args,
});
const cast = (operand: BoundExpr, type: SqlType): BoundExpr => ({ kind: 'cast', operand, type });
const and = (...args: BoundExpr[]): BoundExpr => ({ kind: 'and', type: bool, args });
const or = (...args: BoundExpr[]): BoundExpr => ({ kind: 'or', type: bool, args });

/** Deterministic pseudo-random rows (a linear congruential generator). */
function rows(n: number): SqlValue[][] {
  let seed = 7;
  const next = (m: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % m;
  };
  const out: SqlValue[][] = [[], [], [], [], [], [], []];
  for (let i = 0; i < n; i++) {
    const isNull = next(10) === 0;
    out[0]!.push(isNull ? null : next(2000) - 1000); // int4
    out[1]!.push(next(10) === 1 ? null : ((next(2_000_000) - 1_000_000) / 100).toFixed(2)); // numeric(15,2)
    out[2]!.push(next(10) === 2 ? null : (next(1000) - 500) / 8); // float8
    out[3]!.push(next(10) === 3 ? null : 8000 + next(3000)); // date
    out[4]!.push(next(10) === 4 ? null : ['A', 'N', 'R', 'long text value'][next(4)]!); // text
    out[5]!.push(next(10) === 5 ? null : next(2) === 0); // bool
    out[6]!.push(next(10) === 6 ? null : BigInt(next(1_000_000)) * 1000n); // int8
  }
  return out;
}

const TYPES = [Types.int4, num, Types.float8, Types.date, Types.text, bool, Types.int8];

function batchOf(columns: readonly SqlValue[][], types: readonly SqlType[] = TYPES): VecBatch {
  return {
    rowCount: columns[0]!.length,
    columns: columns.map((c, i) => arrowColumn(buildVector(types[i]!, c), types[i]!)),
  };
}

/** The typed result as SqlValues (or the error), the generic one, and the typed vec's kind. */
async function both(
  e: BoundExpr,
  b: VecBatch,
): Promise<[SqlValue[] | string, SqlValue[] | string, string]> {
  const generic = await evaluate(e, materializeBatch(b), ctx).catch((x: Error) => x.message);
  let kind = 'error';
  const typed = await compileVec(
    e,
    ctx,
  )(b)
    .then((v) => {
      kind = v.kind;
      return materializeVec(v, e.type);
    })
    .catch((x: Error) => x.message);
  return [typed, generic, kind];
}

const data = rows(3000);

const cases: [string, BoundExpr][] = [
  ['int4 + int4', call('+', Types.int4, column(0, Types.int4), lit(7, Types.int4))],
  ['int4 * int4', call('*', Types.int4, column(0, Types.int4), column(0, Types.int4))],
  [
    'numeric * numeric',
    call('*', Types.numeric(), cast(column(1, num), Types.numeric()), column(1, num)),
  ],
  [
    'numeric - (1 - numeric)',
    call(
      '-',
      Types.numeric(),
      column(1, num),
      call('-', Types.numeric(), lit('1', Types.numeric()), column(1, num)),
    ),
  ],
  ['numeric → numeric(10,1) rounds', cast(column(1, num), Types.numeric(10, 1))],
  ['numeric → numeric(5,2) overflows', cast(column(1, num), Types.numeric(5, 2))],
  ['numeric → int4 rounds', cast(column(1, num), Types.int4)],
  ['int4 → numeric → float8', cast(cast(column(0, Types.int4), Types.numeric()), Types.float8)],
  ['numeric → float8', cast(column(1, num), Types.float8)],
  ['float8 * float8', call('*', Types.float8, column(2, Types.float8), column(2, Types.float8))],
  ['negate numeric', call('negate', Types.numeric(), column(1, num))],
  ['date + int', call('date+int', Types.date, column(3, Types.date), lit(30, Types.int4))],
  ['date - date', call('date-date', Types.int4, column(3, Types.date), lit(8500, Types.date))],
  ['date → timestamp', cast(column(3, Types.date), Types.timestamp)],
  ['int8 * int8 past 2^53', call('*', Types.int8, column(6, Types.int8), column(6, Types.int8))],
  ['int8 + int8', call('+', Types.int8, column(6, Types.int8), column(6, Types.int8))],
  ['numeric < numeric', call('<', bool, column(1, num), lit('12.5', Types.numeric()))],
  ['float8 >= float8', call('>=', bool, column(2, Types.float8), lit(3.25, Types.float8))],
  ['bool = bool', call('=', bool, column(5, bool), lit(true, bool))],
  [
    'text = text (per dictionary entry)',
    call('=', bool, column(4, Types.text), lit('R', Types.text)),
  ],
  ['upper(text)', call('upper', Types.text, column(4, Types.text))],
  ['is null', call('is null', bool, column(1, num))],
  ['not bool', call('not', bool, column(5, bool))],
  [
    'AND/OR three-valued',
    or(
      and(column(5, bool), call('<', bool, column(0, Types.int4), lit(0, Types.int4))),
      call('is null', bool, column(2, Types.float8)),
    ),
  ],
  [
    'IN list',
    or(
      call('=', bool, column(4, Types.text), lit('A', Types.text)),
      call('=', bool, column(4, Types.text), lit('N', Types.text)),
    ),
  ],
];

/** Cases the typed path hands back: their kind is the generic result's, or the error. */
const HANDED_BACK: Record<string, string> = {
  'numeric → numeric(5,2) overflows': 'error',
  'int8 * int8 past 2^53': 'values',
};

describe('typed expressions give the generic evaluator’s values', () => {
  const b = batchOf(data);
  for (const [name, e] of cases) {
    it(name, async () => {
      const [typed, generic, kind] = await both(e, b);
      assert.deepEqual(typed, generic);
      // Typed unless the values do not fit (then the generic kernels answer or raise).
      if (name in HANDED_BACK) assert.equal(kind, HANDED_BACK[name]);
      else assert.notEqual(kind, 'values', `${name} was evaluated generically`);
    });
  }

  it('an int4 overflow raises the generic error', async () => {
    const big: SqlValue[][] = [[2147483600, 5, null]];
    const e = call('+', Types.int4, column(0, Types.int4), lit(100, Types.int4));
    const [typed, generic] = await both(e, batchOf(big, [Types.int4]));
    assert.equal(generic, 'integer out of range');
    assert.equal(typed, generic);
  });

  it('numeric products past 2^53 stay exact', async () => {
    const wide: SqlValue[][] = [['9999999999999.99', '-12345678901.23', '0.01']];
    const e = call('*', Types.numeric(), column(0, num), column(0, num));
    const [typed, generic] = await both(e, batchOf(wide, [num]));
    assert.deepEqual(typed, generic);
    assert.equal((typed as SqlValue[])[0], '99999999999999800000000000.0001');
  });

  it('AND leaves a malformed per-row LIKE pattern unevaluated where the first side is false', async () => {
    const rows: SqlValue[][] = [
      [0, 1],
      ['x', 'ab'],
      ['ab\\', 'a%'],
    ];
    const e = and(
      call('<>', bool, column(0, Types.int4), lit(0, Types.int4)),
      call('like', bool, column(1, Types.text), column(2, Types.text)),
    );
    const [typed, generic] = await both(e, batchOf(rows, [Types.int4, Types.text, Types.text]));
    assert.deepEqual(generic, [false, true]);
    assert.deepEqual(typed, generic);
  });

  it('float8 NaN compares as PostgreSQL orders it', async () => {
    const nan: SqlValue[][] = [[NaN, 1, Infinity, null]];
    const e = call('>', bool, column(0, Types.float8), lit(2, Types.float8));
    const [typed, generic] = await both(e, batchOf(nan, [Types.float8]));
    assert.deepEqual(typed, generic);
    assert.deepEqual(typed, [true, false, true, null]);
  });

  it('plain Utf8 with few values is dictionary-encoded, many values are not', () => {
    const few = buildVector(Types.text, ['x', 'y', null, 'x']);
    assert.equal(arrowColumn(few, Types.text).vec().kind, 'dict');
    const many = Array.from({ length: 5000 }, (_, i) => `v${i}`);
    assert.equal(arrowColumn(buildVector(Types.text, many), Types.text).vec().kind, 'values');
    const empty = new Vector([makeData({ type: new Utf8(), length: 0 })]);
    assert.equal(arrowColumn(empty, Types.text).values().length, 0);
  });
});

describe('compileFilter', () => {
  const b = batchOf(data);
  const filters: [string, BoundExpr][] = [
    [
      'Q6-style ranges',
      and(
        call('>=', bool, column(3, Types.date), lit(8500, Types.date)),
        call(
          '<',
          bool,
          cast(column(3, Types.date), Types.timestamp),
          lit(BigInt(9000 * 86_400_000_000), Types.timestamp),
        ),
        call('>=', bool, cast(column(1, num), Types.numeric()), lit('-100.5', Types.numeric())),
        call('<=', bool, lit('250', Types.numeric()), cast(column(1, num), Types.numeric())),
      ),
    ],
    ['constant on the left', call('>', bool, lit(0, Types.int4), column(0, Types.int4))],
    ['compared with NULL', call('=', bool, column(0, Types.int4), lit(null, Types.int4))],
    [
      'with a generic conjunct',
      and(
        call('=', bool, column(4, Types.text), lit('A', Types.text)),
        call('<>', bool, column(0, Types.int4), lit(3, Types.int4)),
      ),
    ],
  ];
  for (const [name, predicate] of filters) {
    it(name, async () => {
      const generic = await evaluate(predicate, materializeBatch(b), ctx);
      const expected = generic.flatMap((v, i) => (v === true ? [i] : []));
      assert.deepEqual([...(await compileFilter(predicate, ctx)(b))], expected);
    });
  }
});
