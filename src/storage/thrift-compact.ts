/**
 * A generic reader of Thrift's compact protocol (thrift/doc/specs/thrift-compact-protocol.md),
 * enough to decode a Parquet footer (`FileMetaData`, parquet-format's parquet.thrift).
 * parquet-wasm 0.8 exposes neither column statistics nor the Parquet schema's logical
 * types, so the footer's bytes are decoded here. A struct decodes to a Map from field id
 * to value; unknown fields are decoded and ignored by the caller, so newer writers' extra
 * fields are harmless.
 */
export type ThriftValue = boolean | number | bigint | Uint8Array | ThriftStruct | ThriftValue[];
export type ThriftStruct = ReadonlyMap<number, ThriftValue>;

const T_BOOL_TRUE = 1;
const T_BOOL_FALSE = 2;
const T_BYTE = 3;
const T_I16 = 4;
const T_I32 = 5;
const T_I64 = 6;
const T_DOUBLE = 7;
const T_BINARY = 8;
const T_LIST = 9;
const T_SET = 10;
const T_MAP = 11;
const T_STRUCT = 12;

/** Nesting deeper than this is a damaged footer, not a schema. */
const MAX_DEPTH = 64;

export class ThriftCompactReader {
  private pos = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Bytes consumed so far (a page header's length, when it was the struct read). */
  get offset(): number {
    return this.pos;
  }

  readStruct(depth = 0): ThriftStruct {
    if (depth > MAX_DEPTH) throw new Error('Thrift structure nested too deeply');
    const fields = new Map<number, ThriftValue>();
    let lastId = 0;
    for (;;) {
      const header = this.byte();
      const type = header & 0x0f;
      if (type === 0) return fields;
      const delta = header >> 4;
      const id = delta === 0 ? this.zigzag32() : lastId + delta;
      lastId = id;
      fields.set(id, this.value(type, depth, true));
    }
  }

  private value(type: number, depth: number, inField: boolean): ThriftValue {
    switch (type) {
      case T_BOOL_TRUE:
        // In a field header the type itself is the value; in a list it is one byte.
        return inField ? true : this.byte() === T_BOOL_TRUE;
      case T_BOOL_FALSE:
        return inField ? false : this.byte() === T_BOOL_TRUE;
      case T_BYTE:
        return (this.byte() << 24) >> 24;
      case T_I16:
      case T_I32:
        return this.zigzag32();
      case T_I64:
        return this.zigzag64();
      case T_DOUBLE: {
        const v = this.view.getFloat64(this.need(8), true);
        return v;
      }
      case T_BINARY: {
        const n = this.varint32();
        const at = this.need(n);
        return this.bytes.subarray(at, at + n);
      }
      case T_LIST:
      case T_SET:
        return this.list(depth);
      case T_MAP:
        return this.map(depth);
      case T_STRUCT:
        return this.readStruct(depth + 1);
      default:
        throw new Error(`unknown Thrift compact type ${type}`);
    }
  }

  private list(depth: number): ThriftValue[] {
    const header = this.byte();
    const size = header >> 4 === 15 ? this.varint32() : header >> 4;
    const type = header & 0x0f;
    const out = new Array<ThriftValue>(size);
    for (let i = 0; i < size; i++) out[i] = this.value(type, depth + 1, false);
    return out;
  }

  /** Maps decode as a list of [key, value] pairs (Parquet's key_value_metadata is a list). */
  private map(depth: number): ThriftValue[] {
    const size = this.varint32();
    if (size === 0) return [];
    const types = this.byte();
    const out = new Array<ThriftValue>(size);
    for (let i = 0; i < size; i++) {
      const k = this.value(types >> 4, depth + 1, false);
      out[i] = [k, this.value(types & 0x0f, depth + 1, false)];
    }
    return out;
  }

  private byte(): number {
    return this.bytes[this.need(1)] as number;
  }

  /** Reserves n bytes and returns where they start; a short footer is damaged. */
  private need(n: number): number {
    const at = this.pos;
    if (n < 0 || at + n > this.bytes.length) throw new Error('truncated Thrift data');
    this.pos = at + n;
    return at;
  }

  private varint32(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      result |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result >>> 0;
      shift += 7;
      if (shift > 28) throw new Error('malformed Thrift varint');
    }
  }

  private zigzag32(): number {
    const n = this.varint32();
    return (n >>> 1) ^ -(n & 1);
  }

  private zigzag64(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const b = this.byte();
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) break;
      shift += 7n;
      if (shift > 63n) throw new Error('malformed Thrift varint');
    }
    return (result >> 1n) ^ -(result & 1n);
  }
}

/** Typed accessors over a decoded struct; a field of another type reads as absent. */
export const field = {
  int(s: ThriftStruct, id: number): number | undefined {
    const v = s.get(id);
    return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : undefined;
  },
  bigint(s: ThriftStruct, id: number): bigint | undefined {
    const v = s.get(id);
    return typeof v === 'bigint' ? v : typeof v === 'number' ? BigInt(v) : undefined;
  },
  bool(s: ThriftStruct, id: number): boolean | undefined {
    const v = s.get(id);
    return typeof v === 'boolean' ? v : undefined;
  },
  bytes(s: ThriftStruct, id: number): Uint8Array | undefined {
    const v = s.get(id);
    return v instanceof Uint8Array ? v : undefined;
  },
  string(s: ThriftStruct, id: number): string | undefined {
    const v = s.get(id);
    return v instanceof Uint8Array ? new TextDecoder().decode(v) : undefined;
  },
  struct(s: ThriftStruct, id: number): ThriftStruct | undefined {
    const v = s.get(id);
    return v instanceof Map ? v : undefined;
  },
  structs(s: ThriftStruct, id: number): ThriftStruct[] {
    const v = s.get(id);
    return Array.isArray(v) ? v.filter((x): x is ThriftStruct => x instanceof Map) : [];
  },
  strings(s: ThriftStruct, id: number): string[] {
    const v = s.get(id);
    const dec = new TextDecoder();
    return Array.isArray(v)
      ? v.filter((x): x is Uint8Array => x instanceof Uint8Array).map((b) => dec.decode(b))
      : [];
  },
};
