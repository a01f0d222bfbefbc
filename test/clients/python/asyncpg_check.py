"""asyncpg (Debian python3-asyncpg) against a PostgreSQL-compatible server.

asyncpg uses the extended protocol only and asks for binary format for every parameter and
result column of a built-in type, so it checks the server's binary encoders and decoders.
Every query is a named prepared statement (its statement cache); a cursor inside a transaction
is a named portal executed with a row limit (PortalSuspended between fetches).
"""

import asyncio
import datetime
import sys
import time
from decimal import Decimal

import asyncpg
from check_runner import Target, expect_equal, run_checks

target = Target(sys.argv)


async def connect():
    return await asyncpg.connect(
        host=target.host,
        port=target.port,
        database=target.dbname,
        user=target.user,
        timeout=10,
        command_timeout=30,
    )


def check(coroutine_fn):
    """Adapts an async check (taking a fresh connection) to run_checks."""

    def run():
        async def with_connection():
            conn = await connect()
            try:
                return await coroutine_fn(conn)
            finally:
                await conn.close(timeout=5)

        return asyncio.run(asyncio.wait_for(with_connection(), 60))

    return run


async def fetch_values(conn):
    expect_equal(42, await conn.fetchval("SELECT $1::int4 + 1", 41), "fetchval int4")
    params = (
        9_000_000_000,
        "h\u00e9llo",
        Decimal("12345.6789"),
        datetime.date(2024, 1, 2),
        datetime.datetime(2024, 1, 2, 3, 4, 5, 678000),
        True,
        0.5,
        None,
    )
    rows = await conn.fetch(
        "SELECT $1::int8 AS big, $2::text AS t, $3::numeric AS d, $4::date AS dt, "
        "$5::timestamp AS ts, $6::bool AS b, $7::float8 AS f, $8::text AS nothing",
        *params,
    )
    expect_equal(1, len(rows), "row count")
    expect_equal(params, tuple(rows[0].values()), "binary round trip")
    expect_equal(["big", "t", "d", "dt", "ts", "b", "f", "nothing"], list(rows[0].keys()), "names")


async def prepared(conn):
    stmt = await conn.prepare("SELECT $1::int8 * 2 AS doubled, $2::text AS label")
    expect_equal(["doubled", "label"], [a.name for a in stmt.get_attributes()], "attributes")
    expect_equal(["int8", "text"], [p.name for p in stmt.get_parameters()], "parameter types")
    for i in range(10):
        expect_equal((i * 2, f"n{i}"), tuple(await stmt.fetchrow(i, f"n{i}")), f"execution {i}")


async def cursor_in_transaction(conn):
    expected = len(await conn.fetch(target.stream_sql))
    if expected <= 30:
        raise AssertionError(f"stream query should return more than 30 rows, got {expected}")
    async with conn.transaction():
        streamed = 0
        async for record in conn.cursor(target.stream_sql, prefetch=10):
            if record["order_id"] is None:
                raise AssertionError("order_id should not be NULL")
            streamed += 1
        expect_equal(expected, streamed, "rows through an iterated cursor")
        cur = await conn.cursor(target.stream_sql)
        first = await cur.fetch(7)
        second = await cur.fetch(5)
        expect_equal((7, 5), (len(first), len(second)), "cursor.fetch chunk sizes")
        if first[0]["order_id"] == second[0]["order_id"]:
            raise AssertionError("the second fetch should resume after the first")
    return f"{expected} rows"


async def syntax_error(conn):
    try:
        await conn.execute("SELEC 1")
        raise AssertionError("SELEC 1 should fail")
    except asyncpg.exceptions.PostgresSyntaxError as error:
        expect_equal("42601", error.sqlstate, "sqlstate")
        expect_equal("1", error.position, "position")
    expect_equal(1, await conn.fetchval("SELECT 1"), "usable after error")


async def timeout_cancels(conn):
    started = time.monotonic()
    try:
        await conn.fetchval("SELECT pg_sleep(5)", timeout=1)
        raise AssertionError("pg_sleep(5) with timeout=1 should fail")
    except asyncio.TimeoutError:
        pass
    elapsed = time.monotonic() - started
    if elapsed > 4:
        raise AssertionError(f"timeout took {elapsed:.1f} s")
    # asyncpg sends a CancelRequest on timeout; the connection must be usable afterwards.
    expect_equal(1, await conn.fetchval("SELECT 1"), "usable after timeout")
    return f"after {elapsed * 1000:.0f} ms"


async def settings(conn):
    await conn.execute("SET TimeZone = 'UTC'")
    expect_equal("UTC", await conn.fetchval("SHOW TimeZone"), "SHOW TimeZone")
    expect_equal(15, conn.get_server_version().major, "server major version")
    pid = await conn.fetchval("SELECT pg_backend_pid()")
    expect_equal(conn.get_server_pid(), pid, "pg_backend_pid() matches BackendKeyData")


run_checks(
    [
        ("fetch and fetchval in binary", check(fetch_values)),
        ("prepared statement", check(prepared)),
        ("cursor in a transaction", check(cursor_in_transaction)),
        ("syntax error 42601", check(syntax_error)),
        ("timeout cancels", check(timeout_cancels)),
        ("set/show", check(settings)),
    ]
)
