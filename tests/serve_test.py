#!/usr/bin/python3
"""`kroniek serve` queried over HTTP on a loopback port: every route, paging,
errors, the token for writes, the body size and rate limits, paths outside
the served folder, and a clean stop on SIGTERM.

usage: serve_test.py KRONIEK SETS_DIR
"""
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

from checks import check, example_store, report, run

TOKEN = "test-token-0123456789abcdef"

# Our own wording: a report with ë and „ ” so byte and character offsets differ.
UPLOAD = ("Bij een aanslag op een markt in Kandahar zijn dinsdag zeker 23 mensen om het leven gekomen. "
          "Dat meldt het Afghaanse ministerie van Binnenlandse Zaken. „We zijn diep geschokt”, zei Noël Jansen "
          "van een hulporganisatie. Ruim veertig mensen raakten gewond.")


class Server:
    def __init__(self, kroniek, db, *extra):
        self.proc = subprocess.Popen([kroniek, "serve", "--db", db, "--port", "0", "--quiet", *extra],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        line = self.proc.stdout.readline().decode()
        self.banner = line
        self.port = int(line.split("http://127.0.0.1:")[1].split("/")[0]) if "http://127.0.0.1:" in line else 0
        self.base = f"http://127.0.0.1:{self.port}"

    def call(self, path, body=None, headers=None, method=None):
        req = urllib.request.Request(self.base + path, data=body, headers=headers or {}, method=method)
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, r.read(), dict(r.headers)
        except urllib.error.HTTPError as e:
            return e.code, e.read(), dict(e.headers)

    def json(self, path, **kw):
        status, body, _ = self.call(path, **kw)
        try:
            return status, json.loads(body)
        except ValueError:
            return status, body

    def raw(self, request_line):
        """The status line of a request sent as is (no client-side path clean-up)."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as s:
            s.sendall(f"{request_line}\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            data = b""
            while chunk := s.recv(65536):
                data += chunk
        return data

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return None


def post_json(server, path, payload, token=TOKEN):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    return server.json(path, body=json.dumps(payload).encode(), headers=headers)


def reads(server, kroniek, db):
    status, health = server.json("/api/health")
    check("health", status == 200 and health.get("articles", 0) > 0 and health.get("writable"), health)
    status, spec = server.json("/api/openapi.json")
    check("openapi: served", status == 200 and spec.get("openapi", "").startswith("3."), spec)
    for path in ["/api/events", "/api/events/{id}", "/api/articles", "/api/articles/{id}", "/api/changes",
                 "/api/export", "/api/corrections", "/api/health"]:
        check(f"openapi: documents {path}", path in spec.get("paths", {}), list(spec.get("paths", {})))

    # Paging walks every event once, in the order `kroniek events` gives.
    cli = [json.loads(l)["event"]["id"] for l in run([kroniek, "events", "--db", db, "--limit", "100000"]).stdout.splitlines()]
    seen, offset = [], 0
    while offset is not None:
        status, page = server.json(f"/api/events?limit=3&offset={offset}")
        check("events: page", status == 200 and len(page["events"]) <= 3, page)
        seen += [r["event"]["id"] for r in page["events"]]
        offset = page["next_offset"]
    check("events: paging gives each event once, as the command line", seen == cli and len(cli) > 3, (seen, cli))
    status, page = server.json("/api/events?type=attack&min_killed=1")
    check("events: filters", status == 200 and all(r["event"]["type"] == "attack" for r in page["events"]), page)
    for bad in ["limit=0", "limit=x", "offset=-1", "min_killed=many", "min_killed=nan", "min_killed=inf",
                "from=gisteren", "text=%22unclosed"]:
        status, body = server.json("/api/events?" + bad)
        check(f"events: {bad} is a 400 that says why", status == 400 and "error" in body, (status, body))
        check(f"events: {bad}: no file path in the answer", db not in json.dumps(body), body)
    status, body = server.json("/api/events?place=" + "9" * 400)
    check("events: a 400-digit place is no server error", status == 200, (status, body))

    first = cli[0]
    status, detail = server.json(f"/api/events/{first}")
    check("event: detail with sources and history", status == 200 and detail["articles"] and detail["changes"], detail)
    status, body = server.json("/api/events/ev99999")
    check("event: unknown is 404", status == 404 and "ev99999" in body["error"], body)

    status, page = server.json("/api/articles?limit=2")
    check("articles: paged without text", status == 200 and len(page["articles"]) == 2 and
          all("text" not in a for a in page["articles"]) and page["next_offset"] == 2, page)
    status, page = server.json("/api/articles?text=Mogadishu")
    check("articles: full-text search", status == 200 and page["articles"], page)
    aid = page["articles"][0]["id"] if page.get("articles") else "none"
    status, art = server.json(f"/api/articles/{aid}")
    ok = status == 200
    if ok:
        text = art["record"]["text"].encode()
        figures = [f for e in art["analysis"]["events"] for f in e["figures"]]
        ok = bool(figures) and all(str(int(f["value"])) in text[f["span"][0]:f["span"][1]].decode() or
                                   not any(c.isdigit() for c in text[f["span"][0]:f["span"][1]].decode())
                                   for f in figures) and art["events"]
    check("article: text, analysis with byte spans, its events", ok, art)
    status, _ = server.json("/api/articles/nope")
    check("article: unknown is 404", status == 404)

    status, body, headers = server.call("/api/export?format=csv&type=attack")
    lines = body.decode().splitlines()
    check("export: csv with ACLED columns, streamed", status == 200 and lines[0].startswith("event_id_cnty,event_date")
          and headers.get("Transfer-Encoding") == "chunked", (status, headers, lines[:2]))
    status, geo = server.json("/api/export?format=geojson")
    check("export: geojson", status == 200 and geo["type"] == "FeatureCollection" and len(geo["features"]) == len(cli),
          geo if status != 200 else len(geo["features"]))
    status, body = server.json("/api/export?format=xls")
    check("export: unknown format is 400", status == 400, body)
    status, _ = server.json("/api/nothing")
    check("unknown path is 404", status == 404)


def writes(server):
    status, before = server.json("/api/changes")
    cursor = before["next_after"]
    status, body = post_json(server, "/api/articles", {"id": "upload-1", "text": UPLOAD}, token=None)
    check("post without token: 401", status == 401, body)
    status, body = post_json(server, "/api/articles", {"id": "upload-1", "text": UPLOAD}, token="wrong" * 6)
    check("post with a wrong token: 401", status == 401, body)
    record = {"id": "upload-1", "published": "2022-05-11", "source": "Testkrant", "text": UPLOAD}
    status, body = post_json(server, "/api/articles", record)
    check("post: stored and analyzed", status == 200 and body["new"] == 1 and body["articles"][0]["events"], body)
    new_events = body["articles"][0]["events"] if status == 200 else []
    status, body = post_json(server, "/api/articles", record)
    check("post: the same article again is a duplicate", status == 200 and body["duplicate"] == 1 and
          body["articles"][0]["status"] == "duplicate", body)
    status, changes = server.json(f"/api/changes?after={cursor}")
    check("changes after the cursor: the new event", status == 200 and
          any(c["change"] == "new" and c["event"] in new_events for c in changes["changes"]), changes)
    status, art = server.json("/api/articles/upload-1")
    killed = [f for e in art["analysis"]["events"] for f in e["figures"] if f["kind"] == "killed"] if status == 200 else []
    check("post: the upload's figures", any(f["value"] == 23 and f["qualifier"] == "at_least" for f in killed), art)
    quotes = art["analysis"]["quotes"] if status == 200 else []
    text = UPLOAD.encode()
    check("article: byte spans after „ and ë slice the quote", quotes and
          text[quotes[0]["span"][0]:quotes[0]["span"][1]].decode() == "We zijn diep geschokt", quotes)

    url_id = "https://nieuws.example/2022/05/kandahar.html"
    status, body = post_json(server, "/api/articles", {"id": url_id, "published": "2022-05-11", "text": UPLOAD + " Extra."})
    status, art = server.json("/api/articles/" + urllib.parse.quote(url_id, safe=""))
    check("article: an id that is a URL", status == 200 and art["record"]["id"] == url_id, (status, art))

    lines = json.dumps({"id": "upload-2", "published": "2022-05-12", "text": UPLOAD.replace("23", "25")}) + "\n{broken\n"
    status, body = server.json("/api/articles", body=lines.encode(),
                               headers={"Content-Type": "application/x-ndjson", "Authorization": "Bearer " + TOKEN})
    check("post: JSON Lines, a bad line named and the rest stored", status == 200 and body["new"] == 1 and
          body["failed"] == 1 and "body:2" in body["errors"][0], body)
    deep = "[" + '{"id": "deep", "text": "Tekst.", "x": ' + "[" * 100000 + "]" * 100000 + "}" + "," + \
        json.dumps({"id": "upload-4", "published": "2022-05-12", "text": UPLOAD + " Nog meer."}) + "]"
    status, body = server.json("/api/articles", body=deep.encode(),
                               headers={"Content-Type": "application/json", "Authorization": "Bearer " + TOKEN})
    check("post: JSON nested 100,000 deep is refused by name, the server lives on", status == 422 and
          "nested deeper" in body["errors"][0], body)
    status, health = server.json("/api/health")
    check("post: still healthy after the deep body", status == 200, health)
    status, body = server.json("/api/articles?id=upload-3", body=" date 2022-05-13\n\n" .encode() + UPLOAD.encode(),
                               headers={"Content-Type": "text/plain", "Authorization": "Bearer " + TOKEN})
    check("post: plain text with a date header", status in (200,) and body["articles"][0]["id"] == "upload-3", body)

    status, page = server.json("/api/events?limit=1000")
    ids = [r["event"]["id"] for r in page["events"]]
    other = next(i for i in ids if i not in new_events)
    status, body = post_json(server, "/api/corrections", {"action": "merge", "who": "tester", "why": "same attack",
                                                          "args": {"events": [new_events[0], other]}})
    check("correction: merge accepted", status == 200, body)
    status_a, _ = server.json(f"/api/events/{new_events[0]}")
    status_b, _ = server.json(f"/api/events/{other}")
    check("correction: one id lives on, the other is gone (410)", sorted([status_a, status_b]) == [200, 410],
          (status_a, status_b))
    status, body = post_json(server, "/api/corrections", {"action": "merge", "who": "tester", "why": "x",
                                                          "args": {"events": ["ev99999", other]}})
    check("correction: a bad one is refused with the reason", status == 422 and "ev99999" in body["error"], body)
    status, body = post_json(server, "/api/corrections", {"action": "merge", "why": "x"})
    check("correction: who is required", status == 400 and "who" in body["error"], body)


def limits(kroniek, db, tmp):
    web = os.path.join(tmp, "web")
    os.makedirs(web)
    with open(os.path.join(web, "index.html"), "w") as f:
        f.write("<!doctype html><title>kroniek</title>")
    with open(os.path.join(tmp, "secret.txt"), "w") as f:
        f.write("not for the web")
    server = Server(kroniek, db, "--web", web, "--rate", "20", "--max-body", "1")
    try:
        status, body, _ = server.call("/")
        check("web: index served", status == 200 and b"<title>kroniek" in body, body)
        for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/../../../../etc/passwd"]:
            reply = server.raw(f"GET {path} HTTP/1.1")
            check(f"web: {path} stays inside the folder", b"not for the web" not in reply and b"root:" not in reply
                  and not reply.startswith(b"HTTP/1.1 200"), reply[:200])
        reply = server.raw("GET /index.html%00.js HTTP/1.1")
        check("web: a NUL byte in the path is a 400", reply.startswith(b"HTTP/1.1 400"), reply[:200])
        status, body, _ = server.call("/index.html", headers={"Range": "bytes=0-1,2-3,4-5"})
        check("web: several ranges in one request: 416", status == 416, status)
        status, body, _ = server.call("/index.html", headers={"Range": "bytes=0-3"})
        check("web: one range is served", status == 206 and body == b"<!do", (status, body))
        r = run([kroniek, "serve", "--db", db, "--port", str(server.port)])
        check("a second server on a port in use: an error", r.returncode == 2 and b"in use" in r.stderr, r.stderr)
        status, body = server.json("/api/articles", body=b"x" * (2 << 20),
                                   headers={"Content-Type": "text/plain", "Authorization": "Bearer " + TOKEN})
        check("a body over --max-body is a 413", status == 413, (status, body))
        statuses = [server.call("/api/health")[0] for _ in range(30)]
        status, body, headers = server.call("/api/health")
        check("over the rate limit: 429 with Retry-After", 429 in statuses and status == 429 and
              int(headers.get("Retry-After", "0")) >= 1, (statuses, headers))
    finally:
        check("SIGTERM stops the server cleanly", server.stop() == 0)

    readonly = Server(kroniek, db)
    try:
        check("binds 127.0.0.1 and says read-only", "127.0.0.1" in readonly.banner and "read-only" in readonly.banner,
              readonly.banner)
        status, body = post_json(readonly, "/api/articles", {"id": "x", "text": UPLOAD})
        check("read-only server refuses writes: 403", status == 403, body)
    finally:
        readonly.stop()


def main():
    kroniek, sets = sys.argv[1:3]
    os.environ.pop("KRONIEK_TOKEN", None)
    with tempfile.TemporaryDirectory() as tmp:
        db, token_file = example_store(kroniek, sets, tmp, TOKEN)
        r = run([kroniek, "serve", "--db", db, "--token-file", os.path.join(tmp, "missing")])
        check("serve: a missing token file is an error", r.returncode == 2 and b"missing" in r.stderr, r.stderr)
        server = Server(kroniek, db, "--token-file", token_file, "--rate", "0")
        check("serve: listening on a loopback port", server.port > 0, server.banner)
        try:
            if server.port:
                reads(server, kroniek, db)
                writes(server)
        finally:
            server.stop()
        r = run([kroniek, "check", "--db", db])
        check("the store checks out after serving writes", r.returncode == 0, r.stderr)
        limits(kroniek, db, tmp)
    return report()


if __name__ == "__main__":
    sys.exit(main())
