-- Round-trip corpus for the SQL front end (parse → print → parse → print is stable).
-- The 22 TPC-H queries (TPC-H spec §2.4, validation substitution parameters), in
-- the PostgreSQL form: `interval '90' day` without the `(3)` precision PostgreSQL
-- rejects, and Q15's view as a WITH clause.

-- Q1
select l_returnflag, l_linestatus, sum(l_quantity) as sum_qty, sum(l_extendedprice) as sum_base_price,
  sum(l_extendedprice * (1 - l_discount)) as sum_disc_price,
  sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) as sum_charge,
  avg(l_quantity) as avg_qty, avg(l_extendedprice) as avg_price, avg(l_discount) as avg_disc,
  count(*) as count_order
from lineitem
where l_shipdate <= date '1998-12-01' - interval '90' day
group by l_returnflag, l_linestatus
order by l_returnflag, l_linestatus;

-- Q2
select s_acctbal, s_name, n_name, p_partkey, p_mfgr, s_address, s_phone, s_comment
from part, supplier, partsupp, nation, region
where p_partkey = ps_partkey and s_suppkey = ps_suppkey and p_size = 15 and p_type like '%BRASS'
  and s_nationkey = n_nationkey and n_regionkey = r_regionkey and r_name = 'EUROPE'
  and ps_supplycost = (
    select min(ps_supplycost) from partsupp, supplier, nation, region
    where p_partkey = ps_partkey and s_suppkey = ps_suppkey and s_nationkey = n_nationkey
      and n_regionkey = r_regionkey and r_name = 'EUROPE')
order by s_acctbal desc, n_name, s_name, p_partkey
limit 100;

-- Q3
select l_orderkey, sum(l_extendedprice * (1 - l_discount)) as revenue, o_orderdate, o_shippriority
from customer, orders, lineitem
where c_mktsegment = 'BUILDING' and c_custkey = o_custkey and l_orderkey = o_orderkey
  and o_orderdate < date '1995-03-15' and l_shipdate > date '1995-03-15'
group by l_orderkey, o_orderdate, o_shippriority
order by revenue desc, o_orderdate
limit 10;

-- Q4
select o_orderpriority, count(*) as order_count
from orders
where o_orderdate >= date '1993-07-01' and o_orderdate < date '1993-07-01' + interval '3' month
  and exists (select * from lineitem where l_orderkey = o_orderkey and l_commitdate < l_receiptdate)
group by o_orderpriority
order by o_orderpriority;

-- Q5
select n_name, sum(l_extendedprice * (1 - l_discount)) as revenue
from customer, orders, lineitem, supplier, nation, region
where c_custkey = o_custkey and l_orderkey = o_orderkey and l_suppkey = s_suppkey
  and c_nationkey = s_nationkey and s_nationkey = n_nationkey and n_regionkey = r_regionkey
  and r_name = 'ASIA' and o_orderdate >= date '1994-01-01'
  and o_orderdate < date '1994-01-01' + interval '1' year
group by n_name
order by revenue desc;

-- Q6
select sum(l_extendedprice * l_discount) as revenue
from lineitem
where l_shipdate >= date '1994-01-01' and l_shipdate < date '1994-01-01' + interval '1' year
  and l_discount between .06 - 0.01 and .06 + 0.01 and l_quantity < 24;

-- Q7
select supp_nation, cust_nation, l_year, sum(volume) as revenue
from (
  select n1.n_name as supp_nation, n2.n_name as cust_nation,
    extract(year from l_shipdate) as l_year, l_extendedprice * (1 - l_discount) as volume
  from supplier, lineitem, orders, customer, nation n1, nation n2
  where s_suppkey = l_suppkey and o_orderkey = l_orderkey and c_custkey = o_custkey
    and s_nationkey = n1.n_nationkey and c_nationkey = n2.n_nationkey
    and ((n1.n_name = 'FRANCE' and n2.n_name = 'GERMANY') or (n1.n_name = 'GERMANY' and n2.n_name = 'FRANCE'))
    and l_shipdate between date '1995-01-01' and date '1996-12-31'
) as shipping
group by supp_nation, cust_nation, l_year
order by supp_nation, cust_nation, l_year;

-- Q8
select o_year, sum(case when nation = 'BRAZIL' then volume else 0 end) / sum(volume) as mkt_share
from (
  select extract(year from o_orderdate) as o_year, l_extendedprice * (1 - l_discount) as volume,
    n2.n_name as nation
  from part, supplier, lineitem, orders, customer, nation n1, nation n2, region
  where p_partkey = l_partkey and s_suppkey = l_suppkey and l_orderkey = o_orderkey
    and o_custkey = c_custkey and c_nationkey = n1.n_nationkey and n1.n_regionkey = r_regionkey
    and r_name = 'AMERICA' and s_nationkey = n2.n_nationkey
    and o_orderdate between date '1995-01-01' and date '1996-12-31'
    and p_type = 'ECONOMY ANODIZED STEEL'
) as all_nations
group by o_year
order by o_year;

-- Q9
select nation, o_year, sum(amount) as sum_profit
from (
  select n_name as nation, extract(year from o_orderdate) as o_year,
    l_extendedprice * (1 - l_discount) - ps_supplycost * l_quantity as amount
  from part, supplier, lineitem, partsupp, orders, nation
  where s_suppkey = l_suppkey and ps_suppkey = l_suppkey and ps_partkey = l_partkey
    and p_partkey = l_partkey and o_orderkey = l_orderkey and s_nationkey = n_nationkey
    and p_name like '%green%'
) as profit
group by nation, o_year
order by nation, o_year desc;

-- Q10
select c_custkey, c_name, sum(l_extendedprice * (1 - l_discount)) as revenue, c_acctbal, n_name,
  c_address, c_phone, c_comment
from customer, orders, lineitem, nation
where c_custkey = o_custkey and l_orderkey = o_orderkey and o_orderdate >= date '1993-10-01'
  and o_orderdate < date '1993-10-01' + interval '3' month and l_returnflag = 'R'
  and c_nationkey = n_nationkey
group by c_custkey, c_name, c_acctbal, c_phone, n_name, c_address, c_comment
order by revenue desc
limit 20;

-- Q11
select ps_partkey, sum(ps_supplycost * ps_availqty) as value
from partsupp, supplier, nation
where ps_suppkey = s_suppkey and s_nationkey = n_nationkey and n_name = 'GERMANY'
group by ps_partkey
having sum(ps_supplycost * ps_availqty) > (
  select sum(ps_supplycost * ps_availqty) * 0.0001000000
  from partsupp, supplier, nation
  where ps_suppkey = s_suppkey and s_nationkey = n_nationkey and n_name = 'GERMANY')
