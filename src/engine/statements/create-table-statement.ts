import type { Catalog, TableColumn, TableIdent } from '../../../catalog/catalog.js';
import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import { inferTableSchema } from '../../formats/parquet/infer-schema.js';
import type { CreateTable, PartitionTerm } from '../../sql/ast.js';
import { errorPosition } from '../../sql/position.js';
import type {
  EngineParsed,
  PreparedQuery,
  SessionCore,
  StatementHandler,
} from '../session-core.js';
import { tagOnly } from '../session-core.js';
import { hiveTypeOfAst, hiveTypeOfSql } from './hive-column-type.js';
import { tableToCreate } from './lake-names.js';
import { prepareQuery } from './query-statement.js';
import { writeQueryRows } from './write-query-rows.js';

/**
 * `CREATE [EXTERNAL] TABLE [IF NOT EXISTS] t [(cols)] USING parquet | STORED AS PARQUET
 * [PARTITIONED BY (...)] [LOCATION 'dir'] [TBLPROPERTIES (...)] [AS query]` for plain
 * Parquet tables (Spark/Hive semantics). Without LOCATION the table is managed, under
 * the catalog's warehouse; EXTERNAL or a LOCATION makes it external (DROP keeps the
 * files). Without columns they come from the files' footers (external) or the query
 * (CTAS, whose rows are then written; tag `SELECT n` as PostgreSQL's CTAS).
 */
export const createTableStatement: StatementHandler<CreateTable> = {
  async prepare(core, s, parsed, paramTypes) {
    if (s.query === null) return { columns: null };
    return { columns: null, query: await prepareQuery(core, s.query, parsed, paramTypes) };
  },
  async execute(core, s, prepared, params, run) {
    const { parsed } = prepared;
    const position = errorPosition(parsed.fullText, s.span.start);
    checkFormat(s, position);
    const { catalog, ident } = tableToCreate(core, s.name, parsed);

    if (await catalog.loadTable(ident)) {
      if (!s.ifNotExists) {
        throw new LakeError(SqlState.duplicateTable, `relation "${ident.name}" already exists`, {
          position: errorPosition(parsed.fullText, s.name.span.start),
        });
      }
      core.notice({
        severity: 'NOTICE',
        sqlstate: SqlState.duplicateTable,
        message: `relation "${ident.name}" already exists, skipping`,
      });
      // PostgreSQL's tag for a CTAS skipped by IF NOT EXISTS.
      return tagOnly(s.query === null ? 'CREATE TABLE' : 'CREATE TABLE AS');
    }
    const query = prepared.bound.query;
    const { columns, partitionKeys } = await tableColumns(core, s, query, parsed);
    const external = s.external || s.location !== null;
    const table = await catalog.createTable({
      ident,
      location: s.location ?? '',
      format: 'parquet',
      parameters: parametersOf(s, external),
      columns,
      partitionKeys,
    });
    if (query === undefined) return tagOnly('CREATE TABLE');
    const all = [...columns, ...partitionKeys].map((c) => c.name);
    const rows = await writeCreated(catalog, ident, async () =>
      writeQueryRows(
        core,
        {
          catalog,
          table,
          query,
          targets: query.columns.map((c) => all.find((n) => n === c.name.toLowerCase()) ?? c.name),
          staticValues: new Map(),
          untypedColumns: [],
        },
        params,
        run,
      ),
    );
    return tagOnly(`SELECT ${rows}`);
  },
};

/** CTAS is one statement: a failed write drops the table it created (Spark does the same). */
async function writeCreated(
  catalog: Catalog,
  ident: TableIdent,
  write: () => Promise<number>,
): Promise<number> {
  try {
    return await write();
  } catch (e) {
    await catalog.dropTable(ident, { ifExists: true, purge: true }).catch(() => undefined);
    throw e;
  }
}

function checkFormat(s: CreateTable, position: number): void {
  const format = formatOf(s);
  const unsupported = (what: string): LakeError =>
    new LakeError(SqlState.featureNotSupported, `${what} is not supported yet`, { position });
  if (format !== 'parquet') throw unsupported(`CREATE TABLE ... USING ${format}`);
  if (s.orReplace) throw unsupported('CREATE OR REPLACE TABLE for parquet tables');
  if (s.clusteredBy !== null) throw unsupported('CLUSTERED BY');
  if (s.columns.length > 0 && s.query !== null) {
    throw new LakeError(
      SqlState.syntaxError,
      'CREATE TABLE AS SELECT cannot also specify the columns',
      { position },
    );
  }
}

