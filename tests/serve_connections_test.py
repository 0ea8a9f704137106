#!/usr/bin/python3
"""`kroniek serve` at the connection level, on loopback: the bound on
connections per client address, the idle timeout, a port in use, request
bodies at and over --max-body (declared or chunked), Content-Length values
that are too large or negative, and pipelined requests.

usage: serve_connections_test.py KRONIEK SETS_DIR
"""
import os
import socket
import sys
import tempfile
import time

from checks import check, example_store, report, run
from serve_test import Server, TOKEN

MIB = 1 << 20


def connect(server, source="127.0.0.1", timeout=10):
    return socket.create_connection(("127.0.0.1", server.port), timeout=timeout, source_address=(source, 0))


def started(server, what):
    check(f"{what}: the server listens", server.port > 0, server.proc.stderr.read(400) if not server.port else "")
    return server.port > 0


def read_all(s):
    """Everything the server sends until it closes; b"" when it closes (or resets) without a word."""
    data = b""
    try:
        while chunk := s.recv(65536):
            data += chunk
    except ConnectionResetError:
        pass
    except socket.timeout:
        data += b"<timeout>"
    return data


def ask(s, path="/api/health", close=True):
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n{'Connection: close' if close else ''}\r\n\r\n".encode())
    return read_all(s) if close else s.recv(65536)


def post_raw(server, head, body=b"", chunks=None):
    """The reply to a POST to /api/articles sent as is: `chunks` go chunked."""
    with connect(server, timeout=20) as s:
        s.sendall(b"POST /api/articles HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/plain\r\n"
                  + f"Authorization: Bearer {TOKEN}\r\n".encode() + head + b"\r\n" + body)
        try:
            for c in chunks or []:
                s.sendall(b"%x\r\n" % len(c) + c + b"\r\n")
            if chunks is not None:
                s.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass
        return read_all(s)


def per_client_bound(kroniek, db):
    server = Server(kroniek, db, "--max-per-client", "3", "--rate", "0")
    try:
        if not started(server, "per client"):
            return
        held = [connect(server) for _ in range(3)]
        time.sleep(0.3)
        with connect(server) as extra:
            reply = ask(extra)
        check("per client: the 4th connection from one address is closed unanswered", reply == b"", reply[:200])
        reply = ask(held[0])
        check("per client: the 3 held connections are served", reply.startswith(b"HTTP/1.1 200"), reply[:200])
        with connect(server, source="127.0.0.3") as other:
            reply = ask(other)
        check("per client: another address is served meanwhile", reply.startswith(b"HTTP/1.1 200"), reply[:200])
        for s in held:
            s.close()
    finally:
        check("per client: SIGTERM stops the server cleanly", server.stop() == 0)


def idle_timeout(kroniek, db):
    server = Server(kroniek, db, "--idle-timeout", "1")
    try:
        if not started(server, "idle"):
            return
        with connect(server, timeout=15) as s:
            start = time.monotonic()
            reply = read_all(s)
            waited = time.monotonic() - start
        check("idle: a silent connection is closed after the timeout", reply == b"" and 0.5 <= waited < 5,
              (reply[:100], waited))
        with connect(server, timeout=15) as s:
            s.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\n")  # headers never finished
            reply = read_all(s)
        check("idle: unfinished headers are closed too", b"<timeout>" not in reply, reply[:200])
    finally:
        server.stop()


def port_in_use(kroniek, db):
    with socket.socket() as holder:
        holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        r = run([kroniek, "serve", "--db", db, "--port", str(port), "--quiet"])
        check("port in use (held with SO_REUSEPORT): an error exit", r.returncode == 2 and b"in use" in r.stderr,
              (r.returncode, r.stderr))


def bodies(server):
    exact = post_raw(server, b"Content-Length: %d\r\n" % MIB, b"x" * MIB)
    check("body of exactly --max-body: not a 413", exact.startswith(b"HTTP/1.1 ") and b" 413 " not in exact[:15],
          exact[:200])
    over = post_raw(server, b"Content-Length: %d\r\n" % (MIB + 1), b"x" * (MIB + 1))
    check("body of --max-body + 1: 413", over.startswith(b"HTTP/1.1 413"), over[:200])
    waiting = post_raw(server, b"Content-Length: %d\r\nExpect: 100-continue\r\n" % (MIB + 1))
    check("body over --max-body announced with Expect: 100-continue: 413 before it is sent",
          waiting.startswith(b"HTTP/1.1 413"), waiting[:200])
    chunked = post_raw(server, b"Transfer-Encoding: chunked\r\n", chunks=[b"y" * 65536] * 40)
    check("chunked body over --max-body: 413", chunked.startswith(b"HTTP/1.1 413"), chunked[:200])
    small = post_raw(server, b"Transfer-Encoding: chunked\r\n", chunks=[b" date 2022-05-13\n\n", b"Tekst. " * 10])
    check("chunked body under --max-body: read whole", small.startswith(b"HTTP/1.1 2") or
          small.startswith(b"HTTP/1.1 422"), small[:300])
    for length in [b"10000000000", b"99999999999999999999999", b"-1", b"-5000", b"12abc"]:
        reply = post_raw(server, b"Content-Length: " + length + b"\r\n", b"x" * 10)
        check(f"Content-Length {length.decode()}: answered 400 or 413", reply.startswith(b"HTTP/1.1 400") or
              reply.startswith(b"HTTP/1.1 413"), reply[:200])


def pipelined(server):
    with connect(server) as s:
        s.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n"
                  b"GET /api/events?limit=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        reply = read_all(s)
    check("pipelined: both requests answered", reply.count(b"HTTP/1.1 200") == 2 and b'"events"' in reply,
          reply[:300])
    with connect(server, timeout=30) as s:
        s.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n" * 1001)
        reply = read_all(s)
    answered = reply.count(b"HTTP/1.1 200")
    check("keep-alive: 1,000 requests on one connection, then it is closed", answered == 1000 and
          reply.rsplit(b"HTTP/1.1 200", 1)[1].lower().count(b"connection: close") == 1, (answered, reply[-300:]))


def main():
    kroniek, sets = sys.argv[1:3]
    os.environ.pop("KRONIEK_TOKEN", None)
    with tempfile.TemporaryDirectory() as tmp:
        db, token_file = example_store(kroniek, sets, tmp, TOKEN, limit=6)
        per_client_bound(kroniek, db)
        idle_timeout(kroniek, db)
        port_in_use(kroniek, db)
        server = Server(kroniek, db, "--token-file", token_file, "--max-body", "1", "--rate", "0")
        try:
            if started(server, "bodies"):
                bodies(server)
                pipelined(server)
        finally:
            check("SIGTERM stops the server cleanly", server.stop() == 0)
    return report()


if __name__ == "__main__":
    sys.exit(main())
