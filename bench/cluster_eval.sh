#!/usr/bin/env bash
# Scores kroniek's clustering on every multi-article set in examples/sets/
# (gold clusters of our own writing) and prints the mean B3 and CoNLL F1.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/kroniek ] || { echo "build first: cmake -S . -B build && cmake --build build"; exit 1; }
b3=0; conll=0; n=0
for set in examples/sets/*/; do
  out=$(build/kroniek eval-clusters --gold "$set/gold.json" "$set"/*.txt)
  echo "$out"
  b3=$(echo "$b3 + $(echo "$out" | awk '/^B3/ {print $7}')" | bc -l)
  conll=$(echo "$conll + $(echo "$out" | awk '/^CoNLL/ {print $3}')" | bc -l)
  n=$((n + 1))
done
printf 'mean over %d sets: B3 F1 %.3f  CoNLL F1 %.3f\n' "$n" "$(echo "$b3 / $n" | bc -l)" "$(echo "$conll / $n" | bc -l)"
