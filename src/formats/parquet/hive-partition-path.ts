/**
 * Hive-style partition directories: `<table>/year=2024/region=eu/part-0.parquet`.
 * Values are escaped as in Hive's FileUtils.escapePathName (`%XX`, upper-case hex),
 * and `__HIVE_DEFAULT_PARTITION__` stands for NULL.
 */
export const HIVE_DEFAULT_PARTITION = '__HIVE_DEFAULT_PARTITION__';

/**
 * Whether a path segment is hidden from table listings, as Spark's file index does:
 * names starting with `.`, or with `_` unless they hold `=` (a partition directory).
 * This skips `_SUCCESS`, `_delta_log/`, `.hoodie/`, `_temporary/` and our temp files.
 */
export function isHiddenSegment(name: string): boolean {
  return name.startsWith('.') || (name.startsWith('_') && !name.includes('='));
}

/** Partition constants from the directory segments of a path relative to the table root. */
export function partitionValuesOf(relativeDirs: readonly string[]): Record<string, string | null> {
  const values: Record<string, string | null> = {};
  for (const segment of relativeDirs) {
    const eq = segment.indexOf('=');
    if (eq <= 0) continue;
    const key = unescapePathName(segment.slice(0, eq));
    const raw = segment.slice(eq + 1);
    values[key] = raw === HIVE_DEFAULT_PARTITION ? null : unescapePathName(raw);
  }
  return values;
}

/** Inverse of Hive's escapePathName: `%2F` → `/`; malformed escapes are kept as text. */
export function unescapePathName(s: string): string {
  return s.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/** Characters Hive escapes in partition directory names (FileUtils.charToEscape; Spark's ExternalCatalogUtils). */
const ESCAPED = new Set<number>([
  ...Array.from({ length: 0x1f }, (_, i) => i + 1),
  ...[...'"#%\'*/:=?\\\u007f{[]^'].map((c) => c.charCodeAt(0)),
]);

/** Hive's escapePathName: `%XX` (upper-case hex) for the characters above. */
export function escapePathName(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    out +=
      ch.length === 1 && ESCAPED.has(code)
        ? `%${code.toString(16).toUpperCase().padStart(2, '0')}`
        : ch;
  }
  return out;
}

/**
 * A partition's directory path relative to the table, `p=v/q=w`, as Hive and Spark write
 * it and SHOW PARTITIONS prints it: NULL and the empty string are the default partition.
 */
export function partitionPath(keys: readonly string[], values: readonly (string | null)[]): string {
  return keys
    .map((k, i) => {
      const v = values[i] ?? null;
      return `${escapePathName(k)}=${v === null || v === '' ? HIVE_DEFAULT_PARTITION : escapePathName(v)}`;
    })
    .join('/');
}
