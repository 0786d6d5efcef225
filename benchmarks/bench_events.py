"""What the event step finds on real news, and how fast (no event gold data exists here).

On the PolNeAR corpus (``../shared/eval/corpus_polnear_train_dev.jsonl``, or ``NEWSNB_EVAL``)
prints: events per article; the share with actors, targets and both; how events are dated
(timex, article date, ordering, none); events per class; ordering constraints; the chronology
(rows, placements, reports merged across articles); and the time per article of the event step
alone (on documents rebuilt from the tables, so the earlier steps are not counted) and of
``chronology``. Finally a sample of events, to read (precision is judged by eye).

    python benchmarks/bench_events.py [--limit 300] [--workers 0] [--sample 25]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("NEWSNB_EVAL", ROOT.parent / "shared" / "eval"))
CORPUS = EVAL / "corpus_polnear_train_dev.jsonl"


def _documents(a):
    from analysis.document import Document

    by = {
        t: {k: g.drop(columns="article_id").to_dict("records") for k, g in df.groupby("article_id")}
        for t, df in (
            ("sentences", a.sentences),
            ("entities", a.entities),
            ("timexes", a.timexes),
            ("quotes", a.quotes),
        )
    }
    for row in a.articles.itertuples(index=False):
        date = None if pd.isna(row.date) else row.date.date()
        doc = Document(row.text, row.article_id, int(row.body_start), date)
        for t in by:
            doc.tables[t] = by[t].get(row.article_id, [])
        yield doc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=300, help="articles to use (0 = all)")
    ap.add_argument("--workers", type=int, default=0, help="processes for the other steps")
    ap.add_argument("--sample", type=int, default=25, help="events to print")
    args = ap.parse_args()
    if not CORPUS.exists():
        sys.exit(f"corpus not found at {CORPUS} (set NEWSNB_EVAL to ../shared/eval)")

    import analysis
    from analysis.events import event_step

    lines = CORPUS.read_text("utf-8").splitlines()
    if args.limit:
        lines = lines[: args.limit]
    tmp = ROOT / "benchmarks" / ".bench_events_corpus.jsonl"
    tmp.write_text("\n".join(lines) + "\n", "utf-8")
    try:
        a = analysis.analyze(tmp, workers=args.workers, progress=False)
    finally:
        tmp.unlink(missing_ok=True)
    ev = a.events
    n_art = len(a.articles)
    print(f"articles {n_art}, events {len(ev)} ({len(ev) / max(n_art, 1):.1f} per article)\n")

    has_a, has_t = ev["actors"].notna(), ev["targets"].notna()
    print("participants: share of events")
    print(f"  with actors   {has_a.mean():.1%}")
    print(f"  with targets  {has_t.mean():.1%}")
    print(f"  with both     {(has_a & has_t).mean():.1%}")
    print(f"  negated       {ev['negated'].astype(bool).mean():.1%}")
    print(f"  hypothetical  {ev['hypothetical'].astype(bool).mean():.1%}\n")
    print("dated_by:")
    print(ev["dated_by"].value_counts(normalize=True).map("{:.1%}".format).to_string(), "\n")
    print("events per class (statements apart):")
    print(ev["event_class"].value_counts().to_string(), "\n")
    n_order = int(ev["after_event"].notna().sum() + ev["before_event"].notna().sum())
    print(f"ordering constraints (after/before): {n_order}\n")

    docs = list(_documents(a))
    t0 = time.perf_counter()
    for doc in docs:
        event_step(doc)
    t_step = time.perf_counter() - t0
    t0 = time.perf_counter()
    chrono = analysis.chronology(a)
    t_chrono = time.perf_counter() - t0
    print(f"event step alone: {1000 * t_step / max(n_art, 1):.2f} ms per article")
    print(f"chronology of the corpus: {t_chrono:.2f} s, {len(chrono)} rows")
    print(chrono["placement"].value_counts().to_string())
    merged = chrono[chrono["n_reports"] > 1]
    print(f"rows merging several reports: {len(merged)} (max {chrono['n_reports'].max()})\n")

    print(f"a random sample of {args.sample} non-statement events:")
    rows = ev[ev["event_class"] != "statement"]
    rng = random.Random(0)
    idx = rng.sample(range(len(rows)), min(args.sample, len(rows)))
    for r in rows.iloc[sorted(idx)].itertuples(index=False):
        when = r.timex_value if pd.notna(r.timex_value) else "-"
        print(
            f"  [{r.event_class}] {r.actor_names if pd.notna(r.actor_names) else '?'}"
            f" | {r.trigger} | {r.target_names if pd.notna(r.target_names) else '-'}"
            f" | {when} ({r.dated_by})"
        )


if __name__ == "__main__":
    main()
