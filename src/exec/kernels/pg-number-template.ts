import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';

/**
 * PostgreSQL's numeric formatting templates (docs §9.8 table 9.28, formatting.c:
 * NUMDesc_prepare and NUM_processor), parsed once per distinct template. Keywords are
 * 9 0 . , D G S MI PL SG PR L FM TH/th V EEEE RN/rn (Roman numerals, pg-number-roman.ts);
 * double-quoted text and other characters are copied. B is not implemented (0A000). The locale is C: '.', ',', and a
 * blank currency symbol, as a C-locale PostgreSQL prints.
 */
export type NumKey =
  | '9'
  | '0'
  | '.'
  | 'D'
  | ','
  | 'G'
  | 'S'
  | 'MI'
  | 'PL'
  | 'SG'
  | 'PR'
  | 'L'
  | 'FM'
  | 'TH'
  | 'th'
  | 'V'
  | 'EEEE'
  | 'RN'
  | 'rn';

export type NumNode = { readonly key: NumKey } | { readonly text: string };

export interface NumTemplate {
  readonly nodes: readonly NumNode[];
  /** Digit positions before (V's included) and after the decimal point; V's digit count. */
  readonly pre: number;
  readonly post: number;
  readonly multi: number;
  /** 1-based pre-point position of the first 0, and the position of the last 0. */
  readonly zeroStart: number;
  readonly zeroEnd: number;
  readonly decimal: boolean;
  readonly zero: boolean;
  readonly fill: boolean;
  readonly bracket: boolean;
  readonly minus: boolean;
  readonly plus: boolean;
  readonly eeee: boolean;
  /** RN/rn anywhere: the value prints as a Roman numeral and the digit patterns write nothing. */
  readonly roman: boolean;
  /** S: before the digits (pre) or after them (post), and the digits seen before it. */
  readonly lsign: 'none' | 'pre' | 'post';
  readonly preLsignNum: number;
}

/** Keywords, longest first (formatting.c NUM_keywords: all upper or all lower case). */
const KEYWORDS: readonly [string, NumKey][] = [
  ['EEEE', 'EEEE'],
  ['FM', 'FM'],
  ['MI', 'MI'],
  ['PL', 'PL'],
  ['PR', 'PR'],
  ['SG', 'SG'],
  ['TH', 'TH'],
  ['th', 'th'],
  ['RN', 'RN'],
  ['rn', 'rn'],
  ['9', '9'],
  ['0', '0'],
  ['.', '.'],
  [',', ','],
  ['D', 'D'],
  ['G', 'G'],
  ['S', 'S'],
  ['L', 'L'],
  ['V', 'V'],
];
const UNSUPPORTED = ['B'];
/** Keywords PostgreSQL spells in one case only, each case its own keyword ('Rn' is text). */
const CASED = new Set(['TH', 'RN']);

const syntax = (message: string, detail?: string): LakeError =>
  new LakeError(SqlState.syntaxError, message, detail === undefined ? {} : { detail });

function keywordAt(fmt: string, i: number): NumKey | null {
  for (const [word, key] of KEYWORDS) {
    const slice = fmt.slice(i, i + word.length);
    if (slice === word || (!CASED.has(word) && slice === word.toLowerCase())) return key;
  }
  for (const word of UNSUPPORTED) {
    const slice = fmt.slice(i, i + word.length);
    if (slice === word || slice === word.toLowerCase()) {
      throw new LakeError(
        SqlState.featureNotSupported,
        `to_char pattern "${word}" is not supported`,
      );
    }
  }
  return null;
}

/** Splits a template into keywords and literal text ("quoted" text is literal). */
function tokenize(fmt: string): { key: NumKey | null; text: string }[] {
  const out: { key: NumKey | null; text: string }[] = [];
  for (let i = 0; i < fmt.length;) {
    const key = keywordAt(fmt, i);
    if (key !== null) {
      out.push({ key, text: '' });
      i += key.length;
    } else if (fmt[i] === '"') {
      let text = '';
      for (i++; i < fmt.length && fmt[i] !== '"'; i++) {
        if (fmt[i] === '\\' && i + 1 < fmt.length) i++;
        text += fmt[i] ?? '';
      }
      i++;
      out.push({ key: null, text });
    } else if (fmt[i] === '\\' && fmt[i + 1] === '"') {
      out.push({ key: null, text: '"' });
      i += 2;
    } else {
      out.push({ key: null, text: fmt[i] ?? '' });
      i++;
    }
  }
  return out;
}

