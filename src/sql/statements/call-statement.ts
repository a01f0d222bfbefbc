import type { CallStatement } from '../ast.js';
import { parseFunctionArgs } from '../function-args.js';
import { parseQualifiedName } from '../qualified-name.js';
import type { TokenCursor } from '../token-cursor.js';

/**
 * `CALL catalog.system.proc(name => value, ...)` or with positional arguments (Iceberg's Spark
 * procedures, Hudi's, Trino's `CALL system.register_table(...)`).
 */
export function parseCall(c: TokenCursor): CallStatement {
  const start = c.next().start;
  const procedure = parseQualifiedName(c);
  const at = c.peek;
  const args = parseFunctionArgs(c);
  if (args.distinct || args.orderBy.length > 0 || args.nullTreatment !== null) throw c.error(at);
  return {
    kind: 'call',
    span: c.span(start),
    procedure,
    args: args.args,
    argNames: args.argNames,
  };
}
