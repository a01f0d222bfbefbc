import { assert } from '../assert.js';
import type { Interval, SqlMap, SqlValue } from '../sql-value.js';

/**
 * Runtime narrowing of a SqlValue to the JavaScript shape its SqlType promises
 * (sql-value.ts). A mismatch is our bug (an operator produced the wrong shape), never user input.
 */

export function asBoolean(v: SqlValue): boolean {
  assert(typeof v === 'boolean', `expected boolean, got ${typeof v}`);
  return v;
}

export function asNumber(v: SqlValue): number {
  assert(typeof v === 'number', `expected number, got ${typeof v}`);
  return v;
}

export function asBigint(v: SqlValue): bigint {
  assert(typeof v === 'bigint', `expected bigint, got ${typeof v}`);
  return v;
}

export function asString(v: SqlValue): string {
  assert(typeof v === 'string', `expected string, got ${typeof v}`);
  return v;
}

export function asBytes(v: SqlValue): Uint8Array {
  assert(v instanceof Uint8Array, 'expected Uint8Array');
  return v;
}

export function asArray(v: SqlValue): readonly SqlValue[] {
  assert(Array.isArray(v), 'expected array');
  return v as readonly SqlValue[];
}

export function asInterval(v: SqlValue): Interval {
  assert(
    typeof v === 'object' &&
      v !== null &&
      !Array.isArray(v) &&
      !(v instanceof Uint8Array) &&
      !(v instanceof Map),
    'expected interval',
  );
  return v as Interval;
}

export function isMap(v: SqlValue): v is SqlMap {
  return v instanceof Map;
}

export function asMap(v: SqlValue): SqlMap {
  assert(v instanceof Map, 'expected map');
  return v as SqlMap;
}
