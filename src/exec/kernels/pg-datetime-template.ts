import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import { formatOffset } from '../../common/values/format-datetime.js';
import { DAY_NAMES, isoWeek, MONTH_NAMES, type LocalParts } from './datetime-parts.js';
import type { ParsedDateTime } from './java-datetime-pattern.js';

/**
 * PostgreSQL's date/time template patterns (docs §9.8, Table 9.26/9.27) for to_char,
 * to_timestamp and to_date: the common fields (years, months, days, hours, minutes,
 * seconds, fractions, meridiem, names, ISO weeks, quarter, time zone), the FM prefix,
 * TH/th suffixes and "quoted text". Anything else is copied.
 */
type Node =
  | { readonly literal: string }
  | { readonly key: string; readonly fm: boolean; readonly th: 'TH' | 'th' | null };

// Longest first, so HH24 wins over HH and MONTH over MON and MM.
const KEYS = [
  'Y,YYY',
  'YYYY',
  'YYY',
  'YY',
  'Y',
  'IYYY',
  'IYY',
  'IY',
  'I',
  'HH24',
  'HH12',
  'HH',
  'MI',
  'SSSSS',
  'SSSS',
  'SS',
  'MS',
  'US',
  'FF1',
  'FF2',
  'FF3',
  'FF4',
  'FF5',
  'FF6',
  'A.M.',
  'P.M.',
  'a.m.',
  'p.m.',
  'AM',
  'PM',
  'am',
  'pm',
  'B.C.',
  'A.D.',
  'BC',
  'AD',
  'MONTH',
  'Month',
  'month',
  'MON',
  'Mon',
  'mon',
  'MM',
  'DAY',
  'Day',
  'day',
  'DY',
  'Dy',
  'dy',
  'DDD',
  'IDDD',
  'DD',
  'ID',
  'D',
  'WW',
  'IW',
  'W',
  'CC',
  'J',
  'Q',
  'TZH',
  'TZM',
  'TZ',
  'tz',
  'OF',
].sort((a, b) => b.length - a.length);

const cache = new Map<string, readonly Node[]>();

export function compilePgTemplate(fmt: string): readonly Node[] {
  let nodes = cache.get(fmt);
  if (nodes) return nodes;
  const out: Node[] = [];
  for (let i = 0; i < fmt.length;) {
    if (fmt[i] === '"') {
      const close = fmt.indexOf('"', i + 1);
      out.push({ literal: fmt.slice(i + 1, close < 0 ? fmt.length : close) });
      i = close < 0 ? fmt.length : close + 1;
      continue;
    }
    const fm = fmt.startsWith('FM', i) || fmt.startsWith('fm', i);
    const at = fm ? i + 2 : i;
    const upper = fmt.slice(at).toUpperCase();
    const key = KEYS.find(
      (k) =>
        fmt.startsWith(k, at) ||
        (!/[a-z]/.test(k) &&
          /^[A-Z]/.test(k) &&
          k.length > 1 &&
          upper.startsWith(k) &&
          !/^(MONTH|MON|DAY|DY|AM|PM|A\.M\.|P\.M\.|TZ)$/.test(k)),
    );
    if (key === undefined) {
      out.push({ literal: fmt[i] ?? '' });
      i++;
      continue;
    }
    let end = at + key.length;
    const thText = fmt.slice(end, end + 2);
    const th = thText === 'TH' || thText === 'th' ? thText : null;
    if (th) end += 2;
    out.push({ key: fmt.startsWith(key, at) ? key : key, fm, th });
    i = end;
  }
  nodes = out;
  if (cache.size > 256) cache.clear();
  cache.set(fmt, nodes);
  return nodes;
}

function ordinal(n: number, upper: boolean): string {
  const t = n % 100;
  const s = t >= 11 && t <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return upper ? s.toUpperCase() : s;
}

function cased(name: string, key: string): string {
  if (key === key.toUpperCase()) return name.toUpperCase();
  if (key === key.toLowerCase()) return name.toLowerCase();
  return name;
}

