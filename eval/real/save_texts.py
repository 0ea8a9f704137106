#!/usr/bin/env python3
"""Saves collected texts into eval/real/texts/ and checks them against texts.sha256.

    python3 eval/real/save_texts.py [COLLECTED.jsonl ...] [--missing]

Each line of COLLECTED.jsonl is {"file": "<story>/<NNN>.txt", "text": "<the excerpt>"}: the
search result's excerpt for the index line of that file, as the JSON string the search
showed (so escapes and non-breaking spaces survive). A later line for a file replaces an
earlier one unless the earlier is already byte-exact. Prints how many indexed texts are
exact, differ from their checksum, or are missing (with --missing: which)."""
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def sha(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    checksums = dict((l.split()[1], l.split()[0]) for l in open(os.path.join(HERE, "texts.sha256")))
    files = [json.loads(l)["file"] for l in open(os.path.join(HERE, "index.jsonl")) if l.strip()]
    known = set(files)
    for collected in args:
        for n, line in enumerate(open(collected, encoding="utf-8"), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                name, text = record["file"], record["text"]
            except (ValueError, KeyError) as e:
                print(f"{collected}:{n}: not a {{file, text}} JSON line ({e}); skipped", file=sys.stderr)
                continue
            if name not in known:
                print(f"{collected}:{n}: {name} is not in index.jsonl; skipped", file=sys.stderr)
                continue
            path = os.path.join(HERE, "texts", name)
            if os.path.exists(path) and checksums.get(name) == sha(path):
                continue
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as out:
                out.write(text.encode("utf-8"))
    exact, differ, missing, unchecked = [], [], [], []
    for name in files:
        path = os.path.join(HERE, "texts", name)
        if not os.path.exists(path):
            missing.append(name)
        elif name not in checksums:
            unchecked.append(name)
        elif checksums[name] == sha(path):
            exact.append(name)
        else:
            differ.append(name)
    print(f"{len(files)} indexed: {len(exact)} exact, {len(differ)} differ, {len(unchecked)} without a checksum, "
          f"{len(missing)} missing")
    for name in differ:
        print("differs:", name)
    if "--missing" in sys.argv:
        for name in missing:
            print("missing:", name)


if __name__ == "__main__":
    main()
