import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import { type SqlType, Types } from '../../common/sql-types.js';
import { textInList, textInVec } from './vec-text-in.js';

const col = (index: number, type: SqlType = Types.text): BoundExpr => ({
  kind: 'column',
  index,
  type,
});
const str = (value: string | null): BoundExpr => ({ kind: 'const', value, type: Types.text });
const eq = (a: BoundExpr, b: BoundExpr): BoundExpr => ({
  kind: 'call',
  fn: '=',
  args: [a, b],
  type: Types.bool,
});
const or = (...args: BoundExpr[]): BoundExpr => ({ kind: 'or', args, type: Types.bool });

describe('text IN lists', () => {
  it('are recognised in the OR of equalities the binder writes, constants on either side', () => {
    const list = textInList(or(eq(col(0), str('a')), eq(str('b'), col(0)), eq(col(0), str('a'))));
    assert.deepEqual(list && [...list.values], ['a', 'b']);
    assert.deepEqual(list?.operand, col(0));
  });

  it('are not when the arms test different values, a NULL, or blank-padded text', () => {
    assert.equal(textInList(or(eq(col(0), str('a')), eq(col(1), str('b')))), null);
    assert.equal(textInList(or(eq(col(0), str('a')), eq(col(0), str(null)))), null);
    const bpchar = col(0, Types.bpchar(3));
    assert.equal(textInList(or(eq(bpchar, str('a')), eq(bpchar, str('b')))), null);
    assert.equal(textInList(or(eq(col(0), str('a')), eq(col(0), col(1)))), null);
  });

  it('test each row of a plain or dictionary vec, NULL rows staying NULL', () => {
    const values = new Set(['x', 'z']);
    const plain = textInVec({ kind: 'values', values: ['x', null, 'y', 'z'] }, values);
    assert.deepEqual([...plain.values], [1, 0, 0, 1]);
    assert.deepEqual(plain.valid && [...plain.valid], [1, 0, 1, 1]);
    const dict = textInVec(
      {
        kind: 'dict',
        indices: Int32Array.of(1, 0, 2, 0),
        dictionary: ['y', 'z', 'x'],
        valid: Uint8Array.of(1, 1, 1, 0),
      },
      values,
    );
    assert.deepEqual([...dict.values], [1, 0, 1, 0]);
    assert.deepEqual(dict.valid && [...dict.valid], [1, 1, 1, 0]);
  });
});
