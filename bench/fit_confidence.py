#!/usr/bin/env python3
"""Fits kroniek's confidence model on the real-news development set and writes
resources/<lang>/confidence.tsv: a logistic model over the signals each figure and
event carries in `kroniek analyze` output, so that a confidence of 0.9 means about
nine in ten right. A figure is right when the gold has it (kind and value, matched
greedily as ../shared/eval/score_articles.py does), an event when the gold has an
event of a compatible type and date. Only development stories are used (the split
rule in eval/real/README.md); held-out is never read here.

usage: fit_confidence.py KRONIEK_BIN ARTICLES_DIR DEV_GOLD.jsonl OUT.tsv"""
import json, math, os, re, sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import real_errors as R  # noqa: E402

MIN_SEEN = 3     # a signal seen less often gets no weight of its own
L2_GRID = (1.0, 3.0, 10.0, 30.0, 100.0)  # pulls of every weight towards 0, chosen by cross-validation
FOLDS = 5        # development stories split into this many folds (story number mod FOLDS)
STEPS = 4000


date_ok = R.date_ok


def samples(gold, docs):
    """(target, signals, right, story) for every scored figure and every event."""
    out = []
    for g in gold:
        story = int(re.match(r"s(\d+)", g["file"]).group(1))
        doc = docs.get(R.uid(g["file"]), {})
        pf = R.pred_figs(doc)
        used, _ = R.match_figures(R.gold_figs(g), pf)
        out += [("figure", f.get("signals", []), i in used, story) for i, (_, f) in enumerate(pf)]
        pe = doc.get("events", [])
        taken = set()
        for ge in g.get("events", []):
            for i, e in enumerate(pe):
                if i not in taken and R.type_ok(ge["type"], e["type"]) and date_ok(ge.get("date"), R.dval(e.get("date"))):
                    taken.add(i)
                    break
        out += [("event", e.get("signals", []), i in taken, story) for i, e in enumerate(pe)]
    return out


def predict(bias, w, sig):
    return 1 / (1 + math.exp(-(bias + sum(w.get(s, 0.0) for s in sig))))


def out_of_fold(rows, l2):
    """(logit, right) for every row, from a model fitted on the other folds' stories."""
    out = []
    for fold in range(FOLDS):
        train = [(sig, y) for sig, y, story in rows if story % FOLDS != fold]
        test = [(sig, y) for sig, y, story in rows if story % FOLDS == fold]
        if not train or not test:
            continue
        bias, w = fit(train, l2)
        out += [(bias + sum(w.get(s, 0.0) for s in sig), y) for sig, y in test]
    return out


def log_loss(pairs, a=1.0, b=0.0):
    loss = 0.0
    for z, y in pairs:
        p = min(max(1 / (1 + math.exp(-(a * z + b))), 1e-6), 1 - 1e-6)
        loss -= math.log(p if y else 1 - p)
    return loss


def choose_l2(rows):
    """The L2 pull with the least log loss on stories left out (FOLDS folds by story),
    and the scale a, shift b that calibrate those left-out predictions (Platt): a new
    story is scored as the left-out ones were, not as the stories fitted."""
    best = None
    for l2 in L2_GRID:
        pairs = out_of_fold(rows, l2)
        loss = log_loss(pairs)
        if best is None or loss < best[1]:
            best = (l2, loss, pairs)
    l2, _, pairs = best
    a, b = min(((a / 20, b / 20) for a in range(4, 31) for b in range(-20, 21)), key=lambda ab: log_loss(pairs, *ab))
    return l2, a, b


def fit(rows, l2):
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
            w[s] -= lr * (gw[s] + l2 * w[s]) / len(rows)
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
        data = [(sig, int(y), story) for t, sig, y, story in rows if t == target]
        l2, a, b = choose_l2(data)
        bias, w = fit([(sig, y) for sig, y, _ in data], l2)
        bias, w = a * bias + b, {s: a * v for s, v in w.items()}
        right = sum(y for _, y, _ in data)
        lines.append(f"# {target}: {len(data)} from {len(gold)} articles, {right} right; L2 {l2:g} by {FOLDS}-fold "
                     f"cross-validation over stories, scaled {a:g} and shifted {b:g} to calibrate the stories left out")
        lines.append(f"{target}\tbias\t{bias:.3f}")
        lines += [f"{target}\t{s}\t{v:.3f}" for s, v in sorted(w.items()) if abs(v) >= 0.0005]
    lines.append("> Bij de aanslag kwamen zeker 12 mensen om het leven.\tfigure kind=killed value=12 confidence_at_least=0.5")
    lines.append("> Volgens de krant zouden er mogelijk tientallen gewonden zijn.\tno-figure kind=injured confidence_at_least=0.9")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {out}: {len(rows)} samples")


if __name__ == "__main__":
    main()
