/**
 * Quoting text as SQL, as PostgreSQL's quote_ident and quote_literal do (src/backend/
 * utils/adt/quote.c, ruleutils.c quote_identifier): an identifier stays bare only when it
 * is lower-case letters, digits and underscores starting with a letter or underscore,
 * and is not a key word other than an unreserved one.
 */

/** PostgreSQL 15's reserved, column-name and type/function-name key words (pg_get_keywords). */
const KEYWORDS = new Set(
  (
    'all analyse analyze and any array as asc asymmetric authorization between bigint binary ' +
    'bit boolean both case cast char character check coalesce collate collation column ' +
    'concurrently constraint create cross current_catalog current_date current_role ' +
    'current_schema current_time current_timestamp current_user dec decimal default deferrable ' +
    'desc distinct do else end except exists extract false fetch float for foreign freeze from ' +
    'full grant greatest group grouping having ilike in initially inner inout int integer ' +
    'intersect interval into is isnull join lateral leading least left like limit localtime ' +
    'localtimestamp national natural nchar none normalize not notnull null nullif numeric ' +
    'offset on only or order out outer overlaps overlay placing position precision primary ' +
    'real references returning right row select session_user setof similar smallint some ' +
    'substring symmetric table tablesample then time timestamp to trailing treat trim true ' +
    'union unique user using values varchar variadic verbose when where window with ' +
    'xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi ' +
    'xmlroot xmlserialize xmltable '
  )
    .trim()
    .split(' '),
);

const SAFE_IDENT = /^[a-z_][a-z0-9_]*$/;

export function quoteIdent(s: string): string {
  return SAFE_IDENT.test(s) && !KEYWORDS.has(s) ? s : `"${s.replaceAll('"', '""')}"`;
}

/** A string constant; with a backslash inside, an E'' string with backslashes doubled. */
export function quoteLiteral(s: string): string {
  const body = s.replaceAll("'", "''");
  return s.includes('\\') ? `E'${body.replaceAll('\\', '\\\\')}'` : `'${body}'`;
}
