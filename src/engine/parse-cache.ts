import { parseSql, type ParsedSql } from '../sql/parse.js';

/**
 * Recently parsed texts of one session. Clients repeat the same statements (driver
 * start-up SETs, polling queries, simple-protocol loops); the AST is immutable, so a
 * repeated text can reuse its parse. Least recently used entries are dropped.
 */
export class ParseCache {
  private readonly entries = new Map<string, readonly ParsedSql[]>();

  constructor(private readonly capacity = 128) {}

  parse(sql: string): readonly ParsedSql[] {
    const hit = this.entries.get(sql);
    if (hit) {
      this.entries.delete(sql);
      this.entries.set(sql, hit);
      return hit;
    }
    const parsed = parseSql(sql);
    if (sql.length <= 16_384) {
      this.entries.set(sql, parsed);
      if (this.entries.size > this.capacity) {
        this.entries.delete(this.entries.keys().next().value as string);
      }
    }
    return parsed;
  }
}
