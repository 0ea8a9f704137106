#!/usr/bin/env python3
"""Agreement of two independent annotations of the same real articles, measured as
../shared/eval/score_articles.py scores kroniek (greedy matching, one fact per fact):
figures on kind + value and strictly (also qualifier and a compatible event type),
events (compatible type + date), publication dates (equal).

usage: real_agreement.py GOLD.jsonl SECOND.jsonl     (only the files SECOND holds)"""
import json, sys

SCORED = {"killed", "injured", "evacuated", "rockets_fired", "intercepted", "missing",
          "arrested", "displaced", "casualties"}
COMPAT = [{"suicide_bombing", "bombing"}, {"shooting", "attack_on_civilians"}]


def type_ok(a, b):
    return a == b or any(a in s and b in s for s in COMPAT)


def date_ok(a, b):
    if not a or not b:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def figs(g):
    return [(e["type"], f["kind"], float(f["value"]), f.get("qualifier"))
            for e in g.get("events", []) for f in e.get("figures", []) if f.get("kind") in SCORED]


def match(a, b, ok):
    used, hit = set(), 0
    for x in a:
        for i, y in enumerate(b):
            if i not in used and ok(x, y):
                used.add(i); hit += 1; break
    return hit


def f1(hit, na, nb):
    return 2 * hit / (na + nb) if na + nb else 1.0


def main():
    first = {g["file"]: g for g in map(json.loads, open(sys.argv[1], encoding="utf-8")) if g}
    second = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
    t = dict(fa=0, fb=0, kv=0, strict=0, ea=0, eb=0, ev=0, pub=0, pub_ok=0)
    for b in second:
        a = first[b["file"]]
        fa, fb = figs(a), figs(b)
        t["fa"] += len(fa); t["fb"] += len(fb)
        t["kv"] += match(fa, fb, lambda x, y: x[1] == y[1] and x[2] == y[2])
        t["strict"] += match(fa, fb, lambda x, y: x[1:] == y[1:] and type_ok(x[0], y[0]))
        ea = [(e["type"], e.get("date")) for e in a.get("events", [])]
        eb = [(e["type"], e.get("date")) for e in b.get("events", [])]
        t["ea"] += len(ea); t["eb"] += len(eb)
        t["ev"] += match(ea, eb, lambda x, y: type_ok(x[0], y[0]) and date_ok(x[1], y[1]))
        t["pub"] += 1
        t["pub_ok"] += a.get("published") == b.get("published")
    print(f"{len(second)} articles annotated twice, independently")
    print(f"figures kind+value F1 {f1(t['kv'], t['fa'], t['fb']):.3f} ({t['fa']} and {t['fb']} figures); "
          f"strict F1 {f1(t['strict'], t['fa'], t['fb']):.3f}")
    print(f"events (type + date) F1 {f1(t['ev'], t['ea'], t['eb']):.3f} ({t['ea']} and {t['eb']} events)")
    print(f"publication dates equal {t['pub_ok']}/{t['pub']} = {t['pub_ok'] / t['pub']:.3f}")


if __name__ == "__main__":
    main()
