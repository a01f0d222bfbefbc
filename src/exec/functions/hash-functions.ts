import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { LakeError } from '../../common/errors.js';
import { Types } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { SqlState } from '../../common/sqlstate.js';
import { strict, type Kernel } from '../kernels/kernel.js';
import { scalarText } from '../kernels/scalar-text.js';
import { fn, overloads, sig, type ScalarFunction } from './scalar-function.js';

/**
 * Hashes and binary encodings: PostgreSQL's md5, sha224..sha512, encode/decode, to_hex
 * (docs §9.4, §9.5) and Spark's sha1, sha2, crc32, base64, unbase64, hex. Text hashes
 * hash the UTF-8 bytes, as both engines do.
 */
const { text: T, bytea: BY, int4: I, int8: L } = Types;

const bytesOf = (v: SqlValue | undefined): Uint8Array =>
  v instanceof Uint8Array ? v : Buffer.from(scalarText(v), 'utf8');

const hexDigest = (algo: string): Kernel =>
  strict(([v]) => createHash(algo).update(bytesOf(v)).digest('hex'));

const binaryDigest = (algo: string): Kernel =>
  strict(([v]) => new Uint8Array(createHash(algo).update(bytesOf(v)).digest()));

/** sha2(x, bits): Spark; 0 means 256; an unsupported length yields NULL. */
const SHA2: Record<number, string> = {
  0: 'sha256',
  224: 'sha224',
  256: 'sha256',
  384: 'sha384',
  512: 'sha512',
};
const sha2Kernel: Kernel = strict(([v, bits]) => {
  const algo = SHA2[Number(bits)];
  return algo === undefined ? null : createHash(algo).update(bytesOf(v)).digest('hex');
});

/** to_hex: two's complement of the argument's width, as PostgreSQL prints negatives. */
const toHexKernel: Kernel = (input) => {
  const width = input.argTypes[0]?.kind === 'int8' ? 64n : 32n;
  return strict(([v]) => BigInt.asUintN(Number(width), BigInt(v as number | bigint)).toString(16))(
    input,
  );
};

function unknownEncoding(name: string): LakeError {
  return new LakeError(SqlState.invalidParameterValue, `unrecognized encoding: "${name}"`);
}

/** escape format: bytes outside printable ASCII (and backslash) as \ooo octal. */
function escapeBytes(b: Uint8Array): string {
  let s = '';
  for (const x of b) {
    if (x === 0x5c) s += '\\\\';
    else if (x < 0x20 || x > 0x7e) s += `\\${x.toString(8).padStart(3, '0')}`;
    else s += String.fromCharCode(x);
  }
  return s;
}

const encodeKernel: Kernel = strict(([v, f]) => {
  const b = Buffer.from(bytesOf(v));
  const format = scalarText(f).toLowerCase();
  if (format === 'base64') return (b.toString('base64').match(/.{1,76}/g) ?? ['']).join('\n');
  if (format === 'hex') return b.toString('hex');
  if (format === 'escape') return escapeBytes(b);
  throw unknownEncoding(format);
});

function decodeHex(s: string): Uint8Array {
  const bad = /[^0-9a-fA-F\s]/.exec(s);
  if (bad)
    throw new LakeError(SqlState.invalidParameterValue, `invalid hexadecimal digit: "${bad[0]}"`);
  const clean = s.replace(/\s+/g, '');
  if (clean.length % 2 !== 0) {
    throw new LakeError(
      SqlState.invalidParameterValue,
      'invalid hexadecimal data: odd number of digits',
    );
  }
  return new Uint8Array(Buffer.from(clean, 'hex'));
}

function decodeBase64(s: string): Uint8Array {
  const clean = s.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) {
    throw new LakeError(SqlState.invalidParameterValue, 'invalid base64 end sequence', {
      hint: 'Input data is missing padding, is truncated, or is otherwise corrupted.',
    });
  }
  return new Uint8Array(Buffer.from(clean, 'base64'));
}

function decodeEscape(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && s[i + 1] === '\\') {
      out.push(0x5c);
      i++;
    } else if (s[i] === '\\' && /^[0-7]{3}$/.test(s.slice(i + 1, i + 4))) {
      out.push(parseInt(s.slice(i + 1, i + 4), 8));
      i += 3;
    } else out.push(...Buffer.from(s[i] ?? '', 'utf8'));
  }
  return new Uint8Array(out);
}

const decodeKernel: Kernel = strict(([v, f]) => {
  const s = scalarText(v);
  const format = scalarText(f).toLowerCase();
  if (format === 'base64') return decodeBase64(s);
  if (format === 'hex') return decodeHex(s);
  if (format === 'escape') return decodeEscape(s);
  throw unknownEncoding(format);
});

/** unbase64: Spark decodes leniently (java.util.Base64 MIME decoder) — whitespace ignored. */
const unbase64Kernel: Kernel = strict(
  ([v]) => new Uint8Array(Buffer.from(scalarText(v), 'base64')),
);

/** hex(x): Spark; numbers in two's complement 64-bit, strings and binary by their bytes, upper case. */
const hexKernel: Kernel = strict(([v]) =>
  typeof v === 'bigint' || typeof v === 'number'
    ? BigInt.asUintN(64, BigInt(v)).toString(16).toUpperCase()
    : Buffer.from(bytesOf(v)).toString('hex').toUpperCase(),
);

export const hashFunctions: readonly ScalarFunction[] = [
  fn('md5', overloads(sig([T], T), sig([BY], T)), hexDigest('md5')),
  fn('sha1', overloads(sig([T], T), sig([BY], T)), hexDigest('sha1')),
  fn('sha', overloads(sig([T], T), sig([BY], T)), hexDigest('sha1')),
  fn('sha2', overloads(sig([T, I], T), sig([BY, I], T)), sha2Kernel),
  fn('sha224', overloads(sig([BY], BY)), binaryDigest('sha224')),
  fn('sha256', overloads(sig([BY], BY)), binaryDigest('sha256')),
  fn('sha384', overloads(sig([BY], BY)), binaryDigest('sha384')),
  fn('sha512', overloads(sig([BY], BY)), binaryDigest('sha512')),
  fn(
    'crc32',
    overloads(sig([T], L), sig([BY], L)),
    strict(([v]) => BigInt(crc32(bytesOf(v)))),
  ),
  fn('to_hex', overloads(sig([I], T), sig([L], T)), toHexKernel),
  fn('hex', overloads(sig([T], T), sig([L], T), sig([BY], T)), hexKernel),
  fn('encode', overloads(sig([BY, T], T)), encodeKernel),
  fn('decode', overloads(sig([T, T], BY)), decodeKernel),
  fn(
    'base64',
    overloads(sig([BY], T), sig([T], T)),
    strict(([v]) => Buffer.from(bytesOf(v)).toString('base64')),
  ),
  fn('unbase64', overloads(sig([T], BY)), unbase64Kernel),
];
