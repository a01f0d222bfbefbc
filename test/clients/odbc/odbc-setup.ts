/**
 * Everything the psqlODBC suite needs outside Node: a private odbcinst.ini/odbc.ini pair (the
 * unixODBC driver manager reads them from ODBCSYSINI/ODBCINI, so /etc is never consulted or
 * changed) and the C client compiled with gcc against unixODBC into a temp dir.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clientFile } from '../client-files.js';
import { describeResult, runProcess } from '../run-process.js';

/** The Debian odbc-postgresql package's Unicode driver (psqlODBC 13). */
export const psqlOdbcDriver =
  process.env['LAKEGATE_PSQLODBC'] ?? '/usr/lib/x86_64-linux-gnu/odbc/psqlodbcw.so';
export const isqlPath = process.env['LAKEGATE_ISQL'] ?? '/usr/bin/isql';
const gccPath = process.env['LAKEGATE_GCC'] ?? '/usr/bin/gcc';
/** Where sql.h/sqlext.h are (Debian unixodbc-dev); overridable for a local header copy. */
const odbcInclude = process.env['LAKEGATE_ODBC_INCLUDE'] ?? '/usr/include';

export const driverName = 'PostgreSQL Unicode';
export const dsn = 'lakegate_test';
/** The same server read through DECLARE/FETCH cursors, 10 rows per FETCH. */
export const streamDsn = 'lakegate_test_stream';

export interface OdbcServer {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
}

/** Why the ODBC suite cannot run here, or undefined when the driver and isql are installed. */
export function odbcUnavailableReason(): string | undefined {
  if (!existsSync(psqlOdbcDriver)) return `psqlODBC driver ${psqlOdbcDriver} not installed`;
  if (!existsSync(isqlPath)) return `unixODBC isql ${isqlPath} not installed`;
  return undefined;
}

/** Why the C client cannot be built here: no gcc, or no unixODBC headers (unixodbc-dev). */
export function compilerUnavailableReason(): string | undefined {
  if (!existsSync(gccPath)) return `gcc ${gccPath} not installed`;
  if (!existsSync(join(odbcInclude, 'sqlext.h'))) {
    return `unixODBC headers missing (${odbcInclude}/sqlext.h): apt-get install unixodbc-dev`;
  }
  return undefined;
}

/**
 * Writes odbcinst.ini and odbc.ini into `dir` and returns the environment that points the
 * driver manager at them. TextAsLongVarchar=0 makes text columns SQL_(W)VARCHAR rather than
 * SQL_(W)LONGVARCHAR; SSLmode=disable keeps psqlODBC from asking for TLS.
 */
export function writeOdbcConfig(dir: string, server: OdbcServer): Record<string, string> {
  const odbcinst = [`[${driverName}]`, `Driver=${psqlOdbcDriver}`, ''].join('\n');
  const source = (name: string, extra: readonly string[]): string[] => [
    `[${name}]`,
    `Driver=${driverName}`,
    `Servername=${server.host}`,
    `Port=${String(server.port)}`,
    `Database=${server.database}`,
    `Username=${server.user}`,
    'SSLmode=disable',
    'TextAsLongVarchar=0',
    ...extra,
    '',
  ];
  const odbcIni = [...source(dsn, []), ...source(streamDsn, ['UseDeclareFetch=1', 'Fetch=10'])];
  writeFileSync(join(dir, 'odbcinst.ini'), odbcinst);
  writeFileSync(join(dir, 'odbc.ini'), odbcIni.join('\n'));
  return {
    ODBCSYSINI: dir,
    ODBCINI: join(dir, 'odbc.ini'),
    // No user-level ~/.odbc.ini may add or override data sources.
    HOME: dir,
    LC_ALL: 'C.UTF-8',
    LANG: 'C.UTF-8',
  };
}

/** Compiles test/clients/odbc/odbc_check.c into `dir`; returns the executable's path. */
export async function compileOdbcCheck(dir: string): Promise<string> {
  const output = join(dir, 'odbc_check');
  const args = ['-std=c11', '-O0', '-Wall', '-Wextra', '-Werror', `-I${odbcInclude}`];
  // unixodbc.h (included by sqltypes.h) sits in the multiarch include dir on Debian.
  const multiarch = join(odbcInclude, 'x86_64-linux-gnu');
  if (existsSync(multiarch)) args.push(`-I${multiarch}`);
  // The runtime soname, so linking works without the libodbc.so dev symlink.
  args.push('-o', output, clientFile('odbc/odbc_check.c'), '-l:libodbc.so.2');
  const result = await runProcess(gccPath, args, { timeoutMs: 60_000 });
  if (result.code !== 0) throw new Error(describeResult('gcc odbc_check.c', result));
  return output;
}
