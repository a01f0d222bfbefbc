import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import type { NumKey, NumTemplate } from './pg-number-template.js';

/**
 * to_number's reading half of formatting.c NUM_processor (NUM_numpart_from_char,
 * NUM_eat_non_data_chars), ported with its cursor rules: each digit position consumes
 * one input character whether or not it is a digit, one leading blank is skipped, the
 * sign is read before the first digit or behind the last, and each literal template
 * character skips one input character. Returns the number text numeric_in then reads
 * (sign first, ' ' for none) and the fraction digits actually read.
 */
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

class NumReader {
  /** Sign slot: ' ', '-' or '+'. */
  sign = ' ';
  digits = '';
  readPre = 0;
  readPost = 0;
  readDec = false;
  p = 0;

  constructor(
    readonly t: NumTemplate,
    readonly input: string,
  ) {}

  private get done(): boolean {
    return this.p >= this.input.length;
  }

  private amount(n: number): boolean {
    return this.p <= this.input.length - n;
  }

  /** NUM_numpart_from_char: one 9, 0, '.' or D position. */
  numpart(id: NumKey): void {
    const { t, input } = this;
    if (this.done) return;
    if (input[this.p] === ' ') this.p++;
    if (this.done) return;
    if (this.sign === ' ' && (id === '0' || id === '9') && this.readPre + this.readPost === 0) {
      const c = input[this.p];
      if (t.lsign === 'pre') {
        if (c === '-' || c === '+') {
          this.sign = c;
          this.p++;
        }
      } else if (c === '-' || (t.bracket && c === '<')) {
        this.sign = '-';
        this.p++;
      } else if (c === '+') {
        this.sign = '+';
        this.p++;
      }
    }
    if (this.done) return;
    let isRead = false;
    const c = input[this.p];
    if (isDigit(c)) {
      if (this.readDec && this.readPost === t.post) return;
      this.digits += c;
      if (this.readDec) this.readPost++;
      else this.readPre++;
      isRead = true;
    } else if (t.decimal && !this.readDec && c === '.') {
      this.digits += '.';
      this.readDec = true;
      isRead = true;
    }
    if (this.done) return;
    if (this.sign === ' ' && this.readPre + this.readPost > 0) this.readSignBehind(isRead);
  }

  /** A sign behind the last digit: S's, or a bare one when MI/PL/SG cannot be placed. */
  private readSignBehind(isRead: boolean): void {
    const { t, input } = this;
    if (t.lsign !== 'none' && isRead && this.p + 1 < input.length && !isDigit(input[this.p + 1])) {
      const next = input[this.p + 1];
      if (next === '-' || next === '+') {
        this.p++;
        this.sign = next;
      }
    } else if (!isRead && t.lsign === 'none' && (t.plus || t.minus)) {
      const c = input[this.p];
      if (c === '-' || c === '+') this.sign = c;
    }
  }

  /** NUM_eat_non_data_chars: skips up to n characters that are not number data. */
  eat(n: number): void {
    for (let i = 0; i < n && !this.done; i++) {
      if ('0123456789.,+-'.includes(this.input[this.p] ?? '')) return;
      this.p++;
    }
  }

  /** One keyword; true when the processor's trailing `inout_p++` applies. */
  keyword(key: NumKey): boolean {
    const { t, input } = this;
    const c = input[this.p];
    switch (key) {
      case '9':
      case '0':
      case '.':
      case 'D':
        this.numpart(key);
        return true;
      case ',':
      case 'G':
        // num_in never becomes true when reading, so FM skips every separator.
        if (t.fill) return false;
        return c === ',' && this.amount(1);
      case 'L':
        this.eat(1);
        return false;
      case 'TH':
      case 'th':
        if (t.decimal) return false;
        this.eat(2);
        return false;
      case 'MI':
      case 'PL':
      case 'SG': {
        const wanted = key === 'MI' ? c === '-' : key === 'PL' ? c === '+' : c === '-' || c === '+';
        if (wanted) {
          this.sign = c ?? ' ';
          return true;
        }
        this.eat(1);
        return false;
      }
      default:
        return false;
    }
  }
}

/** The numeric text to_number reads and its fraction digits; '22P02' when there is none. */
export function readNumber(t: NumTemplate, input: string): { text: string; scale: number } {
  if (t.eeee) {
    throw new LakeError(SqlState.featureNotSupported, '"EEEE" not supported for input');
  }
  if (t.roman) {
    throw new LakeError(SqlState.featureNotSupported, '"RN" not supported for input');
  }
  const r = new NumReader(t, input);
  for (const node of t.nodes) {
    if (r.p >= input.length) break;
    if ('text' in node) {
      r.p += [...node.text].length;
      continue;
    }
    if (r.keyword(node.key)) r.p++;
  }
  const digits = r.digits.endsWith('.') ? r.digits.slice(0, -1) : r.digits;
  const text = `${r.sign}${digits}`;
  if (digits === '' || digits === '.') {
    throw new LakeError(
      SqlState.invalidTextRepresentation,
      `invalid input syntax for type numeric: "${text}"`,
    );
  }
  return { text: text.trim(), scale: r.readPost };
}
