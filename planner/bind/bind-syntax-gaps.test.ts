import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bind, bindError, columns, plan } from './bind-fixtures.js';

/**
 * Binding of the syntax that once answered 0A000 (TRY_CAST, NATURAL, DISTINCT ON,
 * ANY/ALL, row values, LIKE ESCAPE, BETWEEN SYMMETRIC). Results are checked against
 * PostgreSQL in test/sql/syntax-gaps.slt; here the plans and the error positions.
 */
describe('syntax gaps', () => {
  it('binds TRY_CAST to the try_cast kernel, untyped literals read as text', async () => {
    assert.deepEqual(await plan("select try_cast(b as int), try_cast('x' as date) from t"), [
      "Project try_cast(b#2) AS b#4, try_cast('x') AS date#5",
      '  Scan db.t [a#1, b#2, c#3]',
    ]);
    const b = await bind("select try_cast('x' as date), try_cast(a as int) from t");
    const project = b.plan.kind === 'project' ? b.plan : null;
    const [first, second] = project?.exprs ?? [];
    assert.equal(first?.kind === 'call' ? first.fn : null, 'try_cast');
    assert.equal(first?.kind === 'call' ? first.args[0]?.type.kind : null, 'text');
    assert.equal(first?.type.kind, 'date');
    // Already of the type: no call at all.
    assert.equal(second?.kind, 'ref');
  });

  it('binds NATURAL JOIN as USING over the common names, in the left side order', async () => {
    assert.deepEqual(await columns('select * from t natural join u'), [
      'a:int4',
      'b:text',
      'c:int8',
      'd:float8',
    ]);
    assert.deepEqual(await columns('select * from t natural join arr'), [
      'a:int4',
      'b:text',
      'c:int8',
      'id:int4',
      'xs:int4[]',
    ]);
    assert.match((await plan('select * from t natural full join u')).join('\n'), /COALESCE/);
  });

  it('binds DISTINCT ON as the first row_number of each group, below the projection', async () => {
    assert.deepEqual(await plan('select distinct on (a) a, b from t order by a, b desc'), [
      'Project a#1, b#2',
      '  Sort a#1, b#2 DESC',
      '    Filter row_number#4 = 1',
      '      Window row_number() OVER (PARTITION BY a#1 ORDER BY a#1, b#2 DESC) AS row_number#4',
      '        Scan db.t [a#1, b#2, c#3]',
    ]);
  });

  it('binds = ANY (subquery) as IN and other operators as an aggregate of the tests', async () => {
    const inPlan = (await plan('select a = any (select a from u) from t')).join('\n');
    assert.doesNotMatch(inPlan, /bool_or/);
    const anyPlan = (await plan('select a > any (select a from u) from t')).join('\n');
    assert.match(anyPlan, /bool_or/);
    const allPlan = (await plan('select a <= all (select a from u) from t')).join('\n');
    assert.match(allPlan, /bool_and/);
  });

  it('binds ANY over ARRAY[...] as comparisons joined by OR, ALL by AND', async () => {
    const b = await bind('select a = any (array[1, 2]), a < all (array[1, 2]) from t');
    const exprs = b.plan.kind === 'project' ? b.plan.exprs : [];
    assert.deepEqual(
      exprs.map((e) => e.kind),
      ['or', 'and'],
    );
  });

  /** `SQLSTATE position message`, each checked against PostgreSQL 15. */
  const errors: readonly (readonly [string, string])[] = [
    [
      'select distinct on (x) x, y from (values (1, 2)) t(x, y) order by y',
      '42P10 21 SELECT DISTINCT ON expressions must match initial ORDER BY expressions',
    ],
    [
      'select distinct on (x, y) x, y from (values (1, 2)) t(x, y) order by x, 1 + 1, y',
      '42P10 24 SELECT DISTINCT ON expressions must match initial ORDER BY expressions',
    ],
    [
      'select distinct on (y, x) x, y from (values (1, 2)) t(x, y) order by x, 1 + 1, y',
      '42P10 21 SELECT DISTINCT ON expressions must match initial ORDER BY expressions',
    ],
    ['select 1 > any (select 1, 2)', '42601 10 subquery has too many columns'],
    ["select 1 =  any (select 'a'::text)", '42883 10 operator does not exist: integer = text'],
    ['select 1 = any (1)', '42809 10 op ANY/ALL (array) requires array on right side'],
    ["select 1 = any (array['a'::text])", '42883 10 operator does not exist: integer = text'],
    ['select (1, 2) = (1, 2, 3)', '42601 15 unequal number of entries in row expressions'],
    ['select (1, 2) = 1', '42883 15 operator does not exist: record = integer'],
    ['select (1, 2) in (select 1)', '42601 15 subquery has too few columns'],
    ['select (1,2) < any (select 1)', '42601 14 subquery has too few columns'],
    [
      'select * from (values (1, 2, 3)) a(x, y, x) natural join (values (1)) b(x)',
      '42702 - common column name "x" appears more than once in left table',
    ],
    ["select (1,'a') < (2, 3)", '22P02 11 invalid input syntax for type integer: "a"'],
    ["select 1 between symmetric 'a' and 2", '22P02 28 invalid input syntax for type integer: "a"'],
    [
      'select * from (values (1)) a(x) natural cross join (values (2)) b(y)',
      '42601 41 syntax error at or near "cross"',
    ],
    ['select distinct on x x from (values (1)) t(x)', '42601 20 syntax error at or near "x"'],
  ];

  it('reports wrong usage with PostgreSQL SQLSTATEs, messages and positions', async () => {
    for (const [sql, expected] of errors) assert.equal(await bindError(sql), expected, sql);
  });
});
