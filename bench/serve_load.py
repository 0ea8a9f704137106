#!/usr/bin/env python3
"""Abuse of `kroniek serve` on loopback (#14's acceptance), bounded in time:
slowloris connections from 127.0.0.1 that never finish their headers, and
keep-alive clients spread over 127.0.1.1-250 sending one request a second each,
while a probe from 127.0.0.2 asks /api/health. Prints the probe's latencies,
how many keep-alive requests succeeded, and whether both targets hold
(probe p99 < 100 ms; >= 99% of keep-alive requests answered).

usage: serve_load.py KRONIEK DB [--seconds 30] [--slow 200] [--clients 1000]
Linux routes all of 127.0.0.0/8 to loopback, so the source addresses need no setup."""
import argparse, asyncio, re, subprocess, sys, time


async def slowloris(port, stop):
    """Opens a connection and sends a header line now and then, never the end."""
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET /api/health HTTP/1.1\r\nHost: x\r\n")
        while not stop.is_set():
            await asyncio.sleep(5)
            writer.write(b"X-Slow: 1\r\n")
            await writer.drain()
    except (ConnectionError, OSError):
        pass


async def keep_alive(port, source, stop, counts):
    """One request a second over one connection, reopened when it closes."""
    writer = None
    while not stop.is_set():
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0))
            writer.write(b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
            await writer.drain()
            counts["sent"] += 1
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout=10)
            length = int(re.search(rb"Content-Length: (\d+)", head, re.I).group(1))
            await asyncio.wait_for(reader.readexactly(length), timeout=10)
            counts["ok"] += head.startswith(b"HTTP/1.1 200")
            if b"close" in head.lower():
                writer.close()
                writer = None
        except (asyncio.TimeoutError, ConnectionError, OSError, asyncio.IncompleteReadError, AttributeError):
            writer = None
        await asyncio.sleep(1)


async def probe(port, stop, latencies):
    while not stop.is_set():
        start = time.perf_counter()
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=("127.0.0.2", 0))
            writer.write(b"GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            await writer.drain()
            await asyncio.wait_for(reader.read(), timeout=10)
            writer.close()
            latencies.append(time.perf_counter() - start)
        except (asyncio.TimeoutError, ConnectionError, OSError):
            latencies.append(float("inf"))
        await asyncio.sleep(0.1)


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kroniek")
    ap.add_argument("db")
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--slow", type=int, default=200)
    ap.add_argument("--clients", type=int, default=1000)
    a = ap.parse_args()
    server = subprocess.Popen([a.kroniek, "serve", "--db", a.db, "--port", "0", "--rate", "0", "--quiet"],
                              stdout=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    port = int(re.search(r":(\d+)", line).group(1))
    stop = asyncio.Event()
    latencies, counts = [], {"sent": 0, "ok": 0}
    tasks = [asyncio.create_task(slowloris(port, stop)) for _ in range(a.slow)]
    tasks += [asyncio.create_task(keep_alive(port, f"127.0.1.{1 + i % 250}", stop, counts)) for i in range(a.clients)]
    tasks.append(asyncio.create_task(probe(port, stop, latencies)))
    await asyncio.sleep(a.seconds)
    stop.set()
    await asyncio.wait(tasks, timeout=15)
    server.terminate()
    server.wait(timeout=10)
    latencies.sort()
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else float("inf")
    ok_share = counts["ok"] / max(counts["sent"], 1)
    print(f"{a.slow} slow connections, {a.clients} keep-alive clients, {a.seconds:.0f} s")
    print(f"probe /api/health from 127.0.0.2: {len(latencies)} requests, p50 {p(0.5) * 1000:.1f} ms, "
          f"p99 {p(0.99) * 1000:.1f} ms (target < 100 ms)")
    print(f"keep-alive clients: {counts['ok']} of {counts['sent']} requests answered 200 ({ok_share:.1%}; target >= 99%)")
    return 0 if p(0.99) < 0.1 and ok_share >= 0.99 else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
