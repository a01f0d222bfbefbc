import type { TokenCursor } from '../token-cursor.js';

export interface TransactionModes {
  readonly isolationLevel: string | null;
  readonly readOnly: boolean | null;
}

const LEVELS: readonly (readonly string[])[] = [
  ['serializable'],
  ['repeatable', 'read'],
  ['read', 'committed'],
  ['read', 'uncommitted'],
];

/**
 * `ISOLATION LEVEL ... | READ WRITE | READ ONLY | [NOT] DEFERRABLE [, ...]`
 * (BEGIN and SET TRANSACTION docs); commas between modes are optional.
 * DEFERRABLE only matters for serializable read-only transactions and is dropped.
 */
export function parseTransactionModes(c: TokenCursor): TransactionModes {
  const modes = { isolationLevel: null as string | null, readOnly: null as boolean | null };
  let modeRequired = false;
  for (;;) {
    if (c.acceptWords('isolation', 'level')) modes.isolationLevel = parseLevel(c);
    else if (c.acceptWords('read', 'only')) modes.readOnly = true;
    else if (c.acceptWords('read', 'write')) modes.readOnly = false;
    else if (!c.acceptWords('deferrable') && !c.acceptWords('not', 'deferrable')) {
      if (modeRequired) throw c.error();
      return modes;
    }
    modeRequired = c.acceptPunct(',');
  }
}

function parseLevel(c: TokenCursor): string {
  for (const words of LEVELS) if (c.acceptWords(...words)) return words.join(' ');
  throw c.error();
}
