/**
 * Runs every `test/sql/*.slt` file (DESIGN.md §4.9) in-process, over the wire, and against a
 * real PostgreSQL 15 with the same demo table: the expected rows are PostgreSQL's answers,
 * so a file proves lakegate and its own expectations at once.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { selectedTargets } from '../support/for-each-target.js';
import { inProcessExecutor, wireExecutor, type SltExecutor } from './slt-executors.js';
import { parseSlt, type SltRecord } from './slt-file.js';

const sourceDir = fileURLToPath(new URL('../../../test/sql/', import.meta.url));
const files = readdirSync(sourceDir)
  .filter((f) => f.endsWith('.slt'))
  .sort();

async function runFile(
  executor: SltExecutor,
  records: readonly SltRecord[],
  file: string,
): Promise<void> {
  for (const record of records) {
    if (record.lakegateOnly && executor.name.startsWith('postgres')) continue;
    const where = `${file}:${record.line} (${executor.name})\n${record.sql}`;
    const result = await executor.run(record.sql);
    if (record.kind === 'statement') {
      if (record.error === null) assert.equal(result.sqlstate, null, `${where}\n${result.message}`);
      else assert.equal(result.sqlstate, record.error, `${where}\n${result.message}`);
      continue;
    }
    assert.equal(result.sqlstate, null, `${where}\n${result.message}`);
    const rows = record.rowsort ? [...(result.rows ?? [])].sort() : result.rows;
    const expected = record.rowsort ? [...record.expected].sort() : record.expected;
    assert.deepEqual(rows, expected, where);
  }
}

const executors: Record<string, () => Promise<{ executor: SltExecutor; cleanup: () => void }>> = {
  'lakegate in-process': async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lakegate-slt-'));
    return {
      executor: await inProcessExecutor(dir),
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  'lakegate over the wire': async () => ({
    executor: await wireExecutor('lakegate'),
    cleanup: () => undefined,
  }),
  ...(selectedTargets().includes('postgres')
    ? {
        'postgres over the wire': async () => ({
          executor: await wireExecutor('postgres'),
          cleanup: () => undefined,
        }),
      }
    : {}),
};

for (const [name, start] of Object.entries(executors)) {
  describe(`SQL logic tests: ${name}`, { timeout: 300_000 }, () => {
    for (const file of files) {
      it(file, async () => {
        const records = parseSlt(readFileSync(join(sourceDir, file), 'utf8'), file);
        const { executor, cleanup } = await start();
        try {
          await runFile(executor, records, file);
        } finally {
          await executor.close();
          cleanup();
        }
      });
    }
  });
}
