#!/usr/bin/python3
"""Synthetic variations of our own example articles for benchmarks: each copy
gets a publication date moved by whole weeks, its numbers changed and a
serial in its text, so every copy is a new article and its events fall on
other days. usage: make_variations.py EXAMPLES_DIR N > articles.jsonl
(Benchmarks import write_stream, which dates each copy as they need.)"""
import datetime
import json
import os
import re
import sys

EXAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "nl")


def variations(src, n):
    """The n copies, as records."""
    bases = []
    for name in sorted(os.listdir(src)):
        if not name.endswith(".txt"):
            continue
        text = open(os.path.join(src, name), encoding="utf-8").read()
        m = re.match(r" date (\d{4}-\d{2}-\d{2}) ?(.*)\n", text)
        if m:
            bases.append((name[:-4], datetime.date.fromisoformat(m.group(1)), m.group(2), text[m.end():]))
    for i in range(n):
        name, day, title, body = bases[i % len(bases)]
        shift = (i // len(bases)) * 7
        body = re.sub(r"\b(\d{1,3})\b", lambda m: str(int(m.group(1)) + i % 5), body)
        yield {"id": f"{name}-v{i}", "published": (day + datetime.timedelta(days=shift)).isoformat(),
               "source": "Variaties", "title": title, "text": body + f"\n\n(Bericht {i}.)\n"}


def write_stream(n, path, dating=lambda i, record: None):
    """n copies of examples/nl as JSON lines; dating(i, record) may change the i-th
    copy's publication date (drop it, keep its month)."""
    with open(path, "w", encoding="utf-8") as f:
        for i, record in enumerate(variations(EXAMPLES, n)):
            dating(i, record)
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    for record in variations(sys.argv[1], int(sys.argv[2])):
        print(json.dumps(record, ensure_ascii=False))
