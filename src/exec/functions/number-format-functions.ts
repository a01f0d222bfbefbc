import { LakeError } from '../../common/errors.js';
import { Types, type SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { SqlState } from '../../common/sqlstate.js';
import { strict, type Kernel } from '../kernels/kernel.js';
import { numericRound } from '../kernels/numeric-math.js';
import { writeNumber } from '../kernels/pg-number-format.js';
import { readNumber } from '../kernels/pg-number-parse.js';
import { prepareNumber } from '../kernels/pg-number-prepare.js';
import { romanOf, writeRoman } from '../kernels/pg-number-roman.js';
import { compileNumberTemplate } from '../kernels/pg-number-template.js';
import { scalarText } from '../kernels/scalar-text.js';
import { fn, overloads, sig, type ScalarFunction, type Signature } from './scalar-function.js';

/**
 * to_char over numbers and to_number (PostgreSQL docs §9.8, table 9.28). to_char is one
 * registered name for dates and numbers alike: datetime-format-functions.ts asks
 * `numberToCharResolve` first and runs `numberToChar` for the number overloads.
 */
const { text: T, numeric: N } = Types;

/** to_char's number overloads: int4, int8, numeric, float4, float8 (int2 widens to int4). */
export function numberToCharResolve(argTypes: readonly SqlType[]): Signature | null {
  const [v, f] = argTypes;
  if (argTypes.length !== 2 || !v || !f) return null;
  const t =
    v.kind === 'int2' || v.kind === 'int4'
      ? Types.int4
      : ['int8', 'numeric', 'float4', 'float8'].includes(v.kind)
        ? v
        : null;
  return t === null ? null : overloads(sig([t, T], T))(argTypes);
}

export function isNumberToChar(t: SqlType | undefined): boolean {
  return (
    t !== undefined && ['int2', 'int4', 'int8', 'numeric', 'float4', 'float8'].includes(t.kind)
  );
}

export const numberToChar: Kernel = (input) => {
  const type = input.argTypes[0] ?? N();
  return strict(([v, f]) => {
    const fmt = scalarText(f);
    // An empty template gives an empty string (NUM_TOCHAR_prepare).
    if (fmt === '') return '';
    const t = compileNumberTemplate(fmt);
    if (t.roman) return writeRoman(t, romanOf(v as SqlValue, type));
    return writeNumber(t, prepareNumber(t, v as SqlValue, type));
  })(input);
};

/** to_number(text, fmt): an empty template gives NULL, as PostgreSQL's does. */
const toNumber: Kernel = strict(([s, f]) => {
  const fmt = scalarText(f);
  if (fmt === '') return null;
  const t = compileNumberTemplate(fmt);
  const { text, scale } = readNumber(t, scalarText(s));
  const intDigits = text.replace(/^[+-]?0*/, '').split('.')[0]?.length ?? 0;
  if (intDigits > t.pre) {
    throw new LakeError(SqlState.numericValueOutOfRange, 'numeric field overflow', {
      detail: `A field with precision ${t.pre + scale}, scale ${scale} must round to an absolute value less than 10^${t.pre}.`,
    });
  }
  return numericRound(text.startsWith('+') ? text.slice(1) : text, scale);
});

export const numberFormatFunctions: readonly ScalarFunction[] = [
  fn('to_number', overloads(sig([T, T], N())), toNumber),
];
