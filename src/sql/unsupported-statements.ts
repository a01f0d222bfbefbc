/**
 * Statements lakegate recognises by their first key word but does not run yet;
 * they fail with 0A000 `<KEYWORD> is not supported yet` instead of a syntax
 * error. Words move from here to statement-parser.ts as their statements are parsed.
 */
export const UNSUPPORTED_STATEMENTS: ReadonlySet<string> = new Set([
  'grant',
  'revoke',
  'prepare',
  'execute',
  'listen',
  'notify',
  'unlisten',
  'analyze',
  'analyse',
  'lock',
  'comment',
  'refresh',
  'checkpoint',
  'reindex',
  'cluster',
  'import',
  'load',
  'do',
  'reassign',
  'security',
  'cache',
  'uncache',
]);
