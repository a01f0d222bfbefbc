/*
 * A psqlODBC client for test/clients/odbc.test.ts, compiled at test time against unixODBC.
 *
 *   odbc_check <connection string> <stream sql> <stream rows>
 *
 * Prints one "OK <check>" or "FAIL <check>: <why>" line per check and "DONE" at the end; exits
 * 1 if any check failed. Uses only the ODBC 3.x API (SQLDriverConnect, SQLExecDirect,
 * SQLPrepare/SQLBindParameter/SQLExecute, SQLDescribeCol, SQLFetch/SQLGetData, SQLGetDiagRec),
 * as an application would; the expected types are the ODBC ones psqlODBC maps PostgreSQL's to.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sql.h>
#include <sqlext.h>

static int failures = 0;

static void ok(const char *check) { printf("OK %s\n", check); fflush(stdout); }

static void fail(const char *check, const char *why) {
  printf("FAIL %s: %s\n", check, why);
  fflush(stdout);
  failures++;
}

/* The first diagnostic record of a handle as "SQLSTATE message", for FAIL lines. */
static const char *diag(SQLSMALLINT type, SQLHANDLE handle, char *state) {
  static char text[1024];
  SQLCHAR msg[900];
  SQLINTEGER native = 0;
  SQLSMALLINT len = 0;
  state[0] = '\0';
  if (!SQL_SUCCEEDED(SQLGetDiagRec(type, handle, 1, (SQLCHAR *)state, &native, msg,
                                   sizeof msg, &len))) {
    snprintf(text, sizeof text, "(no diagnostic record)");
    return text;
  }
  snprintf(text, sizeof text, "[%s] %s", state, (const char *)msg);
  return text;
}

static const char *stmt_diag(SQLHSTMT stmt) {
  char state[6];
  return diag(SQL_HANDLE_STMT, stmt, state);
}

/* Column `col` of the current row as text; "<NULL>" for NULL. */
static const char *text_of(SQLHSTMT stmt, SQLUSMALLINT col, char *buf, SQLLEN size) {
  SQLLEN ind = 0;
  if (!SQL_SUCCEEDED(SQLGetData(stmt, col, SQL_C_CHAR, buf, size, &ind))) return "<error>";
  return ind == SQL_NULL_DATA ? "<NULL>" : buf;
}

struct expected_col {
  const char *name;
  SQLSMALLINT type, alt_type; /* alt_type: SQL_WVARCHAR or SQL_VARCHAR, by driver flavour */
  SQLULEN size;               /* 0: not checked */
  SQLSMALLINT digits;
  const char *value;
};

static int describe_matches(SQLHSTMT stmt, SQLUSMALLINT col, const struct expected_col *e,
                            char *why, size_t why_size) {
  SQLCHAR name[128];
  SQLSMALLINT name_len = 0, type = 0, digits = 0, nullable = 0;
  SQLULEN size = 0;
  if (!SQL_SUCCEEDED(SQLDescribeCol(stmt, col, name, sizeof name, &name_len, &type, &size,
                                    &digits, &nullable))) {
    snprintf(why, why_size, "SQLDescribeCol %u: %s", col, stmt_diag(stmt));
    return 0;
  }
  if (strcmp((char *)name, e->name) != 0 || (type != e->type && type != e->alt_type) ||
      (e->size != 0 && (size != e->size || digits != e->digits))) {
    snprintf(why, why_size, "column %u: name %s type %d size %lu digits %d", col, name, type,
             (unsigned long)size, digits);
    return 0;
  }
  return 1;
}