/** The numeric value and zero-pad width of a field, or its text for name fields. */
function value(p: LocalParts, key: string, zone: string): [number, number] | string {
  const iso = isoWeek(p.days);
  const h12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  const upperKey = key.toUpperCase();
  switch (upperKey) {
    case 'YYYY':
      return [p.year, 4];
    case 'Y,YYY':
      return `${Math.floor(p.year / 1000)},${String(p.year % 1000).padStart(3, '0')}`;
    case 'YYY':
      return [p.year % 1000, 3];
    case 'YY':
      return [p.year % 100, 2];
    case 'Y':
      return [p.year % 10, 1];
    case 'IYYY':
      return [iso.year, 4];
    case 'IYY':
      return [iso.year % 1000, 3];
    case 'IY':
      return [iso.year % 100, 2];
    case 'I':
      return [iso.year % 10, 1];
    case 'HH24':
      return [p.hour, 2];
    case 'HH':
    case 'HH12':
      return [h12, 2];
    case 'MI':
      return [p.minute, 2];
    case 'SS':
      return [p.second, 2];
    case 'SSSS':
    case 'SSSSS':
      return [p.hour * 3600 + p.minute * 60 + p.second, 0];
    case 'MS':
      return [Math.floor(p.micros / 1000), 3];
    case 'US':
      return [p.micros, 6];
    case 'MM':
      return [p.month, 2];
    case 'DD':
      return [p.day, 2];
    case 'DDD':
      return [p.doy, 3];
    case 'IDDD':
      return [(iso.week - 1) * 7 + ((p.dow + 6) % 7) + 1, 3];
    case 'D':
      return [p.dow + 1, 1];
    case 'ID':
      return [p.dow === 0 ? 7 : p.dow, 1];
    case 'W':
      return [Math.floor((p.day - 1) / 7) + 1, 1];
    case 'WW':
      return [Math.floor((p.doy - 1) / 7) + 1, 2];
    case 'IW':
      return [iso.week, 2];
    case 'CC':
      return [p.year > 0 ? Math.floor((p.year + 99) / 100) : -Math.floor((100 - p.year) / 100), 2];
    case 'J':
      return [p.days + 2440588, 0];
    case 'Q':
      return [Math.ceil(p.month / 3), 1];
    case 'TZH':
      return `${p.offset < 0 ? '-' : '+'}${String(Math.floor(Math.abs(p.offset) / 3600)).padStart(2, '0')}`;
    case 'TZM':
      return String(Math.floor(Math.abs(p.offset) / 60) % 60).padStart(2, '0');
    case 'OF':
      return formatOffset(p.offset);
    default:
      return name(p, key, zone);
  }
}

function name(p: LocalParts, key: string, zone: string): string {
  const month = MONTH_NAMES[p.month - 1] ?? '';
  const day = DAY_NAMES[p.dow] ?? '';
  const up = key.toUpperCase();
  if (up === 'MONTH') return cased(month, key);
  if (up === 'MON') return cased(month.slice(0, 3), key);
  if (up === 'DAY') return cased(day, key);
  if (up === 'DY') return cased(day.slice(0, 3), key);
  if (up === 'AM' || up === 'PM') return cased(p.hour < 12 ? 'am' : 'pm', key);
  if (up === 'A.M.' || up === 'P.M.') return cased(p.hour < 12 ? 'a.m.' : 'p.m.', key);
  if (up === 'BC' || up === 'AD') return cased(p.year > 0 ? 'ad' : 'bc', key);
  if (up === 'B.C.' || up === 'A.D.') return cased(p.year > 0 ? 'a.d.' : 'b.c.', key);
  if (up === 'TZ') return cased(zone, key);
  if (up.startsWith('FF'))
    return String(p.micros)
      .padStart(6, '0')
      .slice(0, Number(up.slice(2)));
  return key;
}

export function formatPg(p: LocalParts, nodes: readonly Node[], zone: string): string {
  let s = '';
  for (const n of nodes) {
    if ('literal' in n) {
      s += n.literal;
      continue;
    }
    const v = value(p, n.key, zone);
    if (typeof v === 'string') {
      // Month and day names are blank-padded to 9 characters unless FM.
      const padded = !n.fm && /^(MONTH|DAY)$/i.test(n.key) ? v.padEnd(9, ' ') : v;
      s += padded;
      continue;
    }
    const [num, width] = v;
    s += n.fm
      ? String(num)
      : String(Math.abs(num))
          .padStart(width, '0')
          .replace(/^/, num < 0 ? '-' : '');
    if (n.th) s += ordinal(num, n.th === 'TH');
  }
  return s;
}

function badValue(text: string, key: string): LakeError {
  return new LakeError(SqlState.invalidDatetimeFormat, `invalid value "${text}" for "${key}"`);
}

/** Reads one field's digits (at most `max`, all when the field is last or next is a separator). */
function readNumber(text: string, at: number, key: string, max: number): [number, number] {
  let i = at;
  while (text[i] === ' ') i++;
  const sign = text[i] === '-' || text[i] === '+' ? 1 : 0;
  let j = i + sign;
  while (j < text.length && j - i - sign < max && /[0-9]/.test(text[j] ?? '')) j++;
  if (j === i + sign) throw badValue(text.slice(i, i + Math.max(max, 2)) || text.slice(i), key);
  return [Number(text.slice(i, j)), j];
}

const WIDTHS: Record<string, number> = {
  YYYY: 9,
  YYY: 3,
  YY: 2,
  Y: 1,
  IYYY: 4,
  HH24: 2,
  HH12: 2,
  HH: 2,
  MI: 2,
  SS: 2,
  MS: 3,
  US: 6,
  MM: 2,
  DD: 2,
  DDD: 3,
  D: 1,
  ID: 1,
  Q: 1,
  CC: 2,
  J: 9,
  WW: 2,
  IW: 2,
  W: 1,
  SSSS: 5,
  SSSSS: 5,
  FF1: 1,
  FF2: 2,
  FF3: 3,
  FF4: 4,
  FF5: 5,
  FF6: 6,
};

