import { LakeError } from '../errors.js';
import { SqlState } from '../sqlstate.js';
import { daysFromCivil, floorDivMod, MICROS_PER_SECOND } from './calendar.js';

/** A session time zone: the UTC offset (seconds east of Greenwich) in effect at an instant. */
export interface TimeZone {
  readonly name: string;
  offsetAt(utcMicros: bigint): number;
}

const UTC_NAMES = new Set(['utc', 'gmt', 'z', 'zulu', 'etc/utc', 'etc/gmt', 'universal']);
/**
 * POSIX-style zone specs (PostgreSQL docs Appendix B.5): an optional abbreviation and an
 * offset whose sign is POSIX's, positive *west* of Greenwich, so '+02:00' and 'UTC+2' mean UTC-2.
 */
const POSIX_OFFSET = /^([a-z]{3,})?([+-]?)(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?$/i;
// Date's range is ±8.64e15 ms; PostgreSQL timestamps reach beyond it, offsets there are the edge's.
const MAX_DATE_MS = 8.64e15;
const BUCKET_SECONDS = 900n;

const zoneCache = new Map<string, TimeZone>();

/**
 * Resolves a TimeZone setting: 'UTC'/'GMT', an IANA name (via Intl), or a POSIX fixed offset.
 * Throws 22023 `time zone "x" not recognized` like PostgreSQL's AT TIME ZONE.
 */
export function resolveTimeZone(name: string): TimeZone {
  const cached = zoneCache.get(name);
  if (cached) return cached;
  const zone = makeZone(name.trim());
  zoneCache.set(name, zone);
  return zone;
}

function makeZone(name: string): TimeZone {
  if (UTC_NAMES.has(name.toLowerCase())) return fixedZone(name, 0);
  const m = POSIX_OFFSET.exec(name);
  if (m) {
    const seconds = Number(m[3]) * 3600 + Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0);
    return fixedZone(name, m[2] === '-' ? seconds : -seconds);
  }
  return intlZone(name);
}

function fixedZone(name: string, offset: number): TimeZone {
  return { name, offsetAt: () => offset };
}

function intlZone(name: string): TimeZone {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new LakeError(SqlState.invalidParameterValue, `time zone "${name}" not recognized`);
  }
  const exact = (utcSeconds: bigint): number => intlOffset(format, utcSeconds);
  const buckets = new Map<bigint, number>();
  return {
    name,
    offsetAt(utcMicros: bigint): number {
      const seconds = floorDivMod(utcMicros, MICROS_PER_SECOND)[0];
      const bucket = floorDivMod(seconds, BUCKET_SECONDS)[0];
      const hit = buckets.get(bucket);
      if (hit !== undefined) return hit;
      // Cache a 15-minute bucket only when no transition falls inside it.
      const start = exact(bucket * BUCKET_SECONDS);
      if (start !== exact(bucket * BUCKET_SECONDS + BUCKET_SECONDS - 1n)) return exact(seconds);
      if (buckets.size > 50_000) buckets.clear();
      buckets.set(bucket, start);
      return start;
    },
  };
}

function intlOffset(format: Intl.DateTimeFormat, utcSeconds: bigint): number {
  const ms = Math.min(Math.max(Number(utcSeconds) * 1000, -MAX_DATE_MS), MAX_DATE_MS);
  const parts: Record<string, string> = {};
  for (const p of format.formatToParts(new Date(ms))) parts[p.type] = p.value;
  const yearOfEra = Number(parts['year']);
  const year = parts['era'] === 'BC' || parts['era'] === 'B' ? 1 - yearOfEra : yearOfEra;
  const days = daysFromCivil(year, Number(parts['month']), Number(parts['day']));
  const local =
    days * 86400 +
    Number(parts['hour']) * 3600 +
    Number(parts['minute']) * 60 +
    Number(parts['second']);
  return local - ms / 1000;
}

/**
 * The UTC instant of a local wall-clock time in a zone. Like PostgreSQL's
 * DetermineTimeZoneOffset: a time in a spring-forward gap takes the offset before the
 * transition, an ambiguous time takes the offset after it.
 */
export function localToUtc(zone: TimeZone, localMicros: bigint): bigint {
  const day = 86_400n * MICROS_PER_SECOND;
  const before = BigInt(zone.offsetAt(localMicros - day)) * MICROS_PER_SECOND;
  const after = BigInt(zone.offsetAt(localMicros + day)) * MICROS_PER_SECOND;
  if (before === after) return localMicros - before;
  const utcAfter = localMicros - after;
  if (BigInt(zone.offsetAt(utcAfter)) * MICROS_PER_SECOND === after) return utcAfter;
  return localMicros - before;
}
