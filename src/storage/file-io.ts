/**
 * The FileIO seam (DESIGN.md §2, src/storage): everything above storage reads and
 * writes files through this interface, so the local file system and object stores
 * (S3, with a later issue) are interchangeable. Paths are absolute local paths or
 * URIs of the implementation's scheme.
 */
export interface FileInfo {
  readonly path: string;
  readonly size: number;
  readonly modifiedMs: number;
}

export interface FileIO {
  readonly scheme: string;
  /** null when the file does not exist. */
  stat(path: string): Promise<FileInfo | null>;
  /** Files (never directories) under `dir`; an absent directory lists as empty, like an object-store prefix. */
  list(dir: string, options?: { recursive?: boolean }): Promise<FileInfo[]>;
  read(path: string): Promise<Uint8Array>;
  /** Bytes [start, end) of the file; shorter only when the file ends first. */
  readRange(path: string, start: number, end: number): Promise<Uint8Array>;
  /** Atomic: write to a temp file in the same directory, fsync, rename. */
  writeAtomic(path: string, data: Uint8Array): Promise<void>;
  /** Fails with an error of kind 'conflict' if the file already exists (put-if-absent). */
  writeIfAbsent(path: string, data: Uint8Array): Promise<void>;
  /** Deleting an absent file is not an error (object-store semantics). */
  delete(path: string): Promise<void>;
  mkdirs(path: string): Promise<void>;
}
