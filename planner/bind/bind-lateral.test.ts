import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bindError, plan } from './bind-fixtures.js';

describe('LATERAL', () => {
  it('binds the subquery over the left side and marks the join dependent', async () => {
    assert.deepEqual(
      await plan('select * from t, lateral (select d from u where u.a = t.a order by d limit 2) s'),
      [
        'Project a#1, b#2, c#3, d#5',
        '  LateralJoin cross',
        '    Scan db.t [a#1, b#2, c#3]',
        '    Limit 2',
        '      Project d#5',
        '        Sort d#5',
        '          Filter a#4 = a#1',
        '            Scan db.u [a#4, d#5]',
      ],
    );
    assert.deepEqual(
      (await plan('select * from t left join lateral (select t.c) s on true'))[1],
      ['  LateralJoin left on true'][0],
    );
  });

  it('gives an outer column a new id in the subquery output (the left already outputs its id)', async () => {
    assert.deepEqual(await plan('select * from t cross join lateral (select t.a) s'), [
      'Project a#1, b#2, c#3, a#4',
      '  LateralJoin cross',
      '    Scan db.t [a#1, b#2, c#3]',
      '    Project a#1 AS a#4',
      '      Values (1 row) []',
    ]);
  });

  it('sees earlier FROM items from inside a later join; uncorrelated is a plain join', async () => {
    assert.deepEqual(
      await plan('select * from t, u join lateral (select t.a + u.a as x) s on true'),
      [
        'Project a#1, b#2, c#3, a#4, d#5, x#6',
        '  LateralJoin cross',
        '    Scan db.t [a#1, b#2, c#3]',
        '    LateralJoin inner on true',
        '      Scan db.u [a#4, d#5]',
        '      Project a#1 + a#4 AS x#6',
        '        Values (1 row) []',
      ],
    );
    assert.deepEqual(
      (await plan('select * from t, lateral (select 1 as one) s'))[1],
      '  NestedLoopJoin cross',
    );
  });

  it('binds functions in FROM as LATERAL, with or without the key word (PostgreSQL §7.2.1.5)', async () => {
    // In the FROM list the function takes the items before it as its input.
    const inList = [
      'Project id#1, xs#2, g#3',
      '  TableFunction generate_series(1, id#1) [id#1, xs#2, g#3]',
      '    Scan db.arr [id#1, xs#2]',
    ];
    assert.deepEqual(await plan('select * from arr, lateral generate_series(1, id) g'), inList);
    assert.deepEqual(await plan('select * from arr, generate_series(1, id) g'), inList);
    // On the right of a join it reads the left side: a LATERAL join.
    assert.deepEqual(
      await plan(
        'select * from arr left join lateral unnest(arr.xs) with ordinality u(v, n) on v > id',
      ),
      [
        'Project id#1, xs#2, v#3, n#4',
        '  LateralJoin left on v#3 > id#1',
        '    Scan db.arr [id#1, xs#2]',
        '    TableFunction unnest(xs#2) WITH ORDINALITY [v#3, n#4]',
      ],
    );
    assert.equal(
      (await plan('select * from arr cross join unnest(xs) u'))[1],
      '  LateralJoin cross',
    );
    assert.match(
      await bindError('select * from arr full join lateral unnest(arr.xs) u on true'),
      /^42P10 /,
    );
  });

  it('refuses references to the left of RIGHT/FULL joins (42P10) and without LATERAL (42P01)', async () => {
    const refused = '42P10 43 invalid reference to FROM-clause entry for table "t"';
    assert.equal(
      await bindError('select * from t full join lateral (select t.a) s on true'),
      refused,
    );
    assert.equal(
      await bindError('select * from t right join lateral (select t.a) s on true'),
      refused.replace('43', '44'),
    );
    assert.match(await bindError('select * from t, (select t.a) s'), /^42P01 /);
  });
});