order by value desc;

-- Q12
select l_shipmode,
  sum(case when o_orderpriority = '1-URGENT' or o_orderpriority = '2-HIGH' then 1 else 0 end) as high_line_count,
  sum(case when o_orderpriority <> '1-URGENT' and o_orderpriority <> '2-HIGH' then 1 else 0 end) as low_line_count
from orders, lineitem
where o_orderkey = l_orderkey and l_shipmode in ('MAIL', 'SHIP') and l_commitdate < l_receiptdate
  and l_shipdate < l_commitdate and l_receiptdate >= date '1994-01-01'
  and l_receiptdate < date '1994-01-01' + interval '1' year
group by l_shipmode
order by l_shipmode;

-- Q13
select c_count, count(*) as custdist
from (
  select c_custkey, count(o_orderkey)
  from customer left outer join orders on c_custkey = o_custkey and o_comment not like '%special%requests%'
  group by c_custkey
) as c_orders (c_custkey, c_count)
group by c_count
order by custdist desc, c_count desc;

-- Q14
select 100.00 * sum(case when p_type like 'PROMO%' then l_extendedprice * (1 - l_discount) else 0 end)
  / sum(l_extendedprice * (1 - l_discount)) as promo_revenue
from lineitem, part
where l_partkey = p_partkey and l_shipdate >= date '1995-09-01'
  and l_shipdate < date '1995-09-01' + interval '1' month;

-- Q15
with revenue0 (supplier_no, total_revenue) as (
  select l_suppkey, sum(l_extendedprice * (1 - l_discount))
  from lineitem
  where l_shipdate >= date '1996-01-01' and l_shipdate < date '1996-01-01' + interval '3' month
  group by l_suppkey)
select s_suppkey, s_name, s_address, s_phone, total_revenue
from supplier, revenue0
where s_suppkey = supplier_no and total_revenue = (select max(total_revenue) from revenue0)
order by s_suppkey;

-- Q16
select p_brand, p_type, p_size, count(distinct ps_suppkey) as supplier_cnt
from partsupp, part
where p_partkey = ps_partkey and p_brand <> 'Brand#45' and p_type not like 'MEDIUM POLISHED%'
  and p_size in (49, 14, 23, 45, 19, 3, 36, 9)
  and ps_suppkey not in (select s_suppkey from supplier where s_comment like '%Customer%Complaints%')
group by p_brand, p_type, p_size
order by supplier_cnt desc, p_brand, p_type, p_size;

-- Q17
select sum(l_extendedprice) / 7.0 as avg_yearly
from lineitem, part
where p_partkey = l_partkey and p_brand = 'Brand#23' and p_container = 'MED BOX'
  and l_quantity < (select 0.2 * avg(l_quantity) from lineitem where l_partkey = p_partkey);

-- Q18
select c_name, c_custkey, o_orderkey, o_orderdate, o_totalprice, sum(l_quantity)
from customer, orders, lineitem
where o_orderkey in (select l_orderkey from lineitem group by l_orderkey having sum(l_quantity) > 300)
  and c_custkey = o_custkey and o_orderkey = l_orderkey
group by c_name, c_custkey, o_orderkey, o_orderdate, o_totalprice
order by o_totalprice desc, o_orderdate
limit 100;

-- Q19
select sum(l_extendedprice * (1 - l_discount)) as revenue
from lineitem, part
where (p_partkey = l_partkey and p_brand = 'Brand#12'
    and p_container in ('SM CASE', 'SM BOX', 'SM PACK', 'SM PKG') and l_quantity >= 1 and l_quantity <= 1 + 10
    and p_size between 1 and 5 and l_shipmode in ('AIR', 'AIR REG') and l_shipinstruct = 'DELIVER IN PERSON')
  or (p_partkey = l_partkey and p_brand = 'Brand#23'
    and p_container in ('MED BAG', 'MED BOX', 'MED PKG', 'MED PACK') and l_quantity >= 10 and l_quantity <= 10 + 10
    and p_size between 1 and 10 and l_shipmode in ('AIR', 'AIR REG') and l_shipinstruct = 'DELIVER IN PERSON')
  or (p_partkey = l_partkey and p_brand = 'Brand#34'
    and p_container in ('LG CASE', 'LG BOX', 'LG PACK', 'LG PKG') and l_quantity >= 20 and l_quantity <= 20 + 10
    and p_size between 1 and 15 and l_shipmode in ('AIR', 'AIR REG') and l_shipinstruct = 'DELIVER IN PERSON');

-- Q20
select s_name, s_address
from supplier, nation
where s_suppkey in (
    select ps_suppkey from partsupp
    where ps_partkey in (select p_partkey from part where p_name like 'forest%')
      and ps_availqty > (
        select 0.5 * sum(l_quantity) from lineitem
        where l_partkey = ps_partkey and l_suppkey = ps_suppkey and l_shipdate >= date '1994-01-01'
          and l_shipdate < date '1994-01-01' + interval '1' year))
  and s_nationkey = n_nationkey and n_name = 'CANADA'
order by s_name;

-- Q21
select s_name, count(*) as numwait
from supplier, lineitem l1, orders, nation
where s_suppkey = l1.l_suppkey and o_orderkey = l1.l_orderkey and o_orderstatus = 'F'
  and l1.l_receiptdate > l1.l_commitdate
  and exists (select * from lineitem l2 where l2.l_orderkey = l1.l_orderkey and l2.l_suppkey <> l1.l_suppkey)
  and not exists (
    select * from lineitem l3
    where l3.l_orderkey = l1.l_orderkey and l3.l_suppkey <> l1.l_suppkey and l3.l_receiptdate > l3.l_commitdate)
  and s_nationkey = n_nationkey and n_name = 'SAUDI ARABIA'
group by s_name
order by numwait desc, s_name
limit 100;

-- Q22
select cntrycode, count(*) as numcust, sum(c_acctbal) as totacctbal
from (
  select substring(c_phone from 1 for 2) as cntrycode, c_acctbal
  from customer
  where substring(c_phone from 1 for 2) in ('13', '31', '23', '29', '30', '18', '17')
    and c_acctbal > (
      select avg(c_acctbal) from customer
      where c_acctbal > 0.00 and substring(c_phone from 1 for 2) in ('13', '31', '23', '29', '30', '18', '17'))
    and not exists (select * from orders where o_custkey = c_custkey)
) as custsale
group by cntrycode
order by cntrycode;

