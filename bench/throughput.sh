#!/usr/bin/env bash
# Measures `kroniek analyze` on one core: words/s, articles/s, start-up and
# peak memory, beside `wc -w` on the same text. The text is built at run time
# from the example articles and the CoNLL-2002 sentences regrouped into
# articles (../shared/data); nothing large is committed.
#
#   bash bench/throughput.sh [MIN_MB]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
min_mb=${1:-5}
kroniek=build/kroniek
[ -x "$kroniek" ] || { echo "build first: cmake -S . -B build && cmake --build build"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

conll=../shared/data/conll2002-nl
if [ -d "$conll" ]; then
  /usr/bin/python3 tools/conll_to_articles.py "$work/base" "$conll"/ned.* >/dev/null
else
  mkdir -p "$work/base"
fi
cp examples/nl/*.txt "$work/base/"
# Repeat the base set until the corpus reaches MIN_MB.
mkdir -p "$work/corpus"
round=0
while [ "$(du -sb "$work/corpus" | cut -f1)" -lt $((min_mb * 1048576)) ]; do
  for f in "$work/base"/*.txt; do cp "$f" "$work/corpus/r${round}_$(basename "$f")"; done
  round=$((round + 1))
done
files=$(ls "$work/corpus" | wc -l)
bytes=$(cat "$work/corpus"/*.txt | wc -c)
words=$(cat "$work/corpus"/*.txt | wc -w)

seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
wc_s=$(seconds wc -w "$work/corpus"/*.txt)
startup_s=$(seconds taskset -c 0 "$kroniek" analyze examples/nl/09_steekpartij_utrecht.txt)
run_s=$(seconds taskset -c 0 "$kroniek" analyze "$work/corpus"/*.txt)
rss_kb=$( { /usr/bin/time -f "%M" taskset -c 0 "$kroniek" analyze "$work/corpus"/*.txt >/dev/null; } 2>&1 | tail -1)

printf 'corpus           %d articles, %.1f MB, %d words\n' "$files" "$(echo "$bytes/1048576" | bc -l)" "$words"
printf 'kroniek analyze  %.2f s  %.0f words/s  %.0f articles/s (one core)\n' "$run_s" "$(echo "$words/$run_s" | bc -l)" "$(echo "$files/$run_s" | bc -l)"
printf 'wc -w            %.3f s  %.0f words/s  (kroniek is 1/%.0f of it)\n' "$wc_s" "$(echo "$words/$wc_s" | bc -l)" "$(echo "$run_s/$wc_s" | bc -l)"
printf 'start-up         %.3f s (one short article, resources loaded)\n' "$startup_s"
printf 'peak RSS         %.0f MB\n' "$(echo "$rss_kb/1024" | bc -l)"

# Frog, Debian's Dutch NLP suite, on a 20 KB sample of the same text, for scale.
if command -v frog >/dev/null 2>&1; then
  : > "$work/frog_sample.txt"
  for f in "$work/base"/*.txt; do
    cat "$f" >> "$work/frog_sample.txt"
    [ "$(wc -c < "$work/frog_sample.txt")" -ge 20480 ] && break
  done
  frog_words=$(wc -w < "$work/frog_sample.txt")
  frog_s=$(seconds taskset -c 0 frog -t "$work/frog_sample.txt" -o "$work/frog_out.txt" 2>"$work/frog.log")
  frog_wps=$(echo "$frog_words/$frog_s" | bc -l)
  printf 'frog             %.1f s on %d words (start-up included)  %.0f words/s  (kroniek is %.0fx faster)\n' \
    "$frog_s" "$frog_words" "$frog_wps" "$(echo "($words/$run_s)/$frog_wps" | bc -l)"
else
  echo 'frog             not installed (apt-get install frog frogdata); no comparison'
fi
