#!/usr/bin/python3
"""Validates `kroniek chronicle` output against schema/chronicle.schema.json
and checks that every report's span is a byte range of its article.

usage: validate_chronicle.py KRONIEK SCHEMA DIR_OR_ARTICLES...
Each argument that is a folder is one chronicle of its *.txt files; the
remaining files make one chronicle together.
"""
import glob
import json
import os
import subprocess
import sys

import jsonschema


def check(kroniek, validator, paths):
    failures = 0
    texts = {os.path.splitext(os.path.basename(p))[0]: open(p, "rb").read() for p in paths}
    out = subprocess.run([kroniek, "chronicle", *paths], capture_output=True, check=True).stdout.decode()
    events = 0
    for line in out.splitlines():
        record = json.loads(line)
        for error in validator.iter_errors(record):
            print(f"{paths[0]}…: schema: {error.json_path}: {error.message}")
            failures += 1
        for figure in record.get("event", {}).get("figures", []):
            for report in figure["history"]:
                raw = texts[report["article"]]
                b, e = report["span"]
                if not 0 <= b <= e <= len(raw):
                    print(f"{report['article']}: span {report['span']} outside the text")
                    failures += 1
        events += "event" in record
    return failures, events


def main():
    kroniek, schema_path, *args = sys.argv[1:]
    validator = jsonschema.Draft202012Validator(json.load(open(schema_path)))
    groups = [sorted(glob.glob(os.path.join(a, "*.txt"))) for a in args if os.path.isdir(a)]
    loose = [a for a in args if not os.path.isdir(a)]
    if loose:
        groups.append(loose)
    failures = total = 0
    for paths in groups:
        f, events = check(kroniek, validator, paths)
        failures += f
        total += events
    print(f"{len(groups)} chronicles, {total} events checked, {failures} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