-- Lake time travel (Spark, Trino, Delta, Iceberg).
SELECT * FROM sample.orders VERSION AS OF 3;
SELECT * FROM sample.orders VERSION AS OF 'v1-tag' o WHERE o.id > 10;
SELECT count(*) FROM local.sample.orders TIMESTAMP AS OF '2024-01-01 00:00:00';
SELECT * FROM orders FOR VERSION AS OF 12345 AS o JOIN customers FOR TIMESTAMP AS OF TIMESTAMP '2024-05-01 10:00:00 UTC' c ON o.cid = c.id;
SELECT * FROM orders FOR SYSTEM_VERSION AS OF 7;
SELECT * FROM orders FOR SYSTEM_TIME AS OF current_timestamp - interval '1' day;
SELECT * FROM "orders$snapshots" ORDER BY committed_at DESC;
SELECT snapshot_id, parent_id FROM sample.orders.snapshots;

-- Expressions and queries the foundation issue and BI tools send.
SELECT 1;
SELECT version(), current_database(), current_schema(), current_user, pg_sleep(0.5), pg_backend_pid();
SELECT pg_cancel_backend(12345);
SELECT CURRENT_DATE, CURRENT_TIMESTAMP, LOCALTIMESTAMP, SESSION_USER, USER, CURRENT_CATALOG, current_time;
SELECT $1::int + $2, CAST($3 AS varchar(10)), TRY_CAST('x' AS integer), '{1,2}'::int[], x::double precision;
SELECT '2024-01-01'::timestamp with time zone, timestamp(3) without time zone '2024-01-01 10:00', timestamptz '2024-01-01';
SELECT CAST(a AS numeric(10, 2)), CAST(b AS character varying(20)), CAST(c AS decimal(38, -2)), CAST(d AS char(3));
SELECT CAST(m AS map<string, array<struct<a: int, b string>>>), CAST(n AS ARRAY<BIGINT>), CAST(t AS TIMESTAMP_NTZ), CAST(o AS int ARRAY);
SELECT -9223372036854775808, - -1, -(2 + 3), 2 ^ -1, (-2)[1], 1.5e10, .5, 3., 10 % 3, 7 / 2, ~5, 1 << 4, 6 & 3, 6 | 3, 6 # 3;
SELECT 'it''s', E'tab\there\\', U&'\0041', $$dollar 'quoted'$$, $tag$x$tag$, 'multi'
  'line';
SELECT a IS NULL, a IS NOT NULL, a ISNULL, a NOTNULL, b IS TRUE, b IS NOT FALSE, b IS UNKNOWN, a IS DISTINCT FROM b, a IS NOT DISTINCT FROM NULL;
SELECT a BETWEEN 1 AND 10, a NOT BETWEEN b + 1 AND c * 2, s LIKE 'a%' ESCAPE '!', s NOT ILIKE '%B', s || 'x' || t;
SELECT a IN (1, 2, 3), a NOT IN (SELECT x FROM t), EXISTS (SELECT 1), NOT EXISTS (SELECT 1 FROM t WHERE t.a = u.a), (SELECT max(x) FROM t);
SELECT CASE WHEN a > 0 THEN 'pos' WHEN a < 0 THEN 'neg' ELSE 'zero' END, CASE a WHEN 1 THEN 'one' END;
SELECT EXTRACT(year FROM d), EXTRACT('epoch' FROM ts), SUBSTRING(s FROM 2 FOR 3), SUBSTRING(s FOR 3), substring(s, 1, 2);
SELECT POSITION('b' IN s), TRIM(s), TRIM(BOTH 'x' FROM s), TRIM(LEADING FROM s), TRIM(TRAILING '.' FROM s), btrim(s, 'x');
SELECT COALESCE(a, b, 0), NULLIF(a, 0), GREATEST(a, b), LEAST(a, b), ARRAY[1, 2, 3], ARRAY[[1, 2], [3, 4]], arr[1], m['k'], arr[i + 1][2];
SELECT count(*), count(DISTINCT a), sum(ALL b), my_schema.my_func(a, named => 1, other := 'x'), left('abc', 2), right('abc', 1);
SELECT NOT a AND b OR c, NOT (a OR b), a = (b = c), (a + b) * c, a - (b - c), a - b - c, (a < b) IS TRUE, a AND (b OR c);
SELECT t.*, u.a AS "Quoted Alias", v.b bare_alias, "MixedCase".col, `spark_quoted`.x FROM t, u, v, "MixedCase", spark_quoted;
SELECT DISTINCT a, b FROM t LEFT JOIN u USING (id) RIGHT OUTER JOIN v ON v.id = t.id FULL JOIN w ON TRUE CROSS JOIN x INNER JOIN y ON y.a = x.a;
SELECT * FROM (SELECT a FROM t) sub, (VALUES (1, 'a'), (2, 'b')) AS v (n, s);
SELECT * FROM a JOIN (b JOIN c ON b.id = c.id) ON a.id = b.id;
SELECT a FROM t UNION SELECT a FROM u UNION ALL SELECT a FROM v INTERSECT SELECT a FROM w EXCEPT DISTINCT SELECT a FROM x;
(SELECT a FROM t ORDER BY a LIMIT 1) UNION ALL (SELECT b FROM u) ORDER BY 1 DESC NULLS FIRST LIMIT 10 OFFSET 5;
SELECT a FROM t ORDER BY a ASC NULLS LAST OFFSET 10 ROWS FETCH FIRST 5 ROWS ONLY;
SELECT a FROM t LIMIT ALL OFFSET 1 ROW;
SELECT a FROM t FETCH NEXT ROW ONLY;
WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10), s AS (SELECT * FROM r) SELECT sum(n) FROM s;
VALUES (1, 2), (3, 4);
TABLE sample.orders;
SELECT FROM t;
SELECT a, count(*) FROM t GROUP BY a HAVING count(*) > 1 AND min(b) IS NOT NULL;
SELECT date '2024-01-01' + interval '1 day', interval '2 hours', time '10:00', bool 'true', numeric '1.5';

