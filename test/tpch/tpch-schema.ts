/**
 * The eight TPC-H tables as tpchgen-cli writes them to Parquet, with the Hive/Spark type text
 * the local catalog records. tpchgen-cli's Parquet types (checked with DuckDB's
 * `parquet_schema` on its output): keys are INT64 → `bigint`; p_size, ps_availqty,
 * l_linenumber and o_shippriority are INT32 → `int`; money, quantities, discounts and taxes are
 * DECIMAL(15,2) stored on INT64 → `decimal(15,2)`; dates are DATE on INT32 → `date`; every
 * other column is a UTF8 string → `string` (the spec's CHAR(n)/VARCHAR(n) lengths are not
 * kept, so values are never blank-padded).
 */
import type { TableColumn } from '../../catalog/catalog.js';

export const TPCH_NAMESPACE = 'tpch';

const key = 'bigint';
const int = 'int';
const money = 'decimal(15,2)';
const text = 'string';
const date = 'date';

const columns = (spec: readonly (readonly [string, string])[]): readonly TableColumn[] =>
  spec.map(([name, type]) => ({ name, type }));

export const TPCH_TABLES: ReadonlyMap<string, readonly TableColumn[]> = new Map([
  [
    'region',
    columns([
      ['r_regionkey', key],
      ['r_name', text],
      ['r_comment', text],
    ]),
  ],
  [
    'nation',
    columns([
      ['n_nationkey', key],
      ['n_name', text],
      ['n_regionkey', key],
      ['n_comment', text],
    ]),
  ],
  [
    'supplier',
    columns([
      ['s_suppkey', key],
      ['s_name', text],
      ['s_address', text],
      ['s_nationkey', key],
      ['s_phone', text],
      ['s_acctbal', money],
      ['s_comment', text],
    ]),
  ],
  [
    'customer',
    columns([
      ['c_custkey', key],
      ['c_name', text],
      ['c_address', text],
      ['c_nationkey', key],
      ['c_phone', text],
      ['c_acctbal', money],
      ['c_mktsegment', text],
      ['c_comment', text],
    ]),
  ],
  [
    'part',
    columns([
      ['p_partkey', key],
      ['p_name', text],
      ['p_mfgr', text],
      ['p_brand', text],
      ['p_type', text],
      ['p_size', int],
      ['p_container', text],
      ['p_retailprice', money],
      ['p_comment', text],
    ]),
  ],
  [
    'partsupp',
    columns([
      ['ps_partkey', key],
      ['ps_suppkey', key],
      ['ps_availqty', int],
      ['ps_supplycost', money],
      ['ps_comment', text],
    ]),
  ],
  [
    'orders',
    columns([
      ['o_orderkey', key],
      ['o_custkey', key],
      ['o_orderstatus', text],
      ['o_totalprice', money],
      ['o_orderdate', date],
      ['o_orderpriority', text],
      ['o_clerk', text],
      ['o_shippriority', int],
      ['o_comment', text],
    ]),
  ],
  [
    'lineitem',
    columns([
      ['l_orderkey', key],
      ['l_partkey', key],
      ['l_suppkey', key],
      ['l_linenumber', int],
      ['l_quantity', money],
      ['l_extendedprice', money],
      ['l_discount', money],
      ['l_tax', money],
      ['l_returnflag', text],
      ['l_linestatus', text],
      ['l_shipdate', date],
      ['l_commitdate', date],
      ['l_receiptdate', date],
      ['l_shipinstruct', text],
      ['l_shipmode', text],
      ['l_comment', text],
    ]),
  ],
]);

/** The same columns in PostgreSQL DDL types, for loading the reference cluster. */
export function postgresType(hiveType: string): string {
  const types: Record<string, string> = {
    bigint: 'bigint',
    int: 'integer',
    'decimal(15,2)': 'numeric(15,2)',
    string: 'text',
    date: 'date',
  };
  const type = types[hiveType];
  if (type === undefined) throw new Error(`no PostgreSQL type for ${hiveType}`);
  return type;
}
