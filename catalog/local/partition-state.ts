import type { TableIdent, TablePartition } from '../catalog.js';
import { LakeError } from '../../src/common/errors.js';
import { SqlState } from '../../src/common/sqlstate.js';
import type { StoredTable } from './catalog-state.js';

/** One key per partition: its values, so user-chosen text never meets an object key. */
const keyOf = (values: readonly (string | null)[]): string => JSON.stringify(values);

/** `p=1/q=x`, as SHOW PARTITIONS prints a partition (messages only: unescaped). */
const partitionName = (keys: readonly string[], values: readonly (string | null)[]): string =>
  keys.map((k, i) => `${k}=${values[i] ?? '__HIVE_DEFAULT_PARTITION__'}`).join('/');

export const duplicatePartition = (
  ident: TableIdent,
  keys: readonly string[],
  values: readonly (string | null)[],
): LakeError =>
  new LakeError(
    '42710',
    `partition ${partitionName(keys, values)} of table "${ident.name}" already exists`,
  );

export const undefinedPartition = (
  ident: TableIdent,
  keys: readonly string[],
  values: readonly (string | null)[],
): LakeError =>
  new LakeError(
    SqlState.undefinedObject,
    `partition ${partitionName(keys, values)} of table "${ident.name}" does not exist`,
  );

/** A partition spec that does not give exactly one value per partition key. */
export const partitionSpecMismatch = (
  ident: TableIdent,
  keys: readonly string[],
  got: number,
): LakeError =>
  new LakeError(
    SqlState.invalidParameterValue,
    keys.length === 0
      ? `table "${ident.name}" is not partitioned`
      : `partition spec of table "${ident.name}" needs ${keys.length} values (${keys.join(', ')}), got ${got}`,
  );

/**
 * Registered partitions sorted as the Hive Metastore lists them: by value text, key by
 * key (so `10` sorts before `9`), the default partition as its directory name.
 */
export function sortPartitions(partitions: TablePartition[]): TablePartition[] {
  const text = (v: string | null | undefined): string => v ?? '__HIVE_DEFAULT_PARTITION__';
  return partitions.sort((a, b) => {
    for (let i = 0; i < a.values.length; i++) {
      const x = text(a.values[i]);
      const y = text(b.values[i]);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}

function checkSpec(
  ident: TableIdent,
  table: StoredTable,
  values: readonly (string | null)[],
): void {
  if (table.partitionKeys.length === 0 || values.length !== table.partitionKeys.length) {
    throw partitionSpecMismatch(
      ident,
      table.partitionKeys.map((k) => k.name),
      values.length,
    );
  }
}

/** The table with partitions added (the same object when nothing changes). */
export function addedPartitions(
  ident: TableIdent,
  table: StoredTable,
  partitions: readonly TablePartition[],
  ifNotExists: boolean,
): { table: StoredTable; added: TablePartition[] } {
  const byKey = new Map((table.partitions ?? []).map((p) => [keyOf(p.values), p]));
  const added: TablePartition[] = [];
  for (const p of partitions) {
    checkSpec(ident, table, p.values);
    const key = keyOf(p.values);
    if (byKey.has(key)) {
      if (ifNotExists) continue;
      throw duplicatePartition(
        ident,
        table.partitionKeys.map((k) => k.name),
        p.values,
      );
    }
    const copy = { values: [...p.values], location: p.location };
    byKey.set(key, copy);
    added.push(copy);
  }
  if (added.length === 0 && table.partitions !== undefined) return { table, added };
  return { table: { ...table, partitions: sortPartitions([...byKey.values()]) }, added };
}

/** The table with partitions removed (the same object when nothing changes). */
export function droppedPartitions(
  ident: TableIdent,
  table: StoredTable,
  values: readonly (readonly (string | null)[])[],
  ifExists: boolean,
): { table: StoredTable; dropped: TablePartition[] } {
  const byKey = new Map((table.partitions ?? []).map((p) => [keyOf(p.values), p]));
  const dropped: TablePartition[] = [];
  for (const v of values) {
    checkSpec(ident, table, v);
    const key = keyOf(v);
    const existing = byKey.get(key);
    if (existing === undefined) {
      if (ifExists) continue;
      throw undefinedPartition(
        ident,
        table.partitionKeys.map((k) => k.name),
        v,
      );
    }
    byKey.delete(key);
    dropped.push(existing);
  }
  if (dropped.length === 0) return { table, dropped };
  return { table: { ...table, partitions: sortPartitions([...byKey.values()]) }, dropped };
}
