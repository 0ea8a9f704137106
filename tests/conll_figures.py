#!/usr/bin/python3
"""Runs kroniek over the CoNLL-2002 Dutch newspaper text (../shared/data) and
compares every figure it finds with tests/conll_figures.tsv, the list of
figures a person has checked against the text and found true. A figure not on
the list is a false (or unreviewed) figure and fails the test; so does a
reviewed figure that is no longer found. No text of the corpus is stored:
the list holds article ids, byte offsets, kinds and values.

usage: conll_figures.py KRONIEK CONLL_DIR REVIEWED_TSV [--print]
  --print   list the current figures with their context, for review
exit 77 = corpus missing (skipped unless CI=true)
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tools"))
from conll_to_articles import documents  # noqa: E402


def render(f):
    if f["value"] is not None:
        return f"{f['value']:g}"
    if f["low"] is not None:
        return f"{f['low']:g}..{f['high']:g}"
    return "null"


def main():
    kroniek, conll_dir, reviewed_path, *flags = sys.argv[1:]
    files = [os.path.join(conll_dir, n) for n in ("ned.train", "ned.testa", "ned.testb")]
    if not all(os.path.exists(f) for f in files):
        print(f"CoNLL-2002 not found in {conll_dir}")
        return 1 if os.environ.get("CI") == "true" else 77
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for path in files:
            name = os.path.basename(path).replace(".", "_")
            for i, doc in enumerate(documents(path)):
                p = os.path.join(tmp, f"{name}_{i:04d}.txt")
                with open(p, "w", encoding="utf-8") as f:
                    f.write("\n".join(doc) + "\n")
                paths.append(p)
        # (Vague plurals kept: every reading is checked, not only the default output's.)
        out = subprocess.run([kroniek, "--vague-figures", "analyze", *paths], capture_output=True,
                             check=True).stdout.decode()
        found = {}
        for line in out.splitlines():
            record = json.loads(line)
            aid = record["article"]["id"]
            raw = open(os.path.join(tmp, aid + ".txt"), "rb").read()
            for event in record["events"]:
                for f in event["figures"]:
                    key = (aid, str(f["span"][0]), f["kind"], render(f))
                    b, e = f["span"]
                    found[key] = raw[max(0, b - 80):e + 60].decode(errors="replace").replace("\n", " ")
    if "--print" in flags:
        for key, context in sorted(found.items()):
            print("\t".join(key) + "\t# " + context)
        return 0
    reviewed = set()
    for line in open(reviewed_path, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            reviewed.add(tuple(line.rstrip("\n").split("\t")[:4]))
    unreviewed = sorted(set(found) - reviewed)
    lost = sorted(reviewed - set(found))
    for key in unreviewed:
        print("figure not on the reviewed list (false, or review and add it):", "\t".join(key), "#", found[key])
    for key in lost:
        print("reviewed true figure no longer found:", "\t".join(key))
    print(f"{len(paths)} articles, {len(found)} figures, {len(unreviewed)} unreviewed, {len(lost)} lost")
    return 1 if unreviewed or lost else 0


if __name__ == "__main__":
    sys.exit(main())
