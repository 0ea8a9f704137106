#!/usr/bin/env bash
# Analysis cost against article size (#14: linear, not worse): builds a 100 KB
# and a 1 MB article from the example paragraphs, each ending in a paragraph
# with its own figure, and prints the best of three timings of `kroniek
# analyze`, their ratio, and whether the last paragraph's figure was found.
#
#   bash bench/article_size.sh        (KRONIEK=path picks another binary)
set -euo pipefail
cd "$(dirname "$0")/.."
kroniek=$(realpath "${KRONIEK:-build/kroniek}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" "$kroniek" <<'PY'
import json, random, subprocess, sys, time, glob
work, kroniek = sys.argv[1:3]
random.seed(7)
paragraphs = []
for path in sorted(glob.glob("examples/sets/*/*.txt")):
    body = open(path, encoding="utf-8").read().split("\n", 1)[-1]
    paragraphs += [p.strip() for p in body.split("\n\n") if p.strip()]
last = "Bij een nieuwe aanslag in Kismayo vielen zaterdag 37 doden."
results = {}
for name, size in (("100 KB", 100_000), ("1 MB", 1_000_000)):
    out, total = [" date 2024-10-14 Lang verslag"], 0
    while total < size:
        p = random.choice(paragraphs)
        out.append(p)
        total += len(p.encode()) + 2
    out.append(last)
    path = f"{work}/{size}.txt"
    open(path, "w", encoding="utf-8").write("\n\n".join(out) + "\n")
    best, found = None, False
    for _ in range(3):
        start = time.perf_counter()
        r = subprocess.run([kroniek, "analyze", "--format", "jsonl", path], capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
        doc = json.loads(r.stdout)
        found = any(f.get("value") == 37 for e in doc["events"] for f in e["figures"])
    results[name] = best
    print(f"{name:7} article: {best:.3f} s; figure in its last paragraph found: {'yes' if found else 'NO'}")
print(f"1 MB / 100 KB: {results['1 MB'] / results['100 KB']:.1f}x (target: at most 12x)")
PY
