import type { LakeError } from '../common/errors.js';
import { pgTypeLen, pgTypeMod, pgTypeOid, type SqlType } from '../common/sql-types.js';
import type { Notice, ResultColumn, TransactionStatus } from '../engine/query-engine.js';
import type { WireBuffer } from './wire-buffer.js';

/** Backend messages (protocol docs §55.7), each appended whole to a WireBuffer. */

const statusByte: Record<TransactionStatus, string> = {
  idle: 'I',
  'in-transaction': 'T',
  failed: 'E',
};

export function authenticationOk(w: WireBuffer): void {
  w.begin('R').int32(0).end();
}

export function parameterStatus(w: WireBuffer, name: string, value: string): void {
  w.begin('S').cstring(name).cstring(value).end();
}

export function backendKeyData(w: WireBuffer, pid: number, secret: number): void {
  w.begin('K').int32(pid).int32(secret).end();
}

export function readyForQuery(w: WireBuffer, status: TransactionStatus): void {
  w.begin('Z').int8(statusByte[status].charCodeAt(0)).end();
}

export function negotiateProtocolVersion(
  w: WireBuffer,
  /** The newest protocol version word we support, e.g. 3 << 16 for 3.0. */
  newestVersion: number,
  unrecognized: readonly string[],
): void {
  w.begin('v').int32(newestVersion).int32(unrecognized.length);
  for (const option of unrecognized) w.cstring(option);
  w.end();
}

export function rowDescription(
  w: WireBuffer,
  columns: readonly ResultColumn[],
  formats: readonly number[],
): void {
  w.begin('T').int16(columns.length);
  columns.forEach((c, i) => {
    w.cstring(c.name)
      .int32(c.tableOid ?? 0)
      .int16(c.columnNumber ?? 0)
      .int32(pgTypeOid(c.type))
      .int16(pgTypeLen(c.type))
      .int32(pgTypeMod(c.type))
      .int16(formats[i] ?? 0);
  });
  w.end();
}

export function parameterDescription(w: WireBuffer, types: readonly SqlType[]): void {
  w.begin('t').int16(types.length);
  for (const t of types) w.int32(pgTypeOid(t));
  w.end();
}

export function commandComplete(w: WireBuffer, tag: string): void {
  w.begin('C').cstring(tag).end();
}

const simple = (type: string) => (w: WireBuffer) => void w.begin(type).end();
export const emptyQueryResponse = simple('I');
export const parseComplete = simple('1');
export const bindComplete = simple('2');
export const closeComplete = simple('3');
export const noData = simple('n');
export const portalSuspended = simple('s');
export const copyDone = simple('c');

export function copyOutResponse(w: WireBuffer, columnCount: number): void {
  // Overall format 0 (text) with every column text, as COPY TO STDOUT in text/csv sends.
  w.begin('H').int8(0).int16(columnCount);
  for (let i = 0; i < columnCount; i++) w.int16(0);
  w.end();
}

export function copyData(w: WireBuffer, data: Uint8Array): void {
  w.begin('d').bytes(data).end();
}

/** ErrorResponse: the fields psql and drivers read (S, V, C, M, D, H, P). */
export function errorResponse(w: WireBuffer, err: LakeError): void {
  w.begin('E');
  fields(w, err.severity, err.sqlstate, err.message, err.detail, err.hint);
  if (err.position !== undefined) w.int8(0x50).cstring(String(err.position));
  w.int8(0).end();
}

export function noticeResponse(w: WireBuffer, n: Notice): void {
  w.begin('N');
  fields(w, n.severity, n.sqlstate, n.message, n.detail, n.hint);
  w.int8(0).end();
}

function fields(
  w: WireBuffer,
  severity: string,
  code: string,
  message: string,
  detail: string | undefined,
  hint: string | undefined,
): void {
  w.int8(0x53).cstring(severity); // S: localized severity
  w.int8(0x56).cstring(severity); // V: never localized (protocol 3.0, PostgreSQL 9.6+)
  w.int8(0x43).cstring(code);
  w.int8(0x4d).cstring(message);
  if (detail !== undefined) w.int8(0x44).cstring(detail);
  if (hint !== undefined) w.int8(0x48).cstring(hint);
}
