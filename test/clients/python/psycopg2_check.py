"""psycopg2 (Debian python3-psycopg2) against a PostgreSQL-compatible server.

psycopg2 interpolates parameters on the client and sends one simple Query, so the server sees
literals such as '2024-01-02T03:04:05.678000'::timestamp. It opens a transaction (BEGIN) before
the first statement unless autocommit is on, and a named cursor is
DECLARE "name" CURSOR WITHOUT HOLD FOR ... followed by FETCH FORWARD itersize FROM "name".
"""

import datetime
import sys
import threading
import time
from decimal import Decimal

import psycopg2
import psycopg2.errors
from check_runner import Target, expect_equal, run_checks

target = Target(sys.argv)


def connect():
    return psycopg2.connect(**target.libpq_params())


def client_side_interpolation():
    params = (
        41,
        9_000_000_000,
        "it's h\u00e9llo",
        Decimal("1.25"),
        datetime.date(2024, 1, 2),
        datetime.datetime(2024, 1, 2, 3, 4, 5, 678000),
        True,
        0.5,
        None,
    )
    conn = connect()
    try:
        cur = conn.cursor()
        cur.execute(
            "SELECT %s + 1 AS n, %s AS big, %s AS t, %s AS d, %s AS dt, %s AS ts, %s AS b, %s AS f, %s AS nothing",
            params,
        )
        expect_equal((42,) + params[1:], cur.fetchone(), "interpolated literals round trip")
        expect_equal("n", cur.description[0].name, "column name")
        conn.rollback()
    finally:
        conn.close()


def named_cursor():
    conn = connect()
    try:
        cur = conn.cursor()
        cur.execute(target.stream_sql)
        expected = len(cur.fetchall())
        if expected <= 30:
            raise AssertionError(f"stream query should return more than 30 rows, got {expected}")
        named = conn.cursor("lakegate_stream")
        named.itersize = 10
        named.execute(target.stream_sql)
        first = named.fetchmany(7)
        rest = list(named)
        expect_equal(expected, len(first) + len(rest), "rows through DECLARE/FETCH")
        named.close()
        conn.commit()
        return f"{expected} rows"
    finally:
        conn.close()


def syntax_error():
    conn = connect()
    conn.autocommit = True
    try:
        cur = conn.cursor()
        try:
            cur.execute("SELEC 1")
            raise AssertionError("SELEC 1 should fail")
        except psycopg2.errors.SyntaxError as error:
            expect_equal("42601", error.pgcode, "pgcode")
            expect_equal("1", error.diag.statement_position, "position")
        cur.execute("SELECT 1")
        expect_equal((1,), cur.fetchone(), "usable after error")
    finally:
        conn.close()


def failed_transaction():
    conn = connect()
    try:
        cur = conn.cursor()
        try:
            cur.execute("SELECT 1/0")
            raise AssertionError("1/0 should fail")
        except psycopg2.errors.DivisionByZero as error:
            expect_equal("22012", error.pgcode, "pgcode")
        try:
            cur.execute("SELECT 1")
            raise AssertionError("a failed transaction should refuse statements")
        except psycopg2.errors.InFailedSqlTransaction as error:
            expect_equal("25P02", error.pgcode, "pgcode")
        conn.rollback()
        cur.execute("SELECT 2")
        expect_equal((2,), cur.fetchone(), "usable after rollback")
    finally:
        conn.close()


def cancel():
    conn = connect()
    conn.autocommit = True
    try:
        cur = conn.cursor()
        threading.Timer(0.5, conn.cancel).start()
        started = time.monotonic()
        try:
            cur.execute("SELECT pg_sleep(5)")
            raise AssertionError("pg_sleep(5) should have been cancelled")
        except psycopg2.errors.QueryCanceled as error:
            expect_equal("57014", error.pgcode, "pgcode")
        elapsed = time.monotonic() - started
        if elapsed > 4:
            raise AssertionError(f"cancel took {elapsed:.1f} s")
        return f"after {elapsed * 1000:.0f} ms"
    finally:
        conn.close()


def settings():
    conn = connect()
    conn.autocommit = True
    try:
        cur = conn.cursor()
        cur.execute("SET DateStyle = 'ISO, DMY'")
        cur.execute("SHOW DateStyle")
        expect_equal(("ISO, DMY",), cur.fetchone(), "SHOW DateStyle")
        expect_equal("ISO, DMY", conn.get_parameter_status("DateStyle"), "ParameterStatus DateStyle")
        if not 150000 <= conn.server_version < 160000:
            raise AssertionError(f"server_version should be 15.x, got {conn.server_version}")
    finally:
        conn.close()


run_checks(
    [
        ("client-side interpolation", client_side_interpolation),
        ("named cursor", named_cursor),
        ("syntax error 42601", syntax_error),
        ("failed transaction 25P02", failed_transaction),
        ("cancel 57014", cancel),
        ("set/show", settings),
    ]
)
