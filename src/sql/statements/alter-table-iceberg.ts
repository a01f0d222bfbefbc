import type {
  AddPartitionField,
  CreateRef,
  DropPartitionField,
  DropRef,
  Expr,
  ReplacePartitionField,
  WriteOrder,
} from '../ast.js';
import { parseExpr } from '../expr-parser.js';
import { parseOrderBy } from '../query-parser.js';
import type { TokenCursor } from '../token-cursor.js';
import { notSupportedYet } from '../unsupported-syntax.js';
import { acceptIfExists, acceptIfNotExists } from './table-clauses.js';

/**
 * Iceberg's ALTER TABLE extensions (Iceberg Spark DDL): partition evolution, write order and
 * branches/tags. Each parser starts after its key words.
 */

/** `ADD PARTITION FIELD bucket(16, id) [AS shard]`. */
export function parseAddPartitionField(c: TokenCursor, start: number): AddPartitionField {
  const transform = parseExpr(c);
  const name = c.acceptWords('as') ? c.expectIdent(true) : null;
  return { kind: 'add-partition-field', span: c.span(start), transform, name };
}

/** `DROP PARTITION FIELD transform | name`. */
export function parseDropPartitionField(c: TokenCursor, start: number): DropPartitionField {
  const transform = parseExpr(c);
  return { kind: 'drop-partition-field', span: c.span(start), transform };
}

/** `REPLACE PARTITION FIELD old WITH new [AS name]`. */
export function parseReplacePartitionField(c: TokenCursor, start: number): ReplacePartitionField {
  const from = parseExpr(c);
  c.expectWords('with');
  const to = parseExpr(c);
  const name = c.acceptWords('as') ? c.expectIdent(true) : null;
  return { kind: 'replace-partition-field', span: c.span(start), from, to, name };
}

/**
 * After WRITE: `[LOCALLY] ORDERED BY ...`, `DISTRIBUTED BY PARTITION [LOCALLY ORDERED BY ...]`,
 * `UNORDERED`.
 */
export function parseWriteOrder(c: TokenCursor, start: number): WriteOrder {
  const base = { distributedByPartition: false, locally: false, unordered: false, orderBy: [] };
  if (c.acceptWords('unordered'))
    return { kind: 'write-order', span: c.span(start), ...base, unordered: true };
  const distributedByPartition = c.acceptWords('distributed', 'by', 'partition');
  const locally = c.acceptWords('locally');
  // DISTRIBUTED BY PARTITION may stand alone; otherwise an ORDERED BY list follows.
  const ordered = locally || !distributedByPartition;
  if (ordered) c.expectWords('ordered', 'by');
  const orderBy = ordered ? parseOrderBy(c) : [];
  return {
    kind: 'write-order',
    span: c.span(start),
    ...base,
    distributedByPartition,
    locally,
    orderBy,
  };
}

/**
 * `CREATE [OR REPLACE] BRANCH|TAG [IF NOT EXISTS] name` or `REPLACE BRANCH|TAG name`, then
 * `[AS OF VERSION n] [RETAIN n DAYS|HOURS|MINUTES]`; the cursor is on BRANCH or TAG.
 */
export function parseCreateRef(
  c: TokenCursor,
  start: number,
  create: boolean,
  replace: boolean,
): CreateRef {
  const refType = c.next().value as CreateRef['refType'];
  const ifNotExists = create && !replace && acceptIfNotExists(c);
  const name = c.expectIdent(true);
  const asOfVersion: Expr | null = c.acceptWords('as', 'of', 'version') ? parseExpr(c) : null;
  let retain: CreateRef['retain'] = null;
  if (c.acceptWords('retain')) {
    const amount = parseExpr(c);
    const unit = c.next();
    if (unit.kind !== 'word' || !RETAIN_UNITS.has(unit.value)) throw c.error(unit);
    retain = { amount, unit: unit.value };
  }
  if (c.isWord('with')) throw notSupportedYet(c, 'WITH SNAPSHOT RETENTION');
  const span = c.span(start);
  return {
    kind: 'create-ref',
    span,
    refType,
    name,
    create,
    replace,
    ifNotExists,
    asOfVersion,
    retain,
  };
}

const RETAIN_UNITS: ReadonlySet<string> = new Set(['days', 'hours', 'minutes']);

/** After `DROP BRANCH|TAG`: `[IF EXISTS] name`. */
export function parseDropRef(c: TokenCursor, start: number, refType: DropRef['refType']): DropRef {
  const ifExists = acceptIfExists(c);
  const name = c.expectIdent(true);
  return { kind: 'drop-ref', span: c.span(start), refType, name, ifExists };
}
