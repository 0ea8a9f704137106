#!/usr/bin/python3
"""`kroniek ingest URL…` against a local HTTP server on loopback: pages,
RSS and Atom feeds (items fetched one by one, dated by the feed when the
page is not), JSON Lines documents, retries after 503, and refusals that
name the URL: 404, a body over the limit, a slow server, a redirect to a
file, a feed that declares entities. A feed read twice stores nothing twice.

usage: fetch_test.py KRONIEK
"""
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from checks import check, report, run

# Our own short reports.
PAGE = """<!doctype html><html><head><title>{title}</title>{meta}</head><body>
<nav><a href="/">Voorpagina</a> <a href="/binnenland">Binnenland</a></nav>
<article><h1>{title}</h1><p>{body}</p><p>De politie onderzoekt wat er is gebeurd.</p></article>
<aside>Lees ook: het weer van morgen</aside></body></html>"""

ARTICLES = {
    "/nieuws/brand-gent.html": ("Twee doden bij woningbrand in Gent",
                                "Bij een woningbrand in Gent zijn dinsdagnacht twee mensen om het leven gekomen. "
                                "Drie anderen raakten gewond, meldt de brandweer.", ""),
    "/nieuws/steekpartij-zwolle.html": ("Steekpartij in Zwolle",
                                        "Bij een steekpartij in Zwolle is zaterdag een man van 34 gewond geraakt. "
                                        "De politie heeft twee verdachten aangehouden.",
                                        '<meta property="article:published_time" content="2023-03-04T09:00:00Z">'),
    "/atom/overstroming.html": ("Overstroming in Limburg",
                                "Door een overstroming in Limburg moesten woensdag zeker 200 mensen hun huis uit. "
                                "Er vielen geen gewonden, zegt de veiligheidsregio.", ""),
}

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>De Testkrant</title><link>http://127.0.0.1/</link>
<item><title>Twee doden bij woningbrand in Gent</title><link>{base}/nieuws/brand-gent.html</link>
  <pubDate>Wed, 15 Feb 2023 06:30:00 +0100</pubDate><description>Brand &amp; doden</description></item>
<item><title>Steekpartij in Zwolle</title><link>/nieuws/steekpartij-zwolle.html</link>
  <pubDate>Sun, 05 Mar 2023 10:00:00 GMT</pubDate></item>
