#!/usr/bin/env bash
# Scores kroniek on eval/pages/: news pages of our own writing, built and phrased the way real
# published pages are (eval/pages/README.md), with the two scorers that define our real-news
# figures (../shared/eval/): per article, and each split fused at once. Development and check
# sets are scored apart; the check sets are never tuned on.
#
#   bash bench/pages_eval.sh
#
# KRONIEK=path picks another binary, SHARED=path the shared folder.
set -euo pipefail
cd "$(dirname "$0")/.."
kroniek=$(realpath "${KRONIEK:-build/kroniek}")
shared=${SHARED:-../shared}
pages=eval/pages
[ -x "$kroniek" ] || { echo "build first: cmake -S . -B build && cmake --build build"; exit 1; }
[ -f "$shared/eval/score_articles.py" ] || { echo "no scorers at $shared/eval"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
check="explosie_krakau steek_hasselt crash_lyon_vliegtuig trein_zagreb chemie_antwerpen luchtaanval_sudan gijzeling_luik zelfmoordaanslag_mogadishu gevangenis_guayaquil vuurwerk_setubal"
python3 - "$work" "$check" <<'PY'
import json, sys
work, check = sys.argv[1], sys.argv[2].split()
dev, held = open(work + "/development.jsonl", "w"), open(work + "/check.jsonl", "w")
for line in open("eval/pages/gold.jsonl", encoding="utf-8"):
    if line.strip():
        (held if json.loads(line)["file"].split("/")[0] in check else dev).write(line)
PY
for split in development check; do
  echo "== $split: $(wc -l < "$work/$split.jsonl") pages"
  python3 "$shared/eval/score_articles.py" "$kroniek" "$pages" "$work/$split.jsonl" --lang nl
  python3 "$shared/eval/score_chronicle.py" "$kroniek" "$pages" "$work/$split.jsonl" --lang nl
done
