import type { CreateDatabase, DropDatabase, DropTable, Property, Statement } from '../ast.js';
import { parseQualifiedName } from '../qualified-name.js';
import type { TokenCursor } from '../token-cursor.js';
import { notSupportedYet } from '../unsupported-syntax.js';
import { parseCreateTable } from './create-table-statement.js';
import {
  acceptIfExists,
  acceptIfNotExists,
  expectString,
  parseProperties,
} from './table-clauses.js';

/**
 * `CREATE [OR REPLACE] [EXTERNAL] TABLE ...` and `CREATE DATABASE|SCHEMA ...`; other objects
 * (views, functions, indexes) are recognised and not supported yet.
 */
export function parseCreate(c: TokenCursor): Statement {
  const start = c.next().start;
  const orReplace = c.acceptWords('or', 'replace');
  const external = c.acceptWords('external');
  if (c.acceptWords('table')) return parseCreateTable(c, start, orReplace, external);
  const keyword = databaseKeyword(c);
  if (keyword !== null && !orReplace && !external) return parseCreateDatabase(c, start, keyword);
  const t = c.peek;
  if (t.kind !== 'word') throw c.error();
  throw notSupportedYet(c, `CREATE ${t.value.toUpperCase()}`);
}

/** `DROP TABLE ...` and `DROP DATABASE|SCHEMA ...`; other objects are not supported yet. */
export function parseDrop(c: TokenCursor): Statement {
  const start = c.next().start;
  if (c.acceptWords('table')) return parseDropTable(c, start);
  const keyword = databaseKeyword(c);
  if (keyword !== null) return parseDropDatabase(c, start, keyword);
  const t = c.peek;
  if (t.kind !== 'word') throw c.error();
  throw notSupportedYet(c, `DROP ${t.value.toUpperCase()}`);
}

function databaseKeyword(c: TokenCursor): 'database' | 'schema' | null {
  if (c.acceptWords('database')) return 'database';
  if (c.acceptWords('schema')) return 'schema';
  return null;
}

/** `DROP TABLE [IF EXISTS] t [PURGE]` (Spark, Hive). */
function parseDropTable(c: TokenCursor, start: number): DropTable {
  const ifExists = acceptIfExists(c);
  const name = parseQualifiedName(c);
  const purge = c.acceptWords('purge');
  if (!purge) c.acceptWords('restrict');
  if (c.isWord('cascade')) throw notSupportedYet(c, 'DROP TABLE CASCADE');
  return { kind: 'drop-table', span: c.span(start), name, ifExists, purge };
}

/**
 * `CREATE DATABASE|SCHEMA [IF NOT EXISTS] x [COMMENT '...'] [LOCATION '...']
 * [WITH DBPROPERTIES (...)]` (Spark, Hive) or Trino's `WITH (...)`, clauses in any order.
 */
function parseCreateDatabase(
  c: TokenCursor,
  start: number,
  keyword: CreateDatabase['keyword'],
): CreateDatabase {
  const ifNotExists = acceptIfNotExists(c);
  const name = parseQualifiedName(c);
  let comment: string | null = null;
  let location: string | null = null;
  let properties: Property[] = [];
  for (;;) {
    if (comment === null && c.acceptWords('comment')) comment = expectString(c);
    else if (location === null && (c.acceptWords('location') || c.acceptWords('managedlocation')))
      location = expectString(c);
    else if (properties.length === 0 && c.acceptWords('with')) {
      c.acceptWords('dbproperties');
      properties = parseProperties(c);
    } else break;
  }
  if (c.isWord('authorization')) throw notSupportedYet(c, 'CREATE SCHEMA AUTHORIZATION');
  const span = c.span(start);
  return {
    kind: 'create-database',
    span,
    keyword,
    name,
    ifNotExists,
    comment,
    location,
    properties,
  };
}

/** `DROP DATABASE|SCHEMA [IF EXISTS] x [CASCADE | RESTRICT]`. */
function parseDropDatabase(
  c: TokenCursor,
  start: number,
  keyword: DropDatabase['keyword'],
): DropDatabase {
  const ifExists = acceptIfExists(c);
  const name = parseQualifiedName(c);
  const cascade = c.acceptWords('cascade');
  if (!cascade) c.acceptWords('restrict');
  return { kind: 'drop-database', span: c.span(start), keyword, name, ifExists, cascade };
}
