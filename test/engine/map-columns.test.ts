/**
 * Map columns in Spark-written Parquet files (Parquet MAP logical type, read through
 * parquet-wasm's Arrow Map vectors) behind CREATE EXTERNAL TABLE: DESCRIBE shows the
 * Spark type, values print as JSON object text, and m[key], element_at, map_keys and
 * cardinality run over them. Files from /work/shared/fixtures (their READMEs name Spark).
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  closeSharedPool,
  openTestSession,
  type TestSession,
} from '../../src/engine/engine-test-harness.js';

const DATA = '/work/shared/fixtures';
// Spark 3.5.8 / Delta 3.3.2, column mapping: physical names are col-<uuid>.
const ALL_TYPES = `${DATA}/delta-kernel-rs/kernel/tests/data/stats-writing-all-types/delta/part-00000-374afe34-4ff6-46e8-a860-1948aadc744f-c000.snappy.parquet`;
// Spark with Delta 1.2.1: a `map` column of map<string,string> beside structs and arrays.
const DELTA_121 = `${DATA}/delta-rs/crates/test/tests/data/delta-1.2.1-only-struct-stats/part-00000-74151571-7ec6-4bd6-9293-b5daab2ce667-c000.snappy.parquet`;
const INT_COL = 'col-e0571b78-2d49-4109-9add-f2c54d6ea29e';
const MAP_COL = 'col-64713545-4f48-430e-bf3f-14203591996c';

let t: TestSession;

function tableOver(file: string, name: string): string {
  const dir = join(t.warehouse, 'outside', name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(file, join(dir, 'part-0.parquet'));
  return dir;
}

before(async () => {
  t = await openTestSession({ scan: true });
  await t.run('create schema s');
  await t.run(
    `create external table s.all_types stored as parquet location '${tableOver(ALL_TYPES, 'all_types')}'`,
  );
  await t.run(
    `create external table s.d121 stored as parquet location '${tableOver(DELTA_121, 'd121')}'`,
  );
});

after(async () => {
  await t.close();
  await closeSharedPool();
});

test('a Spark map<string,int> column: DESCRIBE, values, NULL map, lookups', async () => {
  const described = (await t.run('describe s.all_types')).rows.find((r) => r[0] === MAP_COL);
  assert.deepEqual(described?.slice(0, 2), [MAP_COL, 'map<string,int>']);
  const r = await t.run(
    `select "${INT_COL}", "${MAP_COL}", "${MAP_COL}"['key2'], element_at("${MAP_COL}", 'key4'),
            cardinality("${MAP_COL}"), map_keys("${MAP_COL}"), map_values("${MAP_COL}")
       from s.all_types order by 1 nulls last`,
  );
  assert.deepEqual(r.rows, [
    ['1000', '{"key1":100}', null, null, '1', '{key1}', '{100}'],
    ['3000', '{"key4":400}', null, '400', '1', '{key4}', '{400}'],
    ['5000', '{"key2":200,"key3":300}', '200', null, '2', '{key2,key3}', '{200,300}'],
    [null, null, null, null, null, null, null],
  ]);
  const typed = await t.run(
    `select "${MAP_COL}"['key3'] + 1 from s.all_types where "${INT_COL}" = 5000`,
  );
  assert.deepEqual(typed.rows, [['301']]);
  assert.equal(typed.columns?.[0]?.type.kind, 'int4');
});

test('a Spark map<string,string> column beside struct columns', async () => {
  const r = await t.run(
    `select integer, map, map['map_key'], map_contains_key(map, 'nope'), size(map) from s.d121`,
  );
  assert.deepEqual(r.rows, [['4', '{"map_key":"map_value"}', 'map_value', 'f', '1']]);
  const c = await t.run('select map from s.d121');
  assert.deepEqual(c.columns?.[0]?.type, {
    kind: 'map',
    key: { kind: 'text' },
    value: { kind: 'text' },
  });
});
