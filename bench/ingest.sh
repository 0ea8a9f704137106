#!/usr/bin/env bash
# Ingest rate against analysis alone, and query latency over HTTP, on
# synthetic variations of the example articles (dates, places and numbers
# shifted, so every article is new and events spread over time).
#   bash bench/ingest.sh [N]   (default 10000)
# `analyze` runs on one core (taskset); ingest is timed with its default (analysis on
# every core) and with --threads 1, so both comparisons are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
K=${KRONIEK:-build/kroniek}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 bench/make_variations.py examples/nl "$N" > "$tmp/articles.jsonl"
words=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].split()) for l in open(sys.argv[1])))" "$tmp/articles.jsonl")
now() { date +%s.%N; }
t0=$(now); taskset -c 0 $K analyze "$tmp/articles.jsonl" > /dev/null; t1=$(now)
analyze=$(echo "$t1 - $t0" | bc)
printf '%d articles (%d words): analyze %.1f s (%.0f articles/s, one core)\n' "$N" "$words" "$analyze" \
  "$(echo "$N / $analyze" | bc -l)"
for threads in 1 0; do
  rm -f "$tmp"/k.db*
  t0=$(now); /usr/bin/time -f "%M" -o "$tmp/rss" $K ingest --db "$tmp/k.db" --threads $threads "$tmp/articles.jsonl" 2> "$tmp/ingest.log"; t1=$(now)
  ingest=$(echo "$t1 - $t0" | bc)
  printf '  ingest --threads %d: %.1f s (%.0f articles/s), %.2f x analysis, peak %d MiB; %s\n' "$threads" "$ingest" \
    "$(echo "$N / $ingest" | bc -l)" "$(echo "$ingest / $analyze" | bc -l)" "$(( $(cat "$tmp/rss") / 1024 ))" "$(tail -1 "$tmp/ingest.log")"
done
printf '  store: %d events, %d MiB\n' "$($K events --db "$tmp/k.db" --limit 1000000 | wc -l)" "$(( $(stat -c %s "$tmp/k.db") / 1048576 ))"
python3 bench/query_latency.py "$K" "$tmp/k.db"
