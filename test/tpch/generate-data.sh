#!/usr/bin/env bash
# Writes TPC-H data as Parquet with tpchgen-cli (PyPI `tpchgen-cli`, the Rust port of dbgen):
# one folder per table, <out>/<table>/<table>.<n>.parquet, the layout a plain Parquet table
# of the local catalog reads (every *.parquet file under the table's location).
#
#   test/tpch/generate-data.sh SCALE OUT_DIR [PARTS]
#
# tpchgen-cli writes Parquet with INT64 keys, INT32 p_size/ps_availqty/l_linenumber/
# o_shippriority, DECIMAL(15,2) on INT64 for money and quantities, DATE on INT32 and UTF8
# strings (test/tpch/tpch-schema.ts maps them to Hive types). The data are deterministic:
# the same scale gives the same rows, so the committed answers (test/tpch/answers) hold.
# Exit 127 with a message when tpchgen-cli is not installed.
set -euo pipefail

if [ "$#" -lt 2 ]; then
  echo "usage: $0 SCALE OUT_DIR [PARTS]" >&2
  exit 2
fi
scale=$1
out=$2
parts=${3:-1}

# `pip install --user` puts the command in the user base's bin, often not on PATH.
tpchgen=${LAKEGATE_TPCHGEN:-}
if [ -z "$tpchgen" ]; then
  if command -v tpchgen-cli >/dev/null 2>&1; then
    tpchgen=$(command -v tpchgen-cli)
  else
    for python in python3 /usr/bin/python3; do
      base=$("$python" -m site --user-base 2>/dev/null || true)
      if [ -n "$base" ] && [ -x "$base/bin/tpchgen-cli" ]; then
        tpchgen=$base/bin/tpchgen-cli
        break
      fi
    done
  fi
fi
if [ -z "$tpchgen" ]; then
  echo "tpchgen-cli not found: install it with 'python3 -m pip install --user tpchgen-cli' (.ci/run does), or set LAKEGATE_TPCHGEN" >&2
  exit 127
fi

mkdir -p "$out"
# --parts makes the per-table folders even for one part; --overwrite so a half-written
# earlier run is replaced rather than mixed in.
"$tpchgen" parquet --scale-factor "$scale" --parts "$parts" --output-dir "$out" \
  --overwrite --quiet --no-progress
