#!/usr/bin/python3
"""Synthetic variations of our own example articles for benchmarks: each copy
gets a publication date moved by whole weeks, its numbers changed and a
serial in its text, so every copy is a new article and its events fall on
other days. usage: make_variations.py EXAMPLES_DIR N > articles.jsonl"""
import datetime
import json
import os
import re
import sys

src, n = sys.argv[1], int(sys.argv[2])
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
    print(json.dumps({"id": f"{name}-v{i}", "published": (day + datetime.timedelta(days=shift)).isoformat(),
                      "source": "Variaties", "title": title, "text": body + f"\n\n(Bericht {i}.)\n"}, ensure_ascii=False))
