/**
 * lakegate's demo table `sample.orders`, as a psql script that creates and fills the same
 * table in a real PostgreSQL, so client suites can run identical queries on both targets and
 * compare whole results. The rows come from the same generator `--demo` uses.
 */
import { demoOrders, DEMO_COLUMNS } from '../../src/cli/demo-data.js';
import { formatType } from '../../src/common/sql-types.js';
import { formatValue } from '../../src/common/values/format-value.js';
import { readColumn } from '../../src/common/values/read-value.js';
import { resolveLakeType } from '../../planner/bind/resolve-type-name.js';

/** COPY text format escapes (PostgreSQL docs, COPY "Text Format"). */
const escapeCopy = (s: string): string =>
  s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

export function demoOrdersPsqlScript(): string {
  const columns = DEMO_COLUMNS.map((c) => ({ name: c.name, type: resolveLakeType(c.type) }));
  const table = demoOrders();
  const values = columns.map((c, i) => readColumn(table.getChildAt(i)!, c.type));
  const options = { timeZone: 'UTC', extraFloatDigits: 1 };
  const lines: string[] = [];
  for (let r = 0; r < table.numRows; r++) {
    const cells = columns.map((c, i) => {
      const text = formatValue(c.type, values[i]![r] ?? null, options);
      return text === null ? '\\N' : escapeCopy(text);
    });
    lines.push(cells.join('\t'));
  }
  const ddl = columns.map((c) => `${c.name} ${formatType(c.type)}`).join(', ');
  return [
    "SET TimeZone = 'UTC';",
    'CREATE SCHEMA sample;',
    `CREATE TABLE sample.orders (${ddl});`,
    'COPY sample.orders FROM stdin;',
    ...lines,
    '\\.',
    '',
  ].join('\n');
}
