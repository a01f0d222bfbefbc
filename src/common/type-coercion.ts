import { Types, type SqlType } from './sql-types.js';

/**
 * PostgreSQL's implicit casts (pg_cast castcontext 'i') for the types the small
 * engine handles, and the numeric promotion order its operator resolution ends up
 * choosing: int2 < int4 < int8 < numeric < float4 < float8 (docs §10.2, §10.3).
 */
const numericRank: Record<string, number> = {
  int2: 1,
  int4: 2,
  int8: 3,
  numeric: 4,
  float4: 5,
  float8: 6,
};

export function isNumeric(t: SqlType): boolean {
  return numericRank[t.kind] !== undefined;
}

export function isStringType(t: SqlType): boolean {
  return t.kind === 'text' || t.kind === 'varchar' || t.kind === 'bpchar' || t.kind === 'name';
}

const datetimeRank: Record<string, number> = { date: 1, timestamp: 2, timestamptz: 3 };

export function canCoerceImplicitly(from: SqlType, to: SqlType): boolean {
  if (from.kind === to.kind || from.kind === 'unknown') return true;
  const a = numericRank[from.kind];
  const b = numericRank[to.kind];
  if (a !== undefined && b !== undefined) return a <= b;
  if (isStringType(from) && to.kind === 'text') return true;
  const x = datetimeRank[from.kind];
  const y = datetimeRank[to.kind];
  return x !== undefined && y !== undefined && x <= y;
}

/**
 * The common type of values that meet in one operator, CASE, COALESCE or IN list
 * (docs §10.5): unknowns take the others' type (text if all are unknown), numbers
 * the highest rank, strings text, date/time values the widest; null on conflict.
 */
export function commonType(types: readonly SqlType[]): SqlType | null {
  const known = types.filter((t) => t.kind !== 'unknown');
  if (known.length === 0) return Types.text;
  let best: SqlType = known[0] ?? Types.text;
  for (const t of known.slice(1)) {
    if (canCoerceImplicitly(t, best)) continue;
    if (canCoerceImplicitly(best, t)) best = t;
    else return null;
  }
  if (best.kind === 'numeric') return Types.numeric();
  if (isStringType(best) && known.some((t) => t.kind !== best.kind)) return Types.text;
  return best;
}
