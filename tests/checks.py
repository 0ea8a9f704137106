"""Shared by the command-line tests: named checks that collect failures, and
running kroniek with its output captured."""
import subprocess

failures = []


def check(name, cond, detail=""):
    if not cond:
        failures.append(f"{name}: {str(detail)[:400]}")


def run(args, stdin=None):
    return subprocess.run(args, input=stdin, capture_output=True)


def report():
    """Prints the failures; returns the exit status."""
    for f in failures:
        print("FAILED", f)
    print("all checks passed" if not failures else f"{len(failures)} checks failed")
    return 1 if failures else 0
