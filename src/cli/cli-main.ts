import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { LakeError, toLakeError } from '../common/errors.js';
import { SqlState } from '../common/sqlstate.js';
import { hashPasswordCommand } from './hash-password.js';
import { HELP } from './help.js';
import { serveCommand } from './serve-command.js';
import { sqlCommand } from './sql-command.js';

/** Every flag `main` accepts; exported so the --help test can check HELP mentions each. */
export const OPTIONS = {
  config: { type: 'string' },
  warehouse: { type: 'string' },
  catalog: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  demo: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

export interface CliOptions {
  readonly config?: string;
  readonly warehouse?: string;
  readonly catalog?: string;
  readonly host?: string;
  readonly port?: number;
  readonly demo: boolean;
}

/** Entry point of the `lakegate` bin; resolves to the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [command, ...rest] = positionals;
    if (values.version) {
      process.stdout.write(`lakegate ${packageVersion()}\n`);
      return 0;
    }
    if (values.help || command === undefined || command === 'help') {
      process.stdout.write(HELP);
      return command === undefined && !values.help ? 1 : 0;
    }
    const options: CliOptions = {
      demo: values.demo ?? false,
      ...(values.config === undefined ? {} : { config: values.config }),
      ...(values.warehouse === undefined ? {} : { warehouse: values.warehouse }),
      ...(values.catalog === undefined ? {} : { catalog: values.catalog }),
      ...(values.host === undefined ? {} : { host: values.host }),
      ...(values.port === undefined ? {} : { port: parsePort(values.port) }),
    };
    switch (command) {
      case 'serve':
        return await serveCommand(options);
      case 'sql':
        return await sqlCommand(options, rest);
      case 'hash-password':
        return await hashPasswordCommand(rest);
      default:
        process.stderr.write(`lakegate: unknown command "${command}"\n\n${HELP}`);
        return 2;
    }
  } catch (err) {
    // node:util parseArgs rejects unknown or malformed flags: a usage error, not a crash.
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
      process.stderr.write(`lakegate: ${(err as Error).message}\n`);
      return 2;
    }
    const e = toLakeError(err);
    process.stderr.write(`lakegate: ${e.message}\n`);
    return e.sqlstate === 'XX000' ? 70 : 1;
  }
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new LakeError(
      SqlState.invalidParameterValue,
      `--port must be an integer from 0 to 65535, got "${text}"`,
    );
  }
  return port;
}

export function packageVersion(): string {
  const pkg = JSON.parse(
    readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  return pkg.version;
}
