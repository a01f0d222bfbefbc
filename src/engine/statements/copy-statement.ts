import type { CopyTo } from '../../sql/ast.js';
import type { StatementHandler } from '../session-core.js';
import { copyOutOptions } from './copy-options.js';
import { prepareQuery, startQuery } from './query-statement.js';

/** COPY (query) TO STDOUT: the query's rows, formatted by pgwire with `copyOut`. Tag `COPY n`. */
export const copyStatement: StatementHandler<CopyTo> = {
  async prepare(core, s, parsed, paramTypes) {
    copyOutOptions(s.options);
    return { columns: null, query: await prepareQuery(core, s.query, parsed, paramTypes) };
  },
  execute(core, s, prepared, params, run) {
    const stream = startQuery(core, prepared.bound.query!, params, run);
    return Promise.resolve({
      ...stream,
      copyOut: copyOutOptions(s.options),
      tag: (rows) => `COPY ${rows}`,
    });
  },
};