/* Runs `sql` and checks the column metadata and the values of its single row. */
static void check_row(SQLHDBC dbc, const char *check, const char *sql,
                      const struct expected_col *cols, SQLSMALLINT ncols) {
  SQLHSTMT stmt;
  char why[512], buf[256];
  SQLSMALLINT got = 0;
  SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt);
  if (!SQL_SUCCEEDED(SQLExecDirect(stmt, (SQLCHAR *)sql, SQL_NTS))) {
    fail(check, stmt_diag(stmt));
  } else if (!SQL_SUCCEEDED(SQLNumResultCols(stmt, &got)) || got != ncols) {
    snprintf(why, sizeof why, "%d result columns, expected %d", got, ncols);
    fail(check, why);
  } else {
    int good = 1;
    for (SQLSMALLINT i = 0; good && i < ncols; i++)
      good = describe_matches(stmt, (SQLUSMALLINT)(i + 1), &cols[i], why, sizeof why);
    if (good && !SQL_SUCCEEDED(SQLFetch(stmt))) {
      snprintf(why, sizeof why, "SQLFetch: %s", stmt_diag(stmt));
      good = 0;
    }
    for (SQLSMALLINT i = 0; good && i < ncols; i++) {
      const char *v = text_of(stmt, (SQLUSMALLINT)(i + 1), buf, sizeof buf);
      if (strcmp(v, cols[i].value) != 0) {
        snprintf(why, sizeof why, "column %s is '%s', expected '%s'", cols[i].name, v,
                 cols[i].value);
        good = 0;
      }
    }
    if (good && SQLFetch(stmt) != SQL_NO_DATA) {
      snprintf(why, sizeof why, "more than one row");
      good = 0;
    }
    if (good) ok(check); else fail(check, why);
  }
  SQLFreeHandle(SQL_HANDLE_STMT, stmt);
}

static void check_literals(SQLHDBC dbc) {
  static const struct expected_col cols[] = {
      {"one", SQL_INTEGER, SQL_INTEGER, 0, 0, "1"},
      {"t", SQL_WVARCHAR, SQL_VARCHAR, 0, 0, "x"},
      {"n", SQL_NUMERIC, SQL_NUMERIC, 5, 2, "2.50"},
      {"d", SQL_TYPE_DATE, SQL_TYPE_DATE, 10, 0, "2024-01-02"},
  };
  check_row(dbc, "literals",
            "SELECT 1 AS one, 'x' AS t, 2.5::numeric(5,2) AS n, DATE '2024-01-02' AS d", cols, 4);
}

/* One statement prepared once and executed with several int and varchar parameter sets. */
static void check_prepared(SQLHDBC dbc) {
  static const SQLINTEGER ints[] = {1, 20, -7};
  static const char *strs[] = {"a", "bb", "ccc"};
  static const char *want[][2] = {{"2", "a!"}, {"40", "bb!"}, {"-14", "ccc!"}};
  SQLHSTMT stmt;
  SQLINTEGER num = 0;
  char str[32], why[512], b1[64], b2[64];
  SQLLEN num_ind = 0, str_ind = SQL_NTS;
  int good = 1;
  SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt);
  if (!SQL_SUCCEEDED(SQLPrepare(stmt, (SQLCHAR *)
          "SELECT CAST(? AS integer) * 2 AS doubled, CAST(? AS varchar(20)) || '!' AS shout",
          SQL_NTS)) ||
      !SQL_SUCCEEDED(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0,
                                      &num, 0, &num_ind)) ||
      !SQL_SUCCEEDED(SQLBindParameter(stmt, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 20, 0,
                                      str, sizeof str, &str_ind))) {
    fail("prepared", stmt_diag(stmt));
    SQLFreeHandle(SQL_HANDLE_STMT, stmt);
    return;
  }
  for (int i = 0; good && i < 3; i++) {
    num = ints[i];
    snprintf(str, sizeof str, "%s", strs[i]);
    if (!SQL_SUCCEEDED(SQLExecute(stmt)) || !SQL_SUCCEEDED(SQLFetch(stmt))) {
      snprintf(why, sizeof why, "execution %d: %s", i + 1, stmt_diag(stmt));
      good = 0;
      break;
    }
    const char *v1 = text_of(stmt, 1, b1, sizeof b1), *v2 = text_of(stmt, 2, b2, sizeof b2);
    if (strcmp(v1, want[i][0]) != 0 || strcmp(v2, want[i][1]) != 0) {
      snprintf(why, sizeof why, "execution %d gave (%s, %s)", i + 1, v1, v2);
      good = 0;
    }
    SQLCloseCursor(stmt);
  }
  if (good) ok("prepared"); else fail("prepared", why);
  SQLFreeHandle(SQL_HANDLE_STMT, stmt);
}

