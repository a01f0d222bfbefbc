/**
 * Test support for the operator tests: a minimal ExecRuntime whose `build` knows the
 * row operators (not scans, aggregates or windows), plan leaves made from JS values,
 * and a drain helper. Not used by production code.
 */
import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import type {
  LogicalPlan,
  PlanColumn,
  PlanKind,
  ScanNode,
  ValuesNode,
} from '../../../planner/plan/logical-plan.js';
import { LakeError } from '../../common/errors.js';
import type { SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import type { ColumnBatch } from '../column-batch.js';
import type { EvalContext } from '../eval-context.js';
import { buildFilter } from './filter.js';
import type { KeyFilter, KeyFilters } from './key-filters.js';
import { hasKey } from './key-membership.js';
import { buildJoin } from './hash-join.js';
import { buildLimit } from './limit.js';
import { newStats, type ExecRuntime, type Operator, type OperatorBuilder } from './operator.js';
import { buildProject } from './project.js';
import { buildSetOp } from './set-op.js';
import { buildSort } from './sort.js';
import { buildSystemScan } from './system-scan.js';
import { buildTableFunction } from './table-function.js';
import { buildTopN } from './top-n.js';
import { buildValues } from './values.js';

const builders: { readonly [K in PlanKind]?: OperatorBuilder<K> } = {
  filter: buildFilter,
  project: buildProject,
  values: buildValues,
  join: buildJoin,
  sort: buildSort,
  limit: buildLimit,
  'top-n': buildTopN,
  'set-op': buildSetOp,
  'table-function': buildTableFunction,
  'system-scan': buildSystemScan,
};

/** Plans standing for pre-made batches (see `batchesNode`). */
const sources = new WeakMap<LogicalPlan, { batches: readonly ColumnBatch[]; pulls: number[] }>();

export interface TestRuntime extends ExecRuntime {
  cancel(): void;
}

export function testRuntime(
  options: {
    memoryBytes?: number;
    params?: readonly SqlValue[];
    timeZone?: string;
    systemRows?: Record<string, readonly (readonly SqlValue[])[]>;
  } = {},
): TestRuntime {
  const abort = new AbortController();
  const ctx: EvalContext = {
    params: options.params ?? [],
    timeZone: options.timeZone ?? 'UTC',
    extraFloatDigits: 1,
    statementStartMicros: 0n,
    session: {
      user: 'test',
      database: 'test',
      backendPid: 1,
      version: 'test',
      currentSchema: () => 'public',
      currentSetting: () => null,
      setConfig: (_n, v) => v,
      cancelBackend: () => false,
    },
    signal: abort.signal,
    checkCanceled: () => {
      if (abort.signal.aborted) {
        throw new LakeError('57014', 'canceling statement due to user request');
      }
    },
  };
  const rt: TestRuntime = {
    ctx,
    placement: 'main',
    memoryBytes: options.memoryBytes ?? 1 << 30,
    workTables: new Map(),
    build: (plan) => {
      const source = sources.get(plan);
      if (source) return batchSource(source);
      const b = builders[plan.kind] as OperatorBuilder<typeof plan.kind> | undefined;
      if (!b) throw new Error(`no test builder for ${plan.kind}`);
      return b(plan, rt);
    },
    scans: {
      open: () => {
        throw new Error('no scans in operator tests');
      },
    },
    systemRows: (name) => options.systemRows?.[name] ?? [],
    cancel: () => abort.abort(),
  };
  return rt;
}

let nextId = 1000;

export function planColumns(types: readonly SqlType[]): PlanColumn[] {
  return types.map((type, i) => ({ id: nextId++, name: `c${i}`, type }));
}

/** A VALUES node of constants. */
export function valuesNode(
  types: readonly SqlType[],
  rows: readonly (readonly SqlValue[])[],
): ValuesNode {
  return {
    kind: 'values',
    columns: planColumns(types),
    rows: rows.map((r) => r.map((value, i) => ({ kind: 'const', type: types[i]!, value }))),
  };
}

/**
 * A leaf producing `batches` as they are (big inputs without building expressions).
 * `pulls` counts the batches read, so a test can see an operator stop early.
 */
export function batchesNode(
  types: readonly SqlType[],
  batches: readonly ColumnBatch[],
): { plan: LogicalPlan; pulls: number[] } {
  const plan: ValuesNode = { kind: 'values', columns: planColumns(types), rows: [] };
  const state = { batches, pulls: [0] };
  sources.set(plan, state);
  return { plan, pulls: state.pulls };
}

function batchSource(source: { batches: readonly ColumnBatch[]; pulls: number[] }): Operator {
  let i = 0;
  return {
    stats: newStats(),
    children: [],
    next: () => {
      source.pulls[0]!++;
      return Promise.resolve(source.batches[i++] ?? null);
    },
    close: () => {
      i = source.batches.length;
    },
  };
}

export const col = (c: PlanColumn): BoundExpr => ({ kind: 'ref', type: c.type, id: c.id });

/** Drains an operator into rows (each an array of values). */
export async function drain(op: Operator): Promise<SqlValue[][]> {
  const rows: SqlValue[][] = [];
  for (let b = await op.next(); b; b = await op.next()) {
    for (let r = 0; r < b.rowCount; r++) rows.push(b.columns.map((c) => c[r] ?? null));
  }
  op.close();
  return rows;
}

export async function run(
  plan: LogicalPlan,
  rt: ExecRuntime = testRuntime(),
): Promise<SqlValue[][]> {
  return drain(rt.build(plan));
}

/** Rows as sortable text, for comparing with PostgreSQL where row order is unspecified. */
export function sortedText(rows: readonly (readonly SqlValue[])[]): string[] {
  const show = (v: SqlValue): string =>
    v === null
      ? 'NULL'
      : typeof v === 'object'
        ? JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}` : x))
        : `${v}`;
  return rows.map((r) => r.map(show).join('|')).sort();
}

/**
 * A scan of fixed rows that applies, when it opens, the dynamic filters joins have set
 * for it by then (key range and key set), as the workers do; `onOpen` sees them.
 */
export function keyFilteredScan(
  node: ScanNode,
  rows: readonly (readonly SqlValue[])[],
  keyFilters: KeyFilters | undefined,
  onOpen: (filters: readonly KeyFilter[]) => void = () => undefined,
): Operator {
  let done = false;
  return {
    stats: newStats(),
    children: [],
    next: () => {
      if (done) return Promise.resolve(null);
      done = true;
      const filters = keyFilters?.of(node) ?? [];
      onOpen(filters.map((f) => f.filter));
      const keep = rows.filter((row) =>
        filters.every(({ index, filter }) => {
          const v = row[index];
          if (v === null || v === undefined) return false;
          const n = Number(v);
          return n >= filter.min && n <= filter.max && (!filter.keys || hasKey(filter.keys, n));
        }),
      );
      const columns = node.columns.map((_, c) => keep.map((r) => r[c] ?? null));
      return Promise.resolve({ columns, rowCount: keep.length });
    },
    close: () => undefined,
  };
}
