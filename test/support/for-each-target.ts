/**
 * Runs one protocol suite against every selected target: a real PostgreSQL 15 (database
 * `postgres`) to prove the assertions are PostgreSQL's behaviour, and lakegate (database
 * `local`). `LAKEGATE_TEST_TARGETS=postgres|lakegate|both` (default both) picks the targets.
 */
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { postgresUnavailableReason, startPostgres } from './postgres.js';
import type { TargetKind, TestTarget } from './test-target.js';

const startTimeoutMs = 120_000;

export interface TargetContext {
  readonly kind: TargetKind;
  /** The running target; only valid inside tests and hooks (it starts in a `before` hook). */
  readonly target: () => TestTarget;
}

const starters: Record<TargetKind, () => Promise<TestTarget>> = {
  postgres: startPostgres,
  // Loaded lazily so a PostgreSQL-only run does not need the lakegate server to load.
  lakegate: async () => (await import('./lakegate.js')).startLakegateTarget(),
};

/** The targets chosen by LAKEGATE_TEST_TARGETS. */
export function selectedTargets(): TargetKind[] {
  const value = (process.env['LAKEGATE_TEST_TARGETS'] ?? 'both').trim().toLowerCase();
  if (value === 'both' || value === '') return ['postgres', 'lakegate'];
  if (value === 'postgres' || value === 'lakegate') return [value];
  throw new Error(`LAKEGATE_TEST_TARGETS must be postgres, lakegate or both, not "${value}"`);
}

function skipReason(kind: TargetKind): string | undefined {
  if (!selectedTargets().includes(kind)) {
    return `target ${kind} not selected (LAKEGATE_TEST_TARGETS=${process.env['LAKEGATE_TEST_TARGETS'] ?? ''})`;
  }
  return kind === 'postgres' ? postgresUnavailableReason() : undefined;
}

/** Declares `describe('<name> [<target>]')` per target with the same body. */
export function forEachTarget(name: string, body: (context: TargetContext) => void): void {
  for (const kind of ['postgres', 'lakegate'] as const) {
    const skip = skipReason(kind);
    if (skip !== undefined) {
      describe(`${name} [${kind}]`, { skip }, () => undefined);
      continue;
    }
    describe(`${name} [${kind}]`, () => {
      let running: TestTarget | undefined;
      before(async () => (running = await starters[kind]()), { timeout: startTimeoutMs });
      after(async () => running?.close());
      body({
        kind,
        target: () => {
          assert.ok(running, `${kind} target is not running (did its start-up fail?)`);
          return running;
        },
      });
    });
  }
}
