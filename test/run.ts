/**
 * Runs the test suite from the compiled tree: unit tests beside the code
 * (`dist/{src,planner,workers,catalog}/**\/*.test.js`) and the integration suites under
 * `dist/test/**\/*.test.js`. `node test/run.js unit` runs only the unit tests.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const distRoot = fileURLToPath(new URL('..', import.meta.url));
const unitRoots = ['src', 'planner', 'workers', 'catalog'];
const only = process.argv[2];

function testFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.js') ? [path] : [];
  });
}

const roots = only === 'unit' ? unitRoots : only ? [only] : [...unitRoots, 'test'];
const files = roots.flatMap((r) => testFiles(join(distRoot, r))).sort();
if (files.length === 0) {
  console.error(`no test files under ${roots.join(', ')}`);
  process.exit(1);
}
console.log(
  `running ${files.length} test files: ${files.map((f) => relative(distRoot, f)).join(' ')}`,
);
const result = spawnSync(
  process.execPath,
  ['--enable-source-maps', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
