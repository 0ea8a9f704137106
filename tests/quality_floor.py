#!/usr/bin/env python3
"""Fails when kroniek's facts on the 46 gold articles fall below today's floor.

usage: quality_floor.py KRONIEK REPO_DIR
The floor is a regression guard, raised as quality rises (issue 4 aims at
figure F1 >= 0.85)."""
import pathlib, shutil, subprocess, sys, tempfile

FLOOR = {"figures": 0.83, "events (type+date)": 0.85, "quotes": 0.85}

kroniek, repo = sys.argv[1], pathlib.Path(sys.argv[2])
with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    (tmp / "in").mkdir()
    for f in list((repo / "examples/nl").glob("*.txt")) + list((repo / "examples/sets").glob("*/*.txt")) + \
            list((repo / "examples/eval").glob("*.txt")):
        shutil.copy(f, tmp / "in" / f.name)
    with open(tmp / "a.jsonl", "w") as out:
        subprocess.run([kroniek, "analyze", str(tmp / "in")], stdout=out, check=True)
    with open(tmp / "c.jsonl", "w") as out:
        subprocess.run([kroniek, "chronicle", str(tmp / "in")], stdout=out, check=True)
    gold = tmp / "gold.jsonl"
    gold.write_text((repo / "examples/gold/dev.jsonl").read_text() + (repo / "examples/gold/eval.jsonl").read_text())
    report = subprocess.run([kroniek, "eval", "--gold", str(gold), str(tmp / "a.jsonl"), str(tmp / "c.jsonl")],
                            capture_output=True, text=True, check=True).stdout
print(report)
failed = False
for line in report.splitlines():
    for name, floor in FLOOR.items():
        if line.startswith(name + "  ") or line.startswith(name + " " * (22 - len(name))):
            f1 = float(line.split()[-1])
            if f1 < floor:
                print(f"{name}: F1 {f1:.3f} below the floor {floor}")
                failed = True
sys.exit(1 if failed else 0)
