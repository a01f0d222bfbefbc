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
