import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bind } from '../bind/bind-fixtures.js';
import { printPlan } from '../plan/print-plan.js';
import { decorrelateLateral } from './decorrelate-lateral.js';

const flattened = async (sql: string): Promise<string[]> =>
  printPlan(decorrelateLateral((await bind(sql)).plan));

describe('decorrelate-lateral', () => {
  it('turns filter correlation into the join condition, projections above the join', async () => {
    assert.deepEqual(
      await flattened(
        'select * from t join lateral (select d, t.c + 1 as e from u where u.a = t.a) s on d > 0',
      ),
      [
        'Project a#1, b#2, c#3, d#5, e#6',
        '  Filter d#5 > 0',
        '    Project a#1, b#2, c#3, d#5, c#3 + 1 AS e#6',
        '      HashJoin inner (build right) on a#4 = a#1',
        '        Scan db.t [a#1, b#2, c#3]',
        '        Scan db.u [a#4, d#5]',
      ],
    );
  });

  it('flattens LEFT only through renames, the ON condition read through them', async () => {
    assert.deepEqual(
      await flattened(
        'select * from t left join lateral (select d as z from u where u.a = t.a order by d) s on z > 0',
      ),
      [
        'Project a#1, b#2, c#3, z#5',
        // `d AS z` keeps d's id, so the plan names it z throughout.
        '  Project a#1, b#2, c#3, z#5',
        '    HashJoin left (build right) on a#4 = a#1 AND z#5 > 0',
        '      Scan db.t [a#1, b#2, c#3]',
        '      Scan db.u [a#4, z#5]',
      ],
    );
    // A computed output (t.c) would not be NULL on a padded row: stays dependent.
    const kept = await flattened(
      'select * from t left join lateral (select d, t.c from u where u.a = t.a) s on true',
    );
    assert.equal(kept[1], '  LateralJoin left on true');
  });

  it('gives an inner LATERAL function the left side as input; LEFT stays dependent', async () => {
    assert.deepEqual(await flattened('select * from arr join unnest(xs) u on u > id'), [
      'Project id#1, xs#2, u#3',
      '  Filter u#3 > id#1',
      '    TableFunction unnest(xs#2) [id#1, xs#2, u#3]',
      '      Scan db.arr [id#1, xs#2]',
    ]);
    const left = await flattened('select * from arr left join lateral unnest(xs) u on true');
    assert.equal(left[1], '  LateralJoin left on true');
  });

  it('keeps LIMIT and aggregates dependent', async () => {
    const limited = await flattened(
      'select * from t, lateral (select d from u where u.a = t.a limit 1) s',
    );
    assert.equal(limited[1], '  LateralJoin cross');
    const counted = await flattened(
      'select * from t, lateral (select count(*) from u where u.a = t.a) s',
    );
    assert.equal(counted[1], '  LateralJoin cross');
  });
});
