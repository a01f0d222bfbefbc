import type {
  Expr,
  MsckRepair,
  Optimize,
  RestoreTable,
  TimeTravel,
  TruncateTable,
  Vacuum,
} from '../ast.js';
import { parseExpr } from '../expr-parser.js';
import { ownValue } from '../own-value.js';
import { parseQualifiedName } from '../qualified-name.js';
import type { TokenCursor } from '../token-cursor.js';
import { notSupportedYet } from '../unsupported-syntax.js';
import { parsePartitionValues } from './table-clauses.js';

/** `MSCK REPAIR TABLE t [ADD | DROP | SYNC PARTITIONS]` (Hive, Athena, Spark). */
export function parseMsck(c: TokenCursor): MsckRepair {
  const start = c.next().start;
  c.expectWords('repair', 'table');
  const table = parseQualifiedName(c);
  let mode: MsckRepair['mode'] = null;
  const t = c.peek;
  const word = t.kind === 'word' ? ownValue(MSCK_MODES, t.value) : undefined;
  if (word !== undefined && c.isWord('partitions', 1)) {
    c.next();
    c.next();
    mode = word;
  }
  return { kind: 'msck-repair', span: c.span(start), table, mode };
}

const MSCK_MODES: Readonly<Record<string, NonNullable<MsckRepair['mode']>>> = {
  add: 'add',
  drop: 'drop',
  sync: 'sync',
};

/** Delta `RESTORE [TABLE] t [TO] VERSION | TIMESTAMP AS OF x`. */
export function parseRestore(c: TokenCursor): RestoreTable {
  const start = c.next().start;
  c.acceptWords('table');
  const table = parseQualifiedName(c);
  c.acceptWords('to');
  const at = c.peek;
  const by: TimeTravel['by'] | undefined = c.acceptWords('version')
    ? 'version'
    : c.acceptWords('timestamp')
      ? 'timestamp'
      : undefined;
  if (by === undefined) throw c.error();
  c.expectWords('as', 'of');
  const value = parseExpr(c);
  const to: TimeTravel = { kind: 'time-travel', span: c.span(at.start), by, value };
  return { kind: 'restore-table', span: c.span(start), table, to };
}

/** PostgreSQL's VACUUM options: recognised, not supported. */
const PG_VACUUM: ReadonlySet<string> = new Set(['full', 'freeze', 'verbose', 'analyze', 'analyse']);

/** Delta `VACUUM t [RETAIN n HOURS] [DRY RUN]`. */
export function parseVacuum(c: TokenCursor): Vacuum {
  const start = c.next().start;
  const t = c.peek;
  if (c.atEnd || c.isPunct('(') || (t.kind === 'word' && PG_VACUUM.has(t.value)))
    throw notSupportedYet(c, 'VACUUM', t);
  const table = parseQualifiedName(c);
  let retainHours: Expr | null = null;
  if (c.acceptWords('retain')) {
    retainHours = parseExpr(c);
    c.expectWords('hours');
  }
  const dryRun = c.acceptWords('dry', 'run');
  return { kind: 'vacuum', span: c.span(start), table, retainHours, dryRun };
}

/** Delta `OPTIMIZE t [WHERE cond] [ZORDER BY (a, b) | a, b]`, Athena `OPTIMIZE t REWRITE DATA USING BIN_PACK [WHERE cond]`. */
export function parseOptimize(c: TokenCursor): Optimize {
  const start = c.next().start;
  const table = parseQualifiedName(c);
  const rewriteUsing = c.acceptWords('rewrite', 'data', 'using') ? c.expectIdent(true) : null;
  const where = c.acceptWords('where') ? parseExpr(c) : null;
  const zorderBy: Expr[] = [];
  if (c.acceptWords('zorder', 'by')) {
    const parenthesised = c.acceptPunct('(');
    do zorderBy.push(parseExpr(c));
    while (c.acceptPunct(','));
    if (parenthesised) c.expectPunct(')');
  }
  return { kind: 'optimize', span: c.span(start), table, rewriteUsing, where, zorderBy };
}

/** `TRUNCATE [TABLE] t [PARTITION (...)]` (Spark, PostgreSQL). */
export function parseTruncate(c: TokenCursor): TruncateTable {
  const start = c.next().start;
  c.acceptWords('table');
  const table = parseQualifiedName(c);
  const partition = c.isWord('partition') ? parsePartitionValues(c) : [];
  return { kind: 'truncate', span: c.span(start), table, partition };
}
