import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import type { CopyTo } from '../../sql/ast.js';
import { parseBool } from '../settings/setting-validators.js';
import type { CopyOutOptions } from '../query-engine.js';

/**
 * COPY's options with PostgreSQL's per-format defaults (COPY docs, "Parameters"):
 * text: tab delimiter, `\N` for null; csv: comma, empty null, `"` quote, escape =
 * quote. QUOTE and ESCAPE are CSV-only (0A000 otherwise, as copy.c says).
 */
export function copyOutOptions(options: CopyTo['options']): CopyOutOptions {
  const given = new Map<string, string | null>();
  for (const o of options) {
    if (given.has(o.name)) {
      throw new LakeError(SqlState.syntaxError, 'conflicting or redundant options');
    }
    given.set(o.name, o.value);
  }
  const format = (given.get('format') ?? 'text').toLowerCase();
  if (format === 'binary')
    throw new LakeError(SqlState.featureNotSupported, 'COPY BINARY is not supported');
  if (format !== 'text' && format !== 'csv') {
    throw new LakeError(SqlState.invalidParameterValue, `COPY format "${format}" not recognized`);
  }
  const csv = format === 'csv';
  for (const name of ['quote', 'escape']) {
    if (!csv && given.has(name)) {
      throw new LakeError(SqlState.featureNotSupported, `COPY ${name} available only in CSV mode`);
    }
  }
  for (const name of given.keys()) {
    if (!['format', 'header', 'delimiter', 'null', 'quote', 'escape', 'encoding'].includes(name)) {
      throw new LakeError(SqlState.syntaxError, `option "${name}" not recognized`);
    }
  }
  const quote = given.get('quote') ?? '"';
  const header = given.has('header') ? headerValue(given.get('header') ?? null) : false;
  const delimiter = given.get('delimiter') ?? (csv ? ',' : '\t');
  if ([...delimiter].length !== 1) {
    throw new LakeError(
      SqlState.featureNotSupported,
      'COPY delimiter must be a single one-byte character',
    );
  }
  return {
    format,
    header,
    delimiter,
    nullString: given.get('null') ?? (csv ? '' : '\\N'),
    quote,
    escape: given.get('escape') ?? quote,
  };
}

function headerValue(v: string | null): boolean {
  if (v === null) return true;
  const b = parseBool(v);
  if (b === undefined) throw new LakeError(SqlState.syntaxError, `header requires a Boolean value`);
  return b;
}
