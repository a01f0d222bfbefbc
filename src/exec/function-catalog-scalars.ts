import type { FunctionResolver } from '../../planner/plan/function-catalog.js';
import { findFunction } from './functions/function-registry.js';

/**
 * The scalar half of the binder's FunctionCatalog (planner/plan/function-catalog.ts)
 * over src/exec's function registry: the binder resolves a name and argument types to
 * a signature here, then emits `call(name, signature.returns, coercedArgs)`, and
 * evaluate-expr.ts runs the kernel registered under the same name.
 *
 * Not here (the binder's own forms): COALESCE, NULLIF, GREATEST/LEAST (kernels
 * `greatest`/`least` exist), CASE, CAST and TRY_CAST (kernel `try_cast`), IN, BETWEEN,
 * LIKE/ILIKE (kernels `like`/`ilike`, optional third escape argument), IS [NOT]
 * DISTINCT FROM, and operators. The regex operators `~ ~* !~ !~*` and `^` (power) are
 * also registered as functions, so the binder may resolve them here by name.
 */
export function scalarResolver(name: string): FunctionResolver | undefined {
  const f = findFunction(name.toLowerCase());
  return f === undefined ? undefined : { resolve: (argTypes) => f.resolve(argTypes) };
}