/** The table format the statement names; Spark's default source is parquet. */
function formatOf(s: CreateTable): string {
  const named = s.using ?? s.storedAs;
  if (named !== null) return named.toLowerCase();
  if (s.inputFormat !== null) return /parquet/i.test(s.inputFormat) ? 'parquet' : s.inputFormat;
  const withFormat = s.withOptions.find((p) => p.key.toLowerCase() === 'format');
  if (withFormat?.value.kind === 'literal' && withFormat.value.value.type === 'string') {
    return withFormat.value.value.value.toLowerCase();
  }
  return 'parquet';
}

function parametersOf(s: CreateTable, external: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of s.properties) out[p.key] = propertyText(p.value);
  if (s.comment !== null) out['comment'] = s.comment;
  if (external) out['EXTERNAL'] = 'TRUE';
  return out;
}

function propertyText(e: CreateTable['properties'][number]['value']): string {
  if (e.kind === 'literal') {
    const v = e.value;
    return v.type === 'string'
      ? v.value
      : v.type === 'null'
        ? ''
        : 'text' in v
          ? v.text
          : String(v.value);
  }
  return '';
}

/**
 * The data columns and partition keys: as written; from the query (CTAS); from the
 * footers of the files under LOCATION (Spark's schema inference). `PARTITIONED BY (p)`
 * names a column of the list (or of the query), which moves to the end as a key;
 * `PARTITIONED BY (p type)` adds a key (Hive).
 */
async function tableColumns(
  core: SessionCore,
  s: CreateTable,
  query: PreparedQuery | undefined,
  parsed: EngineParsed,
): Promise<{ columns: TableColumn[]; partitionKeys: TableColumn[] }> {
  let columns: TableColumn[] = s.columns.map((c) => ({
    name: c.name.toLowerCase(),
    type: hiveTypeOfAst(c.type, errorPosition(parsed.fullText, c.type.span.start)),
  }));
  if (query !== undefined) {
    columns = query.columns.map((c) => ({
      name: c.name.toLowerCase(),
      type: hiveTypeOfSql(c.type),
    }));
  }
  const keyNames = s.partitionedBy.map((t) => partitionName(t, parsed));
  if (columns.length === 0 && s.location !== null) {
    columns = await inferTableSchema(
      s.location,
      core.options.io,
      core.options.scanPool.readFooters,
      keyNames,
    );
    if (columns.length === 0) {
      throw new LakeError(
        '42P17',
        `unable to infer the schema of table "${s.name.parts.join('.')}": no Parquet files under ${s.location}`,
        { hint: 'Specify the columns.' },
      );
    }
  }
  const partitionKeys = s.partitionedBy.map((t, i): TableColumn => {
    const name = keyNames[i] ?? '';
    const position = errorPosition(parsed.fullText, t.span.start);
    if (t.type !== null) {
      if (columns.some((c) => c.name === name)) throw duplicateColumn(name, position);
      return { name, type: hiveTypeOfAst(t.type, position) };
    }
    const column = columns.find((c) => c.name === name);
    if (column !== undefined) return column;
    if (s.columns.length === 0 && query === undefined) return { name, type: 'string' };
    throw new LakeError(
      SqlState.undefinedColumn,
      `partition column "${name}" is not a column of the table`,
      { position },
    );
  });
  const keys = new Set(keyNames);
  columns = columns.filter((c) => !keys.has(c.name));
  const names = [...columns, ...partitionKeys].map((c) => c.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw duplicateColumn(dup, errorPosition(parsed.fullText, s.span.start));
  return { columns, partitionKeys };
}

function partitionName(t: PartitionTerm, parsed: EngineParsed): string {
  if (t.expr.kind === 'column' && t.expr.name.parts.length === 1) {
    return (t.expr.name.parts[0] ?? '').toLowerCase();
  }
  throw new LakeError(
    SqlState.featureNotSupported,
    'partition transforms need an Iceberg table; plain Parquet tables partition by columns',
    { position: errorPosition(parsed.fullText, t.span.start) },
  );
}

function duplicateColumn(name: string, position: number): LakeError {
  return new LakeError('42701', `column "${name}" specified more than once`, { position });
}