function assignNumber(r: ParsedDateTime, key: string, n: number, digits: number): void {
  switch (key) {
    case 'YYYY':
    case 'Y,YYY':
      r.year = n;
      break;
    case 'YYY':
      r.year = digits <= 3 && n < 100 ? 2000 + n : n < 1000 ? 1000 + n + (n < 100 ? 1000 : 0) : n;
      break;
    case 'YY':
      r.year = n < 70 ? 2000 + n : 1900 + n;
      break;
    case 'Y':
      r.year = 2000 + n;
      break;
    case 'HH24':
      r.hour = n;
      break;
    case 'HH':
    case 'HH12':
      if (n < 1 || n > 12)
        throw new LakeError(
          SqlState.invalidDatetimeFormat,
          `hour "${n}" is invalid for the 12-hour clock`,
          { hint: 'Use the 24-hour clock, or give an hour between 1 and 12.' },
        );
      r.hour = n % 12;
      break;
    case 'MI':
      r.minute = n;
      break;
    case 'SS':
      r.second = n;
      break;
    case 'MS':
      r.micros = n * 1000 * 10 ** (3 - digits);
      break;
    case 'US':
      r.micros = n * 10 ** (6 - digits);
      break;
    case 'MM':
      r.month = n;
      break;
    case 'DD':
      r.day = n;
      break;
    default:
      if (key.startsWith('FF')) r.micros = n * 10 ** (6 - digits);
  }
}

/** to_timestamp/to_date parsing: fields in order, separators and spaces skipped leniently. */
export function parsePg(text: string, nodes: readonly Node[]): ParsedDateTime {
  const r: ParsedDateTime = {
    year: 1,
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
    second: 0,
    micros: 0,
    pm: null,
    offset: null,
  };
  let at = 0;
  for (let k = 0; k < nodes.length; k++) {
    const n = nodes[k] as Node;
    if ('literal' in n) {
      if (n.literal === ' ') while (text[at] === ' ') at++;
      else if (at < text.length && !/[0-9A-Za-z]/.test(text[at] ?? '')) at += n.literal.length;
      continue;
    }
    while (text[at] === ' ') at++;
    const key = n.key.toUpperCase();
    const width = WIDTHS[key];
    if (width !== undefined) {
      // YYYY takes every digit unless another number follows with no separator (YYYYMMDD).
      const next = nodes[k + 1];
      const packed =
        next !== undefined && 'key' in next && WIDTHS[next.key.toUpperCase()] !== undefined;
      const max = key === 'YYYY' && packed ? 4 : n.fm ? 9 : width;
      const [num, end] = readNumber(text, at, n.key, max);
      assignNumber(r, key, num, end - at);
      at = end;
      if (n.th) at += 2;
      continue;
    }
    at = readName(text, at, n.key, r);
  }
  if (r.pm !== null) r.hour = (r.hour % 12) + (r.pm ? 12 : 0);
  return r;
}

function readName(text: string, at: number, key: string, r: ParsedDateTime): number {
  const up = key.toUpperCase();
  const rest = text.slice(at).toLowerCase();
  if (up === 'MONTH' || up === 'MON') {
    const i = MONTH_NAMES.findIndex((m) =>
      rest.startsWith(up === 'MON' ? m.slice(0, 3).toLowerCase() : m.toLowerCase()),
    );
    if (i < 0) throw badValue(text.slice(at), key);
    r.month = i + 1;
    return at + (up === 'MON' ? 3 : (MONTH_NAMES[i] ?? '').length);
  }
  if (up === 'DAY' || up === 'DY') {
    const i = DAY_NAMES.findIndex((d) =>
      rest.startsWith(up === 'DY' ? d.slice(0, 3).toLowerCase() : d.toLowerCase()),
    );
    if (i < 0) throw badValue(text.slice(at), key);
    return at + (up === 'DY' ? 3 : (DAY_NAMES[i] ?? '').length);
  }
  if (up === 'AM' || up === 'PM' || up === 'A.M.' || up === 'P.M.') {
    const dotted = up.length === 4;
    const m = dotted ? /^([ap])\.m\./.exec(rest) : /^([ap])m/.exec(rest);
    if (!m) throw badValue(text.slice(at), key);
    r.pm = m[1] === 'p';
    return at + (dotted ? 4 : 2);
  }
  if (up === 'TZH' || up === 'OF' || up === 'TZ') {
    const m = /^([+-])(\d{1,2})(?::?(\d{2}))?/.exec(rest);
    if (m) {
      r.offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60);
      return at + m[0].length;
    }
    return at;
  }
  return at + key.length;
}
