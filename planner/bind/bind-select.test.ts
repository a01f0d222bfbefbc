import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bind, columns, plan } from './bind-fixtures.js';

test('WHERE filters the scan; ORDER BY sorts below the projection so it may use dropped columns', async () => {
  assert.deepEqual(await plan("select a from t where b = 'x' order by c desc, a limit 3"), [
    'Limit 3',
    '  Project a#1',
    '    Sort c#3 DESC, a#1',
    "      Filter b#2 = 'x'",
    '        Scan db.t [a#1, b#2, c#3]',
  ]);
});

test('GROUP BY, HAVING and ORDER BY share one aggregate column per distinct call', async () => {
  assert.deepEqual(
    await plan('select b, count(*) from t group by b having count(*) > 1 order by count(*) desc'),
    [
      'Project b#2, count#4',
      '  Sort count#4 DESC',
      '    Filter count#4 > 1',
      '      Aggregate keys: b#2 aggs: count(*) AS count#4',
      '        Scan db.t [a#1, b#2, c#3]',
    ],
  );
  assert.deepEqual(await columns('select b as k, count(*) from t group by k order by k'), [
    'k:text',
    'count:int8',
  ]);
});

test('SELECT DISTINCT is an aggregate over the outputs, sorted above it', async () => {
  assert.deepEqual(await plan('select distinct x.b from t x order by 1'), [
    'Sort b#2',
    '  Aggregate keys: b#2',
    '    Project b#2',
    '      Scan db.t [a#1, b#2, c#3]',
  ]);
});

test('window calls, named windows and their output names', async () => {
  assert.deepEqual(
    await plan(
      'select a, sum(c) over (partition by b order by a), rank() over w from t window w as (order by c)',
    ),
    [
      'Project a#1, sum#4, rank#5',
      '  Window sum(c#3) OVER (PARTITION BY b#2 ORDER BY a#1) AS sum#4, rank() OVER (ORDER BY c#3) AS rank#5',
      '    Scan db.t [a#1, b#2, c#3]',
    ],
  );
  assert.deepEqual(await columns('select rank() over (order by sum(a)) from t group by b'), [
    'rank:int8',
  ]);
});

test('grouping sets list key indexes; GROUPING() reads the grouping id', async () => {
  assert.deepEqual(await plan('select b, grouping(b), count(*) from t group by rollup (b, c)'), [
    'Project b#4, (((grouping#6 / 2) % 2) * 1)::integer AS grouping#7, count#8',
    '  Aggregate keys: b#2 AS b#4, c#3 AS c#5 aggs: count(*) AS count#8 sets: (0, 1), (0), ()',
    '    Scan db.t [a#1, b#2, c#3]',
  ]);
});

test('output names and types follow PostgreSQL', async () => {
  assert.deepEqual(
    await columns(
      "select a + c, a * 1.5, c::text, case when a > 1 then 'x' end, coalesce(a, c), 'lit', null from t",
    ),
    [
      '?column?:int8',
      '?column?:numeric',
      'c:text',
      'case:text',
      'coalesce:int8',
      '?column?:text',
      '?column?:text',
    ],
  );
  assert.deepEqual(await columns('select * from v'), ['a:int8', 'e:date', 'p:text']);
});

test('plain columns carry their attnum for RowDescription; computed ones do not', async () => {
  const b = await bind('select c, a + 1, t.* from t');
  assert.deepEqual(
    b.columns.map((c) => [c.name, c.columnNumber ?? null]),
    [
      ['c', 3],
      ['?column?', null],
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ],
  );
  // The second copy of c#3 needs its own id.
  assert.equal(new Set(b.columns.map((c) => c.id)).size, 5);
});

test('FROM-less SELECT reads one empty row; $n types are inferred and written back', async () => {
  assert.deepEqual(await plan('select 1'), ['Project 1 AS ?column?#1', '  Values (1 row) []']);
  const b = await bind('select a from t where c = $1 limit $2');
  assert.deepEqual(
    b.paramTypes.map((t) => t?.kind),
    ['int8', 'int8'],
  );
});

test('time travel is carried on the scan', async () => {
  assert.deepEqual(await plan('select a from t version as of 3'), [
    'Project a#1',
    '  Scan db.t version as of 3 [a#1, b#2, c#3]',
  ]);
  assert.deepEqual(await plan("select a from t timestamp as of '2024-01-01 00:00:00+00'"), [
    'Project a#1',
    '  Scan db.t timestamp as of 1704067200000000 [a#1, b#2, c#3]',
  ]);
});