/* psqlODBC reports the server's SQLSTATE (PostgreSQL: 42601 syntax_error). */
static void check_syntax_error(SQLHDBC dbc) {
  SQLHSTMT stmt;
  char state[6], why[1200];
  SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt);
  SQLRETURN rc = SQLExecDirect(stmt, (SQLCHAR *)"SELEC 1", SQL_NTS);
  const char *text = diag(SQL_HANDLE_STMT, stmt, state);
  if (rc != SQL_ERROR || strcmp(state, "42601") != 0) {
    snprintf(why, sizeof why, "rc %d, %s", rc, text);
    fail("syntax error 42601", why);
  } else {
    ok("syntax error 42601");
  }
  SQLFreeHandle(SQL_HANDLE_STMT, stmt);
  static const struct expected_col after[] = {{"after", SQL_INTEGER, SQL_INTEGER, 0, 0, "2"}};
  check_row(dbc, "usable after error", "SELECT 2 AS after", after, 1);
}

/* With UseDeclareFetch=1 psqlODBC reads the result through DECLARE/FETCH in a transaction. */
static void check_stream(SQLHDBC dbc, const char *sql, long rows) {
  SQLHSTMT stmt;
  char why[512], buf[64];
  long n = 0;
  SQLRETURN rc;
  SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt);
  if (!SQL_SUCCEEDED(SQLExecDirect(stmt, (SQLCHAR *)sql, SQL_NTS))) {
    fail("declare/fetch stream", stmt_diag(stmt));
    SQLFreeHandle(SQL_HANDLE_STMT, stmt);
    return;
  }
  static const struct expected_col id = {"order_id", SQL_BIGINT, SQL_BIGINT, 0, 0, ""};
  int good = describe_matches(stmt, 1, &id, why, sizeof why);
  while (good && (rc = SQLFetch(stmt)) != SQL_NO_DATA) {
    if (!SQL_SUCCEEDED(rc) || strcmp(text_of(stmt, 1, buf, sizeof buf), "<NULL>") == 0) {
      snprintf(why, sizeof why, "row %ld: %s", n + 1, stmt_diag(stmt));
      good = 0;
    }
    n++;
  }
  if (good && n != rows) {
    snprintf(why, sizeof why, "%ld rows, expected %ld", n, rows);
    good = 0;
  }
  if (good && !SQL_SUCCEEDED(SQLCloseCursor(stmt))) {
    snprintf(why, sizeof why, "SQLCloseCursor: %s", stmt_diag(stmt));
    good = 0;
  }
  if (good) ok("declare/fetch stream"); else fail("declare/fetch stream", why);
  SQLFreeHandle(SQL_HANDLE_STMT, stmt);
  static const struct expected_col after[] = {{"after", SQL_INTEGER, SQL_INTEGER, 0, 0, "3"}};
  check_row(dbc, "usable after stream", "SELECT 3 AS after", after, 1);
}

static SQLHDBC connect_to(SQLHENV env, const char *check, const char *conn_str) {
  SQLHDBC dbc;
  SQLCHAR out[1024];
  SQLSMALLINT out_len = 0;
  char state[6];
  SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
  SQLSetConnectAttr(dbc, SQL_ATTR_LOGIN_TIMEOUT, (SQLPOINTER)10, 0);
  if (!SQL_SUCCEEDED(SQLDriverConnect(dbc, NULL, (SQLCHAR *)conn_str, SQL_NTS, out, sizeof out,
                                      &out_len, SQL_DRIVER_NOPROMPT))) {
    fail(check, diag(SQL_HANDLE_DBC, dbc, state));
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    return NULL;
  }
  ok(check);
  return dbc;
}

int main(int argc, char **argv) {
  SQLHENV env;
  char stream_conn[1200];
  if (argc != 4) {
    fprintf(stderr, "usage: %s <connection string> <stream sql> <stream rows>\n", argv[0]);
    return 2;
  }
  SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
  SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0);

  SQLHDBC dbc = connect_to(env, "connect", argv[1]);
  if (dbc != NULL) {
    check_literals(dbc);
    check_prepared(dbc);
    check_syntax_error(dbc);
    SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
  }
  snprintf(stream_conn, sizeof stream_conn, "%s;UseDeclareFetch=1;Fetch=10", argv[1]);
  dbc = connect_to(env, "connect with UseDeclareFetch", stream_conn);
  if (dbc != NULL) {
    check_stream(dbc, argv[2], atol(argv[3]));
    SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
  }
  SQLFreeHandle(SQL_HANDLE_ENV, env);
  printf("DONE\n");
  return failures == 0 ? 0 : 1;
}
