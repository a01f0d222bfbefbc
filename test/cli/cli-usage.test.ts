/**
 * `lakegate --help`, `--version`, unknown commands and flags, and no command: exit codes and
 * output of the real bin. The lists of commands and flags come from src/cli/cli-main.ts itself
 * (its OPTIONS and the `case` labels of its command switch), so the help text cannot drift.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { OPTIONS } from '../../src/cli/cli-main.js';
import { describeResult } from '../clients/run-process.js';
import { repoRoot, runCli } from './cli-process.js';

function commandsInSource(): string[] {
  const source = readFileSync(join(repoRoot, 'src', 'cli', 'cli-main.ts'), 'utf8');
  const commands = [...source.matchAll(/^\s*case '([a-z-]+)':/gm)].map((m) => m[1] ?? '');
  assert.ok(
    commands.length >= 3,
    `expected the command switch in cli-main.ts, got ${commands.join(', ')}`,
  );
  return commands;
}

describe('lakegate --help and --version', () => {
  it('--help exits 0 and names every command and option main() accepts', async () => {
    const result = await runCli(['--help']);
    assert.equal(result.code, 0, describeResult('lakegate --help', result));
    assert.equal(result.stderr, '');
    for (const command of commandsInSource()) {
      assert.match(result.stdout, new RegExp(`lakegate ${command}\\b`), `command ${command}`);
    }
    for (const name of Object.keys(OPTIONS)) {
      assert.ok(result.stdout.includes(`--${name}`), `option --${name} missing from --help`);
    }
  });

  it('-h and `help` print the same text', async () => {
    const long = await runCli(['--help']);
    const short = await runCli(['-h']);
    const word = await runCli(['help']);
    assert.equal(short.code, 0);
    assert.equal(word.code, 0);
    assert.equal(short.stdout, long.stdout);
    assert.equal(word.stdout, long.stdout);
  });

  it("--version prints package.json's version", async () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    for (const flag of ['--version', '-V']) {
      const result = await runCli([flag]);
      assert.equal(result.code, 0, describeResult(`lakegate ${flag}`, result));
      assert.equal(result.stdout, `lakegate ${pkg.version}\n`);
    }
  });

  it('an unknown command exits 2 naming it, with the help on stderr', async () => {
    const help = (await runCli(['--help'])).stdout;
    const result = await runCli(['frobnicate']);
    assert.equal(result.code, 2, describeResult('lakegate frobnicate', result));
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, `lakegate: unknown command "frobnicate"\n\n${help}`);
  });

  it('no command prints the help and exits 1', async () => {
    const help = (await runCli(['--help'])).stdout;
    const result = await runCli([]);
    assert.equal(result.code, 1, describeResult('lakegate', result));
    assert.equal(result.stdout, help);
  });

  it('an unknown flag is a usage error (exit 2), not an internal error', async () => {
    const result = await runCli(['serve', '--bogus']);
    assert.equal(result.code, 2, describeResult('lakegate serve --bogus', result));
    assert.match(result.stderr, /^lakegate: Unknown option '--bogus'/);
    assert.doesNotMatch(result.stderr, /internal error|\n\s+at /);
  });

  it('an out-of-range --port is a clear error with exit 1', async () => {
    const result = await runCli(['serve', '--port', '99999']);
    assert.equal(result.code, 1, describeResult('lakegate serve --port 99999', result));
    assert.equal(
      result.stderr,
      'lakegate: --port must be an integer from 0 to 65535, got "99999"\n',
    );
  });
});
