import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bindError } from './bind-fixtures.js';

/** `SQLSTATE position message`, each checked against PostgreSQL 15 with the same tables. */
const cases: readonly (readonly [string, string])[] = [
  ['select x from t', '42703 8 column "x" does not exist'],
  ['select t.x from t', '42703 8 column t.x does not exist'],
  ['select z.a from t', '42P01 8 missing FROM-clause entry for table "z"'],
  ['select u.a from t', '42P01 8 missing FROM-clause entry for table "u"'],
  ['select a from t, u', '42702 8 column reference "a" is ambiguous'],
  ['select 1 from t join u on a', '42702 27 column reference "a" is ambiguous'],
  ['select * from nope', '42P01 15 relation "nope" does not exist'],
  ['select a from t where count(*) > 1', '42803 23 aggregate functions are not allowed in WHERE'],
  [
    'select * from t left join u on u.a = t.a and count(*) > 1',
    '42803 46 aggregate functions are not allowed in JOIN conditions',
  ],
  [
    'select count(*) from t group by count(*)',
    '42803 33 aggregate functions are not allowed in GROUP BY',
  ],
  ['select sum(sum(a)) from t', '42803 12 aggregate function calls cannot be nested'],
  [
    'select a, count(*) from t',
    '42803 8 column "t.a" must appear in the GROUP BY clause or be used in an aggregate function',
  ],
  [
    'select a from t group by 1 order by b',
    '42803 37 column "t.b" must appear in the GROUP BY clause or be used in an aggregate function',
  ],
  [
    'select 1 from t having a > 1',
    '42803 24 column "t.a" must appear in the GROUP BY clause or be used in an aggregate function',
  ],
  [
    'select grouping(c) from t group by b',
    '42803 17 arguments to GROUPING must be grouping expressions of the associated query level',
  ],
  [
    'select 1 from t where row_number() over () > 1',
    '42P20 23 window functions are not allowed in WHERE',
  ],
  [
    'select 1 from t group by row_number() over ()',
    '42P20 26 window functions are not allowed in GROUP BY',
  ],
  ['select lower(a) from t', '42883 8 function lower(integer) does not exist'],
  ['select foo(1)', '42883 8 function foo(integer) does not exist'],
  ['select a from t where b', '42804 23 argument of WHERE must be type boolean, not type text'],
  ['select a from t order by 5', '42P10 26 ORDER BY position 5 is not in select list'],
  ['select a as x, b as x from t order by x', '42702 39 ORDER BY "x" is ambiguous'],
  ['select a as x from t order by x + 1', '42703 31 column "x" does not exist'],
  [
    'select distinct a, b from t order by a+1',
    '42P10 38 for SELECT DISTINCT, ORDER BY expressions must appear in select list',
  ],
  ["select 1 union select 'a'", '22P02 23 invalid input syntax for type integer: "a"'],
  ['select 1, 2 union select 1', '42601 26 each UNION query must have the same number of columns'],
  [
    'select a, b from t union all select a, d from u',
    '42804 40 UNION types text and double precision cannot be matched',
  ],
  ['select (select a, b from t)', '42601 8 subquery must return only one column'],
  ['select a from t where a in (select a, b from t)', '42601 25 subquery has too many columns'],
  [
    'select a from t join u using (z)',
    '42703 - column "z" specified in USING clause does not exist in left table',
  ],
  [
    'select * from (select 1) s(x, y)',
    '42P10 - table "s" has 1 columns available but 2 columns specified',
  ],
  ['select 1 from t, t', '42712 - table name "t" specified more than once'],
  ["select * from generate_series(1, 'a')", '22P02 34 invalid input syntax for type integer: "a"'],
  [
    'with recursive r as (select n from r union select 1) select * from r',
    '42P19 36 recursive reference to query "r" must not appear within its non-recursive term',
  ],
];

test('binding errors carry PostgreSQL SQLSTATEs, messages and positions', async () => {
  for (const [sql, expected] of cases) {
    assert.equal(await bindError(sql), expected, sql);
  }
});

test('time travel must be a literal of the right kind', async () => {
  assert.match(await bindError('select * from t version as of 1.5'), /^42804 31 VERSION AS OF/);
  assert.match(
    await bindError("select * from t timestamp as of 'x'"),
    / 33 invalid input syntax for type timestamp with time zone: "x"$/,
  );
});
