import type {
  AddPartitions,
  AlterAction,
  AlterTable,
  DropPartitions,
  ExecuteProcedure,
  PartitionValue,
} from '../ast.js';
import { parseExpr } from '../expr-parser.js';
import { parseFunctionArgs } from '../function-args.js';
import { parseQualifiedName } from '../qualified-name.js';
import type { TokenCursor } from '../token-cursor.js';
import { notSupportedYet } from '../unsupported-syntax.js';
import {
  parseAddColumns,
  parseAlterColumn,
  parseDropColumns,
  parseRenameColumn,
} from './alter-table-columns.js';
import {
  parseAddPartitionField,
  parseCreateRef,
  parseDropPartitionField,
  parseDropRef,
  parseReplacePartitionField,
  parseWriteOrder,
} from './alter-table-iceberg.js';
import {
  acceptIfExists,
  acceptIfNotExists,
  expectString,
  parsePartitionValues,
  parseProperties,
  parsePropertyKeys,
} from './table-clauses.js';

/**
 * `ALTER TABLE [IF EXISTS] t action` with one action (Spark SQL reference "ALTER TABLE", Iceberg
 * Spark DDL, Trino `EXECUTE`, Hive partitions). ALTER of other objects is not supported yet.
 */
export function parseAlter(c: TokenCursor): AlterTable {
  const start = c.next().start;
  if (!c.acceptWords('table')) {
    const t = c.peek;
    if (t.kind !== 'word') throw c.error();
    throw notSupportedYet(c, `ALTER ${t.value.toUpperCase()}`);
  }
  const ifExists = acceptIfExists(c);
  const name = parseQualifiedName(c);
  const action = parseAction(c);
  return { kind: 'alter-table', span: c.span(start), name, ifExists, action };
}

type ActionParser = (c: TokenCursor, start: number) => AlterAction;

/** Actions by their leading key words; the first match wins, so longer forms come first. */
const ACTIONS: readonly (readonly [readonly string[], ActionParser])[] = [
  [['add', 'columns'], (c, s) => parseAddColumns(c, s, true)],
  [['add', 'column'], (c, s) => parseAddColumns(c, s, false)],
  [['add', 'partition', 'field'], parseAddPartitionField],
  [['add'], parseAddPartitions],
  [['drop', 'columns'], (c, s) => parseDropColumns(c, s, true)],
  [['drop', 'column'], (c, s) => parseDropColumns(c, s, false)],
  [['drop', 'partition', 'field'], parseDropPartitionField],
  [['drop', 'branch'], (c, s) => parseDropRef(c, s, 'branch')],
  [['drop', 'tag'], (c, s) => parseDropRef(c, s, 'tag')],
  [['drop'], parseDropPartitions],
  [['rename', 'column'], parseRenameColumn],
  [
    ['rename', 'to'],
    (c, s) => ({ kind: 'rename-table', to: parseQualifiedName(c), span: c.span(s) }),
  ],
  [['alter', 'column'], parseAlterColumn],
  [['alter'], parseAlterColumn],
  [['replace', 'partition', 'field'], parseReplacePartitionField],
  [['replace'], (c, s) => refAfter(c, s, false, true)],
  [['create', 'or', 'replace'], (c, s) => refAfter(c, s, true, true)],
  [['create'], (c, s) => refAfter(c, s, true, false)],
  [['write'], parseWriteOrder],
  [
    ['set', 'tblproperties'],
    (c, s) => ({ kind: 'set-properties', properties: parseProperties(c), span: c.span(s) }),
  ],
  [
    ['set', 'location'],
    (c, s) => ({ kind: 'set-location', location: expectString(c), span: c.span(s) }),
  ],
  [['unset', 'tblproperties'], parseUnsetProperties],
  [['execute'], parseExecute],
];

function parseAction(c: TokenCursor): AlterAction {
  const t = c.peek;
  const found = ACTIONS.find(([words]) => words.every((w, i) => c.isWord(w, i)));
  if (found === undefined) {
    if (t.kind === 'word' && KNOWN_UNSUPPORTED.has(t.value))
      throw notSupportedYet(c, `ALTER TABLE ${t.value.toUpperCase()}`);
    throw c.error();
  }
  c.acceptWords(...found[0]);
  return found[1](c, t.start);
}

/** Spark/Hive actions we recognise but do not parse yet (CHANGE COLUMN, REPLACE COLUMNS, ...). */
const KNOWN_UNSUPPORTED: ReadonlySet<string> = new Set(['change', 'recover', 'set', 'owner']);

function refAfter(c: TokenCursor, start: number, create: boolean, replace: boolean): AlterAction {
  if (!c.isWord('branch') && !c.isWord('tag')) throw c.error();
  return parseCreateRef(c, start, create, replace);
}

/** `UNSET TBLPROPERTIES [IF EXISTS] ('k', ...)`. */
function parseUnsetProperties(c: TokenCursor, start: number): AlterAction {
  const ifExists = acceptIfExists(c);
  const keys = parsePropertyKeys(c);
  return { kind: 'unset-properties', span: c.span(start), ifExists, keys };
}

/** Trino's `EXECUTE proc [(name => value, ...)] [WHERE cond]`. */
function parseExecute(c: TokenCursor, start: number): ExecuteProcedure {
  const procedure = c.expectIdent(true);
  const args = c.isPunct('(') ? parseFunctionArgs(c) : { args: [], argNames: [] };
  const where = c.acceptWords('where') ? parseExpr(c) : null;
  const { args: list, argNames } = args;
  return { kind: 'execute', span: c.span(start), procedure, args: list, argNames, where };
}

/** Hive `ADD [IF NOT EXISTS] PARTITION (p='v') [LOCATION '...'] [PARTITION ...]`. */
function parseAddPartitions(c: TokenCursor, start: number): AlterAction {
  const ifNotExists = acceptIfNotExists(c);
  // PostgreSQL's `ADD c T`: COLUMN is optional there.
  if (!ifNotExists && !c.isWord('partition')) return parseAddColumns(c, start, false);
  if (!c.isWord('partition')) throw c.error();
  const partitions: { values: PartitionValue[]; location: string | null }[] = [];
  while (c.isWord('partition')) {
    const values = parsePartitionValues(c);
    const location = c.acceptWords('location') ? expectString(c) : null;
    partitions.push({ values, location });
  }
  const added: AddPartitions = {
    kind: 'add-partitions',
    span: c.span(start),
    ifNotExists,
    partitions,
  };
  return added;
}

/** Hive `DROP [IF EXISTS] PARTITION (p='v') [, PARTITION (...)] [PURGE]`. */
function parseDropPartitions(c: TokenCursor, start: number): DropPartitions {
  const ifExists = acceptIfExists(c);
  if (!c.isWord('partition')) throw c.error();
  const partitions: PartitionValue[][] = [];
  do partitions.push(parsePartitionValues(c));
  while (c.acceptPunct(','));
  const purge = c.acceptWords('purge');
  return { kind: 'drop-partitions', span: c.span(start), ifExists, partitions, purge };
}
