/**
 * The PostgreSQL version lakegate claims to be. Drivers branch on it: pgjdbc and
 * asyncpg parse the leading `major.minor`, libpq (psycopg) derives
 * server_version_num from the same leading digits, so the lakegate suffix goes in
 * parentheses exactly where Debian's packages put theirs ("15.18 (Debian ...)").
 */
export const PG_MAJOR = 15;
export const PG_MINOR = 8;
export const LAKEGATE_VERSION = '0.1.0';

/** SHOW server_version / ParameterStatus. */
export const SERVER_VERSION = `${PG_MAJOR}.${PG_MINOR} (lakegate ${LAKEGATE_VERSION})`;

/** SHOW server_version_num: major * 10000 + minor since PostgreSQL 10. */
export const SERVER_VERSION_NUM = String(PG_MAJOR * 10000 + PG_MINOR);

/** SELECT version(): the same shape as PostgreSQL's, which some tools also parse. */
export function versionString(): string {
  return `PostgreSQL ${SERVER_VERSION} on ${process.arch}-${process.platform}, 64-bit`;
}
