/**
 * psql's default "aligned" output: centred headers, a dashed rule, left-aligned
 * text and right-aligned numbers, and a "(n rows)" footer.
 */
export function printTable(
  headers: readonly string[],
  rows: readonly (readonly (string | null)[])[],
  rightAligned: readonly boolean[],
): string {
  const cells = rows.map((r) => r.map((c) => c ?? ''));
  const widths = headers.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i] ?? ''))));
  // psql (print.c print_aligned_text) pads every header cell and ends the header with the
  // border space, but leaves a left-aligned last data cell unpadded, with no space after it.
  const line = (
    values: readonly string[],
    align: (i: number) => 'left' | 'right' | 'center',
  ): string =>
    values
      .map((v, i) => {
        if (i < values.length - 1 || align(i) === 'center')
          return ' ' + pad(v, widths[i] ?? 0, align(i)) + ' ';
        return ' ' + (align(i) === 'right' ? pad(v, widths[i] ?? 0, 'right') : v);
      })
      .join('|');
  const out = [
    line(headers, () => 'center'),
    widths.map((w) => '-'.repeat(w + 2)).join('+'),
    ...cells.map((r) => line(r, (i) => (rightAligned[i] ? 'right' : 'left'))),
    `(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})`,
  ];
  return out.join('\n') + '\n';
}

function width(s: string): number {
  return [...s].length;
}

function pad(s: string, w: number, align: 'left' | 'right' | 'center'): string {
  const gap = w - width(s);
  if (gap <= 0) return s;
  if (align === 'right') return ' '.repeat(gap) + s;
  if (align === 'left') return s + ' '.repeat(gap);
  const left = Math.floor(gap / 2);
  return ' '.repeat(left) + s + ' '.repeat(gap - left);
}
