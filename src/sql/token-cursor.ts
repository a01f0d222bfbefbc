import { syntaxError } from '../common/errors.js';
import type { LakeError } from '../common/errors.js';
import type { Span } from './ast.js';
import { isNameWord } from './keywords.js';
import { errorPosition } from './position.js';
import type { Token } from './token.js';

/**
 * A position in one statement's tokens, with the look-ahead and error helpers the
 * recursive-descent parsers share. `text` is the full text given to parseSql, so
 * spans and error positions are relative to it.
 */
export class TokenCursor {
  private index = 0;
  private readonly tokens: Token[];

  constructor(
    readonly text: string,
    tokens: readonly Token[],
  ) {
    this.tokens = [...tokens];
  }

  get peek(): Token {
    return this.at(0);
  }

  at(ahead: number): Token {
    const last = this.tokens[this.tokens.length - 1] as Token;
    return this.tokens[this.index + ahead] ?? last;
  }

  /** The end offset of the last consumed token (for spans). */
  get lastEnd(): number {
    return this.index === 0 ? 0 : (this.tokens[this.index - 1] as Token).end;
  }

  get mark(): number {
    return this.index;
  }

  reset(mark: number): void {
    this.index = mark;
  }

  next(): Token {
    const t = this.peek;
    if (t.kind !== 'eof') this.index++;
    return t;
  }

  span(start: number): Span {
    return { start, end: this.lastEnd };
  }

  isWord(word: string, ahead = 0): boolean {
    const t = this.at(ahead);
    return t.kind === 'word' && t.value === word;
  }

  isPunct(p: string, ahead = 0): boolean {
    const t = this.at(ahead);
    return t.kind === 'punct' && t.value === p;
  }

  isOp(op: string, ahead = 0): boolean {
    const t = this.at(ahead);
    return t.kind === 'op' && t.value === op;
  }

  /** Consumes the given key words in order if they are all next. */
  acceptWords(...words: string[]): boolean {
    if (!words.every((w, i) => this.isWord(w, i))) return false;
    this.index += words.length;
    return true;
  }

  acceptPunct(p: string): boolean {
    if (!this.isPunct(p)) return false;
    this.index++;
    return true;
  }

  acceptOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.index++;
    return true;
  }

  expectWords(...words: string[]): Token {
    const first = this.peek;
    for (const w of words) if (!this.acceptWords(w)) throw this.error();
    return first;
  }

  expectPunct(p: string): Token {
    const t = this.peek;
    if (!this.acceptPunct(p)) throw this.error();
    return t;
  }

  expectOp(op: string): Token {
    const t = this.peek;
    if (!this.acceptOp(op)) throw this.error();
    return t;
  }

  /** `>` closing a Spark type argument list; splits a lexed `>>` into two. */
  expectCloseAngle(): void {
    const t = this.peek;
    if (t.kind === 'op' && t.value.startsWith('>') && /^>+$/.test(t.value)) {
      if (t.value === '>') this.index++;
      else this.tokens[this.index] = { ...t, value: t.value.slice(1), start: t.start + 1 };
      return;
    }
    throw this.error();
  }

  /** An identifier: a quoted name, or an unquoted word that is not a reserved key word. */
  isIdent(ahead = 0, allowKeywords = false): boolean {
    const t = this.at(ahead);
    return (
      t.kind === 'quoted-ident' || (t.kind === 'word' && (allowKeywords || isNameWord(t.value)))
    );
  }

  expectIdent(allowKeywords = false): string {
    if (!this.isIdent(0, allowKeywords)) throw this.error();
    return this.next().value;
  }

  /** PostgreSQL's `syntax error at or near "tok"` / `at end of input` for the next token. */
  error(token: Token = this.peek): LakeError {
    // A statement's tokens end with an 'eof' token: its `;`, or the end of the text.
    if (token.kind === 'eof' && token.start >= this.text.length)
      return syntaxError('syntax error at end of input', errorPosition(this.text, token.start));
    const shown = this.text.slice(token.start, token.end);
    return syntaxError(`syntax error at or near "${shown}"`, errorPosition(this.text, token.start));
  }

  /** At the statement's end (its `;` or the end of the text)? */
  get atEnd(): boolean {
    return this.peek.kind === 'eof';
  }

  positionOf(token: Token): number {
    return errorPosition(this.text, token.start);
  }
}
