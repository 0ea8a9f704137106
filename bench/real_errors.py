#!/usr/bin/env python3
"""Errors of kroniek on a real-news gold set, by class, and the calibration of figure
confidence. Matching follows ../shared/eval/ (greedy, kind + value, one prediction per
gold fact); this script only explains what those scorers count.

usage: real_errors.py KRONIEK_BIN ARTICLES_DIR GOLD.jsonl [--errors] [--calibration]

--errors       false and missed figures with their contexts, type confusions, gold
               events split over fused events and fused events merging gold events
--calibration  figure confidence against correctness: precision and coverage at
               confidence >= 0.9, expected calibration error (10 bins)"""
import json, os, re, shutil, subprocess, sys, tempfile
from collections import defaultdict

SCORED = {"killed", "injured", "evacuated", "rockets_fired", "intercepted", "missing",
          "arrested", "displaced", "casualties"}
COMPAT = [{"suicide_bombing", "bombing"}, {"shooting", "attack_on_civilians"},
          {"air_or_drone_strike"}, {"rocket_or_missile_attack"}]


def type_ok(g, p):
    return g == p or any(g in s and p in s for s in COMPAT)


def dval(d):
    if isinstance(d, dict):
        d = d.get("value")
    return d if isinstance(d, str) else None


def date_ok(g, p):
    if not g or not p:
        return True
    n = min(len(g), len(p))
    return g[:n] == p[:n]


def uid(f):
    return f.replace("/", "__").rsplit(".", 1)[0]


def run(binary, root, gold):
    """Analyses every gold article once and fuses them all once; returns both by uid."""
    with tempfile.TemporaryDirectory() as t:
        for g in gold:
            shutil.copy(os.path.join(root, g["file"]), os.path.join(t, uid(g["file"]) + ".txt"))
        a = subprocess.run([binary, "analyze", "--format", "jsonl", t], capture_output=True, text=True)
        c = subprocess.run([binary, "chronicle", "--format", "jsonl", t], capture_output=True, text=True)
    docs = {}
    for line in a.stdout.splitlines():
        if line.strip():
            d = json.loads(line)
            docs[d["article"]["id"]] = d
    events = [json.loads(l)["event"] for l in c.stdout.splitlines() if l.startswith('{"event"')]
    return docs, events


def pred_figs(doc):
    return [(e, f) for e in doc.get("events", []) for f in e.get("figures", []) if f.get("kind") in SCORED]


def gold_figs(g):
    return [(e, f) for e in g.get("events", []) for f in e.get("figures", []) if f.get("kind") in SCORED]


def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def match_figures(gf, pf):
    """Greedy as the scorer: returns (matched prediction indexes, missed gold)."""
    used, missed = set(), []
    for ge, g in gf:
        for i, (pe, p) in enumerate(pf):
            if i not in used and g["kind"] == p["kind"] and float(g["value"]) == num(p.get("value")):
                used.add(i)
                break
        else:
            missed.append((ge, g))
    return used, missed


def context(text, span, width=70):
    raw = text.encode("utf-8")
    b, e = span
    left = raw[max(0, b - width):b].decode("utf-8", "replace")
    mid = raw[b:e].decode("utf-8", "replace")
    right = raw[e:e + width].decode("utf-8", "replace")
    return " ".join(f"{left}[[{mid}]]{right}".split())


def find_number(text, value):
    """Where a missed gold figure's number stands, for its context (digits only)."""
    v = int(value) if float(value).is_integer() else value
    for s in (f"{v:,}".replace(",", "."), str(v)):
        # a whole number, not digits of a date or of a larger number
        m = re.search(r"(?<![\d.,:/-])" + re.escape(s) + r"(?![\d]|[.,:/-]\d)", text)
        if m:
            b = len(text[:m.start()].encode("utf-8"))
            return context(text, (b, b + len(s.encode("utf-8"))))
    return "(number not written in digits)"


def figure_errors(root, gold, docs):
    false, missed = [], []
    for g in gold:
        text = open(os.path.join(root, g["file"]), encoding="utf-8").read()
        pf = pred_figs(docs.get(uid(g["file"]), {}))
        used, miss = match_figures(gold_figs(g), pf)
        for i, (pe, p) in enumerate(pf):
            if i not in used:
                false.append(f"{g['file']}: {pe['type']} {p['kind']} {p.get('value')} {p.get('qualifier')} "
                             f"({p.get('group')}): {context(text, p['span'])}")
        for ge, f in miss:
            missed.append(f"{g['file']}: {ge['type']} {f['kind']} {f['value']} {f.get('qualifier')} "
                          f"({f.get('who')}): {find_number(text, f['value'])}")
    print(f"\n== false figures ({len(false)})")
    print("\n".join(false))
    print(f"\n== missed figures ({len(missed)})")
    print("\n".join(missed))


