/**
 * float4/float8 output as PostgreSQL 12+ prints it (docs §8.1.3 and the
 * extra_float_digits setting): with extra_float_digits >= 1 the shortest text that
 * reads back to the same value; otherwise C's `%.*g` with DBL_DIG/FLT_DIG + extra digits.
 */

/** Decimal exponent bounds for plain (non-scientific) notation in shortest mode, per width. */
const FIXED_MAX_EXPONENT = { float4: 6, float8: 15 } as const;
const DIGITS = { float4: 6, float8: 15 } as const;

export type FloatWidth = 'float4' | 'float8';

/** The text PostgreSQL's float4out/float8out print for a value. */
export function formatFloat(value: number, width: FloatWidth, extraFloatDigits: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  if (extraFloatDigits > 0) {
    const [digits, exp] = splitExponential(shortestExponential(value, width));
    return layoutShortest(value < 0, digits, exp, FIXED_MAX_EXPONENT[width]);
  }
  const precision = Math.max(1, DIGITS[width] + extraFloatDigits);
  return formatPrintfG(value, precision);
}

function shortestExponential(value: number, width: FloatWidth): string {
  // Number's own toExponential() is already the shortest round-trip for doubles.
  if (width === 'float8') return value.toExponential();
  for (let p = 0; p < 9; p++) {
    const s = value.toExponential(p);
    if (Math.fround(Number(s)) === value) return s;
  }
  return value.toExponential(8);
}

/** '-1.2345e+3' → digits '12345' and decimal exponent 3 (sign dropped). */
function splitExponential(s: string): [string, number] {
  const e = s.indexOf('e');
  const mantissa = s.slice(0, e).replace('-', '').replace('.', '');
  return [mantissa.replace(/0+$/, '') || '0', Number(s.slice(e + 1))];
}

function layoutShortest(negative: boolean, digits: string, exp: number, fixedMax: number): string {
  const sign = negative ? '-' : '';
  if (exp < -4 || exp >= fixedMax) return sign + scientific(digits, exp);
  return sign + plain(digits, exp);
}

function plain(digits: string, exp: number): string {
  if (exp < 0) return `0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return digits + '0'.repeat(exp + 1 - digits.length);
  return `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

function scientific(digits: string, exp: number): string {
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const abs = Math.abs(exp);
  return `${mantissa}e${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
}

/** C's `%.{precision}g`: scientific when exp < -4 or exp >= precision, trailing zeros removed. */
function formatPrintfG(value: number, precision: number): string {
  const [digits, exp] = splitExponential(value.toExponential(precision - 1));
  const sign = value < 0 ? '-' : '';
  if (exp < -4 || exp >= precision) return sign + scientific(digits, exp);
  return sign + plain(digits, exp);
}