<item><title>Weg</title><link>{base}/nieuws/verdwenen.html</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Nieuws</title>
<entry><title>Overstroming in Limburg</title><link rel="alternate" href="{base}/atom/overstroming.html"/>
<link rel="enclosure" href="{base}/foto.jpg"/><updated>2024-07-10T12:00:00Z</updated></entry></feed>"""

LAUGHS = """<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
<rss version="2.0"><channel><title>&b;</title></channel></rss>"""

state = {"flaky": 0, "agents": set(), "hits": {}, "live_items": 1}

LIVE = """<?xml version="1.0"?><rss version="2.0"><channel><title>Live</title>{items}</channel></rss>"""


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, body, ctype="text/html; charset=utf-8", headers=()):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        try:
            self.wfile.write(data)
        except ConnectionError:  # the client stopped reading (the size limit)
            pass

    def do_GET(self):
        state["agents"].add(self.headers.get("User-Agent", ""))
        base = f"http://127.0.0.1:{self.server.server_port}"
        p = self.path
        state["hits"][p] = state["hits"].get(p, 0) + 1
        if p in ARTICLES:
            title, body, meta = ARTICLES[p]
            return self.reply(200, PAGE.format(title=title, body=body, meta=meta))
        if p == "/feed.rss":
            return self.reply(200, RSS.format(base=base), "application/rss+xml")
        if p == "/atom.xml":
            return self.reply(200, ATOM.format(base=base), "application/atom+xml")
        if p == "/live.rss":  # grows by one item each time a test asks it to
            etag = f'"live-{state["live_items"]}"'
            if self.headers.get("If-None-Match") == etag:
                state["not_modified"] = state.get("not_modified", 0) + 1
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            items = "".join(f"<item><title>Live {i}</title><link>{base}/live/{i}.html</link>"
                            f"<pubDate>Mon, 0{i} Jan 2024 10:00:00 GMT</pubDate></item>" for i in range(1, state["live_items"] + 1))
            return self.reply(200, LIVE.format(items=items), "application/rss+xml", headers=[("ETag", etag)])
        if p.startswith("/live/"):
            n = p.split("/")[-1].split(".")[0]
            return self.reply(200, PAGE.format(title=f"Brand {n}", meta="",
                                               body=f"Bij een brand in Arnhem zijn {n} mensen gewond geraakt, meldt de brandweer."))
        if p == "/laughs.rss":
            return self.reply(200, LAUGHS, "application/rss+xml")
        if p == "/records.jsonl":
            lines = [{"id": "r1", "published": "2022-01-02", "source": "JSON Nieuws",
                      "text": "In Brugge zijn zondag vijf mensen gewond geraakt bij een explosie."},
                     {"id": "r2", "text": "Geen nieuws vandaag."}]
            return self.reply(200, "\n".join(json.dumps(l) for l in lines) + "\n", "application/x-ndjson")
        if p == "/flaky.html":
            state["flaky"] += 1
            if state["flaky"] <= 2:
                return self.reply(503, "later", headers=[("Retry-After", "1")])
            title, body, meta = ARTICLES["/nieuws/brand-gent.html"]
            return self.reply(200, PAGE.format(title="Na herhaling", body=body.replace("Gent", "Leuven"), meta=meta))
        if p == "/big.html":
            return self.reply(200, "<p>" + "x" * (9 << 20) + "</p>")
        if p == "/slow.html":
            time.sleep(4)
            return self.reply(200, "<p>te laat</p>")
        if p == "/to-file":
            return self.reply(302, "", headers=[("Location", "file:///etc/passwd")])
        if p == "/to-private":
            return self.reply(302, "", headers=[("Location", "http://10.0.0.1/admin")])
        return self.reply(404, "not here")


def main():
    kroniek = sys.argv[1]
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    allow = ["--allow-host", f"127.0.0.1:{server.server_port}"]  # fetching refuses loopback otherwise
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "k.db")
        r = run([kroniek, "ingest", "--db", db, *allow, f"{base}/feed.rss", f"{base}/atom.xml"])
        err = r.stderr.decode()
        check("feeds: items stored, the missing one named", r.returncode == 1 and "3 new, 0 duplicate, 1 failed" in err
              and "verdwenen.html: cannot fetch: HTTP 404" in err, err)
        arts = {a["id"]: a for a in map(json.loads, run([kroniek, "articles", "--db", db]).stdout.splitlines())}
        gent = arts.get(f"{base}/nieuws/brand-gent.html", {})
        check("feed item: url, outlet and title", gent.get("url") == f"{base}/nieuws/brand-gent.html" and
              gent.get("source") == "De Testkrant" and gent.get("title") == "Twee doden bij woningbrand in Gent", gent)
        check("feed item: the feed's date when the page has none", gent.get("published") == "2023-02-15", gent)
        zwolle = arts.get(f"{base}/nieuws/steekpartij-zwolle.html", {})
        check("feed item: a relative link; the page's own date first", zwolle.get("published") == "2023-03-04", arts)
        atom = arts.get(f"{base}/atom/overstroming.html", {})
        check("atom entry: the alternate link, not the enclosure", atom.get("source") == "Atom Nieuws" and
              atom.get("published") == "2024-07-10", arts)
        r = run([kroniek, "events", "--db", db, "--place", "ghent"])
        check("feed articles are analyzed into events", r.returncode == 0 and b"brand-gent" in r.stdout, r.stdout)
        check("a user agent is sent", any(a.startswith("kroniek/") for a in state["agents"]), state["agents"])

        hits = dict(state["hits"])
        r = run([kroniek, "ingest", "--db", db, *allow, f"{base}/feed.rss"])
        check("a feed read again stores nothing twice", b"0 new, 2 duplicate, 1 failed" in r.stderr, r.stderr)
        check("and does not fetch its stored items again",
              state["hits"].get("/nieuws/brand-gent.html") == hits.get("/nieuws/brand-gent.html") and
              state["hits"]["/feed.rss"] == hits["/feed.rss"] + 1, (hits, state["hits"]))

        # --every: the feed is read again until the process is stopped; a new item arrives meanwhile.
        poll = subprocess.Popen([kroniek, "ingest", "--db", db, *allow, "--every", "1", f"{base}/live.rss"],
                                stderr=subprocess.PIPE)
        deadline = time.time() + 20
        while time.time() < deadline and state["hits"].get("/live.rss", 0) < 1:
            time.sleep(0.05)
        state["live_items"] = 2
        while time.time() < deadline and not any(a.get("url", "").endswith("/live/2.html") for a in
                                                  map(json.loads, run([kroniek, "articles", "--db", db]).stdout.splitlines())):
            time.sleep(0.2)
        rounds = state["hits"].get("/live.rss", 0)
        while time.time() < deadline and state["hits"].get("/live.rss", 0) < rounds + 2:
            time.sleep(0.1)
        poll.terminate()
        err = poll.communicate()[1].decode()
        check("--every: an unchanged feed is answered 304 (If-None-Match) and not read again",
              state.get("not_modified", 0) >= 1 and "0 new, 0 duplicate" in err, (state.get("not_modified"), err))
        check("--every: a new item is picked up on a later round", "round 1: 1 new" in err and
              "1 new, 1 duplicate" in err and state["hits"].get("/live/1.html") == 1, (err, state["hits"]))

        r = run([kroniek, "ingest", "--db", db, *allow, f"{base}/records.jsonl", f"{base}/flaky.html"])
        err = r.stderr.decode()
        check("JSON Lines over HTTP, and a page that works on the third try", r.returncode == 0 and
              "3 new, 0 duplicate, 0 failed" in err and state["flaky"] == 3, (err, state["flaky"]))

        started = time.time()
        r = run([kroniek, "ingest", "--db", db, *allow, "--timeout", "1", "--retries", "0", f"{base}/big.html",
                 f"{base}/slow.html", f"{base}/to-file", f"{base}/laughs.rss", "ftp://127.0.0.1/x"])
        err = r.stderr.decode()
        check("over the size limit: refused, named", "big.html: refused: over the limit" in err, err)
        check("a slow server: timed out, named", "slow.html: cannot fetch" in err and time.time() - started < 15, err)
        check("a redirect to a file: refused", "to-file: cannot fetch" in err, err)
        check("a feed declaring entities: refused", "laughs.rss: refused: broken feed" in err, err)
        check("only http and https", "ftp://127.0.0.1/x: cannot open" in err or "ftp://127.0.0.1/x" in err, err)
        check("refusals count as failed; nothing else lost", "0 new, 0 duplicate, 5 failed" in err and
              len(run([kroniek, "articles", "--db", db]).stdout.splitlines()) == 8, err)
        # Not public: refused before any connection, whatever the spelling, also
        # on a redirect and for a feed's items; --allow-host allows one port only.
        port = server.server_port
        hits = sum(state["hits"].values())
        spellings = [f"http://127.0.0.1:{port}/nieuws/brand-gent.html", f"http://0x7f000001:{port}/x",
                     f"http://127.1:{port}/x", f"http://[::1]:{port}/x", f"http://localhost:{port}/x",
                     f"http://2130706433:{port}/x", f"http://10.0.0.1:{port}/x", f"http://169.254.169.254/latest"]
        r = run([kroniek, "ingest", "--db", db, "--retries", "0", "--timeout", "2", *spellings])
        err = r.stderr.decode()
        for url in spellings:
            check(f"not public: {url} refused", f"{url}: refused:" in err and "not a public address" in err, err)
        check("not public: no request reached the server", sum(state["hits"].values()) == hits, state["hits"])
        r = run([kroniek, "ingest", "--db", db, *allow, "--retries", "0", f"{base}/to-private"])
        err = r.stderr.decode()
        check("a redirect to 10.0.0.1 is refused before connecting", "to-private: refused: 10.0.0.1:80 is not a public"
              in err, err)
        r = run([kroniek, "ingest", "--db", db, "--allow-host", f"127.0.0.1:{port + 1}", f"{base}/feed.rss"])
        check("an allowed host on another port allows nothing here", b"refused" in r.stderr, r.stderr)
        r = run([kroniek, "ingest", "--db", db, "--allow-host", "nonsense", f"{base}/feed.rss"])
        check("--allow-host needs HOST:PORT", r.returncode == 2 and b"expected HOST:PORT" in r.stderr, r.stderr)

        r = run([kroniek, "check", "--db", db])
        check("the store checks out", r.returncode == 0, r.stderr)
    server.shutdown()
    return report()


if __name__ == "__main__":
    sys.exit(main())
