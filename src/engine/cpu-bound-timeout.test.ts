import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LakeError } from '../common/errors.js';
import { openTestSession } from './engine-test-harness.js';

test('statement_timeout stops a CPU-bound join that never waits on I/O', async () => {
  const t = await openTestSession();
  try {
    await t.run('set statement_timeout = 300');
    const started = performance.now();
    // 10^10 candidate pairs, none kept: without a turn of the event loop now and then
    // (exec/yield-if-due.ts) the timer could not fire until the join had finished.
    const error = await t
      .run(
        'select count(*) from generate_series(1, 100000) a, generate_series(1, 100000) b where a.a + b.b = 0',
      )
      .then(
        () => null,
        (e: unknown) => e,
      );
    const elapsed = performance.now() - started;
    assert.ok(error instanceof LakeError, `expected a timeout, got ${String(error)}`);
    assert.equal(error.sqlstate, '57014');
    assert.match(error.message, /statement timeout/);
    assert.ok(elapsed < 5000, `timed out after ${Math.round(elapsed)} ms`);
    // The session is usable afterwards.
    assert.deepEqual((await t.run('select 1')).rows, [['1']]);
  } finally {
    await t.close();
  }
});
