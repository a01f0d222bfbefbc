import { LakeError } from '../../common/errors.js';
import { Types, type SqlType } from '../../common/sql-types.js';
import type { Interval, SqlValue } from '../../common/sql-value.js';
import { TIMESTAMP_INFINITY, TIMESTAMP_MINUS_INFINITY } from '../../common/sql-value.js';
import { SqlState } from '../../common/sqlstate.js';
import { MICROS_PER_SECOND } from '../../common/values/calendar.js';
import { formatInterval } from '../../common/values/format-interval.js';
import { localToUtc } from '../../common/values/time-zone.js';
import type { Kernel } from '../kernels/kernel.js';
import { scalarText } from '../kernels/scalar-text.js';
import { zoneByName } from '../kernels/zone-abbreviations.js';
import { fn, sig, type Signature } from './scalar-function.js';

/**
 * timezone(zone, value), what `value AT TIME ZONE zone` means (PostgreSQL docs §9.9.4):
 * a timestamptz becomes the wall-clock timestamp in that zone, a timestamp is read as
 * wall-clock time there and becomes a timestamptz. The zone is text (an abbreviation,
 * an IANA name or a POSIX offset) or an interval (an ISO offset, east positive).
 */
const { text: T, interval: IV, timestamp: TS, timestamptz: TZ } = Types;

function resolve(argTypes: readonly SqlType[]): Signature | null {
  const [zone, value] = argTypes;
  if (argTypes.length !== 2 || !zone || !value) return null;
  const z =
    zone.kind === 'interval' ? IV : ['text', 'varchar', 'unknown'].includes(zone.kind) ? T : null;
  if (z === null) return null;
  // A timestamp stays a timestamp; date and untyped literals take timestamptz, the
  // category's preferred type, as PostgreSQL's resolution does.
  if (value.kind === 'timestamp') return sig([z, TS], TZ);
  if (['timestamptz', 'date', 'unknown', 'text'].includes(value.kind)) return sig([z, TZ], TS);
  return null;
}

const isInfinite = (v: bigint): boolean =>
  v === TIMESTAMP_INFINITY || v === TIMESTAMP_MINUS_INFINITY;

/** An interval zone's offset in microseconds east of Greenwich (no months or days). */
function intervalOffset(v: SqlValue): bigint {
  const iv = v as Interval;
  if (iv.months !== 0 || iv.days !== 0) {
    throw new LakeError(
      SqlState.invalidParameterValue,
      `interval time zone "${formatInterval(iv)}" must not include months or days`,
    );
  }
  return iv.micros;
}

/** The whole column, the zone looked up once per distinct name in a batch. */
const timezone: Kernel = (input) => {
  const [zones = [], values = []] = input.args;
  const byInterval = input.argTypes[0]?.kind === 'interval';
  const toLocal = input.argTypes[1]?.kind === 'timestamptz';
  const out = new Array<SqlValue>(input.rowCount);
  for (let i = 0; i < input.rowCount; i++) {
    const z = zones[i] ?? null;
    const v = values[i] ?? null;
    if (z === null || v === null) {
      out[i] = null;
      continue;
    }
    const micros = v as bigint;
    if (isInfinite(micros)) {
      out[i] = micros;
      continue;
    }
    if (byInterval) {
      const offset = intervalOffset(z);
      out[i] = toLocal ? micros + offset : micros - offset;
      continue;
    }
    const zone = zoneByName(scalarText(z));
    out[i] = toLocal
      ? micros + BigInt(zone.offsetAt(micros)) * MICROS_PER_SECOND
      : localToUtc(zone, micros);
  }
  return out;
};

export const timezoneFunctions = [fn('timezone', resolve, timezone)];
