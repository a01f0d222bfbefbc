import type { Expr } from '../../src/sql/ast.js';

/** An AST without its spans, for matching expressions against GROUP BY keys. */
export function shapeOf(e: unknown): string {
  return JSON.stringify(e, (k, v: unknown) =>
    k === 'span' ? undefined : typeof v === 'bigint' ? `${v}n` : v,
  );
}

/** GROUP BY expanded: distinct key expressions, and the grouping sets over them (null = plain GROUP BY). */
export interface GroupingPlan {
  readonly keys: readonly Expr[];
  readonly sets: readonly (readonly number[])[] | null;
}

/** All subsets of n elements, largest first, as PostgreSQL's CUBE expands (docs §7.2.4). */
function subsets<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  const n = items.length;
  for (let mask = (1 << n) - 1; mask >= 0; mask--) {
    out.push(items.filter((_, i) => (mask & (1 << (n - 1 - i))) !== 0));
  }
  return out;
}

/** One GROUP BY element as its list of sets, each a list of expressions. */
function setsOf(e: Expr): Expr[][] {
  if (e.kind !== 'grouping-sets') return [[e]];
  switch (e.type) {
    case 'rollup': {
      const out: Expr[][] = [];
      for (let n = e.sets.length; n >= 0; n--) out.push(e.sets.slice(0, n).flat());
      return out;
    }
    case 'cube':
      return subsets(e.sets).map((s) => s.flat());
    case 'sets':
      // A nested ROLLUP/CUBE inside GROUPING SETS contributes all its sets.
      return e.sets.flatMap((set) =>
        set.reduce<Expr[][]>(
          (acc, x) => acc.flatMap((a) => setsOf(x).map((s) => [...a, ...s])),
          [[]],
        ),
      );
  }
}

/**
 * Expands GROUP BY elements (already rewritten for ordinals and aliases) into keys
 * and grouping sets: several elements combine by cross product (`GROUP BY a,
 * ROLLUP(b)` = sets (a, b), (a)), keys equal in shape are one key.
 */
export function expandGroupBy(groupBy: readonly Expr[]): GroupingPlan {
  const keys: Expr[] = [];
  const shapes: string[] = [];
  const indexOf = (e: Expr): number => {
    const s = shapeOf(e);
    let i = shapes.indexOf(s);
    if (i < 0) {
      i = keys.length;
      keys.push(e);
      shapes.push(s);
    }
    return i;
  };
  const hasSets = groupBy.some((e) => e.kind === 'grouping-sets');
  let sets: number[][] = [[]];
  for (const element of groupBy) {
    const own = setsOf(element).map((s) => s.map(indexOf));
    sets = sets.flatMap((a) => own.map((b) => [...new Set([...a, ...b])]));
  }
  return { keys, sets: hasSets ? sets : null };
}
