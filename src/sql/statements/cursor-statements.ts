import type { CloseCursor, DeclareCursor, FetchStatement } from '../ast.js';
import { parseQuery } from '../query-parser.js';
import type { TokenCursor } from '../token-cursor.js';
import { notSupportedYet } from '../unsupported-syntax.js';

/**
 * `DECLARE name [BINARY] [ASENSITIVE | INSENSITIVE] [[NO] SCROLL] CURSOR
 * [{WITH | WITHOUT} HOLD] FOR query` (DECLARE docs; options in any order, as gram.y).
 */
export function parseDeclare(c: TokenCursor): DeclareCursor {
  const start = c.next().start;
  const name = c.expectIdent();
  let binary = false;
  let scroll = false;
  for (;;) {
    if (c.acceptWords('binary')) binary = true;
    else if (c.acceptWords('scroll')) scroll = true;
    else if (c.acceptWords('no', 'scroll')) scroll = false;
    else if (!c.acceptWords('insensitive') && !c.acceptWords('asensitive')) break;
  }
  c.expectWords('cursor');
  let withHold = false;
  if (c.acceptWords('with', 'hold')) withHold = true;
  else c.acceptWords('without', 'hold');
  c.expectWords('for');
  const query = parseQuery(c);
  return { kind: 'declare-cursor', span: c.span(start), name, binary, scroll, withHold, query };
}

const BACKWARD: ReadonlySet<string> = new Set([
  'prior',
  'first',
  'last',
  'absolute',
  'relative',
  'backward',
]);

/**
 * `FETCH | MOVE [NEXT | ALL | n | FORWARD [n | ALL]] [FROM | IN] name` (FETCH
 * docs). Only forward directions; count null means ALL.
 */
export function parseFetch(c: TokenCursor): FetchStatement {
  const t = c.next();
  const count = parseDirection(c);
  if (!c.acceptWords('from')) c.acceptWords('in');
  const cursor = c.expectIdent();
  return { kind: 'fetch', span: c.span(t.start), cursor, count, move: t.value === 'move' };
}

function parseDirection(c: TokenCursor): number | null {
  const t = c.peek;
  if (t.kind === 'word' && BACKWARD.has(t.value))
    throw notSupportedYet(c, `FETCH ${t.value.toUpperCase()}`);
  if (c.acceptWords('next')) return 1;
  if (c.acceptWords('all')) return null;
  if (c.acceptWords('forward') && c.acceptWords('all')) return null;
  if (c.isOp('-') || c.isOp('+')) {
    if (c.isOp('-')) throw notSupportedYet(c, 'FETCH with a negative count');
    c.next();
  }
  if (c.peek.kind === 'integer') return Number(c.next().value);
  // FETCH name, FETCH FROM name and FETCH FORWARD name all fetch one row.
  return 1;
}

/** `CLOSE name | ALL`. */
export function parseClose(c: TokenCursor): CloseCursor {
  const start = c.next().start;
  const name = c.acceptWords('all') ? null : c.expectIdent();
  return { kind: 'close-cursor', span: c.span(start), name };
}
