import { Types } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import type { EvalContext } from '../eval-context.js';
import { strict, type Kernel, type KernelInput } from '../kernels/kernel.js';
import { fn, overloads, sig, type ScalarFunction } from './scalar-function.js';
import { scalarText } from '../kernels/scalar-text.js';

/**
 * Session information and administration functions (PostgreSQL docs §9.26, §9.27)
 * answered from the session through EvalContext.session.
 */
const { text, int4, bool, float8, timestamptz, date } = Types;
const MICROS_PER_DAY = 86_400_000_000n;

const fill = (input: KernelInput, v: SqlValue): SqlValue[] =>
  new Array<SqlValue>(input.rowCount).fill(v);

function constant(
  name: string,
  returns: typeof text,
  value: (ctx: EvalContext) => SqlValue,
): ScalarFunction {
  return fn(name, overloads(sig([], returns)), (input) => fill(input, value(input.ctx)));
}

const nowMicros = (): bigint => BigInt(Date.now()) * 1000n;

/** pg_sleep: waits, waking early with 57014 when the statement is canceled or times out. */
const sleepKernel: Kernel = async (input) => {
  for (const v of input.args[0] ?? []) {
    if (v === null) continue;
    const ms = Math.max(0, Number(v) * 1000);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        input.ctx.signal.removeEventListener('abort', done);
        resolve();
      }
      input.ctx.signal.addEventListener('abort', done, { once: true });
    });
    input.ctx.checkCanceled();
  }
  // void's text output is the empty string.
  return fill(input, '');
};

const statementDate = (ctx: EvalContext): SqlValue => {
  // current_date is the date in the session's time zone; the UTC date for UTC sessions.
  const local =
    BigInt(Math.round(zoneOffsetSeconds(ctx.timeZone, ctx.statementStartMicros))) * 1_000_000n;
  const micros = ctx.statementStartMicros + local;
  return Number(
    (micros - (((micros % MICROS_PER_DAY) + MICROS_PER_DAY) % MICROS_PER_DAY)) / MICROS_PER_DAY,
  );
};

function zoneOffsetSeconds(zone: string, micros: bigint): number {
  try {
    const d = new Date(Number(micros / 1000n));
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(d)
      .find((p) => p.type === 'timeZoneName')?.value;
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(parts ?? '');
    if (!m) return 0;
    return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60);
  } catch {
    return 0;
  }
}

export const sessionFunctions: readonly ScalarFunction[] = [
  constant('version', text, (c) => c.session.version),
  constant('current_database', text, (c) => c.session.database),
  constant('current_catalog', text, (c) => c.session.database),
  constant('current_schema', text, (c) => c.session.currentSchema()),
  constant('current_user', text, (c) => c.session.user),
  constant('session_user', text, (c) => c.session.user),
  constant('user', text, (c) => c.session.user),
  constant('pg_backend_pid', int4, (c) => c.session.backendPid),
  constant('now', timestamptz, (c) => c.statementStartMicros),
  constant('current_timestamp', timestamptz, (c) => c.statementStartMicros),
  constant('transaction_timestamp', timestamptz, (c) => c.statementStartMicros),
  constant('statement_timestamp', timestamptz, (c) => c.statementStartMicros),
  constant('clock_timestamp', timestamptz, () => nowMicros()),
  constant('current_date', date, statementDate),
  fn('pg_sleep', overloads(sig([float8], text)), sleepKernel),
  fn('pg_cancel_backend', overloads(sig([int4], bool)), (input) =>
    strict(([pid]) => input.ctx.session.cancelBackend(Number(pid)))(input),
  ),
  fn('set_config', overloads(sig([text, text, bool], text)), (input) =>
    strict(([name, value, local]) =>
      input.ctx.session.setConfig(scalarText(name), scalarText(value), local === true),
    )(input),
  ),
  fn('current_setting', overloads(sig([text], text), sig([text, bool], text)), (input) => {
    const [names = [], missing = []] = input.args;
    return names.map((name, i) => {
      if (name === null) return null;
      return input.ctx.session.currentSetting(scalarText(name), missing[i] === true);
    });
  }),
];
