import { discoverPartitions, showPartitions } from '../../formats/parquet/discover-partitions.js';
import type {
  ShowColumns,
  ShowDatabases,
  ShowPartitions,
  ShowTables,
  ShowTblProperties,
} from '../../sql/ast.js';
import { errorPosition } from '../../sql/position.js';
import type { SessionCore } from '../session-core.js';
import { loadTable, schemaNamed, searchPath } from './lake-names.js';
import { likePattern, textRowsStatement } from './lake-rows.js';
import { checkPartitioned } from './msck-repair-statement.js';
import { staticPartitionValues } from './partition-spec.js';

/** Spark's `SHOW TABLES [IN db] [LIKE 'p*']`: namespace, tableName, isTemporary. */
export const showTablesStatement = textRowsStatement<ShowTables>(
  ['namespace', 'tableName', 'isTemporary'],
  'SHOW',
  async (core, s, parsed) => {
    const { catalog, namespace } =
      s.database === null
        ? schemaNamed(core, { ...dummyName, parts: [currentSchema(core)] }, parsed)
        : schemaNamed(core, s.database, parsed);
    const matches = likePattern(s.like);
    const tables = await catalog.listTables(namespace);
    return tables.filter((t) => matches(t.name)).map((t) => [t.namespace, t.name, 'false']);
  },
);

/** `SHOW DATABASES|SCHEMAS [IN catalog] [LIKE 'p*']`: Spark's one column, namespace. */
export const showDatabasesStatement = textRowsStatement<ShowDatabases>(
  ['namespace'],
  'SHOW',
  async (core, s, parsed) => {
    const parts = s.catalog === null ? [] : s.catalog.parts;
    const { catalog } = schemaNamed(core, { ...dummyName, parts: [...parts, ''] }, parsed);
    const matches = likePattern(s.like);
    return (await catalog.listNamespaces()).filter(matches).map((ns) => [ns]);
  },
);

/** `SHOW COLUMNS IN t`: Spark's col_name, partition columns last. */
export const showColumnsStatement = textRowsStatement<ShowColumns>(
  ['col_name'],
  'SHOW',
  async (core, s, parsed) => {
    const { table } = await loadTable(core, s.table, parsed);
    return [...table.columns, ...table.partitionKeys].map((c) => [c.name]);
  },
);

/**
 * `SHOW PARTITIONS t [PARTITION (p='v')]`: `k=v/...` lines, sorted, of the registered
 * partitions (or, for a table whose partitions the catalog does not track, of the
 * directories under its location).
 */
export const showPartitionsStatement = textRowsStatement<ShowPartitions>(
  ['partition'],
  'SHOW',
  async (core, s, parsed) => {
    const { catalog, table } = await loadTable(core, s.table, parsed);
    checkPartitioned(table, 'SHOW PARTITIONS', errorPosition(parsed.fullText, s.table.span.start));
    const spec = Object.fromEntries(staticPartitionValues(table, s.partition, parsed));
    const registered =
      (await catalog.listPartitions?.(table.ident)) ??
      (await discoverPartitions(table, core.options.io));
    return showPartitions(table, registered, spec).map((line) => [line]);
  },
);

/** `SHOW TBLPROPERTIES t [('key')]`: key, value (Spark's message for a missing key). */
export const showTblPropertiesStatement = textRowsStatement<ShowTblProperties>(
  ['key', 'value'],
  'SHOW',
  async (core, s, parsed) => {
    const { table } = await loadTable(core, s.table, parsed);
    const entries = Object.entries(table.parameters).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    if (s.key === null) return entries;
    const value = table.parameters[s.key];
    const name = `${table.ident.namespace}.${table.ident.name}`;
    return [[s.key, value ?? `Table ${name} does not have property: ${s.key}`]];
  },
);

const dummyName = { kind: 'name', span: { start: 0, end: 0 } } as const;

function currentSchema(core: SessionCore): string {
  return searchPath(core)[0] ?? 'public';
}
