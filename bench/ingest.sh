#!/usr/bin/env bash
# Ingest rate against analysis alone, and query latency, on synthetic
# variations of the example articles (dates, places and numbers shifted, so
# every article is new and events spread over time).
#   bash bench/ingest.sh [N]   (default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
K=build/kroniek
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 bench/make_variations.py examples/nl "$N" > "$tmp/articles.jsonl"
words=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].split()) for l in open(sys.argv[1])))" "$tmp/articles.jsonl")
t0=$(date +%s.%N); $K analyze "$tmp/articles.jsonl" > /dev/null; t1=$(date +%s.%N)
$K ingest --db "$tmp/k.db" "$tmp/articles.jsonl" 2> "$tmp/ingest.log"; t2=$(date +%s.%N)
analyze=$(echo "$t1 - $t0" | bc); ingest=$(echo "$t2 - $t1" | bc)
events=$($K events --db "$tmp/k.db" --limit 1000000 | wc -l)
printf '%d articles (%d words): analyse %.1f s (%.0f articles/s), ingest %.1f s (%.0f articles/s), ratio %.2f; %d events\n' \
  "$N" "$words" "$analyze" "$(echo "$N / $analyze" | bc -l)" "$ingest" "$(echo "$N / $ingest" | bc -l)" \
  "$(echo "$ingest / $analyze" | bc -l)" "$events"
tail -1 "$tmp/ingest.log"
python3 bench/query_latency.py "$K" "$tmp/k.db"
