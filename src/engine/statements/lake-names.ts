import type { Catalog, TableIdent, TableRef } from '../../../catalog/catalog.js';
import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import type { QualifiedName } from '../../sql/ast.js';
import { errorPosition } from '../../sql/position.js';
import type { EngineParsed, SessionCore } from '../session-core.js';

/** A table name of a DDL or DML statement resolved to its catalog and identifier. */
export interface NamedTable {
  readonly catalog: Catalog;
  readonly ident: TableIdent;
}

/**
 * The catalog a name's leading part selects (`catalog.ns.t`), else the session's.
 * An unknown catalog is 3D000 as PostgreSQL's cross-database references are.
 */
function catalogOf(core: SessionCore, parts: readonly string[], full: number): Catalog {
  const lookup = core.tableLookup();
  const name = parts.length === full ? (parts[0] ?? '') : lookup.defaultCatalog;
  const catalog = lookup.catalogs.get(name);
  if (catalog === undefined) {
    throw new LakeError('3D000', `database "${name}" does not exist`);
  }
  return catalog;
}

/**
 * Where a table named in CREATE goes: `ns.t` / `catalog.ns.t` as written, a bare `t`
 * into the first schema of search_path (PostgreSQL: 3F000 when there is none).
 */
export function tableToCreate(
  core: SessionCore,
  name: QualifiedName,
  parsed: EngineParsed,
): NamedTable {
  const parts = name.parts;
  if (parts.length > 3) throw improperName(name, parsed);
  const catalog = catalogOf(core, parts, 3);
  const table = parts[parts.length - 1] ?? '';
  const namespace = parts.length >= 2 ? (parts[parts.length - 2] ?? '') : searchPath(core)[0];
  if (namespace === undefined) {
    throw new LakeError(SqlState.invalidSchemaName, 'no schema has been selected to create in', {
      position: errorPosition(parsed.fullText, name.span.start),
    });
  }
  return { catalog, ident: { namespace, name: table } };
}

/** An existing table: qualified names directly, bare names through search_path; null when absent. */
export async function findTable(
  core: SessionCore,
  name: QualifiedName,
  parsed: EngineParsed,
): Promise<{ readonly catalog: Catalog; readonly table: TableRef } | null> {
  const parts = name.parts;
  if (parts.length > 3) throw improperName(name, parsed);
  const catalog = catalogOf(core, parts, 3);
  const table = parts[parts.length - 1] ?? '';
  const namespaces = parts.length >= 2 ? [parts[parts.length - 2] ?? ''] : searchPath(core);
  for (const namespace of namespaces) {
    const ref = await catalog.loadTable({ namespace, name: table });
    if (ref !== null) return { catalog, table: ref };
  }
  return null;
}

/** findTable, or 42P01 `relation "x" does not exist` at the name. */
export async function loadTable(
  core: SessionCore,
  name: QualifiedName,
  parsed: EngineParsed,
): Promise<{ readonly catalog: Catalog; readonly table: TableRef }> {
  const found = await findTable(core, name, parsed);
  if (found === null) {
    throw new LakeError(
      SqlState.undefinedTable,
      `relation "${name.parts.join('.')}" does not exist`,
      {
        position: errorPosition(parsed.fullText, name.span.start),
      },
    );
  }
  return found;
}

/** A schema name (`db` or `catalog.db`) with its catalog. */
export function schemaNamed(
  core: SessionCore,
  name: QualifiedName,
  parsed: EngineParsed,
): { readonly catalog: Catalog; readonly namespace: string } {
  const parts = name.parts;
  if (parts.length > 2) throw improperName(name, parsed);
  return { catalog: catalogOf(core, parts, 2), namespace: parts[parts.length - 1] ?? '' };
}

/** The session's search_path schemas (`SET search_path = ''` names none). */
export function searchPath(core: SessionCore): readonly string[] {
  return core.tableLookup().searchPath.filter((s) => s !== '');
}

function improperName(name: QualifiedName, parsed: EngineParsed): LakeError {
  return new LakeError(
    SqlState.syntaxError,
    `improper qualified name (too many dotted names): ${name.parts.join('.')}`,
    { position: errorPosition(parsed.fullText, name.span.start) },
  );
}
