/**
 * date's infinities in an Arrow DateDay (int32 days) column: PostgreSQL's own
 * DATEVAL_NOBEGIN/DATEVAL_NOEND sentinels (datatype/timestamp.h), INT32_MIN and INT32_MAX.
 * As SqlValues they are -Infinity and Infinity.
 */
export const DATE_MINUS_INFINITY = -0x80000000;
export const DATE_PLUS_INFINITY = 0x7fffffff;
