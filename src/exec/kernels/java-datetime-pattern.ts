import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import { formatOffset } from '../../common/values/format-datetime.js';
import { DAY_NAMES, MONTH_NAMES, type LocalParts } from './datetime-parts.js';

/**
 * Spark's datetime patterns (java.time.format.DateTimeFormatter letters, Spark 3
 * "Datetime Patterns" page): y u M L d D E a H k K h m s S Q z Z X x, quoted 'text' and
 * '' for a quote. Used by date_format, from_unixtime, unix_timestamp and the Java form
 * of to_date/to_timestamp. A pattern compiles once to tokens.
 */
type Token = { readonly letter: string; readonly count: number } | { readonly literal: string };

const LETTERS = new Set([...'GyuMLdDEeaHkKhmsSQqzZXxVOn']);
const cache = new Map<string, readonly Token[]>();

function invalidPattern(pattern: string, c: string): LakeError {
  return new LakeError(
    SqlState.invalidParameterValue,
    `invalid datetime pattern "${pattern}": unknown letter '${c}'`,
  );
}

export function compileJavaPattern(pattern: string): readonly Token[] {
  let tokens = cache.get(pattern);
  if (tokens) return tokens;
  const out: Token[] = [];
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i] ?? '';
    if (c === "'") {
      const close = pattern.indexOf("'", i + 1);
      const body = close < 0 ? pattern.slice(i + 1) : pattern.slice(i + 1, close);
      out.push({ literal: close === i + 1 ? "'" : body });
      i = close < 0 ? pattern.length : close + 1;
    } else if (/[a-zA-Z]/.test(c)) {
      if (!LETTERS.has(c)) throw invalidPattern(pattern, c);
      let n = 1;
      while (pattern[i + n] === c) n++;
      out.push({ letter: c, count: n });
      i += n;
    } else {
      out.push({ literal: c });
      i++;
    }
  }
  tokens = out;
  if (cache.size > 256) cache.clear();
  cache.set(pattern, tokens);
  return tokens;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

function offsetText(seconds: number, letter: string, count: number): string {
  if (letter === 'X' && seconds === 0) return 'Z';
  const sign = seconds < 0 ? '-' : '+';
  const a = Math.abs(seconds);
  const hh = pad(Math.floor(a / 3600), 2);
  const mm = pad(Math.floor(a / 60) % 60, 2);
  if (letter === 'Z') return count === 5 ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
  if (count === 1) return mm === '00' ? `${sign}${hh}` : `${sign}${hh}${mm}`;
  return count === 2 || count === 4 ? `${sign}${hh}${mm}` : `${sign}${hh}:${mm}`;
}

function field(p: LocalParts, letter: string, count: number, zone: string): string {
  const h12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  switch (letter) {
    case 'y':
    case 'u':
      return count === 2 ? pad(((p.year % 100) + 100) % 100, 2) : pad(p.year, count);
    case 'M':
    case 'L':
      if (count >= 4) return MONTH_NAMES[p.month - 1] ?? '';
      if (count === 3) return (MONTH_NAMES[p.month - 1] ?? '').slice(0, 3);
      return pad(p.month, count);
    case 'd':
      return pad(p.day, count);
    case 'D':
      return pad(p.doy, count);
    case 'E':
      return count >= 4 ? (DAY_NAMES[p.dow] ?? '') : (DAY_NAMES[p.dow] ?? '').slice(0, 3);
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(p.hour, count);
    case 'k':
      return pad(p.hour === 0 ? 24 : p.hour, count);
    case 'K':
      return pad(p.hour % 12, count);
    case 'h':
      return pad(h12, count);
    case 'm':
      return pad(p.minute, count);
    case 's':
      return pad(p.second, count);
    case 'S':
      return pad(p.micros, 6).padEnd(count, '0').slice(0, count);
    case 'Q':
    case 'q':
      return pad(Math.ceil(p.month / 3), count);
    case 'G':
      return p.year > 0 ? 'AD' : 'BC';
    case 'z':
    case 'V':
      return zone;
    case 'O':
      return p.offset === 0 ? 'GMT' : `GMT${formatOffset(p.offset)}`;
    default:
      return offsetText(p.offset, letter, count);
  }
}

