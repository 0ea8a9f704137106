#!/usr/bin/env python3
"""What adding articles to a store costs as it grows, by how the pages are dated.

A generated stream (bench/make_variations.py over examples/nl: the example stories
repeated week after week at their places) is ingested into a new store, one article at
a time by default, in three mixes: 30% dated to the day, 60% by their month alone and
10% undated (as real pages are); the undated ones dated by their month instead; all
dated to the day. Each line prints the mix, the articles, the seconds and the
milliseconds per article. An undated article's reports may join any event of their
type at their place, so that mix grows with the store; the others stay near flat.

  python3 bench/store_growth.py KRONIEK [N ...] [--batch B] [--mix all|undated|month|day]

N: the stream's sizes (default 1000 3000)."""
import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from make_variations import write_stream  # noqa: E402
MIXES = ("undated", "month", "day")


def generate(n, mix, path):
    def dating(i, record):
        tenth = i % 10
        if mix != "day" and tenth <= 6:
            record["published"] = record["published"][:7]  # a month-only header
        if mix == "undated" and tenth == 0:
            record.pop("published")  # no date at all
    write_stream(n, path, dating)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kroniek")
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 3000])
    parser.add_argument("--batch", type=int, default=1)
    parser.add_argument("--mix", choices=("all",) + MIXES, default="all")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for mix in MIXES if args.mix == "all" else (args.mix,):
            for n in args.sizes:
                stream, db = os.path.join(tmp, "stream.jsonl"), os.path.join(tmp, f"{mix}{n}.db")
                generate(n, mix, stream)
                start = time.monotonic()
                subprocess.run([args.kroniek, "ingest", "--db", db, "--batch", str(args.batch), stream],
                               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                seconds = time.monotonic() - start
                print(f"{mix:8} {n:6} articles, batch {args.batch}: {seconds:7.1f} s, "
                      f"{1000 * seconds / n:6.1f} ms an article", flush=True)


if __name__ == "__main__":
    main()
