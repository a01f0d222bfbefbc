import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import { invalidValue } from './setting-validators.js';

/**
 * Validators for the settings whose values have structure of their own
 * (encodings, date styles, time zones, search paths). Each returns PostgreSQL's
 * display form; `current` is the value being replaced, for partial updates.
 */

/** PostgreSQL's encoding names (pg_wchar.h), compared as it does: letters and digits only, any case. */
const pgEncodings = [
  'SQL_ASCII',
  'EUC_JP',
  'EUC_CN',
  'EUC_KR',
  'EUC_TW',
  'EUC_JIS_2004',
  'MULE_INTERNAL',
  'LATIN1',
  'LATIN2',
  'LATIN3',
  'LATIN4',
  'LATIN5',
  'LATIN6',
  'LATIN7',
  'LATIN8',
  'LATIN9',
  'LATIN10',
  'WIN1256',
  'WIN1258',
  'WIN866',
  'WIN874',
  'KOI8R',
  'WIN1251',
  'WIN1252',
  'ISO_8859_5',
  'ISO_8859_6',
  'ISO_8859_7',
  'ISO_8859_8',
  'WIN1250',
  'WIN1253',
  'WIN1254',
  'WIN1255',
  'WIN1257',
  'KOI8U',
  'SJIS',
  'BIG5',
  'GBK',
  'UHC',
  'GB18030',
  'JOHAB',
  'SHIFT_JIS_2004',
];
const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** lakegate speaks UTF-8 only; other encodings PostgreSQL knows are "not supported" (0A000). */
export function clientEncoding(value: string, name: string): string {
  const v = squash(value);
  if (v === 'utf8' || v === 'unicode') return 'UTF8';
  const known = pgEncodings.find((e) => squash(e) === v);
  if (known !== undefined) {
    throw new LakeError(
      SqlState.featureNotSupported,
      `conversion between ${known} and UTF8 is not supported`,
      { hint: 'lakegate speaks UTF8 only; set the client encoding to UTF8.' },
    );
  }
  throw invalidValue(name, value);
}

/**
 * DateStyle is "output style, field order" (PostgreSQL docs §20.11.2). We print ISO
 * only, so other output styles are refused with a hint; the order (MDY/DMY/YMD,
 * and their synonyms) is kept because it governs how ambiguous input is read.
 */
export function dateStyle(value: string, name: string, current: string): string {
  let order = /,\s*(\w+)$/.exec(current)?.[1] ?? 'MDY';
  let sawStyle = false;
  for (const raw of value.split(/[\s,]+/).filter((t) => t !== '')) {
    const t = raw.toUpperCase();
    if (t === 'ISO') sawStyle = true;
    else if (t === 'YMD') order = 'YMD';
    else if (t === 'DMY' || t === 'EURO' || t === 'EUROPEAN') order = 'DMY';
    else if (t === 'MDY' || t === 'US' || t === 'NONEURO' || t === 'NONEUROPEAN') order = 'MDY';
    else if (t === 'SQL' || t === 'POSTGRES' || t === 'GERMAN') {
      throw new LakeError(SqlState.featureNotSupported, `DateStyle "${raw}" is not supported`, {
        hint: 'lakegate prints dates in ISO style only; use "ISO, MDY", "ISO, DMY" or "ISO, YMD".',
      });
    } else if (t !== 'DEFAULT') {
      throw invalidValue(name, value, `Unrecognized key word: "${raw}".`);
    }
  }
  void sawStyle;
  return `ISO, ${order}`;
}

const fixedOffset = /^([+-])?(\d{1,2})(?::(\d{2}))?$/;

/**
 * TimeZone accepts IANA zone names (checked against the runtime's tz database
 * through Intl) and fixed offsets. A bare number of hours is a POSIX offset,
 * shown as PostgreSQL does: SET TIME ZONE -3 displays "<-03>+03".
 */
export function timeZone(value: string, name: string): string {
  const v = value.trim();
  const m = fixedOffset.exec(v);
  if (m) {
    const hours = Number(m[2]);
    if (hours > 15) throw invalidValue(name, value);
    if (m[1] === undefined || m[3] === undefined) {
      const sign = m[1] === '-' ? '-' : '+';
      const hh = String(hours).padStart(2, '0');
      const posix = hours === 0 ? '0' : `${sign === '-' ? '+' : '-'}${hours}`;
      return `<${sign}${hh}>${posix}`;
    }
    return v;
  }
  if (v.toUpperCase() === 'UTC' || v.toUpperCase() === 'GMT' || v.toUpperCase() === 'Z') {
    return v.toUpperCase() === 'Z' ? 'UTC' : v.toUpperCase();
  }
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: v }).resolvedOptions().timeZone;
  } catch {
    throw invalidValue(name, value);
  }
}

/** search_path elements are identifiers; quote the ones PostgreSQL would quote. */
export function quoteSchemaName(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** Splits a search_path value into schema names ("$user" kept as such). */
export function splitSearchPath(value: string): string[] {
  const out: string[] = [];
  const re = /\s*(?:"((?:[^"]|"")*)"|([^,\s]+))\s*(?:,|$)/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < value.length && (m = re.exec(value)) !== null) {
    out.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] ?? '').toLowerCase());
    if (m[0] === '') break;
  }
  return out;
}
