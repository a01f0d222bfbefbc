import type { ChunkValues } from './plain-values.js';

/**
 * A column chunk's values by row, filled page by page: each page's non-null values go to
 * its valid rows, null rows hold zero (or an empty byte string).
 */
export class RowValues {
  private fixed: FixedArray | null = null;
  private kind: ChunkValues['kind'] | null = null;
  private readonly parts: Uint8Array[] = [];
  private offsets: Int32Array | null = null;
  private byteCount = 0;

  constructor(private readonly rows: number) {}

  /** Places `dense` (one value per valid row) at rows `row..row+n`; `valid` null means all valid. */
  put(dense: ChunkValues, row: number, n: number, valid: Uint8Array | null): void {
    if (this.kind !== null && this.kind !== dense.kind)
      throw new Error('mixed value kinds in a column chunk');
    this.kind = dense.kind;
    if (dense.kind === 'bytes') {
      this.putBytes(dense.offsets, dense.data, row, n, valid);
      return;
    }
    const src = dense.values;
    const out = (this.fixed ??= new (src.constructor as new (n: number) => typeof src)(this.rows));
    if (valid === null) {
      out.set(src as never, row);
      return;
    }
    const dst = out as unknown as { [i: number]: number | bigint };
    const from = src as unknown as ArrayLike<number | bigint>;
    for (let k = 0, j = 0; k < n; k++) if (valid[k] === 1) dst[row + k] = from[j++]!;
  }

  private putBytes(
    from: Int32Array,
    data: Uint8Array,
    row: number,
    n: number,
    valid: Uint8Array | null,
  ): void {
    const offsets = (this.offsets ??= new Int32Array(this.rows + 1));
    const base = this.byteCount;
    for (let k = 0, j = 0; k < n; k++) {
      if (valid === null || valid[k] === 1) j++;
      offsets[row + k + 1] = base + from[j]!;
    }
    this.parts.push(data);
    this.byteCount += data.length;
  }

  finish(fallback: ChunkValues['kind']): ChunkValues {
    const kind = this.kind ?? fallback;
    if (kind === 'bytes') {
      const data = new Uint8Array(this.byteCount);
      let at = 0;
      for (const p of this.parts) {
        data.set(p, at);
        at += p.length;
      }
      return { kind, offsets: this.offsets ?? new Int32Array(this.rows + 1), data };
    }
    const values = this.fixed ?? emptyOf(kind, this.rows);
    return { kind, values } as ChunkValues;
  }
}

type FixedArray = Int32Array | BigInt64Array | Float32Array | Float64Array | Uint8Array;

function emptyOf(kind: Exclude<ChunkValues['kind'], 'bytes'>, n: number): FixedArray {
  switch (kind) {
    case 'int32':
      return new Int32Array(n);
    case 'int64':
      return new BigInt64Array(n);
    case 'float32':
      return new Float32Array(n);
    case 'float64':
      return new Float64Array(n);
    case 'boolean':
      return new Uint8Array(n);
  }
}
