import { assert } from '../../common/assert.js';
import { arithmeticKernel, dateArithmeticKernels, negateKernel } from '../kernels/arithmetic.js';
import { comparisonKernels } from '../kernels/comparison.js';
import type { Kernel } from '../kernels/kernel.js';
import { predicateKernels } from '../kernels/predicates.js';
import { datetimeFunctions } from './datetime-functions.js';
import { mathFunctions } from './math-functions.js';
import type { ScalarFunction } from './scalar-function.js';
import { sessionFunctions } from './session-functions.js';
import { stringFunctions } from './string-functions.js';

/** Named SQL functions, by lower-case name (what the binder resolves calls against). */
const functions = new Map<string, ScalarFunction>(
  [...stringFunctions, ...mathFunctions, ...datetimeFunctions, ...sessionFunctions].map((f) => [
    f.name,
    f,
  ]),
);

export function findFunction(name: string): ScalarFunction | undefined {
  return functions.get(name);
}

/** Operator kernels, named by the operator (the binder has already chosen the types). */
const operatorKernels: Record<string, Kernel> = {
  '+': arithmeticKernel('+'),
  '-': arithmeticKernel('-'),
  '*': arithmeticKernel('*'),
  '/': arithmeticKernel('/'),
  '%': arithmeticKernel('%'),
  negate: negateKernel,
  ...dateArithmeticKernels,
  ...comparisonKernels,
  ...predicateKernels,
};

/** The kernel a BoundCall names: an operator's, else a named function's. */
export function kernelOf(name: string): Kernel {
  const k = operatorKernels[name] ?? functions.get(name)?.kernel;
  assert(k !== undefined, `no kernel named ${name}`);
  return k;
}
