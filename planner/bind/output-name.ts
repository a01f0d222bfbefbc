import type { Expr } from '../../src/sql/ast.js';

/**
 * The column name PostgreSQL gives an unaliased select item (FigureColname in
 * parse_target.c): a column's name, a function's name, a cast's operand name or
 * else its type name, `case` for CASE, and `?column?` otherwise.
 */
export function outputName(e: Expr): string {
  switch (e.kind) {
    case 'column':
      return e.name.parts[e.name.parts.length - 1] ?? '?column?';
    case 'function':
      return e.name.parts[e.name.parts.length - 1] ?? '?column?';
    case 'cast': {
      const inner = outputName(e.operand);
      return inner !== '?column?' ? inner : (e.type.name.split(' ').pop() ?? '?column?');
    }
    case 'typed-literal':
      return e.type.name.split(' ').pop() ?? '?column?';
    case 'case':
      return 'case';
    case 'array':
      return 'array';
    case 'exists':
      return 'exists';
    default:
      return '?column?';
  }
}
