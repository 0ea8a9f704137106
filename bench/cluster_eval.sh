#!/usr/bin/env bash
# Scores kroniek's clustering on every multi-article set in examples/sets/
# (gold clusters of our own writing) and prints the mean B3 and CoNLL F1, and over the
# clusters whose gold gives the real event's date, how many fused events have that day
# and how many are dated to a day where the gold gives none; over the clusters whose gold
# gives the day the event really was, how many fused events leave that day alone.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/kroniek ] || { echo "build first: cmake -S . -B build && cmake --build build"; exit 1; }
b3=0; conll=0; n=0; days=0; right=0; coarse=0; over=0; real=0; alone=0
for set in examples/sets/*/; do
  out=$(build/kroniek eval-clusters --gold "$set/gold.json" "$set"/*.txt)
  echo "$out"
  b3=$(echo "$b3 + $(echo "$out" | awk '/^B3/ {print $7}')" | bc -l)
  conll=$(echo "$conll + $(echo "$out" | awk '/^CoNLL/ {print $3}')" | bc -l)
  n=$((n + 1))
  read -r r d o c < <(echo "$out" | awk '/^dates +fused/ {sub(";", "", $7); print $5, $7, $9, $11} END {print "0 0 0 0"}' | head -n 1)
  right=$((right + r)); days=$((days + d)); over=$((over + o)); coarse=$((coarse + c))
  read -r l t < <(echo "$out" | awk '/^days +real/ {print $6, $8} END {print "0 0"}' | head -n 1)
  alone=$((alone + l)); real=$((real + t))
done
printf 'mean over %d sets: B3 F1 %.3f  CoNLL F1 %.3f\n' "$n" "$(echo "$b3 / $n" | bc -l)" "$(echo "$conll / $n" | bc -l)"
printf 'dated gold clusters: fused day right %d of %d; over-precise %d of %d; the real day left alone %d of %d\n' \
  "$right" "$days" "$over" "$coarse" "$alone" "$real"
