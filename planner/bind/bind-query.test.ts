import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columns, plan } from './bind-fixtures.js';

test('UNION ALL chains are one node; branches are cast to the common type', async () => {
  assert.deepEqual(await plan('select a from t union all select a from u union all select 1'), [
    'Union all [a#7]',
    '  Project a#1',
    '    Scan db.t [a#1, b#2, c#3]',
    '  Project a#4',
    '    Scan db.u [a#4, d#5]',
    '  Project 1 AS ?column?#6',
    '    Values (1 row) []',
  ]);
  assert.deepEqual(await plan('select a from t except select a::bigint from u'), [
    'Except [a#8]',
    '  Project a#1::bigint AS a#7',
    '    Project a#1',
    '      Scan db.t [a#1, b#2, c#3]',
    '  Project a#4::bigint AS a#6',
    '    Scan db.u [a#4, d#5]',
  ]);
  assert.deepEqual(await columns('select null union select 1'), ['?column?:int4']);
  assert.deepEqual(await columns("values (1, 'a'), (2, null)"), ['column1:int4', 'column2:text']);
});

test('each CTE reference is bound afresh with its own ids', async () => {
  assert.deepEqual(await plan('with x as (select a from t) select * from x, x y'), [
    'Project a#1, a#4',
    '  NestedLoopJoin cross',
    '    Project a#1',
    '      Scan db.t [a#1, b#2, c#3]',
    '    Project a#4',
    '      Scan db.t [a#4, b#5, c#6]',
  ]);
  assert.deepEqual(await columns('with x(y) as (select a from t) select y, x.y from x'), [
    'y:int4',
    'y:int4',
  ]);
});

test('WITH RECURSIVE: anchor, and a recursive term over the work table', async () => {
  assert.deepEqual(
    await plan(
      'with recursive r(n) as (select 1 union select n + 1 from r where n < 3) select n from r',
    ),
    [
      'Project n#4',
      '  RecursiveCte 1 union [n#4]',
      '    Project 1 AS ?column?#1',
      '      Values (1 row) []',
      '    Project n#2 + 1 AS ?column?#3',
      '      Filter n#2 < 3',
      '        WorkTableScan 1 [n#2]',
    ],
  );
});

test('subqueries in expressions keep their own plans; outer columns are refs', async () => {
  assert.deepEqual(
    await plan(
      'select b from t where exists (select 1 from u where u.a = t.a) and a not in (select a from u)',
    ),
    [
      'Project b#2',
      '  Filter EXISTS(SubPlan 1) AND a#1 NOT IN (SubPlan 2)',
      '    Scan db.t [a#1, b#2, c#3]',
      '    SubPlan 1',
      '      Project 1 AS ?column?#6',
      '        Filter a#4 = a#1',
      '          Scan db.u [a#4, d#5]',
      '    SubPlan 2',
      '      Project a#7',
      '        Scan db.u [a#7, d#8]',
    ],
  );
  assert.deepEqual(await columns('select (select max(d) from u where u.a = t.a) from t'), [
    '?column?:float8',
  ]);
});
