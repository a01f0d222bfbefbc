import { LakeError } from '../src/common/errors.js';
import { SqlState } from '../src/common/sqlstate.js';
import type { TableIdent } from './catalog.js';

/**
 * The errors every catalog raises, with PostgreSQL's SQLSTATEs and wording
 * (backend/catalog/namespace.c, commands/schemacmds.c, commands/tablecmds.c).
 */
export const duplicateSchema = (ns: string): LakeError =>
  new LakeError(SqlState.duplicateSchema, `schema "${ns}" already exists`);

export const undefinedSchema = (ns: string): LakeError =>
  new LakeError(SqlState.invalidSchemaName, `schema "${ns}" does not exist`);

export const duplicateTable = (ident: TableIdent): LakeError =>
  new LakeError(SqlState.duplicateTable, `relation "${ident.name}" already exists`);

export const undefinedTable = (ident: TableIdent): LakeError =>
  new LakeError(SqlState.undefinedTable, `table "${ident.name}" does not exist`);

/** DROP SCHEMA without CASCADE on a schema that still holds tables (2BP01). */
export const schemaNotEmpty = (ns: string, tables: readonly string[]): LakeError =>
  new LakeError('2BP01', `cannot drop schema ${ns} because other objects depend on it`, {
    detail: tables.map((t) => `table ${ns}.${t} depends on schema ${ns}`).join('\n'),
    hint: 'Use DROP ... CASCADE to drop the dependent objects too.',
  });

/** A lost compare-and-swap of the metadata pointer: another writer committed first. */
export const commitConflict = (
  ident: TableIdent,
  expected: string | undefined,
  actual: string | undefined,
): LakeError =>
  new LakeError(
    SqlState.serializationFailure,
    'could not serialize access due to concurrent update',
    {
      detail: `The metadata location of table "${ident.namespace}.${ident.name}" is ${actual ?? 'unset'}, expected ${expected ?? 'unset'}.`,
    },
  );

/** Names become directory names in the warehouse; these would escape or break it (42602). */
export function checkName(kind: 'schema' | 'table', name: string): void {
  if (name === '' || name === '.' || name === '..' || /[/\\\0]/.test(name)) {
    throw new LakeError('42602', `invalid ${kind} name "${name}"`);
  }
}
