import type { NumKey, NumTemplate } from './pg-number-template.js';

/**
 * to_char's number output (formatting.c NUM_processor, the to_char half), ported
 * statement for statement: PostgreSQL's rules for where the sign, blanks, zeros and the
 * decimal point go are positional and full of special cases, so the port keeps its
 * counters (num_curr, out_pre_spaces, last_relevant) rather than re-deriving them.
 */
export interface PreparedNumber {
  /** The unsigned digits ('123.40'), or '#'s when the value does not fit. */
  readonly number: string;
  readonly sign: '+' | '-';
  /** How many leading digit positions the value leaves empty. */
  readonly outPreSpaces: number;
  /** The template's digits after the point (float8 may use fewer, as PostgreSQL). */
  readonly post: number;
  /** EEEE output, returned as is. */
  readonly direct?: string;
}

/** 'st', 'nd', 'rd' or 'th' after the number's last digit (teens take 'th'). */
function ordinalSuffix(number: string, upper: boolean): string {
  const last = number.length > 1 && number[number.length - 2] === '1' ? '' : number.at(-1);
  const s = last === '1' ? 'st' : last === '2' ? 'nd' : last === '3' ? 'rd' : 'th';
  return upper ? s.toUpperCase() : s;
}

/** Index of the last non-zero fraction digit, or of the point itself; -1 without a point. */
function lastRelevantDigit(number: string): number {
  let at = number.indexOf('.');
  if (at < 0) return -1;
  for (let i = at + 1; i < number.length; i++) if (number[i] !== '0') at = i;
  return at;
}

class NumWriter {
  out = '';
  /** Where C's string ended: a digit position past the number's end writes a NUL. */
  cut = -1;
  signWrote: boolean;
  numCount: number;
  numIn = false;
  numCurr = 0;
  numberP = 0;
  lastRelevant = -1;
  bracket: boolean;
  lsign: NumTemplate['lsign'];
  /** NUM_processor makes zero_start 0-based before it starts. */
  zeroStart: number;

  constructor(
    readonly t: NumTemplate,
    readonly p: PreparedNumber,
  ) {
    const { sign, outPreSpaces, number } = p;
    this.bracket = t.bracket;
    this.lsign = t.lsign;
    this.zeroStart = t.zeroStart > 0 ? t.zeroStart - 1 : 0;
    if (t.plus || t.minus) this.signWrote = !(t.plus && !t.minus);
    else {
      if (sign !== '-' && t.fill) this.bracket = false;
      this.signWrote = sign === '+' && t.fill && t.lsign === 'none';
      if (this.lsign === 'pre' && t.pre === t.preLsignNum) this.lsign = 'post';
    }
    this.numCount = p.post + t.pre - 1;
    if (t.fill && t.decimal) {
      this.lastRelevant = lastRelevantDigit(number);
      if (this.lastRelevant >= 0 && t.zeroEnd > outPreSpaces) {
        const lastZero = Math.min(number.length - 1, t.zeroEnd - outPreSpaces);
        if (this.lastRelevant < lastZero) this.lastRelevant = lastZero;
      }
    }
    if (!this.signWrote && outPreSpaces === 0) this.numCount++;
  }

  private predecSpace(): boolean {
    return !this.t.zero && this.numberP === 0 && this.p.number[0] === '0' && this.p.post !== 0;
  }

  private relevantIsPoint(): boolean {
    return this.lastRelevant >= 0 && this.p.number[this.lastRelevant] === '.';
  }

  private writeSign(): void {
    const { sign } = this.p;
    if (this.lsign !== 'none') {
      if (this.lsign === 'pre') {
        this.out += sign;
        this.signWrote = true;
      }
    } else if (this.bracket) {
      this.out += sign === '+' ? ' ' : '<';
      this.signWrote = true;
    } else if (sign === '+') {
      if (!this.t.fill) this.out += ' ';
      this.signWrote = true;
    } else {
      this.out += '-';
      this.signWrote = true;
    }
  }

  private writeDigit(id: NumKey): void {
    const { number } = this.p;
    const c = number[this.numberP];
    if (c === '.') {
      if (!this.relevantIsPoint() || this.t.fill) this.out += '.';
    } else if (this.lastRelevant >= 0 && this.numberP > this.lastRelevant && id !== '0') {
      // a trailing zero FM drops
    } else if (this.predecSpace()) {
      if (!this.t.fill) this.out += ' ';
      else if (this.relevantIsPoint()) this.out += '0';
    } else {
      if (c === undefined && this.cut < 0) this.cut = this.out.length;
      this.out += c ?? '';
      this.numIn = true;
    }
    if (this.numberP < number.length) this.numberP++;
  }

  /** NUM_numpart_to_char: one 9, 0, '.' or D position. */
  numpart(id: NumKey): void {
    const { t, p } = this;
    this.numIn = false;
    if (
      !this.signWrote &&
      (this.numCurr >= p.outPreSpaces || (t.zero && this.zeroStart === this.numCurr)) &&
      (!this.predecSpace() || this.relevantIsPoint())
    ) {
      this.writeSign();
    }
    if (this.numCurr < p.outPreSpaces && (this.zeroStart > this.numCurr || !t.zero)) {
      if (!t.fill) this.out += ' ';
    } else if (t.zero && this.numCurr < p.outPreSpaces && this.zeroStart <= this.numCurr) {
      this.out += '0';
      this.numIn = true;
    } else this.writeDigit(id);
    let end = this.numCount + (p.outPreSpaces ? 1 : 0) + (t.decimal ? 1 : 0);
    if (this.lastRelevant >= 0 && this.lastRelevant === this.numberP) end = this.numCurr;
    if (this.numCurr + 1 === end) {
      if (this.signWrote && this.bracket) this.out += p.sign === '+' ? ' ' : '>';
      else if (this.lsign === 'post') this.out += p.sign;
    }
    this.numCurr++;
  }

  /** One keyword outside the digits; false when it writes nothing. */
  other(key: NumKey): void {
    const { t, p } = this;
    switch (key) {
      case ',':
      case 'G':
        if (this.numIn) this.out += ',';
        else if (!t.fill) this.out += ' ';
        return;
      case 'L':
        this.out += ' ';
        return;
      case 'TH':
      case 'th':
        if (p.number[0] !== '#' && p.sign !== '-' && !t.decimal) {
          this.out += ordinalSuffix(p.number, key === 'TH');
        }
        return;
      case 'MI':
        if (p.sign === '-') this.out += '-';
        else if (!t.fill) this.out += ' ';
        return;
      case 'PL':
        if (p.sign === '+') this.out += '+';
        else if (!t.fill) this.out += ' ';
        return;
      case 'SG':
        this.out += p.sign;
        return;
      default:
        return;
    }
  }
}

const DIGIT_KEYS = new Set<NumKey>(['9', '0', '.', 'D']);

/** Writes a prepared number through a template. */
export function writeNumber(t: NumTemplate, p: PreparedNumber): string {
  if (p.direct !== undefined) return p.direct;
  const w = new NumWriter(t, p);
  for (const node of t.nodes) {
    if ('text' in node) w.out += node.text;
    else if (DIGIT_KEYS.has(node.key)) w.numpart(node.key);
    else w.other(node.key);
  }
  return w.cut >= 0 ? w.out.slice(0, w.cut) : w.out;
}
