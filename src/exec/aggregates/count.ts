import { Types } from '../../common/sql-types.js';
import type { AggregateFactory, Column, GroupedAggregate } from './grouped-aggregate.js';
import { growArray, rowsPerGroup } from './grouped-aggregate.js';
import type { Vec } from '../vector/vec.js';

type RowTest = (args: readonly Column[], row: number) => boolean;

/**
 * count(*), count(x) and count_if(x) (Spark/Trino): an int8 per group that counts the
 * rows passing `test`. Kept as a JS number (exact to 2^53 rows) and made bigint at the end.
 */
function counter(test: RowTest | null): GroupedAggregate {
  const counts: number[] = [];
  const add =
    (sign: number) =>
    (args: readonly Column[], rows: Int32Array | null, groups: Int32Array, count: number): void => {
      if (test === null && rows === null) {
        // count(*) over a whole batch: its rows per group, shared with the batch's sums.
        const perGroup = rowsPerGroup(groups, count, counts.length);
        for (let g = 0; g < perGroup.length; g++) counts[g]! += sign * perGroup[g]!;
        return;
      }
      for (let k = 0; k < count; k++) {
        const row = rows === null ? k : (rows[k] as number);
        if (test === null || test(args, row)) counts[groups[k]!]! += sign;
      }
    };
  return {
    stateTypes: [Types.int8],
    grow: (n) => growArray(counts, n, 0),
    update: add(1),
    // count(x) needs only validity, which every typed kind carries.
    ...(test === notNull && {
      updateVec: (arg: Vec, rows: Int32Array | null, groups: Int32Array, count: number) => {
        if (arg.kind === 'values') return false;
        const valid = arg.valid;
        for (let k = 0; k < count; k++) {
          const row = rows === null ? k : rows[k]!;
          if (valid === null || valid[row]) counts[groups[k]!]! += 1;
        }
        return true;
      },
    }),
    remove: add(-1),
    result: (g) => BigInt(counts[g] ?? 0),
    state: (n) => [counts.slice(0, n).map((c) => BigInt(c))],
    merge: (state, groups, count) => {
      const col = state[0] ?? [];
      for (let k = 0; k < count; k++) counts[groups[k]!]! += Number(col[k] ?? 0n);
    },
  };
}

const notNull: RowTest = (args, row) => (args[0] as Column)[row] != null;
const isTrue: RowTest = (args, row) => (args[0] as Column)[row] === true;

/** count(*) has no arguments and counts every row; count(x) counts non-null x. */
export const countAggregate: AggregateFactory = (a) =>
  counter(a.argTypes.length === 0 ? null : notNull);
export const countIfAggregate: AggregateFactory = () => counter(isTrue);
