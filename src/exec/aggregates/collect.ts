import { Types } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import type { AggregateFactory, Column, GroupedAggregate } from './grouped-aggregate.js';
import { growArray } from './grouped-aggregate.js';

/** array_agg(x): every x in input order, NULLs included; no rows gives NULL (not '{}'). */
export const arrayAggAggregate: AggregateFactory = (a) => {
  const lists: (SqlValue[] | null)[] = [];
  const push = (g: number, v: SqlValue): void => {
    const list = lists[g];
    if (list) list.push(v);
    else lists[g] = [v];
  };
  return {
    stateTypes: [a.resultType],
    grow: (n) => growArray(lists, n, null),
    update: (args, rows, groups, count) => {
      const col = args[0] as Column;
      for (let k = 0; k < count; k++)
        push(groups[k] as number, col[rows === null ? k : (rows[k] as number)] ?? null);
    },
    result: (g) => {
      const list = lists[g];
      return list ? list.slice() : null;
    },
    state: (n) => [lists.slice(0, n).map((l) => l ?? null)],
    merge: (state, groups, count) => {
      const col = state[0] as Column;
      for (let k = 0; k < count; k++) {
        const arr = col[k];
        if (Array.isArray(arr)) for (const v of arr as SqlValue[]) push(groups[k] as number, v);
      }
    },
  };
};

/**
 * string_agg(x, delimiter) over text or bytea: non-null values joined, each preceded by
 * its own row's delimiter except the first (NULL delimiters count as empty), as
 * PostgreSQL's string_agg_transfn does. The state keeps the first value's delimiter
 * in front plus its length, so partial states concatenate exactly (string_agg_combine).
 */
export const stringAggAggregate: AggregateFactory = (a) =>
  a.argTypes[0]?.kind === 'bytea' ? bytesAgg() : textAgg();

function textAgg(): GroupedAggregate {
  const acc: (string | null)[] = [];
  const cut: number[] = [];
  const append = (g: number, delimiter: string, v: string): void => {
    const cur = acc[g];
    if (cur === null || cur === undefined) {
      acc[g] = delimiter + v;
      cut[g] = delimiter.length;
    } else acc[g] = cur + delimiter + v;
  };
  return {
    stateTypes: [Types.text, Types.int4],
    grow: (n) => {
      growArray(acc, n, null);
      growArray(cut, n, 0);
    },
    update: (args, rows, groups, count) => {
      const vals = args[0] as Column;
      const delims = args[1];
      for (let k = 0; k < count; k++) {
        const row = rows === null ? k : (rows[k] as number);
        const v = vals[row];
        if (typeof v === 'string')
          append(groups[k] as number, (delims?.[row] as string | null | undefined) ?? '', v);
      }
    },
    result: (g) => {
      const cur = acc[g];
      return cur === null || cur === undefined ? null : cur.slice(cut[g]);
    },
    state: (n) => [acc.slice(0, n), cut.slice(0, n)],
    merge: (state, groups, count) => {
      const texts = state[0] as Column;
      const cuts = state[1] as Column;
      for (let k = 0; k < count; k++) {
        const t = texts[k];
        if (typeof t !== 'string') continue;
        const c = cuts[k] as number;
        append(groups[k] as number, t.slice(0, c), t.slice(c));
      }
    },
  };
}

function bytesAgg(): GroupedAggregate {
  const parts: (Uint8Array[] | null)[] = [];
  const cut: number[] = [];
  const append = (g: number, delimiter: Uint8Array, v: Uint8Array): void => {
    const list = parts[g];
    if (list) list.push(delimiter, v);
    else {
      parts[g] = [delimiter, v];
      cut[g] = delimiter.length;
    }
  };
  const joined = (g: number): Uint8Array | null => {
    const list = parts[g];
    return list ? Buffer.concat(list) : null;
  };
  const empty = new Uint8Array(0);
  return {
    stateTypes: [Types.bytea, Types.int4],
    grow: (n) => {
      growArray(parts, n, null);
      growArray(cut, n, 0);
    },
    update: (args, rows, groups, count) => {
      const vals = args[0] as Column;
      const delims = args[1];
      for (let k = 0; k < count; k++) {
        const row = rows === null ? k : (rows[k] as number);
        const v = vals[row];
        if (v instanceof Uint8Array)
          append(groups[k] as number, (delims?.[row] as Uint8Array | null | undefined) ?? empty, v);
      }
    },
    result: (g) => {
      const all = joined(g);
      return all === null ? null : new Uint8Array(all.subarray(cut[g]));
    },
    state: (n) => [Array.from({ length: n }, (_, g) => joined(g)), cut.slice(0, n)],
    merge: (state, groups, count) => {
      const vals = state[0] as Column;
      const cuts = state[1] as Column;
      for (let k = 0; k < count; k++) {
        const v = vals[k];
        if (!(v instanceof Uint8Array)) continue;
        const c = cuts[k] as number;
        append(groups[k] as number, v.subarray(0, c), v.subarray(c));
      }
    },
  };
}
