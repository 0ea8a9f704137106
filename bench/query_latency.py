#!/usr/bin/python3
"""Query latency p50/p99 on a store, through the Store API used by the CLI
and HTTP: one process per query would measure start-up, so this times the
SQL the store runs (the same statements) with Python's sqlite3.
usage: query_latency.py KRONIEK DB"""
import random
import sqlite3
import statistics
import sys
import time

db = sqlite3.connect(sys.argv[2])
days = [r[0] for r in db.execute("SELECT day_lo FROM events WHERE day_lo IS NOT NULL")]
places = [r[0] for r in db.execute("SELECT DISTINCT place_name FROM events WHERE place_name IS NOT NULL")]
queries = []
rng = random.Random(1)
for _ in range(300):
    lo = rng.choice(days)
    queries.append(("SELECT record FROM events e WHERE e.day_hi >= ? AND e.day_lo <= ? ORDER BY e.day_lo, e.type, e.id LIMIT 100", (lo, lo + 30)))
    queries.append(("SELECT record FROM events e WHERE (e.place = ? OR e.country = upper(?) OR e.place_name LIKE ?) ORDER BY e.day_lo, e.type, e.id LIMIT 100", (None, None, rng.choice(places))))
    queries.append(("SELECT record FROM events e WHERE e.killed >= ? ORDER BY e.day_lo, e.type, e.id LIMIT 100", (rng.choice([1, 10, 100]),)))
    queries.append(("SELECT record FROM events WHERE id = ?", (f"ev{rng.randint(1, max(1, len(days)))}",)))
times = []
for sql, args in queries:
    t = time.perf_counter()
    db.execute(sql, args).fetchall()
    times.append((time.perf_counter() - t) * 1000)
times.sort()
print(f"queries: {len(times)}, p50 {times[len(times) // 2]:.2f} ms, p99 {times[int(len(times) * 0.99)]:.2f} ms")
