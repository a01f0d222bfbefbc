import type { Expr, FrameBound, OrderItem, WindowFrame, WindowSpec } from './ast.js';
import { parseExpr } from './expr-parser.js';
import { ownValue } from './own-value.js';
import { parseOrderBy } from './query-parser.js';
import type { TokenCursor } from './token-cursor.js';

/** Words that start a window definition's clauses, so they are never a base window name. */
const CLAUSE_WORDS: ReadonlySet<string> = new Set([
  'partition',
  'order',
  'rows',
  'range',
  'groups',
]);

/**
 * After OVER: a window name (`OVER w`) or a parenthesised definition
 * `([base] [PARTITION BY ...] [ORDER BY ...] [frame])` (SELECT docs, "The WINDOW Clause";
 * docs §4.2.8).
 */
export function parseOver(c: TokenCursor): WindowSpec {
  const start = c.peek.start;
  if (c.isPunct('(')) return parseWindowSpec(c);
  const base = c.expectIdent();
  return { kind: 'window-spec', span: c.span(start), base, ...EMPTY_WINDOW };
}

const EMPTY_WINDOW = { partitionBy: [], orderBy: [], frame: null } as const;

/** `( [base] [PARTITION BY ...] [ORDER BY ...] [frame] )`, the parentheses included. */
export function parseWindowSpec(c: TokenCursor): WindowSpec {
  const start = c.expectPunct('(').start;
  const named = c.isIdent() && !CLAUSE_WORDS.has(c.peek.value);
  const base = named ? c.next().value : null;
  const partitionBy: Expr[] = [];
  if (c.acceptWords('partition', 'by')) {
    do partitionBy.push(parseExpr(c));
    while (c.acceptPunct(','));
  }
  const orderBy: OrderItem[] = c.acceptWords('order', 'by') ? parseOrderBy(c) : [];
  const frame = parseFrame(c);
  c.expectPunct(')');
  return { kind: 'window-spec', span: c.span(start), base, partitionBy, orderBy, frame };
}

const UNITS: Readonly<Record<string, WindowFrame['unit']>> = {
  rows: 'rows',
  range: 'range',
  groups: 'groups',
};

/** `{ROWS | RANGE | GROUPS} {start | BETWEEN start AND end} [EXCLUDE ...]` (docs §4.2.8). */
function parseFrame(c: TokenCursor): WindowFrame | null {
  const t = c.peek;
  const unit = t.kind === 'word' ? ownValue(UNITS, t.value) : undefined;
  if (unit === undefined) return null;
  c.next();
  let start: FrameBound;
  let end: FrameBound = CURRENT_ROW;
  if (c.acceptWords('between')) {
    start = parseBound(c);
    c.expectWords('and');
    end = parseBound(c);
  } else {
    start = parseBound(c);
  }
  const exclude = parseExclude(c);
  return { kind: 'window-frame', span: c.span(t.start), unit, start, end, exclude };
}

const CURRENT_ROW: FrameBound = { kind: 'current-row', offset: null };

function parseBound(c: TokenCursor): FrameBound {
  if (c.acceptWords('unbounded', 'preceding')) return { kind: 'unbounded-preceding', offset: null };
  if (c.acceptWords('unbounded', 'following')) return { kind: 'unbounded-following', offset: null };
  if (c.acceptWords('current', 'row')) return CURRENT_ROW;
  const offset = parseExpr(c);
  if (c.acceptWords('preceding')) return { kind: 'preceding', offset };
  c.expectWords('following');
  return { kind: 'following', offset };
}

function parseExclude(c: TokenCursor): WindowFrame['exclude'] {
  if (!c.acceptWords('exclude')) return 'no-others';
  if (c.acceptWords('current', 'row')) return 'current-row';
  if (c.acceptWords('group')) return 'group';
  if (c.acceptWords('ties')) return 'ties';
  c.expectWords('no', 'others');
  return 'no-others';
}
