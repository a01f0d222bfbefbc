import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TableRef } from '../../catalog/catalog.js';
import type { BoundTables } from '../../planner/bind/collect-tables.js';
import type { TableRef as AstTableRef } from '../sql/ast.js';
import { Types } from '../common/sql-types.js';
import { PlanCache, type CachedPlan } from './plan-cache.js';

const table = (columns: TableRef['columns']): TableRef => ({
  ident: { namespace: 's', name: 't' },
  catalog: 'local',
  location: '/w/s/t',
  format: 'parquet',
  parameters: {},
  columns,
  partitionKeys: [],
});
const tables = (t: TableRef): BoundTables =>
  new Map([[{} as AstTableRef, { kind: 'lake', table: t }]]);
const plan = (name: string): CachedPlan => ({
  query: {
    plan: { kind: 'values', columns: [], rows: [] },
    logical: { kind: 'values', columns: [], rows: [] },
    columns: [{ name, type: Types.int4 }],
  },
  paramTypes: [],
});

test('the key changes with the text, parameter types, time zone and table schema', () => {
  const t1 = tables(table([{ name: 'a', type: 'int' }]));
  const base = PlanCache.key('SELECT a FROM t', [], 'UTC', t1);
  assert.equal(PlanCache.key('SELECT a FROM t', [], 'UTC', t1), base);
  assert.notEqual(PlanCache.key('SELECT a FROM t ', [], 'UTC', t1), base);
  assert.notEqual(PlanCache.key('SELECT a FROM t', [Types.int4], 'UTC', t1), base);
  assert.notEqual(PlanCache.key('SELECT a FROM t', [], 'Europe/Berlin', t1), base);
  const t2 = tables(table([{ name: 'a', type: 'bigint' }]));
  assert.notEqual(PlanCache.key('SELECT a FROM t', [], 'UTC', t2), base);
});

test('least recently used plans are evicted past the capacity of 256', () => {
  const cache = new PlanCache();
  for (let i = 0; i < 256; i++) cache.set(`k${i}`, plan(`p${i}`));
  assert.ok(cache.get('k0'), 'k0 is used again, so k1 is now the oldest');
  cache.set('k256', plan('p256'));
  assert.ok(cache.get('k0'));
  assert.equal(cache.get('k1'), undefined);
  assert.equal(cache.get('k256')?.query.columns[0]?.name, 'p256');
});
