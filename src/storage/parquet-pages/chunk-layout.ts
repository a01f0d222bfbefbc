import { type LeafType, type SchemaNode, isLeaf, leafType, schemaTree } from '../parquet-schema.js';
import { type ThriftStruct, field } from '../thrift-compact.js';

/**
 * Where each flat column's chunk lies in each row group, and what decoding it needs
 * (parquet.thrift `ColumnChunk` / `ColumnMetaData` and the column's `SchemaElement`).
 * Nested columns (lists, maps, structs) have no layout here: the wasm reader takes them.
 */
export interface ChunkLayout {
  readonly leaf: LeafType;
  /** FIXED_LEN_BYTE_ARRAY width. */
  readonly typeLength: number;
  /** 1 for an OPTIONAL column (definition levels present), 0 for REQUIRED. */
  readonly maxDefinition: number;
  /** parquet.thrift `CompressionCodec`. */
  readonly codec: number;
  /** File offset of the chunk's first page (its dictionary page when it has one). */
  readonly start: number;
  readonly length: number;
  /** Values in the chunk, nulls included: its row count, for a flat column. */
  readonly numValues: number;
}

export interface ParquetLayout {
  /** Top-level column name → its position in each row group's list. */
  readonly columns: ReadonlyMap<string, number>;
  /** Per row group, per top-level column: its chunk, or null when it is not flat. */
  readonly rowGroups: readonly (readonly (ChunkLayout | null)[])[];
}

const REPEATED = 2;
const OPTIONAL = 1;

/** The layout from a decoded `FileMetaData`. */
export function chunkLayout(meta: ThriftStruct): ParquetLayout {
  const root = schemaTree(field.structs(meta, 2));
  const leaves = flatLeafIndexes(root);
  const columns = new Map(root.children.map((c, i) => [c.name, i]));
  const rowGroups = field.structs(meta, 4).map((rg) => {
    const chunks = field.structs(rg, 1);
    return root.children.map((column, i) => {
      const at = leaves[i] ?? -1;
      const chunk = at < 0 ? undefined : chunks[at];
      return chunk === undefined ? null : chunkOf(chunk, column);
    });
  });
  return { columns, rowGroups };
}

/** For each top-level column, its leaf (column chunk) index when it is a flat primitive, else -1. */
export function flatLeafIndexes(root: SchemaNode): number[] {
  let next = 0;
  const countLeaves = (n: SchemaNode): number =>
    isLeaf(n) ? 1 : n.children.reduce((sum, c) => sum + countLeaves(c), 0);
  return root.children.map((c) => {
    const at = next;
    next += countLeaves(c);
    return isLeaf(c) && field.int(c.element, 3) !== REPEATED ? at : -1;
  });
}

function chunkOf(chunk: ThriftStruct, column: SchemaNode): ChunkLayout | null {
  const meta = field.struct(chunk, 3);
  // A chunk in another file (ColumnChunk.file_path) is left to the wasm reader.
  if (meta === undefined || chunk.has(1)) return null;
  const dataOffset = field.int(meta, 9) ?? -1;
  const dictionaryOffset = field.int(meta, 11);
  // Some writers record a dictionary offset of 0 for chunks without one.
  const start =
    dictionaryOffset !== undefined && dictionaryOffset > 0 && dictionaryOffset < dataOffset
      ? dictionaryOffset
      : dataOffset;
  const length = field.int(meta, 7) ?? -1;
  if (start < 4 || length < 0) return null;
  return {
    leaf: leafType(column),
    typeLength: field.int(column.element, 2) ?? 0,
    maxDefinition: field.int(column.element, 3) === OPTIONAL ? 1 : 0,
    codec: field.int(meta, 4) ?? -1,
    start,
    length,
    numValues: field.int(meta, 5) ?? 0,
  };
}
