import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bindError, plan } from './bind-fixtures.js';

describe('row-valued subqueries', () => {
  it('compares a row with a subquery row as one scalar subquery per column', async () => {
    assert.deepEqual(await plan('select * from t where (a, c) <> (select a, 1 from u)'), [
      'Project a#1, b#2, c#3',
      '  Filter a#1 <> (SubPlan 1) OR c#3 <> (SubPlan 2)::bigint',
      '    Scan db.t [a#1, b#2, c#3]',
      '    SubPlan 1',
      '      Project a#4',
      '        Project a#4, 1 AS ?column?#6',
      '          Scan db.u [a#4, d#5]',
      '    SubPlan 2',
      '      Project ?column?#9',
      '        Project a#7, 1 AS ?column?#9',
      '          Scan db.u [a#7, d#8]',
    ]);
  });

  it('checks the width at the operator (42601), as PostgreSQL does', async () => {
    assert.equal(
      await bindError('select (1, 2) = (select 1, 2, 3)'),
      '42601 15 subquery has too many columns',
    );
    assert.equal(
      await bindError('select (1, 2) < (select 1)'),
      '42601 15 subquery has too few columns',
    );
    assert.equal(
      await bindError('select (1, 2) in (select 1)'),
      '42601 15 subquery has too few columns',
    );
    // Only a row on the left makes a row comparison.
    assert.equal(
      await bindError('select (select 1, 2) = (1, 2)'),
      '42601 8 subquery must return only one column',
    );
  });
});
