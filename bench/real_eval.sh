#!/usr/bin/env bash
# Scores kroniek on the real-news set (eval/real/) with the two scorers that define our
# real-news figures (../shared/eval/): per article, and the whole split fused at once.
# Development and held-out are scored apart (split rule: eval/real/README.md).
#
#   bash bench/real_eval.sh [--errors]
#
# --errors lists, for development only, false and missed figures with their contexts,
# type confusions and split and merged clusters. Held-out errors are never listed.
# The texts are not in the repo: collect them into eval/real/texts/ first
# (eval/real/README.md). KRONIEK=path picks another binary, SHARED=path the shared folder.
set -euo pipefail
cd "$(dirname "$0")/.."
kroniek=$(realpath "${KRONIEK:-build/kroniek}")
shared=${SHARED:-../shared}
texts=eval/real/texts
[ -x "$kroniek" ] || { echo "build first: cmake -S . -B build && cmake --build build"; exit 1; }
[ -f "$shared/eval/score_articles.py" ] || { echo "no scorers at $shared/eval"; exit 1; }
[ -d "$texts" ] || { echo "no texts in $texts: collect them first (eval/real/README.md)"; exit 1; }
missing=$(python3 - "$texts" <<'PY'
import json, os, sys
rows = [json.loads(l) for l in open("eval/real/index.jsonl") if l.strip()]
print(sum(not os.path.exists(os.path.join(sys.argv[1], r["file"])) for r in rows))
PY
)
[ "$missing" = 0 ] || echo "warning: $missing indexed texts missing from $texts and left out of the scores (eval/real/README.md says how to collect them)"
cp eval/real/index.jsonl "$texts/index.jsonl"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Articles whose text is missing are left out of both splits (the warning above counts them).
python3 - "$work" "$texts" <<'PY'
import json, os, re, sys
dev, held = open(sys.argv[1] + "/dev.jsonl", "w"), open(sys.argv[1] + "/heldout.jsonl", "w")
for line in open("eval/real/gold.jsonl", encoding="utf-8"):
    if line.strip() and os.path.exists(os.path.join(sys.argv[2], json.loads(line)["file"])):
        story = int(re.match(r"s(\d+)", json.loads(line)["file"]).group(1))
        (held if story % 3 == 0 else dev).write(line)
PY
for split in dev heldout; do
  gold="$work/$split.jsonl"
  echo "== $split: $(wc -l < "$gold") articles"
  python3 "$shared/eval/score_articles.py" "$kroniek" "$texts" "$gold" --lang nl
  python3 "$shared/eval/score_chronicle.py" "$kroniek" "$texts" "$gold" --lang nl
  python3 bench/real_errors.py "$kroniek" "$texts" "$gold" --calibration
  if [ "$split" = dev ] && [ "${1:-}" = --errors ]; then
    python3 bench/real_errors.py "$kroniek" "$texts" "$gold" --errors
  fi
done
