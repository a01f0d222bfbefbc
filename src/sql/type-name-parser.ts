import type { TypeName } from './ast.js';
import type { TokenCursor } from './token-cursor.js';
import { ownValue } from './own-value.js';

/**
 * Type names as written (PostgreSQL docs §8 and Spark's data types): `integer`,
 * `double precision`, `varchar(10)`, `timestamp(3) with time zone`, `int[]`,
 * `int ARRAY`, `array<int>`, `map<string, int>`, `struct<a: int, b string>`.
 * Names are lower-cased and multi-word names canonical ('character varying');
 * aliases (int → integer) are left to the binder.
 */
export function parseTypeName(c: TokenCursor): TypeName {
  const start = c.peek.start;
  const name = parseBaseName(c);
  const spark = name === 'array' || name === 'map' || name === 'struct';
  if (spark && c.isOp('<')) return parseArrayDims(c, start, parseSparkArgs(c, name));
  const modifiers = parseModifiers(c);
  const zone = name === 'time' || name === 'timestamp' ? parseTimeZone(c) : '';
  const base = { name: name + zone, modifiers, typeArgs: [], fieldNames: [] };
  return parseArrayDims(c, start, base);
}

/** Multi-word names of the SQL standard (docs §8 and gram.y's Typename). */
const SECOND_WORD: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  double: { precision: 'double precision' },
  character: { varying: 'character varying' },
  char: { varying: 'character varying' },
  bit: { varying: 'bit varying' },
};

function parseBaseName(c: TokenCursor): string {
  const first = c.peek;
  if (first.kind !== 'word' && first.kind !== 'quoted-ident') throw c.error();
  c.next();
  const two = first.kind === 'word' ? ownValue(SECOND_WORD, first.value) : undefined;
  const second =
    c.peek.kind === 'word'
      ? two === undefined
        ? undefined
        : ownValue(two, c.peek.value)
      : undefined;
  if (second !== undefined) {
    c.next();
    return second;
  }
  let name = first.value;
  // Schema-qualified type names (pg_catalog.int4).
  while (c.isPunct('.') && c.isIdent(1, true)) {
    c.next();
    name += '.' + c.next().value;
  }
  return name;
}

function parseModifiers(c: TokenCursor): number[] {
  if (!c.acceptPunct('(')) return [];
  const mods: number[] = [];
  do {
    const negative = c.acceptOp('-');
    const t = c.peek;
    if (t.kind !== 'integer') throw c.error();
    c.next();
    mods.push(Number(t.value) * (negative ? -1 : 1));
  } while (c.acceptPunct(','));
  c.expectPunct(')');
  return mods;
}

function parseTimeZone(c: TokenCursor): string {
  if (c.acceptWords('with', 'time', 'zone')) return ' with time zone';
  if (c.acceptWords('without', 'time', 'zone')) return ' without time zone';
  return '';
}

type TypeBody = Omit<TypeName, 'kind' | 'span' | 'arrayDims'>;

function parseSparkArgs(c: TokenCursor, name: string): TypeBody {
  c.next(); // '<'
  const typeArgs: TypeName[] = [];
  const fieldNames: string[] = [];
  do {
    if (name === 'struct') {
      fieldNames.push(c.expectIdent(true));
      c.acceptPunct(':');
    }
    typeArgs.push(parseTypeName(c));
  } while (c.acceptPunct(','));
  c.expectCloseAngle();
  return { name, modifiers: [], typeArgs, fieldNames };
}

/** `[]`, `[3]`, `[][]`, `ARRAY`, `ARRAY[3]`; sizes are ignored, as PostgreSQL does (§8.15.1). */
function parseArrayDims(c: TokenCursor, start: number, body: TypeBody): TypeName {
  let arrayDims = 0;
  if (c.acceptWords('array')) {
    arrayDims = 1;
    if (c.acceptPunct('[')) {
      if (c.peek.kind === 'integer') c.next();
      c.expectPunct(']');
    }
  } else {
    while (
      c.isPunct('[') &&
      (c.isPunct(']', 1) || (c.at(1).kind === 'integer' && c.isPunct(']', 2)))
    ) {
      c.next();
      if (!c.acceptPunct(']')) {
        c.next();
        c.next();
      }
      arrayDims++;
    }
  }
  return { kind: 'type-name', span: c.span(start), ...body, arrayDims };
}
