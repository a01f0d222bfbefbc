/**
 * psql (Debian postgresql-client) against each target: scripted sessions whose whole output is
 * compared with text captured from PostgreSQL 15. The same expected text judges lakegate, so
 * every byte psql prints (column alignment by type, NULLs, command tags, error lines, the
 * caret under the error position) has to match.
 *
 * Not compared: `LOCATION:` lines, which name PostgreSQL's own source file and function.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { describeResult, runProcess, type ProcessResult } from './run-process.js';
import { libpqEnv, selectedTargets, startTarget, type ClientTarget } from './targets.js';

const psqlPath = process.env['LAKEGATE_PSQL'] ?? '/usr/bin/psql';

interface PsqlCase {
  readonly name: string;
  readonly script: string;
  readonly stdout: string;
  readonly stderr: string;
}

const lines = (...text: string[]): string => text.map((line) => `${line}\n`).join('');

const cases: readonly PsqlCase[] = [
  {
    name: 'statement_timeout cancels a long statement; the session goes on',
    script: lines(
      "SET statement_timeout = '200ms';",
      'SELECT pg_sleep(3);',
      'SHOW statement_timeout;',
      'RESET statement_timeout;',
      "SELECT 'after' AS a;",
    ),
    stdout: lines(
      'SET',
      ' statement_timeout ',
      '-------------------',
      ' 200ms',
      '(1 row)',
      '',
      'RESET',
      '   a   ',
      '-------',
      ' after',
      '(1 row)',
      '',
    ),
    stderr: lines('psql:session.sql:2: ERROR:  canceling statement due to statement timeout'),
  },
  {
    name: 'multi-statement input, typed column alignment and NULL',
    script: lines(
      "SELECT 1 AS a, 'x' AS b;",
      "SELECT 1 + 2 AS sum, 'lake' || 'gate' AS name, true AS flag, 2.50::numeric(10,2) AS amount, NULL AS nothing;",
      ';',
      '-- a comment alone is an empty query',
      'SELECT current_database(), current_user;',
    ),
    stdout: lines(
      ' a | b ',
      '---+---',
      ' 1 | x',
      '(1 row)',
      '',
      ' sum |   name   | flag | amount | nothing ',
      '-----+----------+------+--------+---------',
      '   3 | lakegate | t    |   2.50 | ',
      '(1 row)',
      '',
      ' current_database | current_user ',
      '------------------+--------------',
      ' local            | tester',
      '(1 row)',
      '',
    ),
    stderr: '',
  },
  {
    name: 'errors with and without VERBOSITY verbose, caret under the position',
    script: lines(
      'SELEC 1;',
      '\\set VERBOSITY verbose',
      'SELEC 1;',
      'SELECT 1 +;',
      'SELECT 1/0;',
      "SELECT 'still connected' AS after_errors;",
    ),
    stdout: lines('  after_errors   ', '-----------------', ' still connected', '(1 row)', ''),
    stderr: lines(
      'psql:session.sql:1: ERROR:  syntax error at or near "SELEC"',
      'LINE 1: SELEC 1;',
      '        ^',
      'psql:session.sql:3: ERROR:  42601: syntax error at or near "SELEC"',
      'LINE 1: SELEC 1;',
      '        ^',
      'psql:session.sql:4: ERROR:  42601: syntax error at or near ";"',
      'LINE 1: SELECT 1 +;',
      '                  ^',
      'psql:session.sql:5: ERROR:  22012: division by zero',
    ),
  },
  {
    name: 'SET and SHOW of TimeZone and DateStyle, and their effect on output',
    script: lines(
      "SET TimeZone = 'UTC';",
      'SHOW TimeZone;',
      "SET DateStyle = 'ISO, DMY';",
      'SHOW DateStyle;',
      "SELECT DATE '2024-03-05' AS d;",
      "SET DateStyle = 'ISO, MDY';",
      "SET TimeZone = 'Europe/Berlin';",
      "SELECT TIMESTAMPTZ '2024-01-02 03:04:05+00' AS ts, TIMESTAMP '2024-01-02 03:04:05' AS local_ts;",
    ),
    stdout: lines(
      'SET',
      ' TimeZone ',
      '----------',
      ' UTC',
      '(1 row)',
      '',
      'SET',
      ' DateStyle ',
      '-----------',
      ' ISO, DMY',
      '(1 row)',
      '',
      '     d      ',
      '------------',
      ' 2024-03-05',
      '(1 row)',
      '',
      'SET',
      'SET',
      '           ts           |      local_ts       ',
      '------------------------+---------------------',
      ' 2024-01-02 04:04:05+01 | 2024-01-02 03:04:05',
      '(1 row)',
      '',
    ),
    stderr: '',
  },
  {
    name: '\\pset format unaligned',
    script: lines(
      '\\pset format unaligned',
      "SELECT 1 AS a, 2.5 AS b, 'q' AS c;",
      "\\pset fieldsep ','",
      '\\pset footer off',
      "SELECT 7 AS n, 'seven' AS word;",
    ),
    stdout: lines(
      'Output format is unaligned.',
      'a|b|c',
      '1|2.5|q',
      '(1 row)',
      'Field separator is ",".',
      'n,word',
      '7,seven',
    ),
    stderr: '',
  },
  {
    name: 'COPY (query) TO STDOUT in csv with a header',
    script: lines(
      "COPY (SELECT 1 AS a, 'x,y' AS b, NULL::text AS c, 'say \"hi\"' AS d) TO STDOUT WITH (FORMAT csv, HEADER);",
      "COPY (SELECT 3 AS a, 'tab\tand\\backslash' AS b) TO STDOUT;",
    ),
    stdout: lines('a,b,c,d', '1,"x,y",,"say ""hi"""', '3\ttab\\tand\\\\backslash'),
    stderr: '',
  },
];

async function psql(
  target: ClientTarget,
  args: readonly string[],
  cwd: string,
): Promise<ProcessResult> {
  return runProcess(psqlPath, ['-X', '-v', 'ON_ERROR_STOP=0', ...args], {
    cwd,
    env: libpqEnv(target),
    timeoutMs: 30_000,
  });
}

const withoutLocation = (text: string): string =>
  text
    .split('\n')
    .filter((line) => !line.startsWith('LOCATION:  '))
    .join('\n');

for (const kind of selectedTargets()) {
  describe(`psql against ${kind}`, { timeout: 180_000 }, () => {
    let target: ClientTarget;
    let workDir: string;
    before(async () => {
      target = await startTarget(kind);
      workDir = mkdtempSync(join(tmpdir(), 'lakegate-psql-'));
    });
    after(async () => {
      await target?.close();
      if (workDir) rmSync(workDir, { recursive: true, force: true });
    });

    for (const c of cases) {
      it(c.name, async () => {
        writeFileSync(join(workDir, 'session.sql'), c.script);
        const result = await psql(target, ['-f', 'session.sql'], workDir);
        const context = describeResult('psql -f session.sql', result);
        assert.equal(result.code, 0, context);
        assert.equal(result.stdout, c.stdout, context);
        assert.equal(withoutLocation(result.stderr), c.stderr, context);
      });
    }

    it('one Query message with several statements (-c)', async () => {
      const ok = await psql(target, ['-c', 'SELECT 1 AS one; SELECT 2 AS two'], workDir);
      assert.equal(ok.code, 0, describeResult('psql -c', ok));
      assert.equal(
        ok.stdout,
        lines(' one ', '-----', '   1', '(1 row)', '', ' two ', '-----', '   2', '(1 row)', ''),
      );
      // The whole message is parsed before anything runs: a syntax error anywhere means no
      // statement of it executes, and the position counts from the start of the message.
      const bad = await psql(target, ['-c', 'SELECT 1 AS one; SELEC 2; SELECT 3'], workDir);
      assert.equal(bad.code, 1, describeResult('psql -c', bad));
      assert.equal(bad.stdout, '');
      assert.equal(
        withoutLocation(bad.stderr),
        lines(
          'ERROR:  syntax error at or near "SELEC"',
          'LINE 1: SELECT 1 AS one; SELEC 2; SELECT 3',
          '                         ^',
        ),
      );
      // A run-time error stops the rest of the message but earlier results stand.
      const late = await psql(
        target,
        ['-c', 'SELECT 1 AS one; SELECT 1/0; SELECT 3 AS three'],
        workDir,
      );
      assert.equal(
        late.stdout,
        lines(' one ', '-----', '   1', '(1 row)', ''),
        describeResult('psql -c', late),
      );
      assert.equal(withoutLocation(late.stderr), lines('ERROR:  division by zero'));
    });

    it('\\copy (query) TO a client-side file', async () => {
      const script = lines(
        "\\copy (SELECT 1 AS a, 'x,y' AS b, NULL::text AS c) TO 'out.csv' WITH (FORMAT csv, HEADER)",
        "SELECT 'after' AS done;",
      );
      writeFileSync(join(workDir, 'copy.sql'), script);
      const result = await psql(target, ['-f', 'copy.sql'], workDir);
      const context = describeResult('psql \\copy', result);
      assert.equal(result.code, 0, context);
      assert.equal(
        result.stdout,
        lines('COPY 1', ' done  ', '-------', ' after', '(1 row)', ''),
        context,
      );
      assert.equal(result.stderr, '', context);
      assert.equal(readFileSync(join(workDir, 'out.csv'), 'utf8'), lines('a,b,c', '1,"x,y",'));
    });

    it('a session from stdin, and version()', async () => {
      const result = await runProcess(psqlPath, ['-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1'], {
        env: libpqEnv(target),
        timeoutMs: 30_000,
        input: 'SELECT version();\nSHOW server_version;\n',
      });
      assert.equal(result.code, 0, describeResult('psql stdin', result));
      const [version, serverVersion] = result.stdout.trimEnd().split('\n');
      // Tools (DBeaver, pgAdmin, ORMs) parse both: they must read as PostgreSQL 15.
      assert.match(version ?? '', /^PostgreSQL 15\.\d+ /, result.stdout);
      assert.match(serverVersion ?? '', /^15\.\d+/, result.stdout);
    });
  });
}
