"""Runs named client checks, each on its own connection, printing OK/FAIL lines.

Every check runs even when an earlier one failed, so one failure does not hide the others.
Exit status: 0 when all passed (then prints DONE), 1 otherwise, 2 on bad usage.
"""

import sys
import traceback


class Target:
    def __init__(self, argv):
        if len(argv) != 6:
            print(f"usage: {argv[0]} HOST PORT DBNAME USER STREAM_SQL", file=sys.stderr)
            sys.exit(2)
        self.host, port, self.dbname, self.user, self.stream_sql = argv[1:]
        self.port = int(port)

    def libpq_params(self):
        """Connection keywords psycopg and psycopg2 both take (libpq's names)."""
        return dict(host=self.host, port=self.port, dbname=self.dbname, user=self.user, connect_timeout=10)


def expect_equal(expected, actual, what):
    if expected != actual:
        raise AssertionError(f"{what}: expected {expected!r} but got {actual!r}")


def run_checks(checks):
    """checks: list of (name, callable) where callable() returns an optional detail string."""
    failures = 0
    for name, check in checks:
        try:
            detail = check()
            print(f"OK {name}" + (f" {detail}" if detail else ""), flush=True)
        except BaseException as error:  # noqa: BLE001 - report every kind of failure
            failures += 1
            print(f"FAIL {name}: {type(error).__name__}: {error}", flush=True)
            traceback.print_exc()
    if failures:
        sys.exit(1)
    print("DONE", flush=True)
