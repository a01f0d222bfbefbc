import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columns, plan } from './bind-fixtures.js';

test('USING merges the columns: the left one for INNER, COALESCE for FULL, the right one for RIGHT', async () => {
  assert.deepEqual(await plan('select * from t join u using (a)'), [
    'Project a#1, b#2, c#3, d#5',
    '  HashJoin inner (build right) on a#1 = a#4',
    '    Scan db.t [a#1, b#2, c#3]',
    '    Scan db.u [a#4, d#5]',
  ]);
  assert.deepEqual(await plan('select * from t full join u using (a)'), [
    'Project a#6, b#2, c#3, d#5',
    '  Project a#1, b#2, c#3, a#4, d#5, COALESCE(a#1, a#4) AS a#6',
    '    HashJoin full (build right) on a#1 = a#4',
    '      Scan db.t [a#1, b#2, c#3]',
    '      Scan db.u [a#4, d#5]',
  ]);
  assert.deepEqual(
    (await plan('select * from t right join u using (a)'))[0],
    'Project a#4, b#2, c#3, d#5',
  );
  // The sides stay addressable by qualifier.
  assert.deepEqual(await plan('select x.a, y.a from t x join t y using (a, b)'), [
    'Project a#1, a#4',
    '  HashJoin inner (build right) on a#1 = a#4 AND b#2 = b#5',
    '    Scan db.t [a#1, b#2, c#3]',
    '    Scan db.t [a#4, b#5, c#6]',
  ]);
});

test('comma joins are cross joins under the WHERE filter', async () => {
  assert.deepEqual(await plan('select * from t, u where t.a = u.a'), [
    'Project a#1, b#2, c#3, a#4, d#5',
    '  Filter a#1 = a#4',
    '    NestedLoopJoin cross',
    '      Scan db.t [a#1, b#2, c#3]',
    '      Scan db.u [a#4, d#5]',
  ]);
});

test('a table function reading an earlier FROM item takes it as input', async () => {
  assert.deepEqual(await plan('select id, x from arr, unnest(arr.xs) x'), [
    'Project id#1, x#3',
    '  TableFunction unnest(xs#2) [id#1, xs#2, x#3]',
    '    Scan db.arr [id#1, xs#2]',
  ]);
  assert.deepEqual(await columns('select * from generate_series(1::bigint, 3) g(n)'), ['n:int8']);
  assert.deepEqual(await columns('select * from generate_series(1, 3) g'), ['g:int4']);
  assert.deepEqual(
    await columns(
      "select * from generate_series(timestamp '2024-01-01', timestamp '2024-01-03', interval '1 day')",
    ),
    ['generate_series:timestamp'],
  );
});
