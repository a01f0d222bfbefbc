import { LakeError } from '../../common/errors.js';
import type { SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { SqlState } from '../../common/sqlstate.js';
import { strict, type Kernel } from './kernel.js';
import { numericAdd, numericDiv, numericMod, numericMul } from './numeric-math.js';
import { scalarText } from './scalar-text.js';

/**
 * + - * / % and unary minus over the numeric types. The binder coerces both sides
 * to the result type first (int2 < int4 < int8 < numeric < float8, as PostgreSQL's
 * operator resolution picks), so a kernel sees one type. Integer overflow is 22003
 * "integer out of range" (int.c), division by zero 22012 for every type.
 */
export type ArithmeticOp = '+' | '-' | '*' | '/' | '%';

const intNames: Record<string, [string, bigint, bigint]> = {
  int2: ['smallint', -32768n, 32767n],
  int4: ['integer', -2147483648n, 2147483647n],
  int8: ['bigint', -(2n ** 63n), 2n ** 63n - 1n],
};

const divisionByZero = (): LakeError => new LakeError(SqlState.divisionByZero, 'division by zero');

function integerOp(op: ArithmeticOp, kind: string): (a: bigint, b: bigint) => bigint {
  const [name, min, max] = intNames[kind] ?? ['bigint', -(2n ** 63n), 2n ** 63n - 1n];
  const checked = (v: bigint): bigint => {
    if (v < min || v > max) {
      throw new LakeError(SqlState.numericValueOutOfRange, `${name} out of range`);
    }
    return v;
  };
  switch (op) {
    case '+':
      return (a, b) => checked(a + b);
    case '-':
      return (a, b) => checked(a - b);
    case '*':
      return (a, b) => checked(a * b);
    case '/':
      return (a, b) => {
        if (b === 0n) throw divisionByZero();
        return checked(a / b); // BigInt division truncates toward zero, as C does.
      };
    case '%':
      return (a, b) => {
        if (b === 0n) throw divisionByZero();
        return a % b;
      };
  }
}

/**
 * int2/int4 arithmetic on doubles (no BigInt per row). Operands below 2^31 make + and -
 * exact; a product or quotient inside the type's range is exact too (its true value is
 * then below 2^53), and one outside it stays outside after rounding, so the range check
 * decides as the exact integer would. `+ 0` turns JS's -0 (from -3 * 0, -4 % 2) into 0.
 */
function int32Op(op: ArithmeticOp, kind: string): (a: number, b: number) => number {
  const [name, minB, maxB] = intNames[kind] ?? ['integer', 0n, 0n];
  const min = Number(minB);
  const max = Number(maxB);
  const checked = (v: number): number => {
    if (v < min || v > max)
      throw new LakeError(SqlState.numericValueOutOfRange, `${name} out of range`);
    return v + 0;
  };
  switch (op) {
    case '+':
      return (a, b) => checked(a + b);
    case '-':
      return (a, b) => checked(a - b);
    case '*':
      return (a, b) => checked(a * b);
    case '/':
      return (a, b) => {
        if (b === 0) throw divisionByZero();
        return checked(Math.trunc(a / b)); // truncates toward zero, as C does
      };
    case '%':
      return (a, b) => {
        if (b === 0) throw divisionByZero();
        return (a % b) + 0;
      };
  }
}

function floatOp(op: ArithmeticOp, float4: boolean): (a: number, b: number) => number {
  const checked = (v: number, a: number, b: number): number => {
    if (!Number.isFinite(v) && Number.isFinite(a) && Number.isFinite(b)) {
      throw new LakeError(SqlState.numericValueOutOfRange, 'value out of range: overflow');
    }
    return float4 ? Math.fround(v) : v;
  };
  switch (op) {
    case '+':
      return (a, b) => checked(a + b, a, b);
    case '-':
      return (a, b) => checked(a - b, a, b);
    case '*':
      return (a, b) => checked(a * b, a, b);
    case '/':
      return (a, b) => {
        if (b === 0) throw divisionByZero();
        return checked(a / b, a, b);
      };
    case '%':
      return (a, b) => {
        if (b === 0) throw divisionByZero();
        return a % b;
      };
  }
}

const numericOps: Record<ArithmeticOp, (a: string, b: string) => string> = {
  '+': (a, b) => numericAdd(a, b),
  '-': (a, b) => numericAdd(a, b, true),
  '*': numericMul,
  '/': numericDiv,
  '%': numericMod,
};

/** The per-value function of `op` at result type `t`. */
function scalarOp(op: ArithmeticOp, t: SqlType): (a: SqlValue, b: SqlValue) => SqlValue {
  switch (t.kind) {
    case 'int2':
    case 'int4': {
      const f = int32Op(op, t.kind);
      return (a, b) => f(a as number, b as number);
    }
    case 'int8': {
      const f = integerOp(op, 'int8');
      return (a, b) => f(a as bigint, b as bigint);
    }
    case 'float4':
    case 'float8': {
      const f = floatOp(op, t.kind === 'float4');
      return (a, b) => f(a as number, b as number);
    }
    case 'numeric': {
      const f = numericOps[op];
      return (a, b) => f(scalarText(a), scalarText(b));
    }
    default:
      throw new LakeError(
        SqlState.undefinedFunction,
        `operator does not exist: ${t.kind} ${op} ${t.kind}`,
      );
  }
}

export function arithmeticKernel(op: ArithmeticOp): Kernel {
  // A two-column loop rather than strict(): no per-row argument array to destructure.
  return (input) => {
    const f = scalarOp(op, input.resultType);
    const a = input.args[0] ?? [];
    const b = input.args[1] ?? [];
    const n = input.rowCount;
    const out = new Array<SqlValue>(n);
    for (let i = 0; i < n; i++) {
      const x = a[i] ?? null;
      const y = b[i] ?? null;
      out[i] = x === null || y === null ? null : f(x, y);
    }
    return out;
  };
}

/** Unary minus at the operand's type (0 - x keeps the overflow check: -(-2^31)). */
export const negateKernel: Kernel = (input) => {
  const t = input.resultType;
  const f = scalarOp('-', t);
  const zero: SqlValue = t.kind === 'int8' ? 0n : t.kind === 'numeric' ? '0' : 0;
  return strict(([a]) => {
    if (t.kind === 'numeric')
      return scalarText(a).startsWith('-') ? scalarText(a).slice(1) : `-${scalarText(a)}`;
    return f(zero, a as SqlValue);
  })(input);
};

/** date + int4 → date; date - int4 → date; date - date → int4 (days). */
export const dateArithmeticKernels: Record<string, Kernel> = {
  'date+int': strict(([d, n]) => (d as number) + (n as number)),
  'date-int': strict(([d, n]) => (d as number) - (n as number)),
  'date-date': strict(([a, b]) => (a as number) - (b as number)),
};
