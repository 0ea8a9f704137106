#!/usr/bin/env python3
"""Fits kroniek's confidence model on the real-news development set and writes
resources/<lang>/confidence.tsv: a logistic model over the signals each figure and
event carries in `kroniek analyze` output, so that a confidence of 0.9 means about
nine in ten right. A figure is right when the gold has it (kind and value, matched
greedily as ../shared/eval/score_articles.py does), an event when the gold has an
event of a compatible type and date. Only development stories are used (the split
rule in eval/real/README.md); held-out is never read here.

usage: fit_confidence.py KRONIEK_BIN ARTICLES_DIR DEV_GOLD.jsonl OUT.tsv"""
import json, math, os, sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import real_errors as R  # noqa: E402

MIN_SEEN = 3     # a signal seen less often gets no weight of its own
L2 = 1.0         # pull of every weight towards 0
STEPS = 4000


date_ok = R.date_ok


def samples(gold, docs):
    """(target, signals, right) for every scored figure and every event."""
    out = []
    for g in gold:
        doc = docs.get(R.uid(g["file"]), {})
        pf = R.pred_figs(doc)
        used, _ = R.match_figures(R.gold_figs(g), pf)
        out += [("figure", f.get("signals", []), i in used) for i, (_, f) in enumerate(pf)]
        pe = doc.get("events", [])
        taken = set()
        for ge in g.get("events", []):
            for i, e in enumerate(pe):
                if i not in taken and R.type_ok(ge["type"], e["type"]) and date_ok(ge.get("date"), R.dval(e.get("date"))):
                    taken.add(i)
                    break
        out += [("event", e.get("signals", []), i in taken) for i, e in enumerate(pe)]
    return out


def fit(rows):
    """L2-regularised logistic regression by gradient descent; returns {signal: weight}."""
    seen = Counter(s for sig, _ in rows for s in set(sig))
    names = sorted(s for s, n in seen.items() if n >= MIN_SEEN)
    w = {s: 0.0 for s in names}
    base = sum(y for _, y in rows) / len(rows)
    bias = math.log(max(base, 1e-3) / max(1 - base, 1e-3))
    for step in range(STEPS):
        lr = 0.5 / (1 + step / 500)
        gb, gw = 0.0, {s: 0.0 for s in names}
        for sig, y in rows:
            z = bias + sum(w.get(s, 0.0) for s in sig)
            err = 1 / (1 + math.exp(-z)) - y
            gb += err
            for s in set(sig):
                if s in gw:
                    gw[s] += err
        bias -= lr * gb / len(rows)
        for s in names:
            w[s] -= lr * (gw[s] + L2 * w[s]) / len(rows)
    return bias, w


def main():
    binary, root, goldp, out = sys.argv[1:5]
    gold = [json.loads(l) for l in open(goldp, encoding="utf-8") if l.strip()]
    docs, _ = R.run(binary, root, gold)
    rows = samples(gold, docs)
    lines = ["# Confidence of figures and events: a logistic model over their signals",
             "# (src/extract/confidence.h). Fitted on the real-news development set, never on",
             "# held-out, by: python3 bench/fit_confidence.py build/kroniek eval/real/texts DEV_GOLD OUT",
             "# (bench/real_eval.sh prints how it holds on held-out). target<TAB>signal<TAB>weight"]
    for target in ("figure", "event"):
        data = [(sig, int(y)) for t, sig, y in rows if t == target]
        bias, w = fit(data)
        right = sum(y for _, y in data)
        lines.append(f"# {target}: {len(data)} from {len(gold)} articles, {right} right")
        lines.append(f"{target}\tbias\t{bias:.3f}")
        lines += [f"{target}\t{s}\t{v:.3f}" for s, v in sorted(w.items()) if abs(v) >= 0.0005]
    lines.append("> Bij de aanslag kwamen zeker 12 mensen om het leven.\tfigure kind=killed value=12 confidence_at_least=0.5")
    lines.append("> Volgens de krant zouden er mogelijk tientallen gewonden zijn.\tno-figure kind=injured confidence_at_least=0.9")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {out}: {len(rows)} samples")


if __name__ == "__main__":
    main()
