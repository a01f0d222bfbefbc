/**
 * Hand-built frontend messages for what pg-protocol's `serialize` cannot express: startup
 * packets of any protocol version, GSSENCRequest, Bind with per-parameter formats, and raw
 * (possibly malformed) typed messages. Layouts: PostgreSQL docs §55.7 "Message Formats".
 */

/** A NUL-terminated UTF-8 string, the protocol's `String` type. */
export function cstring(text: string): Buffer {
  return Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0])]);
}

function int16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeInt16BE(value);
  return buffer;
}

function int32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
}

/** StartupMessage: Int32 length, Int16 major, Int16 minor, name/value pairs, a final NUL. */
export function startupPacket(
  major: number,
  minor: number,
  params: Record<string, string>,
): Buffer {
  const pairs = Object.entries(params).flatMap(([name, value]) => [cstring(name), cstring(value)]);
  const body = Buffer.concat([int16(major), int16(minor), ...pairs, Buffer.from([0])]);
  return Buffer.concat([int32(body.length + 4), body]);
}

/** GSSENCRequest: length 8 and the request code 80877104 (§55.7). */
export function gssEncRequest(): Buffer {
  return Buffer.concat([int32(8), int32(80877104)]);
}

/** A typed message `code` + Int32 length (self-inclusive) + body, built verbatim. */
export function typedMessage(code: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(code, 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

export interface BindParameter {
  /** 0 = text, 1 = binary. */
  readonly format: 0 | 1;
  readonly value: Buffer | string | null;
}

export interface BindSpec {
  readonly portal?: string;
  readonly statement?: string;
  readonly params?: readonly BindParameter[];
  /** Result-column format codes: [] = all text, [f] = all f, or one per column. */
  readonly resultFormats?: readonly number[];
}

/** Bind ('B') with one format code per parameter, which pg-protocol's serializer cannot do. */
export function bindMessage(spec: BindSpec): Buffer {
  const params = spec.params ?? [];
  const resultFormats = spec.resultFormats ?? [];
  const parts: Buffer[] = [cstring(spec.portal ?? ''), cstring(spec.statement ?? '')];
  parts.push(int16(params.length), ...params.map((p) => int16(p.format)));
  parts.push(int16(params.length));
  for (const param of params) {
    if (param.value === null) {
      parts.push(int32(-1));
      continue;
    }
    const bytes = typeof param.value === 'string' ? Buffer.from(param.value) : param.value;
    parts.push(int32(bytes.length), bytes);
  }
  parts.push(int16(resultFormats.length), ...resultFormats.map(int16));
  return typedMessage('B', Buffer.concat(parts));
}
