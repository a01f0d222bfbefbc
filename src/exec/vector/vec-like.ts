import type { Utf8Rows } from './vec-batch.js';
import type { VecOf } from './vec.js';

/**
 * `text LIKE 'pattern'` run on the column's UTF-8 bytes as the file holds them, for
 * patterns of literal text and `%` only (TPC-H's `o_comment NOT LIKE
 * '%special%requests%'`, the common `'prefix%'` and `'%word%'`). No string is decoded:
 * decoding 1.5M comments cost more than testing them. Matching the pattern's literals
 * byte for byte is exact for valid UTF-8, where no character's bytes occur inside
 * another's; LIKE with the default collation compares characters exactly.
 */
export interface LikeBytes {
  /** The literals between the `%`s, in order, as UTF-8. */
  readonly parts: readonly Uint8Array[];
  /** The pattern does not start (end) with `%`: the first (last) literal is anchored. */
  readonly anchoredStart: boolean;
  readonly anchoredEnd: boolean;
}

/** The byte matcher of `pattern`, or null when it uses `_` or escapes (the regex path). */
export function likeBytes(pattern: string): LikeBytes | null {
  if (pattern.includes('_') || pattern.includes('\\')) return null;
  const encoder = new TextEncoder();
  const pieces = pattern.split('%');
  return {
    parts: pieces.filter((p) => p !== '').map((p) => encoder.encode(p)),
    anchoredStart: !pattern.startsWith('%'),
    anchoredEnd: !pattern.endsWith('%'),
  };
}

/** Each row's match; NULL rows stay NULL. */
export function likeUtf8(u: Utf8Rows, m: LikeBytes): VecOf<'bool'> {
  const { offsets, data, rows } = u;
  const n = rows === null ? offsets.length - 1 : rows.length;
  const out = new Uint8Array(n);
  if (rows === null && !m.anchoredStart && m.parts.length > 0) matchCandidates(u, m, out);
  else
    for (let k = 0; k < n; k++) {
      const row = rows === null ? k : rows[k]!;
      out[k] = matches(data, offsets[row]!, offsets[row + 1]!, m) ? 1 : 0;
    }
  let valid: Uint8Array | null = null;
  if (u.valid !== null) {
    valid = new Uint8Array(n);
    for (let k = 0; k < n; k++) valid[k] = u.valid[rows === null ? k : rows[k]!]!;
  }
  return { kind: 'bool', values: out, valid };
}

/**
 * A pattern that starts with `%` can only match a value holding its first literal: that
 * literal is searched for across the whole chunk at once (Buffer.indexOf, native), and
 * only the values a hit falls in are matched in full. Values are laid out in row order,
 * so a hit's value is found by walking the offsets forward.
 */
function matchCandidates(u: Utf8Rows, m: LikeBytes, out: Uint8Array): void {
  const { offsets, data } = u;
  const first = m.parts[0]!;
  const all = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const n = offsets.length - 1;
  const end = offsets[n]!;
  let row = 0;
  let from = offsets[0]!;
  while (row < n) {
    const at = all.indexOf(first, from);
    if (at < 0 || at >= end) return;
    while (offsets[row + 1]! <= at) row++;
    out[row] = matches(data, offsets[row]!, offsets[row + 1]!, m) ? 1 : 0;
    from = offsets[++row] ?? end;
  }
}

function matches(data: Uint8Array, start: number, end: number, m: LikeBytes): boolean {
  const { parts, anchoredStart, anchoredEnd } = m;
  if (parts.length === 0) return !anchoredStart || start === end;
  if (anchoredStart && anchoredEnd && parts.length === 1) {
    // No `%` at all: the whole value.
    const whole = parts[0]!;
    return end - start === whole.length && equalAt(data, start, end, whole);
  }
  let from = start;
  let stop = end;
  let first = 0;
  let last = parts.length;
  if (anchoredStart) {
    if (!equalAt(data, start, end, parts[0]!)) return false;
    from = start + parts[0]!.length;
    first = 1;
  }
  if (anchoredEnd) {
    const tail = parts[--last]!;
    stop = end - tail.length;
    // The anchored ends may not overlap: 'ab%ba' does not match 'aba'.
    if (stop < from || !equalAt(data, stop, end, tail)) return false;
  }
  for (let p = first; p < last; p++) {
    const at = indexOf(data, from, stop, parts[p]!);
    if (at < 0) return false;
    from = at + parts[p]!.length;
  }
  return true;
}

function equalAt(data: Uint8Array, at: number, end: number, lit: Uint8Array): boolean {
  if (at + lit.length > end) return false;
  for (let i = 0; i < lit.length; i++) if (data[at + i] !== lit[i]) return false;
  return true;
}

/** The first offset in [from, stop) where `lit` starts and fits before `stop`, or -1. */
function indexOf(data: Uint8Array, from: number, stop: number, lit: Uint8Array): number {
  const first = lit[0]!;
  const last = stop - lit.length;
  for (let at = from; at <= last; at++) {
    if (data[at] !== first) continue;
    let i = 1;
    while (i < lit.length && data[at + i] === lit[i]) i++;
    if (i === lit.length) return at;
  }
  return -1;
}
