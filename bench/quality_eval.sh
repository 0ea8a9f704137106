#!/usr/bin/env bash
# Scores `kroniek analyze` (+ `chronicle` for inferred publication dates)
# against the hand-written gold facts in examples/gold/:
#   dev.jsonl   examples/nl and examples/sets (written while building)
#   eval.jsonl  examples/eval (written before kroniek was run on them)
#
#   bash bench/quality_eval.sh [--errors]     (KRONIEK=path picks another binary)
set -euo pipefail
cd "$(dirname "$0")/.."
kroniek=${KRONIEK:-build/kroniek}
[ -x "$kroniek" ] || { echo "build first: cmake -S . -B build && cmake --build build"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
cp examples/nl/*.txt examples/sets/*/*.txt examples/eval/*.txt "$work/in/"
# Our own gold reads vague plurals as SCHEMA.md does ("tientallen" -> no value, 20..99),
# so they are kept here (the real-news gold, per ../shared/GOLD_GUIDE.md, counts none).
"$kroniek" --vague-figures analyze "$work/in" > "$work/analysis.jsonl"
"$kroniek" --vague-figures chronicle "$work/in" > "$work/chronicle.jsonl"
cat examples/gold/dev.jsonl examples/gold/eval.jsonl > "$work/all.jsonl"
for gold in examples/gold/dev.jsonl examples/gold/eval.jsonl "$work/all.jsonl"; do
  case $gold in *dev*) echo "== development articles (examples/nl, examples/sets)";;
                *eval*) echo "== held-out articles (examples/eval)";;
                *) echo "== all";; esac
  "$kroniek" eval --gold "$gold" "$@" "$work/analysis.jsonl" "$work/chronicle.jsonl"
done
