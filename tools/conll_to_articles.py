#!/usr/bin/python3
"""Turns CoNLL-2002 Dutch files (word POS tag, -DOCSTART- per article) into
plain-text articles, one file per document, for running kroniek over real
newspaper text. Tokens are joined with single spaces; sentences become lines.

usage: conll_to_articles.py OUT_DIR CONLL_FILE...
"""
import os
import sys


def documents(path):
    doc, sentence = [], []
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if not parts:
            if sentence:
                doc.append(" ".join(sentence))
                sentence = []
            continue
        if parts[0] == "-DOCSTART-":
            if sentence:
                doc.append(" ".join(sentence))
                sentence = []
            if doc:
                yield doc
            doc = []
            continue
        sentence.append(parts[0])
    if sentence:
        doc.append(" ".join(sentence))
    if doc:
        yield doc


def main():
    out_dir, *files = sys.argv[1:]
    os.makedirs(out_dir, exist_ok=True)
    count = 0
    for path in files:
        name = os.path.basename(path).replace(".", "_")
        for i, doc in enumerate(documents(path)):
            with open(os.path.join(out_dir, f"{name}_{i:04d}.txt"), "w", encoding="utf-8") as f:
                f.write("\n".join(doc) + "\n")
            count += 1
    print(f"{count} articles written to {out_dir}")


if __name__ == "__main__":
    main()
