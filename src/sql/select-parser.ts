import type { Expr, FromItem, QueryBody, Select, SelectItem, WindowSpec } from './ast.js';
import { parseExpr } from './expr-parser.js';
import { parseFromList } from './from-parser.js';
import { parseGroupingElement } from './grouping-sets-parser.js';
import { parseQualifiedName } from './qualified-name.js';
import type { TokenCursor } from './token-cursor.js';
import { notSupportedYet } from './unsupported-syntax.js';
import { parseWindowSpec } from './window-parser.js';

/** Words that end an empty select list: `SELECT FROM t` is valid PostgreSQL. */
const AFTER_SELECT_LIST: ReadonlySet<string> = new Set([
  'from',
  'where',
  'group',
  'having',
  'union',
  'intersect',
  'except',
  'order',
  'limit',
  'offset',
  'fetch',
]);

/** `SELECT [ALL | DISTINCT [ON (exprs)]] items [FROM] [WHERE] [GROUP BY] [HAVING]` (docs §7.2, §7.3). */
export function parseSelect(c: TokenCursor): Select {
  const start = c.next().start;
  const distinct = c.acceptWords('distinct');
  const distinctOn: Expr[] = [];
  if (distinct && c.acceptWords('on')) {
    c.expectPunct('(');
    do distinctOn.push(parseExpr(c));
    while (c.acceptPunct(','));
    c.expectPunct(')');
  }
  if (!distinct) c.acceptWords('all');
  const items = endsSelectList(c) ? [] : parseSelectItems(c);
  if (c.isWord('into')) throw notSupportedYet(c, 'SELECT INTO');
  const from = c.acceptWords('from') ? parseFromList(c) : [];
  const where = c.acceptWords('where') ? parseExpr(c) : null;
  const groupBy = c.acceptWords('group', 'by') ? parseGroupBy(c) : [];
  const having = c.acceptWords('having') ? parseExpr(c) : null;
  const windows = c.acceptWords('window') ? parseWindowClause(c) : [];
  return {
    kind: 'select',
    span: c.span(start),
    distinct,
    distinctOn,
    items,
    from,
    where,
    groupBy,
    having,
    windows,
  };
}

/** `WINDOW w AS (...), ...` (SELECT docs, "The WINDOW Clause"). */
function parseWindowClause(c: TokenCursor): Select['windows'] {
  const windows: { name: string; spec: WindowSpec }[] = [];
  do {
    const name = c.expectIdent();
    c.expectWords('as');
    windows.push({ name, spec: parseWindowSpec(c) });
  } while (c.acceptPunct(','));
  return windows;
}

function endsSelectList(c: TokenCursor): boolean {
  const t = c.peek;
  return (
    t.kind === 'eof' ||
    (t.kind === 'punct' && t.value === ')') ||
    (t.kind === 'word' && AFTER_SELECT_LIST.has(t.value))
  );
}

function parseSelectItems(c: TokenCursor): SelectItem[] {
  const items: SelectItem[] = [];
  do items.push(parseSelectItem(c));
  while (c.acceptPunct(','));
  return items;
}

function parseSelectItem(c: TokenCursor): SelectItem {
  const t = c.peek;
  if (c.acceptOp('*')) {
    const expr: Expr = { kind: 'star', span: c.span(t.start), qualifier: null };
    return { kind: 'select-item', span: expr.span, expr, alias: null };
  }
  const expr = parseExpr(c);
  let alias: string | null = null;
  // After AS any word is a label; a bare label must not be a key word (docs §7.3.2).
  if (c.acceptWords('as')) alias = c.expectIdent(true);
  else if (c.isIdent()) alias = c.next().value;
  return { kind: 'select-item', span: c.span(t.start), expr, alias };
}

function parseGroupBy(c: TokenCursor): Expr[] {
  if (!c.acceptWords('all')) c.acceptWords('distinct');
  const items: Expr[] = [];
  do items.push(parseGroupingElement(c));
  while (c.acceptPunct(','));
  return items;
}

/** `VALUES (1, 'a'), (2, 'b')` (docs §7.7). */
export function parseValues(c: TokenCursor): QueryBody {
  const start = c.next().start;
  const rows: Expr[][] = [];
  do {
    c.expectPunct('(');
    const row: Expr[] = [];
    do {
      if (c.isWord('default')) throw notSupportedYet(c, 'DEFAULT in VALUES');
      row.push(parseExpr(c));
    } while (c.acceptPunct(','));
    c.expectPunct(')');
    rows.push(row);
  } while (c.acceptPunct(','));
  return { kind: 'values', span: c.span(start), rows };
}

/** `TABLE name` is `SELECT * FROM name` (SELECT docs, "The TABLE Command"). */
export function parseTable(c: TokenCursor): QueryBody {
  const start = c.next().start;
  const name = parseQualifiedName(c);
  return starFrom(name.span.start, c.span(start), {
    kind: 'table-ref',
    span: name.span,
    name,
    alias: null,
    columnAliases: [],
    timeTravel: null,
  });
}

/** `SELECT * FROM item`, used by TABLE and `COPY table TO`. */
export function starFrom(starAt: number, span: Select['span'], item: FromItem): Select {
  const star: Expr = { kind: 'star', span: { start: starAt, end: starAt }, qualifier: null };
  const items: SelectItem[] = [{ kind: 'select-item', span: star.span, expr: star, alias: null }];
  return {
    kind: 'select',
    span,
    distinct: false,
    distinctOn: [],
    items,
    from: [item],
    where: null,
    groupBy: [],
    having: null,
    windows: [],
  };
}
