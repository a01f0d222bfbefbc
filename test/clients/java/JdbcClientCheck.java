// pgjdbc against a PostgreSQL-compatible server. Prints "OK <check>" per passed check and
// exits 1 at the first failure ("FAIL <check>: ..."), so the node test shows what broke.
//
// Usage: java -cp postgresql.jar:. JdbcClientCheck <jdbc-url> <user> <stream-sql>
//
// What each check exercises on the wire (pgjdbc 42.x):
//  - prepared: the extended protocol; after prepareThreshold (5) executions pgjdbc switches to
//    a named server-side statement and asks for binary results of int/float/date/... columns.
//  - fetch-size: with autocommit off and setFetchSize(n), Execute carries a row limit and the
//    server must answer PortalSuspended and resume the portal on the next Execute.
//  - query-timeout / cancel: a CancelRequest on a new connection carrying pid + secret key;
//    the running statement ends with SQLSTATE 57014.

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Objects;
import java.util.Properties;
import org.postgresql.PGStatement;

public final class JdbcClientCheck {
  private static void check(boolean ok, String what) {
    if (!ok) throw new IllegalStateException(what);
  }

  private static void ok(String name) {
    System.out.println("OK " + name);
  }

  private static void expectEqual(Object expected, Object actual, String what) {
    check(Objects.equals(expected, actual), what + ": expected <" + expected + "> but got <" + actual + ">");
  }

  static void connectAndMeta(Connection conn) throws SQLException {
    ok("connect");
    DatabaseMetaData meta = conn.getMetaData();
    String version = meta.getDatabaseProductVersion();
    check(version.matches("^15\\.\\d+.*"), "product version should be 15.x, got " + version);
    expectEqual("PostgreSQL", meta.getDatabaseProductName(), "product name");
    ok("metadata " + version);
  }

