import type { Catalog, TableColumn, TableRef } from '../../catalog/catalog.js';
import { LakeError } from '../../src/common/errors.js';
import { Types, sameType, type SqlType } from '../../src/common/sql-types.js';
import type { Query } from '../../src/sql/ast.js';
import { parseSql } from '../../src/sql/parse.js';
import type { FunctionCatalog, FunctionResolver } from '../plan/function-catalog.js';
import { printPlan } from '../plan/print-plan.js';
import { bindQuery, type BoundQuery } from './bind-statement.js';
import { collectTables, type TableLookup } from './collect-tables.js';

/**
 * Test fixtures for the binder's tests: a catalog of small tables, a handful of
 * functions, and helpers that bind SQL text and print the plan or the error.
 * The planner may not import src/exec, so the functions here are stand-ins with
 * PostgreSQL's signatures for the types the tests use.
 */
const col = (name: string, type: string): TableColumn => ({ name, type });

const tables: Record<string, { columns: TableColumn[]; partitionKeys?: TableColumn[] }> = {
  t: { columns: [col('a', 'int'), col('b', 'string'), col('c', 'bigint')] },
  u: { columns: [col('a', 'int'), col('d', 'double')] },
  v: { columns: [col('a', 'bigint'), col('e', 'date')], partitionKeys: [col('p', 'string')] },
  arr: { columns: [col('id', 'int'), col('xs', 'array<int>')] },
};

function tableRef(namespace: string, name: string): TableRef | null {
  const def = tables[name];
  if (!def || namespace !== 'db') return null;
  return {
    ident: { namespace, name },
    catalog: 'lake',
    location: `/warehouse/${name}`,
    format: 'parquet',
    parameters: {},
    columns: def.columns,
    partitionKeys: def.partitionKeys ?? [],
  };
}

const notUsed = (): never => {
  throw new Error('not used by binder tests');
};

const catalog: Catalog = {
  name: 'lake',
  listNamespaces: notUsed,
  namespaceExists: notUsed,
  createNamespace: notUsed,
  dropNamespace: notUsed,
  listTables: notUsed,
  loadTable: (ident) => Promise.resolve(tableRef(ident.namespace, ident.name)),
  createTable: notUsed,
  dropTable: notUsed,
  commitTable: notUsed,
};

export const lookup: TableLookup = {
  catalogs: new Map([['lake', catalog]]),
  defaultCatalog: 'lake',
  searchPath: ['db'],
};

type Overloads = readonly (readonly [readonly SqlType[], SqlType])[];

/** Exact match after unknown → the overload's type, else the first overload the arguments widen to. */
function overloads(list: Overloads): FunctionResolver {
  return {
    resolve: (argTypes) => {
      const fits = (params: readonly SqlType[]): boolean =>
        params.length === argTypes.length &&
        params.every((p, i) => {
          const a = argTypes[i];
          return a !== undefined && (a.kind === 'unknown' || sameType(a, p) || p.kind === a.kind);
        });
      const found = list.find(([params]) => fits(params));
      return found ? { args: found[0], returns: found[1] } : null;
    },
  };
}

/** Same type in, same type out, for any single argument (min, max, lag). */
const polymorphic = (extra = 0): FunctionResolver => ({
  resolve: (argTypes) => {
    const [t] = argTypes;
    if (!t || argTypes.length < 1 || argTypes.length > 1 + extra) return null;
    const type = t.kind === 'unknown' ? Types.text : t;
    return { args: [type, ...argTypes.slice(1)], returns: type };
  },
});

const { int4, int8, text, float8, bool } = Types;
const numeric = Types.numeric();

const scalars: Record<string, FunctionResolver> = {
  lower: overloads([[[text], text]]),
  length: overloads([[[text], int4]]),
  abs: overloads([
    [[int4], int4],
    [[int8], int8],
    [[numeric], numeric],
    [[float8], float8],
  ]),
  cardinality: {
    resolve: (a) => (a[0]?.kind === 'array' ? { args: [a[0]], returns: int4 } : null),
  },
};

const aggregates: Record<string, FunctionResolver> = {
  count: {
    resolve: (a) =>
      a.length === 0
        ? { args: [], returns: int8 }
        : a.length === 1 && a[0]
          ? { args: [a[0].kind === 'unknown' ? text : a[0]], returns: int8 }
          : null,
  },
  sum: overloads([
    [[int4], int8],
    [[int8], numeric],
    [[numeric], numeric],
    [[float8], float8],
  ]),
  avg: overloads([
    [[int4], numeric],
    [[int8], numeric],
    [[float8], float8],
  ]),
  min: polymorphic(),
  max: polymorphic(),
  bool_and: overloads([[[bool], bool]]),
};

const windows: Record<string, FunctionResolver> = {
  row_number: overloads([[[], int8]]),
  rank: overloads([[[], int8]]),
  lag: polymorphic(1),
};

export const functions: FunctionCatalog = {
  scalar: (name) => scalars[name],
  aggregate: (name) => aggregates[name],
  window: (name) => windows[name],
};

export interface Bound extends BoundQuery {
  readonly paramTypes: (SqlType | undefined)[];
}

/** Parses, loads tables and binds one query. */
export async function bind(sql: string, paramTypes: (SqlType | undefined)[] = []): Promise<Bound> {
  const [parsed] = parseSql(sql);
  const stmt = parsed?.statement;
  if (stmt?.kind !== 'query') throw new Error(`not a query: ${sql}`);
  const query: Query = stmt;
  const tablesOf = await collectTables(query, lookup, sql);
  const params = [...paramTypes];
  const bound = bindQuery(query, {
    text: sql,
    paramTypes: params,
    timeZone: 'UTC',
    tables: tablesOf,
    functions,
  });
  return { ...bound, paramTypes: params };
}

/** The printed plan of a query. */
export async function plan(sql: string): Promise<string[]> {
  return printPlan((await bind(sql)).plan);
}

/** `SQLSTATE position message` of the error binding a query raises. */
export async function bindError(sql: string): Promise<string> {
  try {
    await bind(sql);
  } catch (err) {
    if (err instanceof LakeError) return `${err.sqlstate} ${err.position ?? '-'} ${err.message}`;
    throw err;
  }
  throw new Error(`no error binding: ${sql}`);
}

/** The result columns as `name:type`. */
export async function columns(sql: string): Promise<string[]> {
  const b = await bind(sql);
  return b.columns.map((c) => `${c.name}:${typeName(c.type)}`);
}

function typeName(t: SqlType): string {
  return t.kind === 'array' ? `${typeName(t.element)}[]` : t.kind;
}