interface Desc {
  pre: number;
  post: number;
  multi: number;
  zeroStart: number;
  zeroEnd: number;
  decimal: boolean;
  zero: boolean;
  fill: boolean;
  bracket: boolean;
  minus: boolean;
  plus: boolean;
  eeee: boolean;
  roman: boolean;
  lsign: 'none' | 'pre' | 'post';
  preLsignNum: number;
  multiFlag: boolean;
}

/** NUMDesc_prepare: counts digit positions and checks the flags' combinations (42601). */
function describe(d: Desc, key: NumKey): void {
  const signs = (): boolean => d.lsign !== 'none';
  if (d.eeee && key !== 'EEEE') {
    throw syntax('"EEEE" must be the last pattern used');
  }
  switch (key) {
    case '9':
    case '0':
      if (d.bracket) throw syntax(`"${key}" must be ahead of "PR"`);
      if (key === '0' && !d.zero && !d.decimal) {
        d.zero = true;
        d.zeroStart = d.pre + 1;
      }
      if (d.multiFlag) d.multi++;
      else if (d.decimal) d.post++;
      else d.pre++;
      if (key === '0') d.zeroEnd = d.pre + d.post;
      return;
    case '.':
    case 'D':
      if (d.decimal) throw syntax('multiple decimal points');
      if (d.multiFlag) throw syntax('cannot use "V" and decimal point together');
      d.decimal = true;
      return;
    case 'FM':
      d.fill = true;
      return;
    case 'S':
      if (signs()) throw syntax('cannot use "S" twice');
      if (d.plus || d.minus || d.bracket)
        throw syntax('cannot use "S" and "PL"/"MI"/"SG"/"PR" together');
      d.lsign = d.decimal ? 'post' : 'pre';
      d.preLsignNum = d.pre;
      return;
    case 'MI':
    case 'PL':
    case 'SG':
      if (signs()) throw syntax(`cannot use "S" and "${key}" together`);
      if (key !== 'PL') d.minus = true;
      if (key !== 'MI') d.plus = true;
      return;
    case 'PR':
      if (signs() || d.plus || d.minus)
        throw syntax('cannot use "PR" and "S"/"PL"/"MI"/"SG" together');
      d.bracket = true;
      return;
    case 'V':
      if (d.decimal) throw syntax('cannot use "V" and decimal point together');
      d.multiFlag = true;
      return;
    case 'EEEE':
      if (d.eeee) throw syntax('cannot use "EEEE" twice');
      if (d.fill || signs() || d.bracket || d.minus || d.plus || d.roman || d.multiFlag) {
        throw syntax(
          '"EEEE" is incompatible with other formats',
          '"EEEE" may only be used together with digit and decimal point patterns.',
        );
      }
      d.eeee = true;
      return;
    case 'RN':
    case 'rn':
      d.roman = true;
      return;
    case ',':
    case 'G':
    case 'L':
    case 'TH':
    case 'th':
      return;
  }
}

const cache = new Map<string, NumTemplate>();

export function compileNumberTemplate(fmt: string): NumTemplate {
  const hit = cache.get(fmt);
  if (hit) return hit;
  const d: Desc = {
    pre: 0,
    post: 0,
    multi: 0,
    zeroStart: 0,
    zeroEnd: 0,
    decimal: false,
    zero: false,
    fill: false,
    bracket: false,
    minus: false,
    plus: false,
    eeee: false,
    roman: false,
    lsign: 'none',
    preLsignNum: 0,
    multiFlag: false,
  };
  const nodes: NumNode[] = [];
  for (const t of tokenize(fmt)) {
    if (t.key === null) nodes.push({ text: t.text });
    else {
      describe(d, t.key);
      nodes.push({ key: t.key });
    }
  }
  // PostgreSQL's to_char adds V's digits to the integer positions (Num.pre += Num.multi).
  const { multiFlag: _unused, ...rest } = d;
  const template: NumTemplate = { nodes, ...rest, pre: d.pre + d.multi };
  if (cache.size > 1000) cache.clear();
  cache.set(fmt, template);
  return template;
}
