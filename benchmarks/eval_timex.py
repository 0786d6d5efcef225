"""Time-expression accuracy on TimeBank + AQUAINT (TempEval-3 metrics), printed as tables.

Reads the development gold data from ``../shared/eval/temporal`` (override the eval folder with
the ``NEWSNB_EVAL`` environment variable): ``timex_gold_{timebank,aquaint}.tsv`` (offsets into
``plaintext_<corpus>/<doc>.txt``, the document creation time in column ``dct``). Each plaintext
is analysed with ``date = dct``.

Metrics (TempEval-3): strict match = identical span, relaxed match = overlapping spans;
precision, recall and F1 for both; value accuracy = correct values / relaxed matches; value F1
= F1 counting only relaxed matches with the correct value; type accuracy likewise.

    /work/venv/bin/python benchmarks/eval_timex.py [--errors N] [--corpus timebank]
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

from analysis.document import Document
from analysis.text import split_sentences
from analysis.timex import normalise_date, timex_step

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("NEWSNB_EVAL", ROOT.parent / "shared" / "eval"))
CORPORA = ("timebank", "aquaint")


def load_gold(folder: Path, corpus: str) -> dict[str, dict]:
    """``{doc: {"dct": date, "text": str, "gold": [rows]}}`` for one corpus."""
    docs: dict[str, dict] = {}
    with open(folder / f"timex_gold_{corpus}.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            d = docs.setdefault(row["doc"], {"dct": row["dct"], "gold": []})
            row["start"], row["end"] = int(row["start"]), int(row["end"])
            d["gold"].append(row)
    for name, d in docs.items():
        d["text"] = (folder / f"plaintext_{corpus}" / f"{name}.txt").read_text("utf-8")
    # documents without any gold timex still count for precision
    for path in sorted((folder / f"plaintext_{corpus}").glob("*.txt")):
        if path.stem not in docs:
            docs[path.stem] = {"dct": None, "gold": [], "text": path.read_text("utf-8")}
    return docs


def predict(text: str, dct: str | None) -> list[dict]:
    doc = Document(text=text, date=normalise_date(dct))
    doc.tables["sentences"] = split_sentences(text)
    return timex_step(doc)["timexes"]


def match(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict, bool]]:
    """``(gold, predicted, exact)`` pairs of overlapping mentions (each used at most once)."""
    pairs = []
    used: set[int] = set()
    for g in gold:
        best = None
        for i, p in enumerate(pred):
            if i in used or p["end"] <= g["start"] or p["start"] >= g["end"]:
                continue
            exact = p["start"] == g["start"] and p["end"] == g["end"]
            if best is None or exact:
                best = (i, exact)
                if exact:
                    break
        if best is not None:
            used.add(best[0])
            pairs.append((g, pred[best[0]], best[1]))
    return pairs


def scores(tp: float, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(folder: Path, corpora=CORPORA, limit: int | None = None) -> dict:
    """Per-corpus and per-type counts plus the error lists (used by tests too)."""
    stats: dict = defaultdict(Counter)
    errors: dict[str, list] = defaultdict(list)
    for corpus in corpora:
        docs = load_gold(folder, corpus)
        for name in sorted(docs)[:limit]:
            d = docs[name]
            pred = predict(d["text"], d["dct"])
            pairs = match(d["gold"], pred)
            matched_pred = {id(p) for _, p, _ in pairs}
            matched_gold = {id(g) for g, _, _ in pairs}
            for key in (corpus, "all"):
                s = stats[key]
                s["gold"] += len(d["gold"])
                s["pred"] += len(pred)
                s["relaxed"] += len(pairs)
                s["strict"] += sum(1 for *_, exact in pairs if exact)
                s["value"] += sum(1 for g, p, _ in pairs if p["value"] == g["value"])
                s["type"] += sum(1 for g, p, _ in pairs if p["type"] == g["type"])
            for g in d["gold"]:
                stats["type:" + g["type"]]["gold"] += 1
            for p in pred:
                stats["type:" + p["type"]]["pred"] += 1
            for g, p, exact in pairs:
                s = stats["type:" + g["type"]]
                s["relaxed"] += 1
                s["strict"] += exact
                s["value"] += p["value"] == g["value"]
                s["type"] += p["type"] == g["type"]
                if p["value"] != g["value"]:
                    errors["value"].append((name, d["dct"], g["text"], g["value"], p["value"]))
                if not exact:
                    errors["span"].append((name, g["text"], p["text"]))
            for g in d["gold"]:
                if id(g) not in matched_gold:
                    errors["missed"].append((name, g["type"], g["text"], g["value"]))
            for p in pred:
                if id(p) not in matched_pred:
                    errors["spurious"].append((name, p["type"], p["text"], p["value"]))
    return {"stats": stats, "errors": errors}


def table(stats: dict) -> str:
    head = (
        f"{'':14}{'gold':>6}{'pred':>6} | {'strict P':>8}{'R':>6}{'F1':>6} | {'relax P':>8}"
        f"{'R':>6}{'F1':>6} | {'val acc':>7}{'val F1':>7}{'type acc':>9}"
    )
    lines = [head, "-" * len(head)]
    for key, s in stats.items():
        sp, sr, sf = scores(s["strict"], s["pred"], s["gold"])
        rp, rr, rf = scores(s["relaxed"], s["pred"], s["gold"])
        vacc = s["value"] / s["relaxed"] if s["relaxed"] else 0.0
        vf = scores(s["value"], s["pred"], s["gold"])[2]
        tacc = s["type"] / s["relaxed"] if s["relaxed"] else 0.0
        lines.append(
            f"{key:14}{s['gold']:>6}{s['pred']:>6} | {sp:>8.3f}{sr:>6.3f}{sf:>6.3f} | "
            f"{rp:>8.3f}{rr:>6.3f}{rf:>6.3f} | {vacc:>7.3f}{vf:>7.3f}{tacc:>9.3f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=CORPORA, action="append", help="default: both")
    ap.add_argument("--errors", type=int, default=0, help="print N examples of each error kind")
    args = ap.parse_args(argv)
    folder = EVAL / "temporal"
    if not folder.exists():
        print(f"gold data not found at {folder} (set NEWSNB_EVAL to ../shared/eval)")
        return 1
    result = evaluate(folder, tuple(args.corpus or CORPORA))
    stats = result["stats"]
    order = [k for k in (*CORPORA, "all") if k in stats]
    order += sorted(k for k in stats if k.startswith("type:"))
    print("TempEval-3 metrics, newsnb timex rules (date = document creation time)\n")
    print(table({k: stats[k] for k in order}))
    if args.errors:
        for kind, rows in result["errors"].items():
            common = Counter(rows).most_common(args.errors)
            print(f"\n{kind} ({len(rows)}):")
            for row, n in common:
                print(f"  {n:>3} x {row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
