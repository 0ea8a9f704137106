#!/usr/bin/python3
"""Query latency p50/p99 over HTTP, as users of `kroniek serve` see it: the
server is started on a loopback port over the store, and a mix of event
queries (date windows, places, actors, tolls, full text, single events) is
timed from request to the last byte of the answer.
usage: query_latency.py KRONIEK DB"""
import http.client
import json
import random
import sqlite3
import subprocess
import sys
import time
import urllib.parse

kroniek, path = sys.argv[1:3]
db = sqlite3.connect(path)
days = [r[0] for r in db.execute("SELECT day_lo FROM events WHERE day_lo IS NOT NULL")]
places = [r[0] for r in db.execute("SELECT DISTINCT place_name FROM events WHERE place_name IS NOT NULL")]
actors = [r[0] for r in db.execute("SELECT DISTINCT name FROM event_actors WHERE name IS NOT NULL LIMIT 500")] or ["x"]
ids = [r[0] for r in db.execute("SELECT id FROM events")]
db.close()


def iso(day):  # day number (days since 1970-01-01) -> YYYY-MM-DD
    return time.strftime("%Y-%m-%d", time.gmtime(day * 86400))


rng = random.Random(1)
paths = []  # (kind, path)
for _ in range(250):
    lo = rng.choice(days)
    paths.append(("date", "/api/events?" + urllib.parse.urlencode({"from": iso(lo), "to": iso(lo + 30)})))
    paths.append(("place", "/api/events?" + urllib.parse.urlencode({"place": rng.choice(places)})))
    paths.append(("actor", "/api/events?" + urllib.parse.urlencode({"actor": rng.choice(actors)})))
    paths.append(("toll", "/api/events?" + urllib.parse.urlencode({"min_killed": rng.choice([1, 10, 100])})))
    paths.append(("text", "/api/events?" + urllib.parse.urlencode({"text": rng.choice(["aanslag", "brand", "politie", "doden"])})))
    paths.append(("id", f"/api/events/{rng.choice(ids)}"))

server = subprocess.Popen([kroniek, "serve", "--db", path, "--port", "0", "--quiet", "--rate", "0"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
port = int(server.stdout.readline().decode().split("http://127.0.0.1:")[1].split("/")[0])
conn = http.client.HTTPConnection("127.0.0.1", port)
times, sizes, errors = [], [], 0
by_kind = {}
try:
    for kind, p in paths:
        t = time.perf_counter()
        conn.request("GET", p)
        r = conn.getresponse()
        body = r.read()
        times.append((time.perf_counter() - t) * 1000)
        by_kind.setdefault(kind, []).append(times[-1])
        sizes.append(len(body))
        errors += r.status != 200
        if r.getheader("Connection", "").lower() == "close":
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port)
finally:
    server.terminate()
    server.wait()
times.sort()
for kind, ts in by_kind.items():
    ts.sort()
    print(f"  {kind:6s} p50 {ts[len(ts) // 2]:7.2f} ms  p99 {ts[int(len(ts) * 0.99)]:7.2f} ms")
print(f"HTTP queries: {len(times)} ({errors} not 200), p50 {times[len(times) // 2]:.2f} ms, "
      f"p99 {times[int(len(times) * 0.99)]:.2f} ms, mean answer {sum(sizes) // len(sizes)} bytes")
