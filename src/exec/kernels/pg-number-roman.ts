import { LakeError } from '../../common/errors.js';
import type { SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { SqlState } from '../../common/sqlstate.js';
import { numericRound } from './numeric-math.js';
import type { NumTemplate } from './pg-number-template.js';

/**
 * to_char's RN/rn (PostgreSQL 15 formatting.c: int_to_roman and the "Roman correction"
 * of NUM_processor). The value becomes an integer the way each type's to_char does it
 * (numeric: round half away from zero, then numeric_int4, so NaN, infinity and values
 * beyond int4 are errors; int8: int84, 22003 beyond int4; float4/float8: `(int)
 * rint(x)`, ties to even, where anything not finite or beyond int4 ends up out of range)
 * and prints as upper-case Roman numerals; outside 1..3999 it is 15 '#'s. RN writes the
 * numeral right-aligned in 15 characters, FM (anywhere in the template) unpadded, rn
 * in lower case. The correction zeroes the sign and digit counts, so digit, sign, V,
 * PR and TH patterns write nothing, MI and PL write a blank unless FM, and SG writes
 * the sign's NUL, which ends the C string there.
 */
const HUNDREDS = ['C', 'CC', 'CCC', 'CD', 'D', 'DC', 'DCC', 'DCCC', 'CM'];
const TENS = ['X', 'XX', 'XXX', 'XL', 'L', 'LX', 'LXX', 'LXXX', 'XC'];
const ONES = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'];
const OUT_OF_RANGE = '#'.repeat(15);
const INT4_MIN = -2147483648;
const INT4_MAX = 2147483647;

/** int_to_roman: 1..3999 as Roman numerals, anything else 15 '#'s. */
export function romanNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) return OUT_OF_RANGE;
  const at = (digits: readonly string[], d: number): string => (d > 0 ? (digits[d - 1] ?? '') : '');
  return (
    'M'.repeat(Math.floor(n / 1000)) +
    at(HUNDREDS, Math.floor(n / 100) % 10) +
    at(TENS, Math.floor(n / 10) % 10) +
    at(ONES, n % 10)
  );
}

const intOutOfRange = (): LakeError =>
  new LakeError(SqlState.numericValueOutOfRange, 'integer out of range');

/** C's rint: round half to even. */
function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** The Roman numeral of a to_char argument of `type` (upper case). */
export function romanOf(v: SqlValue, type: SqlType): string {
  switch (type.kind) {
    case 'numeric': {
      const text = v as string;
      if (text === 'NaN' || text.endsWith('Infinity')) {
        const what = text === 'NaN' ? 'NaN' : 'infinity';
        throw new LakeError(SqlState.featureNotSupported, `cannot convert ${what} to integer`);
      }
      const n = Number(numericRound(text, 0));
      if (n < INT4_MIN || n > INT4_MAX) throw intOutOfRange();
      return romanNumeral(n);
    }
    case 'float4':
    case 'float8':
      return romanNumeral(rint(v as number));
    default: {
      const n = Number(v);
      if (n < INT4_MIN || n > INT4_MAX) throw intOutOfRange();
      return romanNumeral(n);
    }
  }
}

/** NUM_processor's to_char pass over a template with RN/rn (after the Roman correction). */
export function writeRoman(t: NumTemplate, numeral: string): string {
  const blank = t.fill ? '' : ' ';
  let out = '';
  for (const node of t.nodes) {
    if ('text' in node) {
      out += node.text;
      continue;
    }
    switch (node.key) {
      case 'RN':
      case 'rn': {
        const s = node.key === 'rn' ? numeral.toLowerCase() : numeral;
        out += t.fill ? s : s.padStart(15);
        break;
      }
      case ',':
      case 'G':
      case 'MI':
      case 'PL':
        out += blank;
        break;
      case 'L':
        out += ' ';
        break;
      case 'SG':
        return out;
      default:
        break;
    }
  }
  return out;
}
