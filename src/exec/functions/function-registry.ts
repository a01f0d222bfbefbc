import { assert } from '../../common/assert.js';
import { arithmeticKernel, dateArithmeticKernels, negateKernel } from '../kernels/arithmetic.js';
import { comparisonKernels } from '../kernels/comparison.js';
import { intervalKernels } from '../kernels/interval-arithmetic.js';
import type { Kernel, KernelInput } from '../kernels/kernel.js';
import type { SqlValue } from '../../common/sql-value.js';
import { predicateKernels } from '../kernels/predicates.js';
import { tryCastKernel } from '../kernels/try-cast.js';
import { arrayFunctions } from './array-functions.js';
import { arrayMoreFunctions } from './array-more-functions.js';
import { datetimeFormatFunctions } from './datetime-format-functions.js';
import { datetimeFunctions } from './datetime-functions.js';
import { formatFunctions } from './format-function.js';
import { hashFunctions } from './hash-functions.js';
import { intervalFunctions } from './interval-functions.js';
import { makeDatetimeFunctions } from './make-datetime-functions.js';
import { mapFunctions } from './map-functions.js';
import { mapTextFunctions } from './map-text-functions.js';
import { mathFunctions } from './math-functions.js';
import { numberFormatFunctions } from './number-format-functions.js';
import { regexPositionFunctions } from './regex-position-functions.js';
import { regexFunctions } from './regex-functions.js';
import type { ScalarFunction } from './scalar-function.js';
import { sessionFunctions } from './session-functions.js';
import { sparkDatetimeFunctions } from './spark-datetime-functions.js';
import { sparkNullFunctions } from './spark-null-functions.js';
import { stringFunctions } from './string-functions.js';
import { stringMoreFunctions } from './string-more-functions.js';
import { timezoneFunctions } from './timezone-functions.js';

/** Named SQL functions, by lower-case name (what the binder resolves calls against). */
const functions = new Map<string, ScalarFunction>(
  [
    ...stringFunctions,
    ...stringMoreFunctions,
    ...regexFunctions,
    ...hashFunctions,
    ...mathFunctions,
    ...datetimeFunctions,
    ...sparkDatetimeFunctions,
    ...datetimeFormatFunctions,
    ...arrayFunctions,
    ...sessionFunctions,
    ...timezoneFunctions,
    ...formatFunctions,
    ...makeDatetimeFunctions,
    ...intervalFunctions,
    ...numberFormatFunctions,
    ...regexPositionFunctions,
    ...arrayMoreFunctions,
    ...sparkNullFunctions,
    // Last: element_at, cardinality and size replace their array-only forms.
    ...mapFunctions,
    ...mapTextFunctions,
  ].map((f) => [f.name, f]),
);

export function findFunction(name: string): ScalarFunction | undefined {
  return functions.get(name);
}

/** Every registered function name (for tests and pg_proc-style listings). */
export function functionNames(): readonly string[] {
  return [...functions.keys()];
}

/**
 * Operator kernels, named by the operator (the binder has already chosen the types):
 * arithmetic at the result type, date ± int, interval arithmetic by
 * `<type><op><type>`, comparisons, predicates, and try_cast.
 */
const operatorKernels: Record<string, Kernel> = {
  '+': arithmeticKernel('+'),
  '-': arithmeticKernel('-'),
  '*': arithmeticKernel('*'),
  '/': arithmeticKernel('/'),
  '%': arithmeticKernel('%'),
  negate: negateKernel,
  try_cast: tryCastKernel,
  array: arrayConstructor,
  ...dateArithmeticKernels,
  ...intervalKernels,
  ...comparisonKernels,
  ...predicateKernels,
};

/** `ARRAY[a, b, ...]`: one array per row of the element columns; NULL elements stay. */
function arrayConstructor({ args, rowCount }: KernelInput): SqlValue[] {
  const out = new Array<SqlValue>(rowCount);
  for (let row = 0; row < rowCount; row++) out[row] = args.map((col) => col[row] ?? null);
  return out;
}

/** The kernel a BoundCall names: an operator's, else a named function's. */
export function kernelOf(name: string): Kernel {
  const k = operatorKernels[name] ?? functions.get(name)?.kernel;
  assert(k !== undefined, `no kernel named ${name}`);
  return k;
}

/**
 * Whether `name` is an operator kernel: deterministic per statement (their inputs and
 * the statement's context decide the result), so over constant arguments the
 * evaluator may compute them once per batch instead of once per row.
 */
export function isOperatorKernel(name: string): boolean {
  return Object.hasOwn(operatorKernels, name);
}

/** Whether a kernel of this name exists (operators included). */
export function hasKernel(name: string): boolean {
  return operatorKernels[name] !== undefined || functions.has(name);
}
