#!/usr/bin/python3
"""Validates `kroniek analyze` output against schema/article.schema.json and
checks the span invariant: every span is a byte range of the raw input whose
ends fall on UTF-8 character boundaries.

usage: validate_output.py KRONIEK SCHEMA ARTICLE...   (Debian's python3-jsonschema)
"""
import json
import subprocess
import sys

import jsonschema


def spans(node, path="$"):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("span", "trigger", "group_span") and isinstance(value, list):
                yield f"{path}.{key}", value
            else:
                yield from spans(value, f"{path}.{key}")
    elif isinstance(node, list):
        if path.endswith(".evidence"):
            for i, value in enumerate(node):
                yield f"{path}[{i}]", value
        else:
            for i, value in enumerate(node):
                yield from spans(value, f"{path}[{i}]")


def main():
    kroniek, schema_path, *articles = sys.argv[1:]
    schema = json.load(open(schema_path))
    validator = jsonschema.Draft202012Validator(schema)
    failures = 0
    checked = 0
    for path in articles:
        raw = open(path, "rb").read()
        out = subprocess.run([kroniek, "analyze", path], capture_output=True, check=True).stdout
        for line in out.decode().splitlines():
            record = json.loads(line)
            for error in validator.iter_errors(record):
                print(f"{path}: schema: {error.json_path}: {error.message}")
                failures += 1
            for where, span in spans(record):
                begin, end = span
                ok = 0 <= begin <= end <= len(raw)
                try:
                    raw[begin:end].decode("utf-8")
                except UnicodeDecodeError:
                    ok = False
                if not ok:
                    print(f"{path}: {where}: {span} is not a byte range of the text")
                    failures += 1
                checked += 1
    print(f"{len(articles)} articles, {checked} spans checked")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
