import type { CreateTable } from '../ast.js';
import { parseNameList } from '../from-parser.js';
import { parseQualifiedName } from '../qualified-name.js';
import { parseQuery } from '../query-parser.js';
import type { TokenCursor } from '../token-cursor.js';
import { parseColumnDefs, parsePartitionTerms, parseRowFormat } from './table-definition.js';
import {
  acceptIfNotExists,
  expectInteger,
  expectString,
  parseProperties,
} from './table-clauses.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Clauses = Mutable<
  Omit<
    CreateTable,
    'kind' | 'span' | 'orReplace' | 'external' | 'ifNotExists' | 'name' | 'columns' | 'query'
  >
>;

/**
 * After `CREATE [OR REPLACE] [EXTERNAL] TABLE`: `[IF NOT EXISTS] t [(cols)] clauses [AS query]`.
 * Spark and Hive accept the clauses in any order, each once (Spark SQL reference "CREATE TABLE").
 */
export function parseCreateTable(
  c: TokenCursor,
  start: number,
  orReplace: boolean,
  external: boolean,
): CreateTable {
  const ifNotExists = acceptIfNotExists(c);
  const name = parseQualifiedName(c);
  const columns = c.isPunct('(') ? parseColumnDefs(c) : [];
  const clauses = emptyClauses();
  const seen = new Set<string>();
  for (;;) {
    const t = c.peek;
    const clause = CLAUSES.find(([words]) => words.every((w, i) => c.isWord(w, i)));
    if (clause === undefined || (clause[0][0] === 'with' && !c.isPunct('(', 1))) break;
    if (seen.has(clause[0].join(' '))) throw c.error(t);
    seen.add(clause[0].join(' '));
    c.acceptWords(...clause[0]);
    clause[1](c, clauses, t.start);
  }
  const query = c.acceptWords('as') ? parseQuery(c) : null;
  return {
    kind: 'create-table',
    span: c.span(start),
    orReplace,
    external,
    ifNotExists,
    name,
    columns,
    ...clauses,
    query,
  };
}

function emptyClauses(): Clauses {
  return {
    using: null,
    storedAs: null,
    inputFormat: null,
    outputFormat: null,
    rowFormat: null,
    partitionedBy: [],
    clusteredBy: null,
    location: null,
    comment: null,
    properties: [],
    options: [],
    withOptions: [],
  };
}

type ClauseParser = (c: TokenCursor, into: Clauses, start: number) => void;

const CLAUSES: readonly (readonly [readonly string[], ClauseParser])[] = [
  [['using'], (c, into) => (into.using = parseQualifiedName(c).parts.join('.'))],
  [['stored', 'as'], parseStoredAs],
  [['row', 'format'], (c, into, start) => (into.rowFormat = parseRowFormat(c, start))],
  [['partitioned', 'by'], (c, into) => (into.partitionedBy = parsePartitionTerms(c))],
  [['clustered', 'by'], parseClusteredBy],
  [['location'], (c, into) => (into.location = expectString(c))],
  [['comment'], (c, into) => (into.comment = expectString(c))],
  [['tblproperties'], (c, into) => (into.properties = parseProperties(c))],
  [['options'], (c, into) => (into.options = parseProperties(c))],
  [['with'], (c, into) => (into.withOptions = parseProperties(c))],
];

/** `STORED AS PARQUET` or `STORED AS INPUTFORMAT '...' OUTPUTFORMAT '...'` (Hive DDL). */
function parseStoredAs(c: TokenCursor, into: Clauses): void {
  if (c.acceptWords('inputformat')) {
    into.inputFormat = expectString(c);
    c.expectWords('outputformat');
    into.outputFormat = expectString(c);
    return;
  }
  into.storedAs = c.expectIdent(true).toLowerCase();
}

/** `CLUSTERED BY (cols) INTO n BUCKETS` (Hive bucketing, as Athena writes it). */
function parseClusteredBy(c: TokenCursor, into: Clauses): void {
  const columns = parseNameList(c);
  c.expectWords('into');
  const buckets = expectInteger(c);
  c.expectWords('buckets');
  into.clusteredBy = { columns, buckets };
}
