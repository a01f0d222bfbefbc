import type { QualifiedName, Statement } from '../ast.js';
import { ownValue } from '../own-value.js';
import { parseQualifiedName } from '../qualified-name.js';
import type { TokenCursor } from '../token-cursor.js';
import { parseShow } from './session-statements.js';
import { expectString, parsePartitionValues } from './table-clauses.js';

type ShowParser = (c: TokenCursor, start: number) => Statement;

/**
 * SHOW, decided by the word after it: the catalog forms of Spark, Hive, Trino and Athena
 * (`SHOW TABLES`, `SHOW CREATE TABLE t`, ...) or PostgreSQL's `SHOW setting`. No PostgreSQL
 * setting is named like one of these words.
 */
export function parseShowStatement(c: TokenCursor): Statement {
  const word = c.at(1);
  const lake = word.kind === 'word' ? ownValue(LAKE_SHOW, word.value) : undefined;
  if (lake === undefined || (word.value === 'create' && !c.isWord('table', 2))) return parseShow(c);
  const start = c.next().start;
  c.next();
  return lake(c, start);
}

const LAKE_SHOW: Readonly<Record<string, ShowParser>> = {
  catalogs: (c, start) => ({ kind: 'show-catalogs', like: parseLike(c), span: c.span(start) }),
  databases: (c, start) => parseShowDatabases(c, start, 'databases'),
  schemas: (c, start) => parseShowDatabases(c, start, 'schemas'),
  tables: (c, start) => {
    const database = parseInOrFrom(c);
    return { kind: 'show-tables', database, like: parseLike(c), span: c.span(start) };
  },
  create: (c, start) => {
    c.expectWords('table');
    return { kind: 'show-create-table', table: parseQualifiedName(c), span: c.span(start) };
  },
  columns: (c, start) => {
    const table = parseInOrFrom(c) ?? fail(c);
    const database = parseInOrFrom(c);
    const parts = database === null ? table.parts : [...database.parts, ...table.parts];
    return { kind: 'show-columns', table: { ...table, parts }, span: c.span(start) };
  },
  partitions: (c, start) => {
    const table = parseQualifiedName(c);
    const partition = c.isWord('partition') ? parsePartitionValues(c) : [];
    return { kind: 'show-partitions', table, partition, span: c.span(start) };
  },
  tblproperties: (c, start) => {
    const table = parseQualifiedName(c);
    let key: string | null = null;
    if (c.acceptPunct('(')) {
      key = c.peek.kind === 'string' ? expectString(c) : parseQualifiedName(c).parts.join('.');
      c.expectPunct(')');
    }
    return { kind: 'show-tblproperties', table, key, span: c.span(start) };
  },
};

function fail(c: TokenCursor): never {
  throw c.error();
}

function parseShowDatabases(
  c: TokenCursor,
  start: number,
  keyword: 'databases' | 'schemas',
): Statement {
  const catalog = parseInOrFrom(c);
  return { kind: 'show-databases', keyword, catalog, like: parseLike(c), span: c.span(start) };
}

function parseInOrFrom(c: TokenCursor): QualifiedName | null {
  return c.acceptWords('in') || c.acceptWords('from') ? parseQualifiedName(c) : null;
}

/** `[LIKE] 'pattern'` (Spark allows the pattern without LIKE). */
function parseLike(c: TokenCursor): string | null {
  if (c.acceptWords('like')) return expectString(c);
  return c.peek.kind === 'string' ? expectString(c) : null;
}
