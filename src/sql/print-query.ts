import type {
  FromItem,
  JoinType,
  OrderItem,
  Query,
  QueryBody,
  Select,
  SetOperation,
} from './ast.js';
import { printExpr, printOperand } from './print-expr.js';
import { quoteIdent, quoteName } from './print-ident.js';
import { Prec } from './precedence.js';
import { printWindowSpec } from './print-window.js';

/** A query back to SQL (SELECT docs' clause order). */
export function printQuery(q: Query): string {
  const parts: string[] = [];
  if (q.with.length > 0) {
    const recursive = q.with.some((cte) => cte.recursive) ? 'RECURSIVE ' : '';
    const ctes = q.with.map((cte) => {
      const cols = cte.columns.length > 0 ? ` (${cte.columns.map(quoteIdent).join(', ')})` : '';
      return `${quoteIdent(cte.name)}${cols} AS (${printQuery(cte.query)})`;
    });
    parts.push(`WITH ${recursive}${ctes.join(', ')}`);
  }
  parts.push(printBody(q.body));
  if (q.orderBy.length > 0) parts.push(`ORDER BY ${q.orderBy.map(printOrderItem).join(', ')}`);
  if (q.limit !== null && !q.withTies) parts.push(`LIMIT ${printExpr(q.limit)}`);
  if (q.offset !== null) parts.push(`OFFSET ${printExpr(q.offset)}`);
  if (q.limit !== null && q.withTies)
    parts.push(`FETCH FIRST ${printOperand(q.limit, Prec.atom)} ROWS WITH TIES`);
  return parts.join(' ');
}

function printBody(b: QueryBody): string {
  switch (b.kind) {
    case 'select':
      return printSelect(b);
    case 'values':
      return `VALUES ${b.rows.map((row) => `(${row.map(printExpr).join(', ')})`).join(', ')}`;
    case 'set-operation':
      return printSetOperation(b);
    case 'query':
      return `(${printQuery(b)})`;
  }
}

const SET_OP_PREC: Readonly<Record<SetOperation['op'], number>> = {
  union: 1,
  except: 1,
  intersect: 2,
};

/** INTERSECT binds tighter than UNION/EXCEPT; both associate left. */
function printSetOperation(s: SetOperation): string {
  const prec = SET_OP_PREC[s.op];
  const side = (b: QueryBody, min: number): string =>
    b.kind === 'set-operation' && SET_OP_PREC[b.op] < min ? `(${printBody(b)})` : printBody(b);
  const op = `${s.op.toUpperCase()}${s.all ? ' ALL' : ''}`;
  return `${side(s.left, prec)} ${op} ${side(s.right, prec + 1)}`;
}

function printSelect(s: Select): string {
  const items = s.items.map((item) => {
    const alias = item.alias === null ? '' : ` AS ${quoteIdent(item.alias)}`;
    return printExpr(item.expr) + alias;
  });
  const on = s.distinctOn.length > 0 ? ` ON (${s.distinctOn.map(printExpr).join(', ')})` : '';
  const parts = [`SELECT${s.distinct ? ' DISTINCT' : ''}${on}`];
  if (items.length > 0) parts.push(items.join(', '));
  if (s.from.length > 0) parts.push(`FROM ${s.from.map(printFromItem).join(', ')}`);
  if (s.where !== null) parts.push(`WHERE ${printExpr(s.where)}`);
  if (s.groupBy.length > 0) parts.push(`GROUP BY ${s.groupBy.map(printExpr).join(', ')}`);
  if (s.having !== null) parts.push(`HAVING ${printExpr(s.having)}`);
  if (s.windows.length > 0) {
    const windows = s.windows.map((w) => `${quoteIdent(w.name)} AS ${printWindowSpec(w.spec)}`);
    parts.push(`WINDOW ${windows.join(', ')}`);
  }
  return parts.join(' ');
}

export function printOrderItem(o: OrderItem): string {
  const dir = o.descending ? ' DESC' : '';
  const nulls = o.nullsFirst === null ? '' : o.nullsFirst ? ' NULLS FIRST' : ' NULLS LAST';
  return printExpr(o.expr) + dir + nulls;
}

function printAlias(alias: string | null, columns: readonly string[]): string {
  if (alias === null) return '';
  const cols = columns.length > 0 ? ` (${columns.map(quoteIdent).join(', ')})` : '';
  return ` AS ${quoteIdent(alias)}${cols}`;
}

const JOIN_WORDS: Readonly<Record<JoinType, string>> = {
  inner: 'JOIN',
  left: 'LEFT JOIN',
  right: 'RIGHT JOIN',
  full: 'FULL JOIN',
  cross: 'CROSS JOIN',
};

export function printFromItem(f: FromItem): string {
  switch (f.kind) {
    case 'table-ref': {
      const travel = f.timeTravel;
      const asOf =
        travel === null
          ? ''
          : ` FOR ${travel.by.toUpperCase()} AS OF ${printOperand(travel.value, Prec.other)}`;
      return quoteName(f.name.parts) + asOf + printAlias(f.alias, f.columnAliases);
    }
    case 'subquery-ref': {
      const lateral = f.lateral ? 'LATERAL ' : '';
      return `${lateral}(${printQuery(f.query)})${printAlias(f.alias, f.columnAliases)}`;
    }
    case 'table-function': {
      const lateral = f.lateral ? 'LATERAL ' : '';
      const ordinality = f.ordinality ? ' WITH ORDINALITY' : '';
      return lateral + printExpr(f.call) + ordinality + printAlias(f.alias, f.columnAliases);
    }
    case 'join': {
      // Joins associate left; a join on the right needs parentheses.
      const right =
        f.right.kind === 'join' ? `(${printFromItem(f.right)})` : printFromItem(f.right);
      const cond =
        f.on !== null
          ? ` ON ${printExpr(f.on)}`
          : f.using !== null
            ? ` USING (${f.using.map(quoteIdent).join(', ')})`
            : '';
      const natural = f.natural ? 'NATURAL ' : '';
      return `${printFromItem(f.left)} ${natural}${JOIN_WORDS[f.type]} ${right}${cond}`;
    }
  }
}
