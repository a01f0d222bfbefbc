import { join, resolve } from 'node:path';
import {
  type Data,
  DateDay,
  Decimal,
  Field,
  Int32,
  Int64,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimestampMicrosecond,
  Utf8,
  makeData,
  vectorFromArray,
} from 'apache-arrow';
import type { Catalog, TableIdent } from '../../catalog/catalog.js';
import { LakeError } from '../common/errors.js';
import { SqlState } from '../common/sqlstate.js';
import type { FileIO } from '../storage/file-io.js';
import { type ParquetCompression, writeParquetBytes } from '../storage/parquet-writer.js';

export const DEMO_TABLE: TableIdent = { namespace: 'sample', name: 'orders' };
export const DEMO_ROWS = 500;

/** The demo table's columns with Spark type names, as the catalog records them. */
export const DEMO_COLUMNS = [
  { name: 'order_id', type: 'bigint' },
  { name: 'customer_id', type: 'int' },
  { name: 'order_date', type: 'date' },
  { name: 'status', type: 'string' },
  { name: 'amount', type: 'decimal(10,2)' },
  { name: 'quantity', type: 'int' },
  { name: 'region', type: 'string' },
  { name: 'updated_at', type: 'timestamp' },
] as const;

/**
 * Creates, if absent, `sample.orders`: a plain Parquet table of 500 deterministic rows
 * in two files (one ZSTD, one SNAPPY) under `<warehouse>/sample.db/orders`, so the first
 * query of `lakegate serve --demo` returns rows. Files are written before the catalog
 * entry, so a crash never leaves a table without data.
 */
export async function ensureDemoData(
  catalog: Catalog,
  io: FileIO,
  warehouse: string,
): Promise<{ created: boolean }> {
  if ((await catalog.loadTable(DEMO_TABLE)) !== null) return { created: false };
  await catalog.createNamespace(DEMO_TABLE.namespace, { ifNotExists: true });
  const location = join(resolve(warehouse), `${DEMO_TABLE.namespace}.db`, DEMO_TABLE.name);
  const rows = demoOrders();
  const half = DEMO_ROWS / 2;
  const files: [string, ParquetCompression, number, number][] = [
    ['part-00000-demo.zstd.parquet', 'zstd', 0, half],
    ['part-00001-demo.snappy.parquet', 'snappy', half, DEMO_ROWS],
  ];
  for (const [name, compression, from, to] of files) {
    const bytes = writeParquetBytes(rows.slice(from, to), {
      compression,
      createdBy: 'lakegate demo',
    });
    await io.writeAtomic(join(location, name), bytes);
  }
  try {
    await catalog.createTable({
      ident: DEMO_TABLE,
      location,
      format: 'parquet',
      parameters: { comment: 'lakegate demo data' },
      columns: DEMO_COLUMNS,
      partitionKeys: [],
    });
  } catch (err) {
    // Another process created it between our check and now: theirs stands.
    if (err instanceof LakeError && err.sqlstate === SqlState.duplicateTable)
      return { created: false };
    throw err;
  }
  return { created: true };
}

/** mulberry32: a small seeded PRNG, so every warehouse gets the same demo rows. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES = [
  'pending',
  'shipped',
  'delivered',
  'delivered',
  'delivered',
  'cancelled',
  'returned',
];
const REGIONS = ['north', 'south', 'east', 'west'];
/** 2024-01-01 as days since the Unix epoch. */
const FIRST_DAY = 19_723;

/** The demo rows as one Arrow table (column types as DEMO_COLUMNS, timestamps in UTC). */
export function demoOrders(): Table {
  const next = prng(20240101);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const n = DEMO_ROWS;
  const orderId = new BigInt64Array(n);
  const customer = new Int32Array(n);
  const day = new Int32Array(n);
  const cents = new Uint32Array(n * 4); // Decimal128: four little-endian 32-bit words per value
  const quantity = new Int32Array(n);
  const updated = new BigInt64Array(n);
  const status: string[] = [];
  const region: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    orderId[i] = BigInt(1001 + i);
    customer[i] = 1 + Math.floor(next() * 120);
    day[i] = FIRST_DAY + Math.floor(next() * 366);
    quantity[i] = 1 + Math.floor(next() * 10);
    cents[i * 4] = (quantity[i] ?? 0) * (199 + Math.floor(next() * 25_000));
    status.push(pick(STATUSES));
    region.push(next() < 0.03 ? null : pick(REGIONS));
    const seconds = (day[i] ?? 0) * 86_400 + Math.floor(next() * 3 * 86_400);
    updated[i] = BigInt(seconds) * 1_000_000n;
  }
  const int32 = (name: string, values: Int32Array): Column => fixed(name, new Int32(), values, n);
  return table([
    fixed('order_id', new Int64(), orderId, n),
    int32('customer_id', customer),
    fixed('order_date', new DateDay(), day, n),
    text('status', status, false),
    fixed('amount', new Decimal(2, 10, 128), cents, n),
    int32('quantity', quantity),
    text('region', region, true),
    fixed('updated_at', new TimestampMicrosecond('UTC'), updated, n),
  ]);
}

type Column = readonly [Field, Data];

/** A non-null fixed-width column over a typed array of its physical values (makeData's overloads are per concrete type, hence the cast). */
function fixed<T extends Int32 | Int64 | DateDay | Decimal | TimestampMicrosecond>(
  name: string,
  type: T,
  values: T['TArray'],
  length: number,
): Column {
  return [new Field(name, type, false), makeData({ type, length, data: values } as never)];
}

function text(name: string, values: readonly (string | null)[], nullable: boolean): Column {
  return [
    new Field(name, new Utf8(), nullable),
    vectorFromArray(values, new Utf8()).data[0] as Data,
  ];
}

function table(columns: readonly Column[]): Table {
  const fields = columns.map(([f]) => f);
  const length = columns[0]?.[1].length ?? 0;
  const data = makeData({
    type: new Struct(fields),
    length,
    nullCount: 0,
    children: columns.map(([, d]) => d),
  });
  return new Table(new RecordBatch(new Schema(fields), data));
}
