#!/usr/bin/python3
"""The store's commands on real files, and its reliability: kill -9 during
a large ingest, two ingests at once on one file, a read-only file.

usage: store_cli_test.py KRONIEK SETS_DIR
"""
import csv
import io
import json
import os
import sqlite3
import signal
import subprocess
import sys
import tempfile
import time

from checks import check, report, run


def synthetic(n, seed):
    """n invented short reports of our own wording, each a different event."""
    towns = ["Gent", "Utrecht", "Antwerpen", "Groningen", "Leuven", "Arnhem", "Brugge", "Zwolle"]
    kinds = ["schietpartij", "steekpartij", "brand", "explosie"]
    lines = []
    for i in range(n):
        day = 1 + (i * 7 + seed) % 28
        month = 1 + (i // 28) % 12
        town = towns[(i + seed) % len(towns)]
        text = (f"Bij een {kinds[i % len(kinds)]} in {town} zijn op {day} "
                f"{['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'][month - 1]} "
                f"zeker {2 + i % 9} mensen gewond geraakt. Dat meldt de politie. Bericht {seed}-{i}.")
        lines.append(json.dumps({"id": f"s{seed}-{i}", "published": f"2023-{month:02d}-{min(28, day + 1):02d}",
                                 "source": "Testkrant", "text": text}))
    return ("\n".join(lines) + "\n").encode()


def count(kroniek, db):
    r = run([kroniek, "articles", "--db", db])
    return len(r.stdout.splitlines())


def main():
    kroniek, sets = sys.argv[1:3]
    toll = sorted(os.path.join(sets, "toll_mogadishu", f) for f in os.listdir(os.path.join(sets, "toll_mogadishu"))
                  if f.endswith(".txt"))
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "k.db")
        for f in toll:  # one at a time, as a feed brings them: the toll moves
            r = run([kroniek, "ingest", "--db", db, f])
            check("ingest: new", r.returncode == 0 and b"1 new, 0 duplicate, 0 failed" in r.stderr, r.stderr)
            check("ingest: no progress bar when piped", b"\r" not in r.stderr, r.stderr)
        r = run([kroniek, "ingest", "--db", db] + toll)
        check("ingest again: all duplicates", f"0 new, {len(toll)} duplicate, 0 failed".encode() in r.stderr, r.stderr)
        r = run([kroniek, "events", "--db", db, "--type", "bombing"])
        events = [json.loads(l) for l in r.stdout.splitlines()]
        check("events --type: one bombing", len(events) == 1, r.stdout[:300])
        bombing = events[0]["event"]["id"] if events else "ev0"
        r = run([kroniek, "events", "--db", db, "--place", "Mogadishu", "--min-killed", "100", "--format", "text"])
        check("events --place --min-killed", bombing.encode() in r.stdout, r.stdout)
        r = run([kroniek, "event", "--db", db, bombing])
        detail = json.loads(r.stdout) if r.returncode == 0 else {}
        check("event: every source", len(detail.get("articles", [])) == len(toll), detail.get("articles"))
        tolls = [c["detail"]["to"]["value"] for c in detail.get("changes", [])
                 if c["change"] == "figure" and c["detail"]["kind"] == "killed"]
        check("event: toll history rises", len(tolls) >= 2 and tolls == sorted(tolls), tolls)
        r = run([kroniek, "chronicle", "--db", db, "--format", "text"])
        stored = [l.split()[0] for l in r.stdout.decode().splitlines() if l.startswith("ev")]
        listed = [json.loads(l)["event"]["id"] for l in run([kroniek, "events", "--db", db]).stdout.splitlines()]
        check("chronicle --db: the stored chronicle, stored ids", r.returncode == 0 and stored == listed and
              b"[updated]" in r.stdout, r.stdout[:300])
        r = run([kroniek, "event", "--db", db, "ev999"])
        check("event: unknown id named", r.returncode == 1 and b"ev999" in r.stderr, r.stderr)
        r = run([kroniek, "changes", "--db", db, "--since", "2000-01-01"])
        changes = [json.loads(l) for l in r.stdout.splitlines()]
        check("changes: new events and figures", {"new", "figure"} <= {c["change"] for c in changes}, changes[:3])
        r = run([kroniek, "changes", "--db", db, "--since", "2999-01-01"])
        check("changes: none in the future", r.returncode == 0 and r.stdout == b"", r.stdout[:200])
        r = run([kroniek, "export", "--db", db, "--format", "csv"])
        rows = list(csv.DictReader(io.StringIO(r.stdout.decode())))
        check("export csv: a row per event with ACLED columns",
              rows and {"event_date", "fatalities", "latitude", "notes"} <= set(rows[0]), rows[:1])
        check("export csv: fatalities is the best total",
              any(row["event_id_cnty"] == bombing and float(row["fatalities"]) >= 100 for row in rows), rows)
        r = run([kroniek, "export", "--db", db, "--format", "geojson"])
        fc = json.loads(r.stdout)
        check("export geojson", fc["type"] == "FeatureCollection" and len(fc["features"]) == len(rows), r.stdout[:200])
        r = run([kroniek, "correct", "--db", db, "set_figure", "--who", "ann", "--why", "coroner",
                 "--args", json.dumps({"event": bombing, "kind": "killed", "value": 171})])
        check("correct: accepted", r.returncode == 0, r.stderr)
        r = run([kroniek, "correct", "--db", db, "merge", "--who", "ann", "--why", "x", "--args", "{\"events\": [\"ev999\", \"ev1\"]}"])
        check("correct: an unknown event is refused with the reason", r.returncode == 1 and b"ev999" in r.stderr, r.stderr)
        r = run([kroniek, "reanalyze", "--db", db])
        check("reanalyze: ok", r.returncode == 0, r.stderr)
        r = run([kroniek, "export", "--db", db, "--format", "csv"])
        rows = list(csv.DictReader(io.StringIO(r.stdout.decode())))
        check("a correction survives re-analysis, ids too",
              any(row["fatalities"] == "171" and row["event_id_cnty"] == bombing for row in rows), rows)
        r = run([kroniek, "check", "--db", db])
        check("check: ok", r.returncode == 0, r.stderr)
        # A mistyped store path of a command that reads is an error, never a new empty store.
        typo = os.path.join(tmp, "k.dbb")
        for args in (["events"], ["event", "ev1"], ["articles"], ["changes"], ["export", "--format", "csv"],
                     ["chronicle"], ["check"], ["reanalyze"]):
            r = run([kroniek, *args, "--db", typo])
            check(f"{args[0]} on a missing store: an error naming it", r.returncode != 0 and
                  b"no such store" in r.stderr and typo.encode() in r.stderr, (r.returncode, r.stderr))
        check("no store was created by reading", not os.path.exists(typo), typo)
        # A store on a read-only filesystem is readable (where this machine lets
        # the test mount one: as root, with tmpfs).
        ro = os.path.join(tmp, "ro")
        os.makedirs(ro)
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", ro], capture_output=True).returncode == 0:
            try:
                subprocess.run(["cp", db, ro], check=True)
                subprocess.run(["mount", "-o", "remount,ro", ro], check=True)
                for args in (["events"], ["event", "ev1"], ["articles"], ["changes"], ["export", "--format", "csv"],
                             ["chronicle"], ["check"]):
                    r = run([kroniek, *args, "--db", os.path.join(ro, os.path.basename(db))])
                    check(f"{args[0]} reads a store on a read-only filesystem", r.returncode == 0, r.stderr)
            finally:
                subprocess.run(["umount", ro])
        else:
            print("read-only filesystem: not checked (cannot mount tmpfs here)")
        # A damaged stored event is an error naming it, never an abort.
        damaged = os.path.join(tmp, "damaged.db")
        run([kroniek, "ingest", "--db", damaged, *toll])
        with sqlite3.connect(damaged) as conn:
            conn.execute("UPDATE events SET record = '{broken' WHERE rowid = (SELECT min(rowid) FROM events)")
        for args in (["chronicle"], ["events"], ["export", "--format", "csv"]):
            r = run([kroniek, *args, "--db", damaged])
            check(f"{args[0]} with a damaged event: exit 2 naming it", r.returncode == 2 and
                  b"damaged record" in r.stderr and b"event ev" in r.stderr, (r.returncode, r.stderr))
        r = run([kroniek, "check", "--db", damaged])
        check("check lists the damaged event", r.returncode == 1 and b"damaged record" in r.stderr, r.stderr)

        # kill -9 during a large ingest: what was reported stored is there,
        # the store checks out, and running again completes without doubles.
        big = os.path.join(tmp, "big.jsonl")
        open(big, "wb").write(synthetic(4000, 1))
        kdb = os.path.join(tmp, "kill.db")
        p = subprocess.Popen([kroniek, "ingest", "--db", kdb, "--batch", "50", big],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while time.time() < deadline and count(kroniek, kdb) < 200:
            time.sleep(0.05)
        os.kill(p.pid, signal.SIGKILL)
        p.wait()
        stored = count(kroniek, kdb)
        check("kill -9: some articles stored before the kill", 0 < stored < 4000, stored)
        r = run([kroniek, "check", "--db", kdb])
        check("kill -9: the store checks out", r.returncode == 0, r.stderr)
        r = run([kroniek, "ingest", "--db", kdb, big])
        check("kill -9: re-running completes", r.returncode == 0 and
              f"{4000 - stored} new, {stored} duplicate, 0 failed".encode() in r.stderr, r.stderr)
        check("kill -9: every article once", count(kroniek, kdb) == 4000, count(kroniek, kdb))

        # Two ingests at once on one file.
        a, b = os.path.join(tmp, "a.jsonl"), os.path.join(tmp, "b.jsonl")
        open(a, "wb").write(synthetic(300, 2))
        open(b, "wb").write(synthetic(300, 2)[: len(synthetic(150, 2))] + synthetic(300, 3))
        cdb = os.path.join(tmp, "concurrent.db")
        run([kroniek, "ingest", "--db", cdb, toll[0]])  # create the file first
        procs = [subprocess.Popen([kroniek, "ingest", "--db", cdb, "--batch", "20", f], stderr=subprocess.PIPE)
                 for f in (a, b)]
        outs = [p.communicate()[1] for p in procs]
        check("concurrent: both finish", all(p.returncode == 0 for p in procs), outs)
        check("concurrent: every article once", count(kroniek, cdb) == 1 + 300 + 300, count(kroniek, cdb))
        r = run([kroniek, "check", "--db", cdb])
        check("concurrent: the store checks out", r.returncode == 0, r.stderr)

        # A read-only file: a clear error, nothing lost.
        os.chmod(db, 0o444)
        if os.geteuid() != 0:  # root writes anyway
            r = run([kroniek, "ingest", "--db", db, big])
            check("read-only: exit 2 naming the file", r.returncode == 2 and db.encode() in r.stderr, r.stderr)

    return report()


if __name__ == "__main__":
    sys.exit(main())
