#!/usr/bin/python3
"""The kroniek command line: files and stdin, bad input named with its
reason while the rest goes on, exit status, options.

usage: cli_test.py KRONIEK EXAMPLE_ARTICLE
"""
import json
import os
import sys
import tempfile

from checks import check, report, run


def main():
    kroniek, example = sys.argv[1:3]
    with tempfile.TemporaryDirectory() as tmp:
        binary = os.path.join(tmp, "photo.txt")
        open(binary, "wb").write(b"\x89PNG\x00\x00\x01binary")
        latin1 = os.path.join(tmp, "latin1.txt")
        open(latin1, "wb").write("Bij de aanslag in Kaboel vielen zeker 5 doden.".encode("latin-1") + b" \xe9\xe9n")
        empty = os.path.join(tmp, "empty.txt")
        open(empty, "w").write("\n \n")

        r = run([kroniek, "analyze", binary, example, latin1, empty, os.path.join(tmp, "missing.txt")])
        out = r.stdout.decode().splitlines()
        err = r.stderr.decode()
        check("bad input: exit status", r.returncode == 1, r.returncode)
        check("bad input: good article still analyzed", len(out) == 1, len(out))
        check("bad input: binary named", "photo.txt" in err and "binary" in err, err)
        check("bad input: invalid UTF-8 named", "latin1.txt" in err and "UTF-8" in err, err)
        check("bad input: empty named", "empty.txt" in err and "empty" in err, err)
        check("bad input: missing file named", "missing.txt" in err, err)

    text = "Bij een bomaanslag in Bagdad zijn maandag zeker twaalf mensen om het leven gekomen.\n".encode()
    r = run([kroniek, "analyze", "--published", "2024-03-13", "-"], stdin=text)
    check("stdin: exit 0", r.returncode == 0, r.stderr)
    record = json.loads(r.stdout)
    check("stdin: published from the command line", record["article"]["published"] ==
          {"value": "2024-03-13", "precision": "day", "basis": "cli"}, record["article"])
    figures = [f for e in record["events"] for f in e["figures"]]
    check("stdin: the figure", any(f["kind"] == "killed" and f["value"] == 12 for f in figures), figures)
    check("stdin: the date", record["events"] and record["events"][0]["date"]["value"] == "2024-03-11",
          record["events"])

    text = "Bij een aanslag in Bagdad zijn maandag zes doden en tientallen gewonden gevallen.\n".encode()
    def kinds(args):
        r = run([kroniek, *args, "analyze", "--published", "2024-03-13", "-"], stdin=text)
        figures = [f for e in json.loads(r.stdout)["events"] for f in e["figures"]]
        return sorted((f["kind"], f["value"], f.get("low"), f.get("high")) for f in figures)
    check("vague plurals: not figures by default", kinds([]) == [("killed", 6, None, None)], kinds([]))
    check("--vague-figures: a figure with no value and its range",
          kinds(["--vague-figures"]) == [("injured", None, 20, 99), ("killed", 6, None, None)], kinds(["--vague-figures"]))

    # An article in a language without resources: named, kept without events; the exit status stays.
    german = ("Bei einem Brand in einer Lagerhalle am Stadtrand sind am Dienstagabend drei Arbeiter ums Leben "
              "gekommen. Die Feuerwehr war mit mehr als achtzig Einsatzkräften vor Ort und konnte das Feuer erst "
              "nach Mitternacht löschen. Die Polizei ermittelt, wie der Brand entstehen konnte.\n")
    with tempfile.TemporaryDirectory() as tmp:
        de = os.path.join(tmp, "brand.txt")
        open(de, "w").write(german)
        r = run([kroniek, "analyze", de, example])
        records = [json.loads(l) for l in r.stdout.splitlines()]
        err = r.stderr.decode()
        check("unsupported language: exit 0", r.returncode == 0, r.returncode)
        check("unsupported language: named with the record", "brand: de: no resources for this language" in err
              and "1 unsupported" in err, err)
        check("unsupported language: kept without events, the Dutch one read",
              [(x["article"]["lang"], bool(x["events"])) for x in records] == [("de", False), ("nl", True)], records)
        r = run([kroniek, "--lang", "nl", "analyze", de])
        check("--lang: read as given", r.returncode == 0 and json.loads(r.stdout)["article"]["lang"] == "nl"
              and b"unsupported" not in r.stderr, r.stderr)
        r = run([kroniek, "--lang", "Dutch", "analyze", de])
        check("--lang: a bad code refused", r.returncode != 0 and b"ISO 639" in r.stderr, r.stderr)
        db = os.path.join(tmp, "k.db")
        r = run([kroniek, "ingest", "--db", db, de, example])
        check("ingest: the unsupported one stored and counted",
              r.returncode == 0 and b"2 new, 0 duplicate, 0 failed, 1 unsupported" in r.stderr, r.stderr)
        # A given language is stored with the record: re-analysis reads it so again.
        said = os.path.join(tmp, "said.jsonl")
        open(said, "w").write(json.dumps({"id": "said", "lang": "de", "text": open(example).read()}) + "\n")
        db2 = os.path.join(tmp, "said.db")
        r = run([kroniek, "ingest", "--db", db2, said])
        again = run([kroniek, "reanalyze", "--db", db2])
        events = run([kroniek, "events", "--db", db2])
        stored = [json.loads(l) for l in run([kroniek, "articles", "--db", db2]).stdout.splitlines()]
        check("a given language survives re-analysis", b"1 unsupported" in r.stderr and again.returncode == 0 and
              events.stdout.strip() == b"" and [a.get("lang") for a in stored] == ["de"], (r.stderr, again.stderr, stored))

    r = run([kroniek, "analyze", "--published", "13-03-2024", example])
    check("bad --published: exit 2", r.returncode == 2, r.returncode)
    check("bad --published: says why", b"YYYY" in r.stderr, r.stderr)

    r = run([kroniek, "analyze", "--format", "pretty", example])
    check("pretty: indented JSON", r.returncode == 0 and r.stdout.startswith(b"{\n"), r.stdout[:40])

    r = run([kroniek, "--resources", "/nonexistent", "analyze", example])
    check("bad resources: exit 2 and the path", r.returncode == 2 and b"/nonexistent" in r.stderr, r.stderr)

    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "k.db")
        r = run([kroniek, "ingest", "--db", db, example])
        check("ingest: one new", r.returncode == 0 and b"1 new, 0 duplicate, 0 failed" in r.stderr, r.stderr)
        r = run([kroniek, "ingest", "--db", db, example])
        check("ingest again: a duplicate", r.returncode == 0 and b"0 new, 1 duplicate" in r.stderr, r.stderr)
        r = run([kroniek, "articles", "--db", db])
        rows = [json.loads(l) for l in r.stdout.splitlines()]
        check("articles: one row without text", len(rows) == 1 and "text" not in rows[0], r.stdout[:200])
        from_store = run([kroniek, "chronicle", "--db", db])
        from_file = run([kroniek, "chronicle", example])
        def facts(output):  # the events, their ids aside
            events = [json.loads(l)["event"] for l in output.splitlines() if l.startswith(b'{"event"')]
            return sorted((e["type"], e["date"]["value"], json.dumps(e["figures"], sort_keys=True)) for e in events)
        check("chronicle --db: the stored chronicle, as fused from the file", from_store.returncode == 0 and
              facts(from_store.stdout) == facts(from_file.stdout) and facts(from_file.stdout), from_store.stderr)
        check("chronicle --db: stored ids", b'"id":"ev1"' in from_store.stdout, from_store.stdout[:200])
        with_file = run([kroniek, "chronicle", "--db", db, example])
        check("chronicle --db FILE: the store's articles and the file fused (one duplicate)",
              with_file.returncode == 0 and facts(with_file.stdout) == facts(from_file.stdout), with_file.stderr)
        junk = os.path.join(tmp, "junk.db")
        open(junk, "w").write("not a database " * 20)
        r = run([kroniek, "ingest", "--db", junk, example])
        check("ingest into a non-database: exit 2 naming it", r.returncode == 2 and junk.encode() in r.stderr, r.stderr)

    return report()


if __name__ == "__main__":
    sys.exit(main())
