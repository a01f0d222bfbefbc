import type { SqlType } from '../../common/sql-types.js';
import type { Kernel } from '../kernels/kernel.js';
import { canCoerceImplicitly } from '../../common/type-coercion.js';

/** A resolved signature: the types to coerce the arguments to, and the result type. */
export interface Signature {
  readonly args: readonly SqlType[];
  readonly returns: SqlType;
}

/** One scalar function as the binder sees it (resolution) and the evaluator runs it (kernel). */
export interface ScalarFunction {
  readonly name: string;
  /** The matching signature for these argument types, or null (42883). */
  resolve(argTypes: readonly SqlType[]): Signature | null;
  readonly kernel: Kernel;
}

/** Signatures listed explicitly; the first one every argument coerces to implicitly wins. */
export function overloads(...candidates: readonly Signature[]): ScalarFunction['resolve'] {
  return (argTypes) =>
    candidates.find(
      (c) =>
        c.args.length === argTypes.length &&
        c.args.every((t, i) => {
          const from = argTypes[i];
          return from !== undefined && canCoerceImplicitly(from, t);
        }),
    ) ?? null;
}

export const sig = (args: readonly SqlType[], returns: SqlType): Signature => ({ args, returns });

export function fn(
  name: string,
  resolve: ScalarFunction['resolve'],
  kernel: Kernel,
): ScalarFunction {
  return { name, resolve, kernel };
}
