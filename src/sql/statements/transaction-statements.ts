import type { TransactionAction, TransactionStatement } from '../ast.js';
import type { TokenCursor } from '../token-cursor.js';
import { notSupportedYet } from '../unsupported-syntax.js';
import { parseTransactionModes } from './transaction-modes.js';

type Fields = Omit<TransactionStatement, 'kind' | 'span'>;

function statement(
  c: TokenCursor,
  start: number,
  fields: Partial<Fields> & { action: TransactionAction; keyword: string },
): TransactionStatement {
  return {
    kind: 'transaction',
    span: c.span(start),
    savepoint: null,
    isolationLevel: null,
    readOnly: null,
    ...fields,
  };
}

/** `[WORK | TRANSACTION]` after BEGIN, COMMIT, END, ROLLBACK, ABORT. */
function skipNoise(c: TokenCursor): void {
  if (!c.acceptWords('work')) c.acceptWords('transaction');
}

/** `AND NO CHAIN` is the default; `AND CHAIN` is not supported yet. */
function parseChain(c: TokenCursor): void {
  if (c.acceptWords('and', 'no', 'chain')) return;
  if (c.isWord('and')) throw notSupportedYet(c, 'AND CHAIN');
}

/** `BEGIN [WORK | TRANSACTION] [modes]` (BEGIN docs). */
export function parseBegin(c: TokenCursor): TransactionStatement {
  const start = c.next().start;
  skipNoise(c);
  return statement(c, start, { action: 'begin', keyword: 'begin', ...parseTransactionModes(c) });
}

/** `START TRANSACTION [modes]`. */
export function parseStart(c: TokenCursor): TransactionStatement {
  const start = c.next().start;
  c.expectWords('transaction');
  const modes = parseTransactionModes(c);
  return statement(c, start, { action: 'begin', keyword: 'start transaction', ...modes });
}

/** `COMMIT | END [WORK | TRANSACTION] [AND NO CHAIN]`. */
export function parseCommit(c: TokenCursor): TransactionStatement {
  const t = c.next();
  if (c.isWord('prepared')) throw notSupportedYet(c, 'COMMIT PREPARED');
  skipNoise(c);
  parseChain(c);
  return statement(c, t.start, { action: 'commit', keyword: t.value });
}

/** `ROLLBACK | ABORT [WORK | TRANSACTION] [TO [SAVEPOINT] name]`. */
export function parseRollback(c: TokenCursor): TransactionStatement {
  const t = c.next();
  if (c.isWord('prepared')) throw notSupportedYet(c, 'ROLLBACK PREPARED');
  skipNoise(c);
  if (t.value === 'rollback' && c.acceptWords('to')) {
    c.acceptWords('savepoint');
    const savepoint = c.expectIdent(true);
    return statement(c, t.start, { action: 'rollback-to', keyword: 'rollback', savepoint });
  }
  parseChain(c);
  return statement(c, t.start, { action: 'rollback', keyword: t.value });
}

/** `SAVEPOINT name`. */
export function parseSavepoint(c: TokenCursor): TransactionStatement {
  const start = c.next().start;
  const savepoint = c.expectIdent(true);
  return statement(c, start, { action: 'savepoint', keyword: 'savepoint', savepoint });
}

/** `RELEASE [SAVEPOINT] name`. */
export function parseRelease(c: TokenCursor): TransactionStatement {
  const start = c.next().start;
  c.acceptWords('savepoint');
  const savepoint = c.expectIdent(true);
  return statement(c, start, { action: 'release', keyword: 'release', savepoint });
}
