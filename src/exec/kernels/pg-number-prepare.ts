import type { SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { parseDecimal } from '../../common/values/decimal-text.js';
import { numericMul, numericRound } from './numeric-math.js';
import type { PreparedNumber } from './pg-number-format.js';
import type { NumTemplate } from './pg-number-template.js';

/**
 * The digits to_char writes for each number type (formatting.c numeric_to_char,
 * int4_to_char, int8_to_char, float4_to_char, float8_to_char): the value scaled by V,
 * rounded to the template's fraction digits (float4/float8 to at most FLT_DIG/DBL_DIG
 * significant digits, as printf does), or in scientific notation for EEEE.
 */
const pow10 = (n: number): string => `1${'0'.repeat(n)}`;

/** Splits the sign off and counts the integer digits; '#'s when they do not fit. */
function split(t: NumTemplate, text: string, post: number): PreparedNumber {
  const sign = text.startsWith('-') ? '-' : '+';
  let number = sign === '-' ? text.slice(1) : text;
  const dot = number.indexOf('.');
  const preLen = dot < 0 ? number.length : dot;
  let outPreSpaces = 0;
  if (preLen < t.pre) outPreSpaces = t.pre - preLen;
  else if (preLen > t.pre) number = `${'#'.repeat(t.pre)}.${'#'.repeat(post)}`;
  return { number, sign, outPreSpaces, post };
}

/** numeric_out_sci: d.ddd e±XX from exact decimal text (the significand may round to 10). */
function sciOfDecimal(text: string, post: number): string {
  const d = parseDecimal(text);
  if (d === null || typeof d === 'string') return d ?? text;
  const negative = d.unscaled < 0n;
  const abs = negative ? -d.unscaled : d.unscaled;
  const digits = abs.toString();
  const exponent = abs === 0n ? 0 : digits.length - 1 - d.scale;
  const shift = abs === 0n ? 0 : digits.length - 1;
  // significand = abs / 10^shift, rounded half away from zero to `post` digits.
  const mantissa = numericRound(
    `${digits.slice(0, digits.length - shift)}.${digits.slice(digits.length - shift)}0`,
    post,
  );
  const e = `${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  return `${negative ? '-' : ''}${mantissa}e${e}`;
}

function withSignSpace(sci: string): string {
  return sci.startsWith('-') ? sci : ` ${sci}`;
}

/** EEEE for NaN and infinities: '#'s shaped like the template, as float8_to_char does. */
function hashSci(t: NumTemplate): string {
  const chars = [...'#'.repeat(t.pre + t.post + 6)];
  chars[0] = ' ';
  chars[t.pre + 1] = '.';
  return chars.join('');
}

function prepareNumeric(t: NumTemplate, v: string): PreparedNumber {
  if (t.eeee) {
    const special = v === 'NaN' || v === 'Infinity' || v === '-Infinity';
    const direct = special ? hashSci(t) : withSignSpace(sciOfDecimal(v, t.post));
    return { number: '', sign: '+', outPreSpaces: 0, post: t.post, direct };
  }
  const scaled = t.multi > 0 ? numericMul(v, pow10(t.multi)) : v;
  const special = scaled === 'NaN' || scaled.endsWith('Infinity');
  return split(t, special ? scaled : numericRound(scaled, t.post), t.post);
}

function prepareInteger(t: NumTemplate, v: bigint): PreparedNumber {
  if (t.eeee) return prepareNumeric(t, v.toString());
  const text = (v * 10n ** BigInt(t.multi)).toString();
  return split(t, t.post > 0 ? `${text}.${'0'.repeat(t.post)}` : text, t.post);
}

/** printf's %.*f: exact ties (2.5, 0.125) go to even, where toFixed rounds them up. */
function fixed(x: number, post: number): string {
  if (Math.abs(x) >= 1e21) return BigInt(Math.round(x)).toString();
  const scaled = x * 10 ** post;
  const tie = scaled / 10 ** post === x && Math.abs(scaled % 1) === 0.5;
  if (!tie) return x.toFixed(post);
  const down = Math.trunc(scaled);
  const even = down % 2 === 0 ? down : down + Math.sign(scaled);
  return (even / 10 ** post).toFixed(post);
}

function prepareFloat(t: NumTemplate, v: number, maxDigits: number): PreparedNumber {
  if (t.eeee) {
    if (!Number.isFinite(v))
      return { number: '', sign: '+', outPreSpaces: 0, post: t.post, direct: hashSci(t) };
    const [m = '', e = '0'] = v.toExponential(t.post).split('e');
    const exp = Number(e);
    const direct = withSignSpace(
      `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`,
    );
    return { number: '', sign: '+', outPreSpaces: 0, post: t.post, direct };
  }
  const val = t.multi > 0 ? v * 10 ** t.multi : v;
  const preLen = fixed(Math.abs(val), 0).length;
  const post = preLen >= maxDigits ? 0 : Math.min(t.post, maxDigits - preLen);
  return split(t, fixed(val, post), post);
}

/** The prepared digits of a to_char number argument of `type`. */
export function prepareNumber(t: NumTemplate, v: SqlValue, type: SqlType): PreparedNumber {
  switch (type.kind) {
    case 'float8':
      return prepareFloat(t, v as number, 15);
    case 'float4':
      return prepareFloat(t, v as number, 6);
    case 'numeric':
      return prepareNumeric(t, v as string);
    default:
      return prepareInteger(t, BigInt(v as number | bigint));
  }
}
