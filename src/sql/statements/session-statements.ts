import type { ResetStatement, SetStatement, ShowStatement } from '../ast.js';
import type { TokenCursor } from '../token-cursor.js';
import { notSupportedYet } from '../unsupported-syntax.js';
import { parseSetValueItem, parseSetValueList } from './set-value.js';
import { parseTransactionModes } from './transaction-modes.js';

/** Multi-word setting names of SET/SHOW/RESET mapped to their parameter (SET docs). */
const SPECIAL_NAMES: readonly (readonly [readonly string[], string])[] = [
  [['time', 'zone'], 'timezone'],
  [['transaction', 'isolation', 'level'], 'transaction_isolation'],
  [['session', 'authorization'], 'session_authorization'],
];

function parseSettingName(c: TokenCursor): string {
  for (const [words, name] of SPECIAL_NAMES) if (c.acceptWords(...words)) return name;
  const parts = [c.expectIdent(true)];
  // Custom options are qualified: `SET myapp.user_id = 1`.
  while (c.acceptPunct('.')) parts.push(c.expectIdent(true));
  return parts.join('.');
}

type SetBody = Omit<SetStatement, 'kind' | 'span' | 'local'>;

/**
 * `SET [SESSION | LOCAL] name {TO | =} value [, ...] | DEFAULT` and the special
 * forms TIME ZONE, NAMES, SCHEMA, ROLE, SESSION AUTHORIZATION, TRANSACTION and
 * SESSION CHARACTERISTICS AS TRANSACTION (SET and SET TRANSACTION docs).
 */
export function parseSet(c: TokenCursor): SetStatement {
  const start = c.next().start;
  const local = c.acceptWords('local');
  if (!local && c.isWord('session') && !c.isWord('authorization', 1)) c.next();
  const body = parseSetBody(c);
  return { kind: 'set', span: c.span(start), local, ...body };
}

function parseSetBody(c: TokenCursor): SetBody {
  // `SET role TO x` is the generic form; the special forms never take TO or =.
  const generic = c.isWord('to', 1) || c.isOp('=', 1);
  const special = generic ? undefined : parseSpecialSet(c);
  if (special !== undefined) return special;
  const name = parseSettingName(c);
  if (!c.acceptWords('to') && !c.acceptOp('=')) throw c.error();
  return { name, value: parseSetValueList(c) };
}

function parseSpecialSet(c: TokenCursor): SetBody | undefined {
  if (c.acceptWords('time', 'zone')) return { name: 'timezone', value: parseTimeZoneValue(c) };
  if (c.acceptWords('names')) return { name: 'client_encoding', value: parseSetValueList(c) };
  if (c.acceptWords('schema')) return { name: 'search_path', value: [parseSetValueItem(c)] };
  if (c.acceptWords('role')) return { name: 'role', value: parseSetValueList(c) };
  if (c.acceptWords('session', 'authorization'))
    return { name: 'session_authorization', value: parseSetValueList(c) };
  if (c.acceptWords('characteristics', 'as', 'transaction'))
    return transactionSetting(c, 'default_transaction');
  if (c.isWord('transaction') && c.isWord('snapshot', 1))
    throw notSupportedYet(c, 'SET TRANSACTION SNAPSHOT');
  if (c.acceptWords('transaction')) return transactionSetting(c, 'transaction');
  return undefined;
}

/** `SET TIME ZONE 'UTC' | -8 | LOCAL | DEFAULT`; LOCAL and DEFAULT both restore the default. */
function parseTimeZoneValue(c: TokenCursor): string[] | null {
  if (c.acceptWords('local') || c.acceptWords('default')) return null;
  if (c.isWord('interval')) throw notSupportedYet(c, 'SET TIME ZONE INTERVAL');
  return [parseSetValueItem(c)];
}

/**
 * Transaction modes as the parameters they set: the isolation level when given,
 * else the read-only flag. One SetStatement holds one parameter, so when both
 * are written only the isolation level is kept.
 */
function transactionSetting(c: TokenCursor, prefix: string): SetBody {
  const at = c.peek;
  const modes = parseTransactionModes(c);
  if (modes.isolationLevel !== null)
    return { name: `${prefix}_isolation`, value: [modes.isolationLevel] };
  if (modes.readOnly !== null)
    return { name: `${prefix}_read_only`, value: [modes.readOnly ? 'on' : 'off'] };
  throw c.error(at);
}

/** `SHOW name | ALL | TIME ZONE | TRANSACTION ISOLATION LEVEL | SESSION AUTHORIZATION`. */
export function parseShow(c: TokenCursor): ShowStatement {
  const start = c.next().start;
  const name = c.acceptWords('all') ? 'all' : parseSettingName(c);
  return { kind: 'show', span: c.span(start), name };
}

/** `RESET name | ALL | TIME ZONE | ...`. */
export function parseReset(c: TokenCursor): ResetStatement {
  const start = c.next().start;
  const name = c.acceptWords('all') ? null : parseSettingName(c);
  return { kind: 'reset', span: c.span(start), name };
}
