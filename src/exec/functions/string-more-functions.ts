import { LakeError } from '../../common/errors.js';
import { Types } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { SqlState } from '../../common/sqlstate.js';
import { outputFunction } from '../kernels/cast.js';
import { strict, type Kernel } from '../kernels/kernel.js';
import { quoteIdent } from '../kernels/quote-sql.js';
import { scalarText } from '../kernels/scalar-text.js';
import { fn, overloads, sig, type ScalarFunction } from './scalar-function.js';

/**
 * The rest of PostgreSQL's string functions (docs §9.4: concat_ws, translate, ascii,
 * chr, octet_length, bit_length, string_to_array, overlay, quote_ident; quote_literal is in format-function.ts)
 * and Spark's names for the same ideas (instr, locate, ends_with/endswith, lcase,
 * ucase, char/character_length already exist).
 */
const { text: T, int4: I, bool: B } = Types;
const TA = Types.array(Types.text);
const str = (v: SqlValue | undefined): string => scalarText(v);

/** concat_ws(sep, any...): NULL arguments are skipped; a NULL separator gives NULL. */
const concatWs: Kernel = (input) => {
  const toText = input.argTypes.map((t) => outputFunction(t, input.ctx));
  const [seps = [], ...cols] = input.args;
  const out = new Array<SqlValue>(input.rowCount);
  for (let i = 0; i < input.rowCount; i++) {
    const sep = seps[i] ?? null;
    if (sep === null) {
      out[i] = null;
      continue;
    }
    let s = '';
    let first = true;
    for (let a = 0; a < cols.length; a++) {
      const v = cols[a]?.[i] ?? null;
      if (v === null) continue;
      s += (first ? '' : str(sep)) + str(toText[a + 1]?.(v));
      first = false;
    }
    out[i] = s;
  }
  return out;
};

/** translate(s, from, to): each character of `from` maps to `to`'s, or is deleted past its end. */
function translate(s: string, from: string, to: string): string {
  const f = [...from];
  const t = [...to];
  const map = new Map<string, string>();
  f.forEach((c, i) => {
    if (!map.has(c)) map.set(c, t[i] ?? '');
  });
  let out = '';
  for (const c of s) out += map.get(c) ?? c;
  return out;
}

function chr(n: number): string {
  if (n === 0) throw new LakeError(SqlState.programLimitExceeded, 'null character not permitted');
  if (n < 0)
    throw new LakeError(SqlState.invalidParameterValue, 'character number must be positive');
  if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) {
    throw new LakeError(
      SqlState.programLimitExceeded,
      `requested character too large for encoding: ${n}`,
    );
  }
  return String.fromCodePoint(n);
}

/** string_to_array(s, sep [, nullString]): a NULL separator splits into characters. */
const stringToArray: Kernel = (input) => {
  const [ss = [], seps = [], nulls = []] = input.args;
  const out = new Array<SqlValue>(input.rowCount);
  for (let i = 0; i < input.rowCount; i++) {
    const s = ss[i] ?? null;
    if (s === null) {
      out[i] = null;
      continue;
    }
    const text = str(s);
    const sep = seps[i] ?? null;
    const nul = nulls[i] ?? null;
    const parts =
      text === '' ? [] : sep === null ? [...text] : str(sep) === '' ? [text] : text.split(str(sep));
    out[i] = nul === null ? parts : parts.map((p) => (p === str(nul) ? null : p));
  }
  return out;
};

/** 1-based character position of `sub` in `s` at or after character `from` (0 when absent). */
function locate(sub: string, s: string, from: number): number {
  if (from < 1) return 0;
  const cs = [...s];
  const tail = cs.slice(from - 1).join('');
  const at = tail.indexOf(sub);
  return at < 0 ? 0 : [...tail.slice(0, at)].length + from;
}

/** overlay(s placing r from start [for count]) = left part + r + the rest after count characters. */
function overlay(s: string, r: string, start: number, count: number | null): string {
  const cs = [...s];
  const n = count ?? [...r].length;
  if (start < 1) throw new LakeError('22011', 'negative substring length not allowed');
  return cs.slice(0, start - 1).join('') + r + cs.slice(start - 1 + n).join('');
}

const upper = strict(([s]) => str(s).toUpperCase());
const lower = strict(([s]) => str(s).toLowerCase());
const endsWith = strict(([s, p]) => str(s).endsWith(str(p)));
const startsWith = strict(([s, p]) => str(s).startsWith(str(p)));

export const stringMoreFunctions: readonly ScalarFunction[] = [
  fn(
    'concat_ws',
    (args) => (args.length >= 2 ? { args: [T, ...args.slice(1)], returns: T } : null),
    concatWs,
  ),
  fn(
    'translate',
    overloads(sig([T, T, T], T)),
    strict(([s, f, t]) => translate(str(s), str(f), str(t))),
  ),
  fn(
    'ascii',
    overloads(sig([T], I)),
    strict(([s]) => str(s).codePointAt(0) ?? 0),
  ),
  fn(
    'chr',
    overloads(sig([I], T)),
    strict(([n]) => chr(Number(n))),
  ),
  fn(
    'octet_length',
    overloads(sig([T], I), sig([Types.bytea], I)),
    strict(([s]) => (s instanceof Uint8Array ? s.length : Buffer.byteLength(str(s), 'utf8'))),
  ),
  fn(
    'bit_length',
    overloads(sig([T], I), sig([Types.bytea], I)),
    strict(([s]) => 8 * (s instanceof Uint8Array ? s.length : Buffer.byteLength(str(s), 'utf8'))),
  ),
  fn('string_to_array', overloads(sig([T, T], TA), sig([T, T, T], TA)), stringToArray),
  fn(
    'overlay',
    overloads(sig([T, T, I], T), sig([T, T, I, I], T)),
    strict(([s, r, a, n]) =>
      overlay(str(s), str(r), Number(a), n === undefined ? null : Number(n)),
    ),
  ),
  fn(
    'quote_ident',
    overloads(sig([T], T)),
    strict(([s]) => quoteIdent(str(s))),
  ),
  fn('ends_with', overloads(sig([T, T], B)), endsWith),
  fn('endswith', overloads(sig([T, T], B)), endsWith),
  fn('startswith', overloads(sig([T, T], B)), startsWith),
  fn('ucase', overloads(sig([T], T)), upper),
  fn('lcase', overloads(sig([T], T)), lower),
  // instr(str, substr) and locate(substr, str [, pos]): Spark, 1-based, 0 when absent.
  fn(
    'instr',
    overloads(sig([T, T], I)),
    strict(([s, sub]) => locate(str(sub), str(s), 1)),
  ),
  fn(
    'locate',
    overloads(sig([T, T], I), sig([T, T, I], I)),
    strict(([sub, s, p]) => locate(str(sub), str(s), p === undefined ? 1 : Number(p))),
  ),
];
