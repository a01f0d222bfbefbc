/**
 * Lexical tokens of PostgreSQL's SQL syntax (PostgreSQL docs §4.1). Every token
 * carries its 0-based [start, end) offsets into the full text given to the
 * tokenizer, so parse errors and AST spans can point back at the source.
 */
export type TokenKind =
  /** An unquoted identifier or key word, case-folded to lower case (§4.1.1). */
  | 'word'
  /** A `"quoted"` or Spark-style backtick identifier; case is kept (§4.1.1). */
  | 'quoted-ident'
  /** A string constant of any form ('', E'', U&'', $$), already unescaped (§4.1.2). */
  | 'string'
  /** An integer numeric constant (§4.1.2.6). */
  | 'integer'
  /** A numeric constant with a decimal point or exponent (§4.1.2.6). */
  | 'decimal'
  /** A positional parameter `$n` (§4.2.2). */
  | 'param'
  /** An operator, including `::`, `=>` and `:=` (§4.1.3). */
  | 'op'
  /** Special characters: ( ) [ ] , ; . : (§4.1.4). */
  | 'punct'
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** The token's value: folded word, unescaped string, number text, operator text. */
  readonly value: string;
  readonly start: number;
  readonly end: number;
}