  static void prepared(Connection conn) throws SQLException {
    String sql = "SELECT ?::int4 AS i, ?::int8 AS b, ?::text AS t, ?::float8 AS d, ?::bool AS f, "
        + "?::numeric AS n, ?::date AS dt, ?::timestamp AS ts";
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      for (int k = 0; k < 10; k++) {
        BigDecimal n = new BigDecimal("12345.6789").add(BigDecimal.valueOf(k));
        Date dt = Date.valueOf("2024-02-" + String.format("%02d", 10 + k));
        Timestamp ts = Timestamp.valueOf("2024-02-03 04:05:06.789");
        ps.setInt(1, 1000 + k);
        ps.setLong(2, 9_000_000_000L + k);
        ps.setString(3, "row " + k + " \u00e9\u00e8");
        ps.setDouble(4, k + 0.25);
        ps.setBoolean(5, k % 2 == 0);
        ps.setBigDecimal(6, n);
        ps.setDate(7, dt);
        ps.setTimestamp(8, ts);
        try (ResultSet rs = ps.executeQuery()) {
          check(rs.next(), "one row expected, execution " + k);
          expectEqual(1000 + k, rs.getInt(1), "int4 at execution " + k);
          expectEqual(9_000_000_000L + k, rs.getLong(2), "int8 at execution " + k);
          expectEqual("row " + k + " \u00e9\u00e8", rs.getString(3), "text at execution " + k);
          expectEqual(k + 0.25, rs.getDouble(4), "float8 at execution " + k);
          expectEqual(k % 2 == 0, rs.getBoolean(5), "bool at execution " + k);
          check(n.compareTo(rs.getBigDecimal(6)) == 0, "numeric at execution " + k + ": " + rs.getBigDecimal(6));
          expectEqual(dt, rs.getDate(7), "date at execution " + k);
          expectEqual(ts, rs.getTimestamp(8), "timestamp at execution " + k);
          check(!rs.next(), "only one row expected");
        }
      }
      check(ps.unwrap(PGStatement.class).isUseServerPrepare(), "pgjdbc should use a server-prepared statement after 5 executions");
    }
    ok("prepared x10 with server-side prepare and binary results");
  }

  static int countAll(Connection conn, String streamSql) throws SQLException {
    int rows = 0;
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(streamSql)) {
      while (rs.next()) rows++;
    }
    return rows;
  }

  static void fetchSize(Connection conn, String streamSql) throws SQLException {
    int expected = countAll(conn, streamSql);
    check(expected > 100, "the stream query should return more than 100 rows, got " + expected);
    conn.setAutoCommit(false);
    int rows = 0;
    long sum = 0;
    try (Statement st = conn.createStatement()) {
      st.setFetchSize(10);
      try (ResultSet rs = st.executeQuery(streamSql)) {
        while (rs.next()) {
          rows++;
          sum += rs.getLong("order_id");
        }
      }
    }
    conn.commit();
    conn.setAutoCommit(true);
    expectEqual(expected, rows, "rows streamed with fetch size 10");
    check(sum > 0, "order_id values should be read");
    ok("fetch-size streaming " + rows + " rows");
  }

  static void expectSqlState(String expected, SQLException e, String what) {
    expectEqual(expected, e.getSQLState(), what + " SQLState (" + e.getMessage() + ")");
  }

  static void queryTimeout(Connection conn) throws SQLException {
    long start = System.nanoTime();
    try (Statement st = conn.createStatement()) {
      st.setQueryTimeout(1);
      st.executeQuery("SELECT pg_sleep(5)");
      check(false, "pg_sleep(5) with a 1 s query timeout should fail");
    } catch (SQLException e) {
      expectSqlState("57014", e, "query timeout");
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    check(ms < 4000, "the timeout should cancel within 4 s, took " + ms + " ms");
    expectEqual(1, selectOne(conn), "connection usable after timeout");
    ok("query-timeout 57014 after " + ms + " ms");
  }

  static void cancel(Connection conn) throws Exception {
    long start = System.nanoTime();
    try (Statement st = conn.createStatement()) {
      Thread canceller = new Thread(() -> {
        try {
          Thread.sleep(500);
          st.cancel();
        } catch (Exception e) {
          e.printStackTrace();
        }
      });
      canceller.start();
      try {
        st.executeQuery("SELECT pg_sleep(5)");
        check(false, "pg_sleep(5) should have been cancelled");
      } catch (SQLException e) {
        expectSqlState("57014", e, "cancel");
      }
      canceller.join();
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    check(ms < 4000, "cancel should end the statement within 4 s, took " + ms + " ms");
    expectEqual(1, selectOne(conn), "connection usable after cancel");
    ok("cancel 57014 after " + ms + " ms");
  }

  static int selectOne(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
      check(rs.next(), "SELECT 1 returns a row");
      return rs.getInt(1);
    }
  }

  static void syntaxError(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.executeQuery("SELEC 1");
      check(false, "SELEC 1 should fail");
    } catch (SQLException e) {
      expectSqlState("42601", e, "syntax error");
      check(e.getMessage().contains("syntax error at or near \"SELEC\""), "message: " + e.getMessage());
      check(e.getMessage().contains("Position: 1"), "position in message: " + e.getMessage());
    }
    expectEqual(1, selectOne(conn), "connection usable after a syntax error");
    ok("syntax error 42601");
  }

  static void sessionSettings(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute("SET TimeZone = 'UTC'");
      try (ResultSet rs = st.executeQuery("SHOW TimeZone")) {
        check(rs.next(), "SHOW returns a row");
        expectEqual("UTC", rs.getString(1), "TimeZone");
      }
      try (ResultSet rs = st.executeQuery("SELECT current_database(), current_user")) {
        check(rs.next(), "one row");
        check(!rs.getString(1).isEmpty() && !rs.getString(2).isEmpty(), "database and user");
      }
    }
    ok("set/show");
  }

  /** pgjdbc's CopyManager runs COPY ... TO STDOUT and reads the CopyData messages. */
  static void copyOut(Connection conn) throws Exception {
    org.postgresql.copy.CopyManager copy = conn.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
    java.io.StringWriter out = new java.io.StringWriter();
    long rows =
        copy.copyOut("COPY (SELECT 1 AS a, 'x,y' AS b, NULL::text AS c) TO STDOUT WITH (FORMAT csv, HEADER)", out);
    expectEqual(1L, rows, "COPY row count");
    expectEqual("a,b,c\n1,\"x,y\",\n", out.toString(), "COPY csv output");
    expectEqual(1, selectOne(conn), "connection usable after COPY");
    ok("copy-out");
  }

  interface Check {
    void run(Connection conn) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: JdbcClientCheck <jdbc-url> <user> <stream-sql>");
      System.exit(2);
    }
    Properties props = new Properties();
    props.setProperty("user", args[1]);
    props.setProperty("connectTimeout", "10");
    props.setProperty("socketTimeout", "30");
    String streamSql = args[2];
    // Each check runs on its own connection and all of them run, so one failure does not hide
    // the state of the others.
    java.util.LinkedHashMap<String, Check> checks = new java.util.LinkedHashMap<>();
    checks.put("metadata", JdbcClientCheck::connectAndMeta);
    checks.put("prepared", JdbcClientCheck::prepared);
    checks.put("fetch-size", conn -> fetchSize(conn, streamSql));
    checks.put("query-timeout", JdbcClientCheck::queryTimeout);
    checks.put("cancel", JdbcClientCheck::cancel);
    checks.put("syntax-error", JdbcClientCheck::syntaxError);
    checks.put("set-show", JdbcClientCheck::sessionSettings);
    checks.put("copy-out", JdbcClientCheck::copyOut);
    int failures = 0;
    for (java.util.Map.Entry<String, Check> check : checks.entrySet()) {
      try (Connection conn = DriverManager.getConnection(args[0], props)) {
        check.getValue().run(conn);
      } catch (Exception | AssertionError e) {
        failures++;
        System.out.println("FAIL " + check.getKey() + ": " + e);
        e.printStackTrace();
      }
    }
    if (failures > 0) System.exit(1);
    System.out.println("DONE");
  }
}
