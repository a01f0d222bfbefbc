/**
 * pgjdbc (Debian libpostgresql-jdbc-java, or any jar named by LAKEGATE_PGJDBC_JAR, e.g. the
 * org.postgresql:postgresql jar from Maven Central) against each target. The checks live in
 * java/JdbcClientCheck.java; this test compiles it, runs it and asserts on its OK lines.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { clientFile } from './client-files.js';
import { describeResult, runProcess } from './run-process.js';
import { selectedTargets, startTarget, type ClientTarget } from './targets.js';

const jar = process.env['LAKEGATE_PGJDBC_JAR'] ?? '/usr/share/java/postgresql.jar';
const javaHome = process.env['JAVA_HOME'];
const javac = javaHome ? join(javaHome, 'bin', 'javac') : 'javac';
const java = javaHome ? join(javaHome, 'bin', 'java') : 'java';

const expectedChecks = [
  'connect',
  'metadata',
  'prepared x10 with server-side prepare and binary results',
  'fetch-size streaming',
  'query-timeout 57014',
  'cancel 57014',
  'syntax error 42601',
  'set/show',
  'copy-out',
];

describe('pgjdbc', { timeout: 300_000 }, () => {
  let classes: string;
  before(async () => {
    classes = mkdtempSync(join(tmpdir(), 'lakegate-jdbc-'));
    const source = clientFile('java/JdbcClientCheck.java');
    const result = await runProcess(javac, ['-d', classes, '-cp', jar, source], {
      timeoutMs: 120_000,
    });
    assert.equal(result.code, 0, describeResult(`javac (jar ${jar})`, result));
  });
  after(() => {
    if (classes) rmSync(classes, { recursive: true, force: true });
  });

  for (const kind of selectedTargets()) {
    describe(`against ${kind}`, () => {
      let target: ClientTarget;
      before(async () => {
        target = await startTarget(kind);
      });
      after(async () => {
        await target?.close();
      });

      it('runs every JdbcClientCheck check', async () => {
        const url = `jdbc:postgresql://${target.host}:${target.port}/${target.database}`;
        const result = await runProcess(
          java,
          ['-cp', `${jar}:${classes}`, 'JdbcClientCheck', url, target.user, target.streamSql],
          { timeoutMs: 120_000 },
        );
        const context = describeResult('java JdbcClientCheck', result);
        const okLines = result.stdout.split('\n').filter((line) => line.startsWith('OK '));
        for (const check of expectedChecks) {
          assert.ok(
            okLines.some((line) => line.startsWith(`OK ${check}`)),
            `missing OK ${check}\n${context}`,
          );
        }
        assert.equal(result.code, 0, context);
        assert.match(result.stdout, /^DONE$/m, context);
      });
    });
  }
});
