"""Shared by the command-line tests: named checks that collect failures, and
running kroniek with its output captured."""
import os
import subprocess

failures = []


def check(name, cond, detail=""):
    if not cond:
        failures.append(f"{name}: {str(detail)[:400]}")


def run(args, stdin=None):
    return subprocess.run(args, input=stdin, capture_output=True)


def example_store(kroniek, sets, tmp, token, limit=None):
    """A store of the example articles under `sets` (the first `limit`), and a
    file holding `token`; returns (store path, token file path)."""
    texts = sorted(os.path.join(d, f) for d, _, fs in os.walk(sets) for f in fs if f.endswith(".txt"))[:limit]
    db = os.path.join(tmp, "k.db")
    r = run([kroniek, "ingest", "--db", db, *texts])
    check("ingest for the server", r.returncode == 0, r.stderr)
    token_file = os.path.join(tmp, "token")
    with open(token_file, "w") as f:
        f.write(token + "\n")
    return db, token_file


def report():
    """Prints the failures; returns the exit status."""
    for f in failures:
        print("FAILED", f)
    print("all checks passed" if not failures else f"{len(failures)} checks failed")
    return 1 if failures else 0
