import { invalidSyntax } from './input-error.js';

/**
 * uuid_in (PostgreSQL docs §8.12): 32 hex digits, optionally in braces, with an
 * optional hyphen after any group of four digits; output is the canonical lower-case form.
 */
const UUID = /^(\{)?[0-9a-f]{4}(?:-?[0-9a-f]{4}){7}(\})?$/i;

export function parseUuid(text: string): string {
  const m = UUID.exec(text);
  if (!m || (m[1] === undefined) !== (m[2] === undefined)) throw invalidSyntax('uuid', text);
  const hex = text.replace(/[{}-]/g, '').toLowerCase();
  return uuidFromHex(hex);
}

/** Canonical 8-4-4-4-12 form of 32 hex digits. */
export function uuidFromHex(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
