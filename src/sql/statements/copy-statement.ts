import type { CopyTo, FromItem, Query } from '../ast.js';
import { parseNameList } from '../from-parser.js';
import { ownValue } from '../own-value.js';
import { parseQualifiedName } from '../qualified-name.js';
import { parseQuery } from '../query-parser.js';
import { starFrom } from '../select-parser.js';
import type { TokenCursor } from '../token-cursor.js';
import { notSupportedYet } from '../unsupported-syntax.js';

type CopyOption = CopyTo['options'][number];

/**
 * `COPY (query) | table [(cols)] TO STDOUT [[WITH] (option [value], ...)]`, and
 * the pre-9.0 option syntax `WITH CSV HEADER ...` (COPY docs, "Compatibility").
 * A table becomes `SELECT cols FROM table`. Option names are lower case; a value
 * of null means the option was written without one (booleans: true).
 */
export function parseCopy(c: TokenCursor): CopyTo {
  const start = c.next().start;
  const query = c.isPunct('(') ? parseCopyQuery(c) : parseCopyTable(c);
  if (c.isWord('from')) throw notSupportedYet(c, 'COPY FROM');
  c.expectWords('to');
  if (c.isWord('program') || c.peek.kind === 'string')
    throw notSupportedYet(c, 'COPY TO a file or program');
  c.expectWords('stdout');
  const withWord = c.acceptWords('with');
  const options = c.isPunct('(') ? parseOptionList(c) : parseLegacyOptions(c, withWord);
  return { kind: 'copy-to', span: c.span(start), query, options };
}

function parseCopyQuery(c: TokenCursor): Query {
  c.next();
  const query = parseQuery(c);
  c.expectPunct(')');
  return query;
}

function parseCopyTable(c: TokenCursor): Query {
  const start = c.peek.start;
  const name = parseQualifiedName(c);
  const columns = c.isPunct('(') ? parseNameList(c) : [];
  const span = c.span(start);
  const table: FromItem = {
    kind: 'table-ref',
    span,
    name,
    alias: null,
    columnAliases: [],
    timeTravel: null,
  };
  const select = starFrom(start, span, table);
  const items = columns.map((column) => {
    const colName = { kind: 'name', span, parts: [column] } as const;
    return {
      kind: 'select-item',
      span,
      expr: { kind: 'column', span, name: colName },
      alias: null,
    } as const;
  });
  const body = columns.length === 0 ? select : { ...select, items };
  return {
    kind: 'query',
    span,
    with: [],
    body,
    orderBy: [],
    limit: null,
    offset: null,
    withTies: false,
  };
}

function parseOptionList(c: TokenCursor): CopyOption[] {
  c.next();
  const options: CopyOption[] = [];
  do {
    const name = c.expectIdent(true);
    options.push({ name, value: parseOptionValue(c) });
  } while (c.acceptPunct(','));
  c.expectPunct(')');
  return options;
}

/** gram.y copy_generic_opt_arg: a boolean, word, string or number; lists are not supported yet. */
function parseOptionValue(c: TokenCursor): string | null {
  const t = c.peek;
  if (t.kind === 'punct' && (t.value === ',' || t.value === ')')) return null;
  if (t.kind === 'punct' && t.value === '(')
    throw notSupportedYet(c, 'a list as a COPY option value');
  if (t.kind === 'op' && t.value === '*') throw notSupportedYet(c, 'COPY option *');
  if (
    t.kind === 'word' ||
    t.kind === 'string' ||
    t.kind === 'integer' ||
    t.kind === 'decimal' ||
    t.kind === 'quoted-ident'
  ) {
    c.next();
    return t.value;
  }
  throw c.error();
}

/** `[BINARY] [DELIMITER [AS] 'c'] [NULL [AS] 's'] [CSV [HEADER] [QUOTE [AS] 'q'] [ESCAPE [AS] 'e']]`. */
function parseLegacyOptions(c: TokenCursor, withWord: boolean): CopyOption[] {
  const options: CopyOption[] = [];
  for (;;) {
    const t = c.peek;
    if (t.kind !== 'word') break;
    const flag = ownValue(LEGACY_FLAGS, t.value);
    if (flag !== undefined) {
      c.next();
      options.push(flag);
    } else if (LEGACY_VALUED.has(t.value)) {
      c.next();
      c.acceptWords('as');
      const v = c.next();
      if (v.kind !== 'string') throw c.error(v);
      options.push({ name: t.value, value: v.value });
    } else if (t.value === 'force') {
      throw notSupportedYet(c, 'COPY FORCE');
    } else break;
  }
  if (withWord && options.length === 0) throw c.error();
  return options;
}

const LEGACY_FLAGS: Readonly<Record<string, CopyOption>> = {
  binary: { name: 'format', value: 'binary' },
  csv: { name: 'format', value: 'csv' },
  header: { name: 'header', value: null },
};

const LEGACY_VALUED: ReadonlySet<string> = new Set([
  'delimiter',
  'null',
  'quote',
  'escape',
  'encoding',
]);
