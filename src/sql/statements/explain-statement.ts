import { syntaxError } from '../../common/errors.js';
import type { Explain, Statement } from '../ast.js';
import type { Token } from '../token.js';
import type { TokenCursor } from '../token-cursor.js';
import { notSupportedYet } from '../unsupported-syntax.js';

interface ExplainFlags {
  analyze: boolean;
  verbose: boolean;
}

/**
 * `EXPLAIN [ANALYZE] [VERBOSE] statement` and `EXPLAIN (option [boolean], ...)
 * statement` (EXPLAIN docs). Options other than ANALYZE and VERBOSE are accepted
 * and ignored, except FORMAT other than TEXT.
 */
export function parseExplain(
  c: TokenCursor,
  parseStatement: (c: TokenCursor) => Statement,
): Explain {
  const start = c.next().start;
  const flags: ExplainFlags = { analyze: false, verbose: false };
  if (c.isPunct('(')) parseOptionList(c, flags);
  else {
    flags.analyze = c.acceptWords('analyze') || c.acceptWords('analyse');
    flags.verbose = c.acceptWords('verbose');
  }
  const statement = parseStatement(c);
  return { kind: 'explain', span: c.span(start), ...flags, statement };
}

const IGNORED_OPTIONS: ReadonlySet<string> = new Set([
  'costs',
  'settings',
  'buffers',
  'wal',
  'timing',
  'summary',
]);

function parseOptionList(c: TokenCursor, flags: ExplainFlags): void {
  c.next();
  do {
    const t = c.next();
    if (t.kind !== 'word') throw c.error(t);
    const name = t.value === 'analyse' ? 'analyze' : t.value;
    if (name === 'format') {
      const format = c.next();
      if (format.value !== 'text')
        throw notSupportedYet(c, `EXPLAIN FORMAT ${format.value.toUpperCase()}`, format);
      continue;
    }
    const value = parseBoolean(c);
    if (name === 'analyze' || name === 'verbose') flags[name] = value;
    else if (!IGNORED_OPTIONS.has(name)) throw unrecognized(c, t);
  } while (c.acceptPunct(','));
  c.expectPunct(')');
}

function unrecognized(c: TokenCursor, t: Token): Error {
  return syntaxError(`unrecognized EXPLAIN option "${t.value}"`, c.positionOf(t));
}

const BOOLEANS: Readonly<Record<string, boolean>> = {
  true: true,
  on: true,
  '1': true,
  false: false,
  off: false,
  '0': false,
};

/** An optional boolean after an option name (gram.y opt_boolean_or_string); omitted means true. */
function parseBoolean(c: TokenCursor): boolean {
  const t = c.peek;
  if (t.kind === 'punct') return true;
  c.next();
  const value = Object.hasOwn(BOOLEANS, t.value) ? BOOLEANS[t.value] : undefined;
  if (value === undefined) throw c.error(t);
  return value;
}
