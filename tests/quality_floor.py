#!/usr/bin/env python3
"""Fails when kroniek's facts on the 46 gold articles fall below today's floor.

usage: quality_floor.py KRONIEK REPO_DIR
Runs bench/quality_eval.sh and reads its "== all" table. The floor is a
regression guard, raised as quality rises (issue 4 aims at figure F1 >= 0.85)."""
import os, subprocess, sys

FLOOR = {"figures": 0.85, "events (type+date)": 0.85, "quotes": 0.85}

kroniek, repo = sys.argv[1], sys.argv[2]
report = subprocess.run(["bash", os.path.join(repo, "bench/quality_eval.sh")], env={**os.environ, "KRONIEK": kroniek},
                        capture_output=True, text=True, check=True).stdout
table = report.split("== all", 1)[1]
print(table)
f1 = {}
for line in table.splitlines()[3:]:
    name, numbers = line[:22].strip(), line[22:].split()
    f1[name] = float(numbers[-1])
failed = [f"{name}: F1 {f1.get(name, 0):.3f} below the floor {floor}" for name, floor in FLOOR.items()
          if f1.get(name, 0) < floor]
print("\n".join(failed))
sys.exit(1 if failed else 0)
