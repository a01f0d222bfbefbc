import { LakeError } from '../../common/errors.js';
import { Types, type SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { SqlState } from '../../common/sqlstate.js';
import { outputFunction } from '../kernels/cast.js';
import type { Kernel, KernelInput } from '../kernels/kernel.js';
import { quoteIdent, quoteLiteral } from '../kernels/quote-sql.js';
import { scalarText } from '../kernels/scalar-text.js';
import { fn, type ScalarFunction, type Signature } from './scalar-function.js';

/**
 * format(fmt, args...) (PostgreSQL docs §9.4.1, varlena.c text_format):
 * `%[n$][-][width]type` with types s (text; NULL is empty), I (quote_ident; NULL is an
 * error) and L (quote_literal; NULL is the word NULL), `%%`, and widths given as digits,
 * `*` or `*n$` (a negative width left-justifies). Arguments print through their type's
 * output function. Also quote_literal and quote_nullable over any type.
 */
const { text: T } = Types;

/** Any argument types; untyped literals are text. */
function anyArgs(min: number, returns: SqlType) {
  return (argTypes: readonly SqlType[]): Signature | null =>
    argTypes.length < min
      ? null
      : { args: argTypes.map((t, i) => (t.kind === 'unknown' || i === 0 ? T : t)), returns };
}

const badFormat = (message: string, hint?: string): LakeError =>
  new LakeError(SqlState.invalidParameterValue, message, hint === undefined ? {} : { hint });
const SINGLE_PERCENT = 'For a single "%" use "%%".';

/** The state of one row's formatting: its argument texts (null for SQL NULL). */
interface Row {
  readonly args: readonly (string | null)[];
  readonly values: readonly SqlValue[];
}

/** Reads digits at `at`; [value, next index] or null when there are none. */
function digits(fmt: string, at: number): [number, number] | null {
  let i = at;
  let n = 0;
  while (i < fmt.length && fmt.charCodeAt(i) >= 48 && fmt.charCodeAt(i) <= 57) {
    n = n * 10 + fmt.charCodeAt(i) - 48;
    if (n > 0x7fffffff)
      throw new LakeError(SqlState.numericValueOutOfRange, 'number is out of range');
    i++;
  }
  return i === at ? null : [n, i];
}

function position(n: number): number {
  if (n === 0) throw badFormat('format specifies argument 0, but arguments are numbered from 1');
  return n;
}

function argAt(row: Row, n: number): number {
  if (n > row.args.length) throw badFormat('too few arguments for format()');
  return n - 1;
}

const end = (fmt: string, i: number): void => {
  if (i >= fmt.length) throw badFormat('unterminated format() type specifier', SINGLE_PERCENT);
};

/** Formats one row; `next` is the last argument used (1-based), as PostgreSQL counts. */
function formatRow(fmt: string, row: Row): string {
  let out = '';
  let next = 0;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '%') {
      out += c;
      continue;
    }
    i++;
    end(fmt, i);
    if (fmt[i] === '%') {
      out += '%';
      continue;
    }
    let argPos = 0;
    let width = 0;
    let left = false;
    const lead = digits(fmt, i);
    if (lead) {
      end(fmt, lead[1]);
      if (fmt[lead[1]] === '$') {
        argPos = position(lead[0]);
        i = lead[1] + 1;
      } else {
        width = lead[0];
        i = lead[1];
      }
      end(fmt, i);
    }
    if (!lead || argPos > 0) {
      while (fmt[i] === '-') {
        left = true;
        i++;
        end(fmt, i);
      }
      if (fmt[i] === '*') {
        i++;
        end(fmt, i);
        const wp = digits(fmt, i);
        let widthArg: number;
        if (wp) {
          end(fmt, wp[1]);
          if (fmt[wp[1]] !== '$') throw badFormat('width argument position must be ended by "$"');
          widthArg = position(wp[0]);
          i = wp[1] + 1;
          end(fmt, i);
        } else widthArg = next + 1;
        next = widthArg;
        const w = row.values[argAt(row, widthArg)] ?? null;
        width = w === null ? 0 : Number(w);
        if (width < 0) {
          left = true;
          width = -width;
        }
      } else {
        const wd = digits(fmt, i);
        if (wd) {
          width = wd[0];
          i = wd[1];
          end(fmt, i);
        }
      }
    }
    const type = fmt[i] ?? '';
    if (type !== 's' && type !== 'I' && type !== 'L') {
      throw badFormat(`unrecognized format() type specifier "${type}"`, SINGLE_PERCENT);
    }
    next = argPos > 0 ? argPos : next + 1;
    const text = row.args[argAt(row, next)] ?? null;
    out += pad(convert(type, text), width, left);
  }
  return out;
}

function convert(type: string, text: string | null): string {
  if (type === 's') return text ?? '';
  if (type === 'L') return text === null ? 'NULL' : quoteLiteral(text);
  if (text === null) {
    throw new LakeError(
      SqlState.nullValueNotAllowed,
      'null values cannot be formatted as an SQL identifier',
    );
  }
  return quoteIdent(text);
}

function pad(s: string, width: number, left: boolean): string {
  if (width === 0) return s;
  const len = [...s].length;
  if (len >= width) return s;
  const fill = ' '.repeat(width - len);
  return left ? s + fill : fill + s;
}

const format: Kernel = (input: KernelInput) => {
  const [fmts = [], ...cols] = input.args;
  const toText = input.argTypes.slice(1).map((t) => outputFunction(t, input.ctx));
  const out = new Array<SqlValue>(input.rowCount);
  for (let r = 0; r < input.rowCount; r++) {
    const f = fmts[r] ?? null;
    if (f === null) {
      out[r] = null;
      continue;
    }
    const values = cols.map((c) => c[r] ?? null);
    const args = values.map((v, a) => (v === null ? null : scalarText(toText[a]?.(v))));
    out[r] = formatRow(scalarText(f), { args, values });
  }
  return out;
};

/** quote_literal(any) is strict; quote_nullable(any) prints NULL for NULL. */
function quoting(nullable: boolean): Kernel {
  return (input) => {
    const toText = outputFunction(input.argTypes[0] ?? T, input.ctx);
    const out = new Array<SqlValue>(input.rowCount);
    const col = input.args[0] ?? [];
    for (let r = 0; r < input.rowCount; r++) {
      const v = col[r] ?? null;
      out[r] = v === null ? (nullable ? 'NULL' : null) : quoteLiteral(scalarText(toText(v)));
    }
    return out;
  };
}

const oneArg = (argTypes: readonly SqlType[]): Signature | null =>
  argTypes.length === 1 ? anyArgs(1, T)(argTypes) : null;

export const formatFunctions: readonly ScalarFunction[] = [
  fn('format', anyArgs(1, T), format),
  fn('quote_literal', oneArg, quoting(false)),
  fn('quote_nullable', oneArg, quoting(true)),
];