export function formatJava(p: LocalParts, tokens: readonly Token[], zone: string): string {
  let s = '';
  for (const t of tokens) s += 'literal' in t ? t.literal : field(p, t.letter, t.count, zone);
  return s;
}

/** Fields read from text; absent ones default as Spark's parser does (1970-01-01 00:00:00). */
export interface ParsedDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  micros: number;
  pm: boolean | null;
  /** Seconds east of UTC when the text carried an offset. */
  offset: number | null;
}

const MONTHS_LOWER = MONTH_NAMES.map((m) => m.toLowerCase());

function tokenRegex(t: Token): string {
  if ('literal' in t) return t.literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const n = t.count;
  switch (t.letter) {
    case 'y':
    case 'u':
      return n === 2 ? '([0-9]{2})' : n >= 4 ? '([+-]?[0-9]{4,9})' : '([+-]?[0-9]{1,9})';
    case 'M':
    case 'L':
      return n >= 4
        ? '([A-Za-z]+)'
        : n === 3
          ? '([A-Za-z]{3})'
          : n === 2
            ? '([0-9]{2})'
            : '([0-9]{1,2})';
    case 'E':
      return '([A-Za-z]+)';
    case 'a':
      return '([AaPp][Mm])';
    case 'S':
      return `([0-9]{1,${n}})`;
    case 'z':
    case 'V':
      return '([A-Za-z_/+\\-0-9:]+)';
    case 'Z':
    case 'X':
    case 'x':
    case 'O':
      return '(Z|GMT|[+-][0-9]{2}(?::?[0-9]{2})?)';
    case 'D':
      return `([0-9]{${n},3})`;
    default:
      return n === 1 ? '([0-9]{1,2})' : `([0-9]{${n}})`;
  }
}

const parsers = new Map<string, RegExp>();

function parseOffset(s: string): number {
  if (s === 'Z' || s === 'GMT') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(s);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60);
}

function assign(r: ParsedDateTime, letter: string, v: string): boolean {
  const n = Number(v);
  switch (letter) {
    case 'y':
    case 'u':
      r.year = v.length === 2 ? 2000 + n : n;
      return true;
    case 'M':
    case 'L': {
      if (/^[0-9]+$/.test(v)) r.month = n;
      else {
        const i = MONTHS_LOWER.findIndex(
          (m) => m === v.toLowerCase() || m.slice(0, 3) === v.toLowerCase(),
        );
        if (i < 0) return false;
        r.month = i + 1;
      }
      return true;
    }
    case 'd':
      r.day = n;
      return true;
    case 'H':
    case 'k':
      r.hour = n === 24 && letter === 'k' ? 0 : n;
      return true;
    case 'h':
    case 'K':
      r.hour = n % 12;
      return true;
    case 'm':
      r.minute = n;
      return true;
    case 's':
      r.second = n;
      return true;
    case 'S':
      r.micros = Number(v.padEnd(6, '0').slice(0, 6));
      return true;
    case 'a':
      r.pm = v.toLowerCase() === 'pm';
      return true;
    case 'Z':
    case 'X':
    case 'x':
    case 'O':
      r.offset = parseOffset(v);
      return true;
    default:
      return true; // E, D, Q, G, z: read and not used
  }
}

/** Parses text with a Java pattern, or null when it does not match (Spark's NULL). */
export function parseJava(
  text: string,
  tokens: readonly Token[],
  pattern: string,
): ParsedDateTime | null {
  let re = parsers.get(pattern);
  if (!re) {
    re = new RegExp(`^\\s*${tokens.map(tokenRegex).join('')}\\s*$`);
    parsers.set(pattern, re);
  }
  const m = re.exec(text);
  if (!m) return null;
  const r: ParsedDateTime = {
    year: 1970,
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
    second: 0,
    micros: 0,
    pm: null,
    offset: null,
  };
  let g = 1;
  for (const t of tokens) {
    if ('literal' in t) continue;
    if (!assign(r, t.letter, m[g++] ?? '')) return null;
  }
  if (r.pm !== null) r.hour = (r.hour % 12) + (r.pm ? 12 : 0);
  return r;
}
