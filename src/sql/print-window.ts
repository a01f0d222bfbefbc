import type { FrameBound, WindowFrame, WindowSpec } from './ast.js';
import { printExpr } from './print-expr.js';
import { quoteIdent } from './print-ident.js';
import { printOrderItem } from './print-query.js';

/** After OVER: `w` for a bare named window, else `(...)`. */
export function printOver(w: WindowSpec): string {
  const bare = w.partitionBy.length === 0 && w.orderBy.length === 0 && w.frame === null;
  return w.base !== null && bare ? quoteIdent(w.base) : printWindowSpec(w);
}

/** `([base] [PARTITION BY ...] [ORDER BY ...] [frame])`. */
export function printWindowSpec(w: WindowSpec): string {
  const parts: string[] = [];
  if (w.base !== null) parts.push(quoteIdent(w.base));
  if (w.partitionBy.length > 0)
    parts.push(`PARTITION BY ${w.partitionBy.map(printExpr).join(', ')}`);
  if (w.orderBy.length > 0) parts.push(`ORDER BY ${w.orderBy.map(printOrderItem).join(', ')}`);
  if (w.frame !== null) parts.push(printFrame(w.frame));
  return `(${parts.join(' ')})`;
}

const EXCLUDE: Readonly<Record<WindowFrame['exclude'], string>> = {
  'no-others': '',
  'current-row': ' EXCLUDE CURRENT ROW',
  group: ' EXCLUDE GROUP',
  ties: ' EXCLUDE TIES',
};

function printFrame(f: WindowFrame): string {
  const bounds = `BETWEEN ${printBound(f.start)} AND ${printBound(f.end)}`;
  return `${f.unit.toUpperCase()} ${bounds}${EXCLUDE[f.exclude]}`;
}

function printBound(b: FrameBound): string {
  switch (b.kind) {
    case 'unbounded-preceding':
      return 'UNBOUNDED PRECEDING';
    case 'unbounded-following':
      return 'UNBOUNDED FOLLOWING';
    case 'current-row':
      return 'CURRENT ROW';
    case 'preceding':
    case 'following':
      return `${b.offset === null ? '' : printExpr(b.offset) + ' '}${b.kind.toUpperCase()}`;
  }
}
