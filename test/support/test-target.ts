/**
 * A server the protocol suites talk to over TCP: a private real PostgreSQL 15 cluster (the
 * reference that proves the tests right) or an in-process lakegate (the system under test).
 */
export type TargetKind = 'postgres' | 'lakegate';

export interface TestTarget {
  readonly kind: TargetKind;
  readonly host: string;
  readonly port: number;
  /** The dbname a client sends: `postgres` on PostgreSQL, the catalog name (`local`) on lakegate. */
  readonly database: string;
  readonly user: string;
  /** A unix-domain socket path to the same server, when it has one. */
  readonly unixSocket?: string;
  close(): Promise<void>;
}
