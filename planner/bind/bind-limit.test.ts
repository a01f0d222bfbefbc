import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bindError, plan } from './bind-fixtures.js';

describe('FETCH FIRST ... WITH TIES', () => {
  it('replaces the ORDER BY sort by a TopN keeping ties, below the select list', async () => {
    assert.deepEqual(
      await plan('select a from t order by b offset 1 fetch first 2 rows with ties'),
      ['Project a#1', '  TopN 2 with ties offset 1 by b#2', '    Scan db.t [a#1, b#2, c#3]'],
    );
    // DISTINCT and set operations sort above their outputs.
    assert.deepEqual(
      (await plan('select distinct a from t order by a fetch next row with ties'))[0],
      'TopN 1 with ties by a#1',
    );
    assert.deepEqual(
      (
        await plan('select a from t union select a from u order by 1 fetch first 3 rows with ties')
      )[0],
      'TopN 3 with ties by a#6',
    );
    // Without ties it stays a Limit (the optimizer fuses it).
    assert.deepEqual(
      (await plan('select a from t order by a fetch first 2 rows only'))[0],
      'Limit 2',
    );
  });

  it('needs ORDER BY (42601) and a count that is not a NULL literal (2201W)', async () => {
    assert.equal(
      await bindError('select a from t fetch first 2 rows with ties'),
      '42601 - WITH TIES cannot be specified without ORDER BY clause',
    );
    assert.equal(
      await bindError('select a from t order by a fetch first null rows with ties'),
      '2201W - row count cannot be null in FETCH FIRST ... WITH TIES clause',
    );
  });
});
