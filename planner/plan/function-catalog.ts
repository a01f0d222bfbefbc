import type { SqlType } from '../../src/common/sql-types.js';

/** A resolved overload: the types to coerce the arguments to, and the result type. */
export interface FunctionSignature {
  readonly args: readonly SqlType[];
  readonly returns: SqlType;
}

/** Picks the overload for these argument types, or null (the binder raises 42883). */
export interface FunctionResolver {
  resolve(argTypes: readonly SqlType[]): FunctionSignature | null;
}

/**
 * The functions the binder may call, by lower-case name. src/exec implements it over
 * its registries (the kernels live there) and the engine hands it to the binder, so
 * the planner never imports executor code (DESIGN.md §2).
 *
 * Forms whose typing is not a signature (COALESCE, NULLIF, GREATEST, LEAST, CASE,
 * casts, IN, LIKE, operators) are the binder's own.
 */
export interface FunctionCatalog {
  scalar(name: string): FunctionResolver | undefined;
  aggregate(name: string): FunctionResolver | undefined;
  /** Ranking and offset functions (row_number, rank, lag, ...); aggregates work as windows too. */
  window(name: string): FunctionResolver | undefined;
}
