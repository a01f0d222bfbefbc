import { Types } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import type { AggregateFactory, Column, GroupedAggregate } from './grouped-aggregate.js';
import { growArray } from './grouped-aggregate.js';

/**
 * bool_and / every and bool_or: NULL inputs are skipped, no input gives NULL. Counting
 * true and false rows (rather than keeping one flag) makes removal exact for windows.
 */
function boolAggregate(isAnd: boolean): GroupedAggregate {
  const trues: number[] = [];
  const falses: number[] = [];
  const add =
    (sign: number) =>
    (args: readonly Column[], rows: Int32Array | null, groups: Int32Array, count: number): void => {
      const col = args[0] as Column;
      for (let k = 0; k < count; k++) {
        const v = col[rows === null ? k : (rows[k] as number)];
        if (v === true) trues[groups[k]!]! += sign;
        else if (v === false) falses[groups[k]!]! += sign;
      }
    };
  const result = (g: number): SqlValue => {
    const t = trues[g] as number;
    const f = falses[g] as number;
    if (t + f === 0) return null;
    return isAnd ? f === 0 : t > 0;
  };
  return {
    stateTypes: [Types.bool],
    grow: (n) => {
      growArray(trues, n, 0);
      growArray(falses, n, 0);
    },
    update: add(1),
    remove: add(-1),
    result,
    state: (n) => [Array.from({ length: n }, (_, g) => result(g))],
    merge: (state, groups, count) => add(1)(state, null, groups, count),
  };
}

export const boolAndAggregate: AggregateFactory = () => boolAggregate(true);
export const boolOrAggregate: AggregateFactory = () => boolAggregate(false);
