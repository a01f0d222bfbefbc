import type { TypeName } from './ast.js';
import { quoteIdent } from './print-ident.js';

/** A TypeName back to SQL, in the form the type-name parser reads. */
export function printType(t: TypeName): string {
  return printBase(t) + '[]'.repeat(t.arrayDims);
}

function printBase(t: TypeName): string {
  if (t.typeArgs.length > 0) {
    const args = t.typeArgs.map((arg, i) => {
      const field = t.fieldNames[i];
      return field === undefined ? printType(arg) : `${quoteIdent(field)}: ${printType(arg)}`;
    });
    return `${t.name}<${args.join(', ')}>`;
  }
  const name = /^[a-z_][a-z0-9_ ]*$/.test(t.name)
    ? t.name
    : t.name.split('.').map(quoteIdent).join('.');
  if (t.modifiers.length === 0) return name;
  const mods = `(${t.modifiers.join(', ')})`;
  // `timestamp(3) with time zone`: the precision follows the first word.
  const zone = /^(time|timestamp)( with(out)? time zone)$/.exec(name);
  return zone === null ? name + mods : `${zone[1]}${mods}${zone[2]}`;
}