def type_errors(root, gold, docs):
    confusions = defaultdict(int)
    spurious = defaultdict(list)
    for g in gold:
        text = open(os.path.join(root, g["file"]), encoding="utf-8").read()
        left = list(docs.get(uid(g["file"]), {}).get("events", []))
        for ge in g.get("events", []):
            hit = next((p for p in left if type_ok(ge["type"], p["type"])), None)
            if hit:
                left.remove(hit)
            else:
                confusions[(ge["type"], "/".join(sorted({p["type"] for p in left})) or "-")] += 1
        for p in left:
            trigger = p.get("trigger")
            where = context(text, trigger, 50) if trigger else ""
            spurious[p["type"]].append(f"       {g['file']}: {where}")
    print("\n== gold events without an event of a compatible type (gold type <- unmatched predicted types)")
    for (gt, pt), n in sorted(confusions.items(), key=lambda x: -x[1]):
        print(f"{n:4} {gt} <- {pt}")
    print("\n== predicted events no gold event takes (by type)")
    for t, where in sorted(spurious.items(), key=lambda x: -len(x[1])):
        print(f"{len(where):4} {t}")
        print("\n".join(where))


def cluster_errors(gold, events):
    by_article = defaultdict(list)
    for e in events:
        for m in e.get("mentions", []):
            by_article[m["article"]].append(e)
    pred_of, gold_of = {}, {}
    for g in gold:
        a = uid(g["file"])
        for k, ge in enumerate(g.get("events", [])):
            cands = [e for e in by_article.get(a, []) if type_ok(ge["type"], e.get("type"))]
            # as score_chronicle.py picks: a date-compatible one first
            cands.sort(key=lambda e: not date_ok(ge.get("date"), dval(e.get("date"))))
            gold_of[(a, k)] = ge["event"]
            pred_of[(a, k)] = cands[0] if cands else None
    split = defaultdict(set)
    merged = defaultdict(set)
    described = {}
    for key, real in gold_of.items():
        e = pred_of[key]
        name = e["id"] if e else "missing"
        if e:
            described[e["id"]] = f"{e['id']} {e.get('type')} {dval(e.get('date'))} " \
                                 f"{(e.get('location') or {}).get('name')}"
            merged[e["id"]].add(real)
        split[real].add(name)
    print("\n== gold events split over several fused events")
    for real, ids in sorted(split.items()):
        if len(ids) > 1:
            print(f"{real}: " + "; ".join(described.get(i, i) for i in sorted(ids)))
    print("\n== fused events holding several gold events")
    for i, reals in sorted(merged.items()):
        if len(reals) > 1:
            print(f"{described[i]}: {', '.join(sorted(reals))}")


def calibration(gold, docs):
    pairs = []
    for g in gold:
        pf = pred_figs(docs.get(uid(g["file"]), {}))
        used, _ = match_figures(gold_figs(g), pf)
        pairs += [(float(p.get("confidence") or 0), i in used) for i, (_, p) in enumerate(pf)]
    if not pairs:
        print("calibration: no predicted figures")
        return
    hi = [ok for c, ok in pairs if c >= 0.9]
    ece = 0.0
    for b in range(10):
        cell = [(c, ok) for c, ok in pairs if min(int(c * 10), 9) == b]
        if cell:
            ece += abs(sum(ok for _, ok in cell) / len(cell) - sum(c for c, _ in cell) / len(cell)) * len(cell)
    print(f"figure confidence: {len(pairs)} predicted; at >= 0.9: precision "
          f"{sum(hi) / max(len(hi), 1):.3f}, coverage {len(hi) / len(pairs):.3f}; "
          f"expected calibration error {ece / len(pairs):.3f}")
    # SCHEMA.md gives vague plurals ("tientallen") as figures with a null value; the
    # gold guide counts them as no figure, so the scorer counts them false.
    valued = [ok for g in gold for ok in valued_pairs(g, docs)]
    print(f"figures with a value: {len(valued)} of {len(pairs)} predicted; precision "
          f"{sum(valued) / max(len(valued), 1):.3f} (the others, vague plurals and bare casualty nouns, have a null value per SCHEMA.md)")


def valued_pairs(g, docs):
    pf = pred_figs(docs.get(uid(g["file"]), {}))
    used, _ = match_figures(gold_figs(g), pf)
    return [i in used for i, (_, p) in enumerate(pf) if p.get("value") is not None]


def main():
    binary, root, goldp = sys.argv[1:4]
    gold = [json.loads(l) for l in open(goldp, encoding="utf-8") if l.strip()]
    gold = [g for g in gold if os.path.exists(os.path.join(root, g["file"]))]
    docs, events = run(binary, root, gold)
    if "--calibration" in sys.argv:
        calibration(gold, docs)
    if "--errors" in sys.argv:
        figure_errors(root, gold, docs)
        type_errors(root, gold, docs)
        cluster_errors(gold, events)


if __name__ == "__main__":
    main()
