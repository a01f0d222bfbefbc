import type { Readable, Writable } from 'node:stream';
import {
  defaultScramIterations,
  isValidIterationCount,
  makeScramVerifier,
} from '../pgwire/auth/scram-verifier.js';

/**
 * `lakegate hash-password [--iterations N] [PASSWORD]`: prints the SCRAM-SHA-256
 * verifier for a password, in PostgreSQL's pg_authid format, for a user entry's
 * `secret` (it is also accepted by PostgreSQL's ALTER ROLE … PASSWORD). Without
 * PASSWORD the password is read from standard input (one trailing newline
 * dropped), which keeps it out of the shell history and the process list.
 */

export interface CommandIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
}

const usage = `usage: lakegate hash-password [--iterations N] [PASSWORD]
Prints the SCRAM-SHA-256 verifier for PASSWORD (read from standard input when omitted).
`;

interface Options {
  readonly iterations: number;
  readonly password?: string;
}

function parseArgs(args: readonly string[]): Options | string {
  let iterations = defaultScramIterations;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const inline = /^--iterations=(.*)$/.exec(arg);
    if (arg === '--iterations' || inline !== null) {
      const value = inline?.[1] ?? args[++i] ?? '';
      iterations = /^[0-9]+$/.test(value) ? Number(value) : NaN;
      if (!isValidIterationCount(iterations)) return `invalid iteration count: "${value}"`;
    } else if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') {
      return `unknown option: ${arg}`;
    } else {
      positional.push(arg);
    }
  }
  if (positional.length > 1) return 'too many arguments';
  const [password] = positional;
  return password === undefined || password === '-' ? { iterations } : { iterations, password };
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer));
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export async function hashPasswordCommand(
  args: string[],
  io: CommandIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(usage);
    return 0;
  }
  const options = parseArgs(args);
  if (typeof options === 'string') {
    io.stderr.write(`lakegate hash-password: ${options}\n${usage}`);
    return 2;
  }
  const password = options.password ?? (await readAll(io.stdin));
  if (password === '') {
    // PostgreSQL refuses to store an empty password, and refuses one at login.
    io.stderr.write('lakegate hash-password: empty password\n');
    return 1;
  }
  io.stdout.write(`${makeScramVerifier(password, options.iterations)}\n`);
  return 0;
}
