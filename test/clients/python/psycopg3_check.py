"""psycopg 3 (Debian python3-psycopg) against a PostgreSQL-compatible server.

psycopg 3 binds parameters on the server: cursor.execute(sql, params) sends Parse/Bind/Execute
(extended protocol). prepare=True makes a named server-side statement, binary=True asks for
binary results, and a named cursor is DECLARE ... CURSOR + Describe Portal + FETCH FORWARD n.
"""

import datetime
import sys
import threading
import time
from decimal import Decimal

import psycopg
from check_runner import Target, expect_equal, run_checks

target = Target(sys.argv)

TYPED_SQL = (
    "SELECT %s::int4 + 1 AS n, %s::int8 AS big, %s::text AS t, %s::numeric AS d, "
    "%s::date AS dt, %s::timestamp AS ts, %s::bool AS b, %s::float8 AS f"
)
TYPED_PARAMS = (
    41,
    9_000_000_000,
    "h\u00e9llo",
    Decimal("1.25"),
    datetime.date(2024, 1, 2),
    datetime.datetime(2024, 1, 2, 3, 4, 5, 678000),
    True,
    0.5,
)
TYPED_ROW = (42,) + TYPED_PARAMS[1:]


def connect(**kwargs):
    return psycopg.connect(**target.libpq_params(), **kwargs)


def server_side_binding():
    with connect() as conn:
        row = conn.execute(TYPED_SQL, TYPED_PARAMS).fetchone()
        expect_equal(TYPED_ROW, row, "typed parameters round trip")
        expect_equal(None, conn.execute("SELECT %s::text", (None,)).fetchone()[0], "NULL param")


def prepared():
    with connect() as conn:
        for i in range(8):
            row = conn.execute("SELECT %s::int8 * 2 AS x, %s::text AS t", (i, f"v{i}"), prepare=True).fetchone()
            expect_equal((i * 2, f"v{i}"), row, f"prepared execution {i}")


def binary_cursor():
    with connect() as conn:
        with conn.cursor(binary=True) as cur:
            cur.execute(TYPED_SQL, TYPED_PARAMS)
            expect_equal(TYPED_ROW, cur.fetchone(), "binary results")
            expect_equal(1, cur.pgresult.fformat(0), "result column format (1 = binary)")


def named_cursor():
    with connect() as conn:
        expected = len(conn.execute(target.stream_sql).fetchall())
        if expected <= 30:
            raise AssertionError(f"stream query should return more than 30 rows, got {expected}")
        with conn.cursor(name="lakegate_stream") as cur:
            cur.itersize = 10
            cur.execute(target.stream_sql)
            expect_equal("order_id", cur.description[0].name, "first column")
            first = cur.fetchmany(7)
            rest = list(cur)
        expect_equal(expected, len(first) + len(rest), "rows through the server-side cursor")
        conn.commit()
        return f"{expected} rows"


def syntax_error():
    with connect(autocommit=True) as conn:
        try:
            conn.execute("SELEC 1")
            raise AssertionError("SELEC 1 should fail")
        except psycopg.errors.SyntaxError as error:
            expect_equal("42601", error.sqlstate, "sqlstate")
            expect_equal("1", error.diag.statement_position, "position")
            expect_equal('syntax error at or near "SELEC"', error.diag.message_primary, "message")
        expect_equal((1,), conn.execute("SELECT 1").fetchone(), "usable after error")


def cancel():
    with connect(autocommit=True) as conn:
        threading.Timer(0.5, conn.cancel).start()
        started = time.monotonic()
        try:
            conn.execute("SELECT pg_sleep(5)")
            raise AssertionError("pg_sleep(5) should have been cancelled")
        except psycopg.errors.QueryCanceled as error:
            expect_equal("57014", error.sqlstate, "sqlstate")
        elapsed = time.monotonic() - started
        if elapsed > 4:
            raise AssertionError(f"cancel took {elapsed:.1f} s")
        expect_equal((1,), conn.execute("SELECT 1").fetchone(), "usable after cancel")
        return f"after {elapsed * 1000:.0f} ms"


def settings():
    with connect(autocommit=True) as conn:
        conn.execute("SET TimeZone = 'UTC'")
        expect_equal("UTC", conn.execute("SHOW TimeZone").fetchone()[0], "SHOW TimeZone")
        expect_equal("UTC", conn.info.parameter_status("TimeZone"), "ParameterStatus TimeZone")
        version = conn.info.server_version
        if not 150000 <= version < 160000:
            raise AssertionError(f"server_version_num should be 15.x, got {version}")


run_checks(
    [
        ("server-side binding", server_side_binding),
        ("prepare=True", prepared),
        ("binary cursor", binary_cursor),
        ("named cursor", named_cursor),
        ("syntax error 42601", syntax_error),
        ("cancel 57014", cancel),
        ("set/show", settings),
    ]
)
