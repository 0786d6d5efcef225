"""Seconds per analysis step on PolNeAR articles, in one process (where the time goes).

    python benchmarks/bench_steps.py [--articles 200] [--repeat 3]

Runs every step of :data:`analysis.pipeline.STEPS` on the first ``--articles`` articles of
``../shared/eval/corpus_polnear_train_dev.jsonl`` after :func:`analysis.pipeline.warm_up`, and
prints the best of ``--repeat`` runs per step (steps run in pipeline order on each article, as in
``parse``; the Parquet writing of ``parse`` is not included).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("NEWSNB_EVAL", ROOT.parent / "shared" / "eval"))
CORPUS = EVAL / "corpus_polnear_train_dev.jsonl"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"corpus not found at {CORPUS} (set NEWSNB_EVAL)", file=sys.stderr)
        return 1
    from analysis import pipeline
    from analysis.articles import load_articles

    articles = load_articles(CORPUS).articles[: args.articles]
    words = sum(len(a.text.split()) for a in articles)
    pipeline.warm_up()
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        spent = dict.fromkeys((name for name, _ in pipeline.STEPS), 0.0)
        for article in articles:
            doc = pipeline.document_for(article)
            for name, step in pipeline.STEPS:
                t = time.perf_counter()
                doc.tables.update(step(doc))
                spent[name] += time.perf_counter() - t
        best = {k: min(v, best.get(k, v)) for k, v in spent.items()}
    total = sum(best.values())
    print(f"{len(articles)} articles, {words:,} words; best of {args.repeat} runs\n")
    print("| step | seconds | share | words/s |")
    print("|---|---:|---:|---:|")
    for name, secs in best.items():
        print(f"| {name} | {secs:.2f} | {secs / total:.0%} | {words / secs:,.0f} |")
    print(f"| all steps | {total:.2f} | 100% | {words / total:,.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