-- Session and protocol-level commands (foundation issue §3).
SET search_path TO public, "$user";
SET search_path = 'a', 'b';
SET SESSION statement_timeout = 5000;
SET LOCAL extra_float_digits TO 3;
SET client_min_messages TO DEFAULT;
SET TIME ZONE 'UTC';
SET TIME ZONE LOCAL;
SET TIME ZONE DEFAULT;
SET TIME ZONE -8;
SET NAMES 'UTF8';
SET SCHEMA 'sample';
SET DateStyle TO ISO, MDY;
SET application_name = 'psql';
SET myapp.user_id = 42;
SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED;
SET TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ ONLY;
SET TRANSACTION READ ONLY;
SET role TO 'analyst';
SET SESSION AUTHORIZATION DEFAULT;
RESET search_path;
RESET ALL;
RESET TIME ZONE;
SHOW search_path;
SHOW ALL;
SHOW TRANSACTION ISOLATION LEVEL;
SHOW TIME ZONE;
SHOW server_version;
BEGIN;
BEGIN WORK;
BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY;
BEGIN READ WRITE;
START TRANSACTION;
START TRANSACTION ISOLATION LEVEL SERIALIZABLE READ ONLY DEFERRABLE;
COMMIT;
COMMIT WORK;
END;
END TRANSACTION;
ROLLBACK;
ROLLBACK TRANSACTION;
ABORT;
SAVEPOINT sp1;
RELEASE SAVEPOINT sp1;
RELEASE sp1;
ROLLBACK TO SAVEPOINT sp1;
ROLLBACK WORK TO sp1;
DISCARD ALL;
DISCARD PLANS;
DISCARD SEQUENCES;
DISCARD TEMP;
DEALLOCATE stmt1;
DEALLOCATE PREPARE stmt1;
DEALLOCATE ALL;
DECLARE c1 CURSOR FOR SELECT * FROM sample.orders;
DECLARE c2 BINARY NO SCROLL CURSOR WITH HOLD FOR SELECT 1;
DECLARE c3 SCROLL CURSOR WITHOUT HOLD FOR VALUES (1);
FETCH 100 FROM c1;
FETCH NEXT FROM c1;
FETCH ALL IN c1;
FETCH FORWARD 5 FROM c1;
FETCH FORWARD ALL FROM c1;
FETCH c1;
MOVE 10 IN c1;
CLOSE c1;
CLOSE ALL;
COPY (SELECT * FROM sample.orders) TO STDOUT;
COPY (SELECT 1) TO STDOUT WITH (FORMAT csv, HEADER);
COPY (SELECT 1) TO STDOUT (FORMAT csv, HEADER true, DELIMITER ',', NULL '', QUOTE '"', ESCAPE '\');
COPY (SELECT 1) TO STDOUT WITH CSV HEADER;
COPY (SELECT 1) TO STDOUT WITH DELIMITER AS '|' NULL AS 'NULL' CSV QUOTE AS '"';
COPY sample.orders TO STDOUT;
COPY orders (id, amount) TO STDOUT WITH (FORMAT text);
EXPLAIN SELECT 1;
EXPLAIN ANALYZE SELECT * FROM t;
EXPLAIN ANALYZE VERBOSE SELECT * FROM t;
EXPLAIN (ANALYZE, VERBOSE false, COSTS off, FORMAT text) SELECT * FROM t;
USE sample;
USE local.sample;
USE SCHEMA sample;

-- generate_series as a FROM item
SELECT * FROM generate_series(1, 10) AS g (n);
SELECT g FROM generate_series(1, 10, 2) g;

-- Window functions, FILTER, ordered aggregates, null treatment, grouping sets (issue 3 §1, §3).
SELECT o_custkey, row_number() OVER (PARTITION BY o_custkey ORDER BY o_orderdate DESC) AS rn FROM orders;
SELECT rank() OVER w, dense_rank() OVER w, ntile(4) OVER w, percent_rank() OVER w FROM t WINDOW w AS (PARTITION BY a ORDER BY b);
SELECT sum(x) OVER (ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), avg(x) OVER (ORDER BY d ROWS 2 PRECEDING) FROM t;
SELECT sum(x) OVER (ORDER BY d RANGE BETWEEN INTERVAL '7' DAY PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW) FROM t;
SELECT count(*) OVER (PARTITION BY g ORDER BY d GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE TIES) FROM t;
SELECT first_value(x) OVER (w ORDER BY y ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING), max(x) OVER () FROM t WINDOW w AS (PARTITION BY g);
SELECT lag(x) IGNORE NULLS OVER (ORDER BY d), lead(x, 2, 0) RESPECT NULLS OVER (ORDER BY d), last_value(x IGNORE NULLS) OVER (ORDER BY d) FROM t;
SELECT count(*) FILTER (WHERE status = 'open') AS open_count, sum(amount) FILTER (WHERE amount > 0) OVER (PARTITION BY g) FROM t;
SELECT array_agg(x ORDER BY y DESC NULLS LAST), string_agg(name, ',' ORDER BY name), array_agg(DISTINCT x) FROM t GROUP BY g;
SELECT a, b, sum(c), GROUPING(a, b) FROM t GROUP BY ROLLUP (a, b);
SELECT a, b, sum(c) FROM t GROUP BY CUBE (a, (b, c));
SELECT a, b, sum(c) FROM t GROUP BY GROUPING SETS ((a, b), (a), ());
SELECT a, b, c, count(*) FROM t GROUP BY a, ROLLUP (b, c), ();

-- Plain Parquet and Hive-style tables (issue 3 §4).
CREATE EXTERNAL TABLE sales (id BIGINT, amount DECIMAL(10,2), note STRING) PARTITIONED BY (dt STRING) STORED AS PARQUET LOCATION 'file:///data/sales';
CREATE EXTERNAL TABLE events (id BIGINT, payload STRING) STORED AS PARQUET LOCATION 's3://bucket/events/';
MSCK REPAIR TABLE sales;
CREATE TABLE sales_copy USING parquet PARTITIONED BY (dt) AS SELECT * FROM sales;
CREATE TABLE sales_summary USING parquet AS SELECT dt, sum(amount) AS total FROM sales GROUP BY dt;
INSERT INTO sales PARTITION (dt = '2024-01-01') VALUES (1, 10.50, 'a');
INSERT INTO sales SELECT id, amount, note, dt FROM staging;
SHOW PARTITIONS sales;
SELECT count(*), min(amount), max(amount) FROM sales;

-- Iceberg acceptance scenario (issue 4).
CREATE TABLE demo.lab.e2e_orders (order_id BIGINT, customer_id BIGINT, product_name STRING, order_date DATE, amount DECIMAL(10,2), status STRING) USING ICEBERG PARTITIONED BY (months(order_date));
INSERT INTO demo.lab.e2e_orders SELECT id, id % 50, 'product-' || CAST(id % 7 AS STRING), DATE '2024-01-01' + CAST(id % 28 AS INT), CAST(id * 3.5 AS DECIMAL(10,2)), CASE WHEN id % 2 = 0 THEN 'pending' ELSE 'done' END FROM range(0, 100) AS r(id);
SELECT COUNT(*) FROM demo.lab.e2e_orders;
SELECT snapshot_id, committed_at, operation, summary['added-data-files'], summary['added-records'] FROM demo.lab.e2e_orders.snapshots ORDER BY committed_at;
UPDATE demo.lab.e2e_orders SET status = 'shipped' WHERE status = 'pending' AND order_date < '2024-02-01';
UPDATE demo.lab.e2e_orders SET status = 'cancelled' WHERE amount < 150 AND order_date >= '2024-03-01';
SELECT file_path, partition, record_count FROM demo.lab.e2e_orders.files;
ALTER TABLE demo.lab.e2e_orders ADD COLUMN region STRING;
DESCRIBE demo.lab.e2e_orders;
UPDATE demo.lab.e2e_orders SET region = CASE WHEN customer_id % 3 = 0 THEN 'Seoul' WHEN customer_id % 3 = 1 THEN 'Busan' ELSE 'Jeju' END;
INSERT INTO demo.lab.e2e_orders SELECT id, id % 50, 'p', DATE '2024-03-15', 99.99, 'new', 'Seoul' FROM range(1000, 1100) AS r(id);
CALL demo.system.rewrite_data_files(table => 'demo.lab.e2e_orders', strategy => 'sort', sort_order => 'order_date ASC NULLS LAST');
CALL demo.system.expire_snapshots(table => 'demo.lab.e2e_orders', retain_last => 2);
CALL demo.system.rewrite_manifests(table => 'demo.lab.e2e_orders');
DELETE FROM demo.lab.e2e_orders WHERE region = 'Seoul';
SELECT COUNT(*) FROM demo.lab.e2e_orders VERSION AS OF 5781947118336215154;
CALL demo.system.rollback_to_snapshot(table => 'demo.lab.e2e_orders', snapshot_id => 5781947118336215154);
SELECT made_current_at, snapshot_id, parent_id, is_current_ancestor FROM demo.lab.e2e_orders.history;
SELECT * FROM demo.lab.e2e_orders.partitions;
SELECT * FROM demo.lab.e2e_orders.files;
CREATE TABLE demo.nyc.trips (vendor_id BIGINT, trip_id BIGINT, trip_distance FLOAT, fare_amount DOUBLE, store_and_fwd_flag STRING, tstamp TIMESTAMP) USING iceberg PARTITIONED BY (days(tstamp));
INSERT INTO demo.nyc.trips VALUES (1, 1000371, 1.8, 15.32, 'N', TIMESTAMP '2024-01-01 10:00:00');
ALTER TABLE demo.nyc.trips ADD PARTITION FIELD hours(tstamp);
SELECT partition, spec_id, record_count, file_count FROM demo.nyc.trips.partitions;

-- Iceberg reads, time travel and metadata tables (issue 4, Iceberg Spark "Queries").
SELECT * FROM demo.db.t VERSION AS OF 10963874102873;
SELECT * FROM demo.db.t VERSION AS OF 'audit-branch';
SELECT * FROM demo.db.t TIMESTAMP AS OF '1986-10-26 01:21:00';
SELECT * FROM demo.db.t TIMESTAMP AS OF 499162860;
SELECT * FROM demo.db.t FOR SYSTEM_TIME AS OF '1986-10-26 01:21:00';
SELECT * FROM demo.db.t FOR SYSTEM_VERSION AS OF 10963874102873;
SELECT * FROM demo.db.t.branch_audit;
SELECT * FROM demo.db.t.tag_historical;
SELECT * FROM "t$snapshots";
SELECT * FROM "orders$history";
SELECT * FROM demo.db.t.history;
SELECT * FROM demo.db.t.metadata_log_entries;
SELECT * FROM demo.db.t.data_files;
SELECT * FROM demo.db.t.delete_files;
SELECT * FROM demo.db.t.manifests;
SELECT * FROM demo.db.t.all_manifests;
SELECT * FROM demo.db.t.refs;
SELECT * FROM demo.db.t.entries;
SELECT h.made_current_at, s.operation, h.snapshot_id, h.is_current_ancestor, s.summary['spark.app.id'] FROM demo.db.t.history h JOIN demo.db.t.snapshots s ON h.snapshot_id = s.snapshot_id ORDER BY made_current_at;
SELECT * FROM demo.db.t.files VERSION AS OF 10963874102873;

-- Iceberg writes and DDL (issue 4, Iceberg Spark "DDL" and "Writes").
CREATE TABLE demo.db.sample (id bigint NOT NULL COMMENT 'unique id', data string) USING iceberg;
CREATE TABLE demo.db.sample (id bigint, data string, category string, ts timestamp) USING iceberg PARTITIONED BY (bucket(16, id), days(ts), category);
CREATE TABLE demo.db.sample (id bigint, data string, ts timestamp) USING iceberg PARTITIONED BY (years(ts), truncate(10, data)) LOCATION 's3://bucket/warehouse/sample' TBLPROPERTIES ('format-version' = '2', 'write.delete.mode' = 'merge-on-read', 'write.update.mode' = 'merge-on-read', 'write.merge.mode' = 'merge-on-read');
CREATE TABLE demo.db.sample USING iceberg PARTITIONED BY (part) TBLPROPERTIES ('key' = 'value') AS SELECT * FROM source;
CREATE OR REPLACE TABLE demo.db.sample USING iceberg AS SELECT * FROM source;
CREATE TABLE IF NOT EXISTS demo.db.sample (id bigint) USING iceberg COMMENT 'a table';
DROP TABLE demo.db.sample;
DROP TABLE IF EXISTS demo.db.sample PURGE;
INSERT INTO demo.db.sample VALUES (1, 'a'), (2, 'b');
INSERT INTO demo.db.sample SELECT id, data FROM source WHERE length(data) = 1;
INSERT OVERWRITE demo.db.sample SELECT uuid(), data FROM source;
INSERT OVERWRITE TABLE demo.db.sample PARTITION (category = 'c1') SELECT id, data FROM source WHERE category = 'c1';
MERGE INTO demo.db.target t USING (SELECT * FROM updates) u ON t.id = u.id WHEN MATCHED AND u.op = 'delete' THEN DELETE WHEN MATCHED THEN UPDATE SET t.count = t.count + u.count WHEN NOT MATCHED THEN INSERT *;
MERGE INTO demo.db.target AS t USING source AS s ON t.id = s.id WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT (id, data) VALUES (s.id, s.data) WHEN NOT MATCHED BY SOURCE AND t.ts < current_date THEN DELETE;
MERGE INTO demo.db.target USING source ON target.id = source.id WHEN NOT MATCHED BY SOURCE THEN UPDATE SET status = 'inactive';
DELETE FROM demo.db.sample WHERE ts >= '2020-05-01 00:00:00' AND ts < '2020-06-01 00:00:00';
DELETE FROM demo.db.orders AS o WHERE o.id IN (SELECT id FROM demo.db.cancelled);
UPDATE demo.db.all_events SET session_time = 0, ignored = true WHERE session_time < (SELECT min(session_time) FROM demo.db.good_events);
UPDATE demo.db.sample AS s SET s.data = upper(s.data) WHERE s.id = 1;
ALTER TABLE demo.db.sample RENAME TO demo.db.new_name;
ALTER TABLE demo.db.sample SET TBLPROPERTIES ('read.split.target-size' = '268435456');
ALTER TABLE demo.db.sample UNSET TBLPROPERTIES ('read.split.target-size');
ALTER TABLE demo.db.sample SET TBLPROPERTIES ('comment' = 'A table comment.');
ALTER TABLE demo.db.sample ADD COLUMNS (new_column string COMMENT 'new_column docs');
ALTER TABLE demo.db.sample ADD COLUMN point struct<x: double, y: double>;
ALTER TABLE demo.db.sample ADD COLUMN point.z double;
ALTER TABLE demo.db.sample ADD COLUMN new_column bigint AFTER other_column;
ALTER TABLE demo.db.sample ADD COLUMN nested.new_column bigint FIRST;
ALTER TABLE demo.db.sample RENAME COLUMN data TO payload;
ALTER TABLE demo.db.sample RENAME COLUMN location.lat TO latitude;
ALTER TABLE demo.db.sample ALTER COLUMN measurement TYPE double;
ALTER TABLE demo.db.sample ALTER COLUMN measurement TYPE double COMMENT 'unit is bytes per second';
ALTER TABLE demo.db.sample ALTER COLUMN col FIRST;
ALTER TABLE demo.db.sample ALTER COLUMN nested.col AFTER other_col;
ALTER TABLE demo.db.sample ALTER COLUMN id DROP NOT NULL;
ALTER TABLE demo.db.sample DROP COLUMN id;
ALTER TABLE demo.db.sample DROP COLUMN point.z;
ALTER TABLE demo.db.sample ADD PARTITION FIELD catalog;
ALTER TABLE demo.db.sample ADD PARTITION FIELD bucket(16, id);
ALTER TABLE demo.db.sample ADD PARTITION FIELD truncate(4, data);
ALTER TABLE demo.db.sample ADD PARTITION FIELD year(ts);
ALTER TABLE demo.db.sample ADD PARTITION FIELD bucket(16, id) AS shard;
ALTER TABLE demo.db.sample DROP PARTITION FIELD catalog;
ALTER TABLE demo.db.sample DROP PARTITION FIELD bucket(16, id);
ALTER TABLE demo.db.sample DROP PARTITION FIELD shard;
ALTER TABLE demo.db.sample REPLACE PARTITION FIELD ts_day WITH day(ts);
ALTER TABLE demo.db.sample REPLACE PARTITION FIELD ts_day WITH day(ts) AS day_of_ts;
ALTER TABLE demo.db.sample WRITE ORDERED BY category, id;
ALTER TABLE demo.db.sample WRITE ORDERED BY category ASC, id DESC;
ALTER TABLE demo.db.sample WRITE ORDERED BY category ASC NULLS LAST, id DESC NULLS FIRST;
ALTER TABLE demo.db.sample WRITE LOCALLY ORDERED BY category, id;
ALTER TABLE demo.db.sample WRITE UNORDERED;
ALTER TABLE demo.db.sample WRITE DISTRIBUTED BY PARTITION;
ALTER TABLE demo.db.sample WRITE DISTRIBUTED BY PARTITION LOCALLY ORDERED BY category, id;
ALTER TABLE demo.db.sample CREATE BRANCH `audit-branch`;
ALTER TABLE demo.db.sample CREATE BRANCH IF NOT EXISTS `audit-branch` AS OF VERSION 1234 RETAIN 30 DAYS;
ALTER TABLE demo.db.sample CREATE OR REPLACE BRANCH `audit-branch` AS OF VERSION 1234;
ALTER TABLE demo.db.sample REPLACE BRANCH `audit-branch` AS OF VERSION 4567 RETAIN 60 DAYS;
ALTER TABLE demo.db.sample DROP BRANCH `audit-branch`;
ALTER TABLE demo.db.sample CREATE TAG `historical-tag` AS OF VERSION 1234 RETAIN 365 DAYS;
ALTER TABLE demo.db.sample DROP TAG IF EXISTS `historical-tag`;

-- Iceberg procedures (issue 4, Iceberg Spark "Procedures"), named and positional.
CALL demo.system.rollback_to_snapshot('db.sample', 1);
CALL demo.system.rollback_to_timestamp('db.sample', TIMESTAMP '2021-06-30 00:00:00.000');
CALL demo.system.set_current_snapshot('db.sample', 1);
CALL demo.system.set_current_snapshot(table => 'db.sample', ref => 's1');
CALL demo.system.cherrypick_snapshot('my_table', 1);
CALL demo.system.cherrypick_snapshot(snapshot_id => 1, table => 'my_table');
CALL demo.system.fast_forward('my_table', 'main', 'audit-branch');
CALL demo.system.expire_snapshots('db.sample', TIMESTAMP '2021-06-30 00:00:00.000', 100);
CALL demo.system.expire_snapshots(table => 'db.sample', snapshot_ids => ARRAY[123]);
CALL demo.system.expire_snapshots(table => 'db.sample', older_than => TIMESTAMP '2024-01-01 00:00:00', retain_last => 1, max_concurrent_deletes => 4);
CALL demo.system.remove_orphan_files(table => 'db.sample', dry_run => true);
CALL demo.system.remove_orphan_files(table => 'db.sample', location => 'tablelocation/data', older_than => TIMESTAMP '2024-01-01 00:00:00');
CALL demo.system.rewrite_data_files('db.sample');
CALL demo.system.rewrite_data_files(table => 'db.sample', strategy => 'sort', sort_order => 'id DESC NULLS LAST,name ASC NULLS FIRST');
CALL demo.system.rewrite_data_files(table => 'db.sample', strategy => 'sort', sort_order => 'zorder(c1,c2)');
CALL demo.system.rewrite_data_files(table => 'db.sample', options => map('min-input-files', '2', 'target-file-size-bytes', '536870912'));
CALL demo.system.rewrite_data_files(table => 'db.sample', where => 'id = 3 and name = "foo"');
CALL demo.system.rewrite_data_files(table => 'db.sample', options => map('rewrite-all', 'true'));
CALL demo.system.rewrite_manifests('db.sample');
CALL demo.system.rewrite_manifests('db.sample', false);
CALL demo.system.rewrite_position_delete_files('db.sample');
CALL demo.system.rewrite_position_delete_files(table => 'db.sample', options => map('rewrite-all', 'true'));
CALL demo.system.register_table(table => 'db.tbl', metadata_file => 'path/to/metadata/file.json');
CALL demo.system.snapshot('db.sample', 'db.snap');
CALL system.rollback_to_snapshot(table => 'db.sample', snapshot_id => 2);

-- Trino and Athena forms (issue 4, Trino Iceberg connector, Athena Iceberg DDL).
ALTER TABLE demo.db.sample EXECUTE optimize;
ALTER TABLE demo.db.sample EXECUTE optimize(file_size_threshold => '128MB');
ALTER TABLE demo.db.sample EXECUTE optimize WHERE part = 1;
ALTER TABLE demo.db.sample EXECUTE expire_snapshots(retention_threshold => '7d');
ALTER TABLE demo.db.sample EXECUTE remove_orphan_files(retention_threshold => '7d');
CREATE TABLE demo.db.trino_t (c1 INTEGER, c2 DATE, c3 DOUBLE) WITH (format = 'PARQUET', partitioning = ARRAY['c1', 'month(c2)'], location = 's3://bucket/t');
CREATE TABLE demo.db.athena_t (id int, ts timestamp, category string) PARTITIONED BY (day(ts), bucket(16, id)) LOCATION 's3://bucket/athena_t/' TBLPROPERTIES ('table_type' = 'ICEBERG', 'format' = 'parquet');
CREATE TABLE demo.db.ctas WITH (table_type = 'ICEBERG', location = 's3://bucket/ctas/', is_external = false) AS SELECT * FROM demo.db.sample;
OPTIMIZE demo.db.athena_t REWRITE DATA USING BIN_PACK WHERE category = 'c1';
VACUUM demo.db.athena_t;
SELECT * FROM demo.db.sample FOR VERSION AS OF 949530903748831860;
SELECT * FROM demo.db.sample FOR TIMESTAMP AS OF TIMESTAMP '2022-03-23 09:59:29.803 Europe/Vienna';
SELECT * FROM "demo"."db"."sample$snapshots";
SELECT * FROM "sample$partitions";

-- Delta and Hudi SQL (Delta Lake and Hudi Spark SQL docs).
CREATE TABLE IF NOT EXISTS default.people10m (id INT, firstName STRING, birthDate TIMESTAMP, salary INT) USING DELTA;
CREATE TABLE events USING DELTA LOCATION '/mnt/delta/events';
DESCRIBE HISTORY delta.`/data/events/`;
DESCRIBE HISTORY events LIMIT 1;
DESCRIBE DETAIL events;
RESTORE TABLE events TO VERSION AS OF 0;
RESTORE TABLE delta.`/data/target/` TO TIMESTAMP AS OF '2019-02-14';
VACUUM events;
VACUUM events RETAIN 100 HOURS;
VACUUM delta.`/data/events/` RETAIN 100 HOURS DRY RUN;
OPTIMIZE events;
OPTIMIZE events WHERE date >= '2017-01-01';
OPTIMIZE events WHERE date >= current_timestamp() - INTERVAL 1 day ZORDER BY (eventType);
SELECT * FROM events TIMESTAMP AS OF '2018-10-18T22:15:12.013Z';
SELECT * FROM delta.`/tmp/delta/events` VERSION AS OF 123;
MERGE INTO people10m USING people10mupdates ON people10m.id = people10mupdates.id WHEN MATCHED THEN UPDATE SET id = people10mupdates.id, firstName = people10mupdates.firstName WHEN NOT MATCHED THEN INSERT (id, firstName) VALUES (people10mupdates.id, people10mupdates.firstName);
CREATE TABLE hudi_mor_tbl (id INT, name STRING, price DOUBLE, ts BIGINT) USING hudi TBLPROPERTIES (type = 'mor', primaryKey = 'id', preCombineField = 'ts');
CREATE TABLE hudi_cow_pt_tbl (id BIGINT, name STRING, ts BIGINT, dt STRING, hh STRING) USING hudi TBLPROPERTIES (type = 'cow', primaryKey = 'id', preCombineField = 'ts') PARTITIONED BY (dt, hh) LOCATION '/tmp/hudi/hudi_cow_pt_tbl';
SELECT * FROM hudi_mor_tbl_rt WHERE _hoodie_commit_time > '20240101000000';
CALL show_commits(table => 'hudi_mor_tbl', limit => 10);
CALL run_clustering(table => 'hudi_cow_pt_tbl', order => 'ts');

-- Hive, Athena and Spark catalog statements (issues 3 and 5).
CREATE EXTERNAL TABLE IF NOT EXISTS cloudfront_logs (`Date` DATE, Time STRING, Location STRING, Bytes INT) ROW FORMAT DELIMITED FIELDS TERMINATED BY '\t' LINES TERMINATED BY '\n' LOCATION 's3://athena-examples/cloudfront/plaintext/' TBLPROPERTIES ('skip.header.line.count' = '2');
CREATE EXTERNAL TABLE parquet_tbl (id bigint, name string) PARTITIONED BY (year string, month string) ROW FORMAT SERDE 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe' STORED AS INPUTFORMAT 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat' OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat' LOCATION 's3://bucket/parquet_tbl/';
CREATE EXTERNAL TABLE bucketed (id int, v string) CLUSTERED BY (id) INTO 16 BUCKETS STORED AS PARQUET LOCATION 's3://bucket/b/';
ALTER TABLE sales ADD PARTITION (dt = '2024-01-02') LOCATION 's3://bucket/sales/dt=2024-01-02/';
ALTER TABLE sales ADD IF NOT EXISTS PARTITION (dt = '2024-01-03') PARTITION (dt = '2024-01-04');
ALTER TABLE sales DROP IF EXISTS PARTITION (dt = '2024-01-02');
ALTER TABLE sales SET LOCATION 's3://bucket/sales2/';
MSCK REPAIR TABLE lake.db.sales;
MSCK REPAIR TABLE sales ADD PARTITIONS;
MSCK REPAIR TABLE sales SYNC PARTITIONS;
SHOW CATALOGS;
SHOW CATALOGS LIKE 'l%';
SHOW DATABASES;
SHOW DATABASES IN lake;
SHOW SCHEMAS FROM hms LIKE 'd*';
SHOW TABLES;
SHOW TABLES IN lab;
SHOW TABLES FROM lake.lab LIKE 'e2e*';
SHOW CREATE TABLE demo.lab.e2e_orders;
SHOW COLUMNS IN demo.lab.e2e_orders;
SHOW COLUMNS FROM e2e_orders IN lab;
SHOW PARTITIONS sales PARTITION (dt = '2024-01-01');
SHOW TBLPROPERTIES demo.lab.e2e_orders;
SHOW TBLPROPERTIES demo.lab.e2e_orders ('format-version');
DESCRIBE EXTENDED demo.lab.e2e_orders;
DESCRIBE FORMATTED demo.lab.e2e_orders;
DESCRIBE TABLE EXTENDED demo.lab.e2e_orders;
DESC demo.lab.e2e_orders order_date;
DESCRIBE DATABASE EXTENDED lab;
USE lake.lab;
USE hms.default;
CREATE DATABASE IF NOT EXISTS lab;
CREATE DATABASE lab COMMENT 'the lab' LOCATION 's3://bucket/lab' WITH DBPROPERTIES ('owner' = 'data');
CREATE SCHEMA IF NOT EXISTS lake.lab;
CREATE SCHEMA lake.trino_lab WITH (location = 's3://bucket/trino_lab/');
DROP DATABASE IF EXISTS lab CASCADE;
DROP SCHEMA lake.lab RESTRICT;
TRUNCATE TABLE sales;
TRUNCATE TABLE sales PARTITION (dt = '2024-01-01');
EXPLAIN SELECT * FROM demo.lab.e2e_orders WHERE order_date >= DATE '2024-02-01';
EXPLAIN ANALYZE SELECT count(*) FROM demo.lab.e2e_orders;
EXPLAIN ANALYZE VERBOSE INSERT INTO t SELECT * FROM s;
EXPLAIN MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE;

-- Spark types, identifiers and comments.
CREATE TABLE types_t (s STRING, b BIGINT, i INT, si SMALLINT, ti TINYINT, d DOUBLE, f FLOAT, bo BOOLEAN, bi BINARY, de DECIMAL(38,9), ts TIMESTAMP, ntz TIMESTAMP_NTZ, ltz TIMESTAMP_LTZ, dt DATE, a ARRAY<STRING>, m MAP<STRING, BIGINT>, st STRUCT<a: INT, b STRING>, nested ARRAY<STRUCT<k: STRING, v: MAP<STRING, ARRAY<INT>>>>) USING iceberg;
SELECT `weird col`, "Quoted" /* block /* nested */ comment */, m['k'], a[1][2], st.a -- trailing
  FROM `db`.`types_t`;
SELECT CAST(x AS STRUCT<a: INT, b STRING>), x::bigint, CAST(y AS DECIMAL(10,2)) FROM types_t;

-- Syntax gaps closed: TRY_CAST, NATURAL joins, DISTINCT ON, ANY/SOME/ALL, row values,
-- LIKE ... ESCAPE, BETWEEN SYMMETRIC, OVERLAY, AT TIME ZONE, LATERAL, WITH TIES.
SELECT TRY_CAST(s AS INT), try_cast('2024-13-01' AS DATE) FROM t;
SELECT * FROM a NATURAL JOIN b NATURAL LEFT OUTER JOIN c NATURAL RIGHT JOIN d NATURAL FULL JOIN e NATURAL INNER JOIN f;
SELECT DISTINCT ON (customer, date_trunc('day', ts)) customer, ts, amount FROM orders ORDER BY customer, date_trunc('day', ts), ts DESC;
SELECT x FROM t WHERE x = ANY (SELECT y FROM u) AND x <> ALL (SELECT z FROM v) AND x > SOME (SELECT w FROM w);
SELECT x = ANY (ARRAY[1, 2, 3]), x <= ALL ($1), (x + 1) * 2 = ANY (arr), x = ANY ('{1,2}') FROM t;
SELECT (a, b) = (1, 2), (a, b) <> ROW(c, d), ROW(a) < ROW(b), ROW() = ROW(), (a, b) >= (SELECT 1, 2) FROM t;
SELECT * FROM t WHERE (a, b) IN (SELECT x, y FROM u) AND (a, b) NOT IN ((1, 2), (3, 4));
SELECT s LIKE 'a!%%' ESCAPE '!', s NOT ILIKE 'a\_%' ESCAPE '\', x BETWEEN SYMMETRIC 10 AND 1, x NOT BETWEEN SYMMETRIC a AND b FROM t;
SELECT OVERLAY(s PLACING 'xx' FROM 2), overlay(s PLACING r FROM 2 FOR 3), overlay(s, 'x', 1, 1) FROM t;
SELECT ts AT TIME ZONE 'UTC', ts AT TIME ZONE 'UTC' AT TIME ZONE tz, -ts AT TIME ZONE 'UTC', (ts + i) AT TIME ZONE zone FROM t;
SELECT * FROM t, LATERAL (SELECT * FROM u WHERE u.id = t.id LIMIT 1) AS l (a, b);
SELECT * FROM t CROSS JOIN LATERAL unnest(t.arr) WITH ORDINALITY AS u (v, n) LEFT JOIN LATERAL generate_series(1, t.x) g ON true, explode(t.arr);
SELECT * FROM t ORDER BY x FETCH FIRST 3 ROWS WITH TIES;
SELECT * FROM t ORDER BY x OFFSET 2 ROWS FETCH NEXT (1 + 1) ROWS WITH TIES;
