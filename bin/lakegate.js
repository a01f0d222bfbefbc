#!/usr/bin/env node
// Launcher for the compiled CLI (built by `npm run build`, which `npm ci` runs via `prepare`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/cli-main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('lakegate: not built yet; run `npm run build` first\n');
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
// Give pending output a moment, but never hang on a stray handle after the command is done.
setTimeout(() => process.exit(process.exitCode ?? 0), 2000).unref();
