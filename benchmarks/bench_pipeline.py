"""Speed and memory of the full pipeline, beside NLTK's classic pipeline.

Prints, on the PolNeAR corpus (``../shared/eval/corpus_polnear_train_dev.jsonl``):
- words/s of ``newsnb parse`` with 1 worker and with all cores;
- words/s of NLTK's classic pipeline (sent_tokenize, word_tokenize, the perceptron POS tagger and
  the binary NE chunker, both built once; models from ``../shared/nltk_data``) on an evenly spread
  sample of the same text (words are whitespace tokens for both, so punctuation counts for neither);
- start-up (imports, models, gazetteers) is timed apart for both, so words/s compare analysis;
- peak RSS of each run (each run is its own process, so peaks do not mix);
- the 1-worker, NLTK and all-cores runs take turns for ``--repeat`` rounds and the fastest of
  each is reported (the machine's speed drifts by 10-20 % over minutes), with each round's ratio;
- growth of time and peak memory from 1x to 4x and 16x the corpus (copies made unique, so the
  duplicate detector does not drop them).

    python benchmarks/bench_pipeline.py [--scales 1,4,16] [--nltk-sample 60] [--repeat 2]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from operator import itemgetter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("NEWSNB_EVAL", ROOT.parent / "shared" / "eval"))
CORPUS = EVAL / "corpus_polnear_train_dev.jsonl"
NLTK_DATA = EVAL.parent / "nltk_data"


def _child(code: str, *args: str, env: dict | None = None) -> dict:
    """Run ``code`` in a fresh interpreter; it prints one JSON line; add its peak RSS."""
    full = {**os.environ, **(env or {})}
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=full, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"child failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


NEWSNB = r"""
import json, resource, sys, time, tempfile
t0 = time.perf_counter()
import pyarrow.parquet
from analysis.pipeline import parse, warm_up
warm_up()  # gazetteers, lexicons, grammars: loaded before the clock, like NLTK's models
load = time.perf_counter() - t0
src, workers = sys.argv[1], int(sys.argv[2])
t = time.perf_counter()
with tempfile.TemporaryDirectory() as d:
    rows = parse(src, d + "/out", workers=workers, progress=False, cache=False)
secs = time.perf_counter() - t
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"secs": secs, "load": load, "rows": rows,
                  "rss_mb": max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, kids) / 1024}))
"""

NLTK = r"""
import json, resource, sys, time
t0 = time.perf_counter()
import nltk

from nltk.chunk import ne_chunker
from nltk.tag import PerceptronTagger
texts = json.load(open(sys.argv[1]))
# the tagger and the chunker built once (pos_tag() and ne_chunk() build theirs on every call)
tagger = PerceptronTagger()
chunker = ne_chunker(fmt="binary")
nltk.word_tokenize(nltk.sent_tokenize("Punkt loads here. Then it is cached.")[0])
load = time.perf_counter() - t0
t = time.perf_counter()
words = 0
for text in texts:
    for sent in nltk.sent_tokenize(text):
        toks = nltk.word_tokenize(sent)
        words += len(toks)
        chunker.parse(tagger.tag(toks))
secs = time.perf_counter() - t
print(json.dumps({"secs": secs, "load": load, "words": words,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def _replicate(records: list[dict], copies: int, folder: Path) -> Path:
    """``copies`` JSONL files of the corpus, each article made unique by a suffix."""
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(copies):
        with (folder / f"copy{k:03d}.jsonl").open("w", encoding="utf-8") as fh:
            for r in records:
                r2 = dict(r, id=f"{r['id']}-c{k}", text=r["text"] + f"\n\n(Copy {k}.)")
                fh.write(json.dumps(r2) + "\n")
    return folder


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scales", default="1,4,16", help="corpus multiples to time")
    ap.add_argument(
        "--nltk-sample", type=int, default=60, help="articles for the NLTK baseline (evenly spread)"
    )
    ap.add_argument(
        "--repeat", type=int, default=2, help="rounds of the 1-worker, NLTK and all-cores runs"
    )
    args = ap.parse_args()
    if not CORPUS.exists():
        raise SystemExit(f"corpus not found at {CORPUS} (set NEWSNB_EVAL)")
    records = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    words = _words([r["text"] for r in records])
    cores = os.cpu_count() or 1
    print(f"corpus: {len(records)} articles, {words:,} words (whitespace tokens); {cores} cores\n")

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        one = _replicate(records, 1, tmp / "x1")
        step = max(1, len(records) // max(1, args.nltk_sample))
        sample = [r["text"] for r in records[::step][: args.nltk_sample]]  # spread over the corpus
        (tmp / "sample.json").write_text(json.dumps(sample))
        nl_words = _words(sample)
        # the three runs take turns, so a change in the machine's speed reaches all of them;
        # each line reports its fastest run
        rounds = []
        for _ in range(args.repeat):
            rounds.append(
                (
                    _child(NEWSNB, str(one), "1"),
                    _child(NLTK, str(tmp / "sample.json"), env={"NLTK_DATA": str(NLTK_DATA)}),
                    _child(NEWSNB, str(one), str(cores)),
                )
            )
        r1, nl, rn = (min(runs, key=itemgetter("secs")) for runs in zip(*rounds, strict=True))
        w1, wn, wnl = words / r1["secs"], words / rn["secs"], nl_words / nl["secs"]
        print("| pipeline | words/s | start-up s | peak RSS MB | note |")
        print("|---|---:|---:|---:|---|")
        print(
            f"| newsnb, 1 worker | {w1:,.0f} | {r1['load']:.1f} | {r1['rss_mb']:.0f} | "
            "all steps, Parquet written |"
        )
        print(
            f"| newsnb, {cores} workers | {wn:,.0f} | {rn['load']:.1f} | {rn['rss_mb']:.0f} | "
            f"x{wn / w1:.2f} |"
        )
        print(
            f"| NLTK classic | {wnl:,.0f} | {nl['load']:.1f} | {nl['rss_mb']:.0f} | "
            f"{len(sample)} articles; sent+word tokenize, pos_tag, ne_chunk |"
        )
        print(
            "\nwords/s exclude start-up (imports, models and gazetteers loaded) for both; "
            f"with it, newsnb 1 worker: {words / (r1['secs'] + r1['load']):,.0f} words/s"
        )
        each = ", ".join(
            f"x{(words / a['secs']) / (nl_words / b['secs']):.1f}" for a, b, _ in rounds
        )
        print(f"\nnewsnb (1 worker) / NLTK: x{w1 / wnl:.1f} (fastest runs; each round: {each})\n")

        print("| scale | articles | words | seconds | words/s | peak RSS MB |")
        print("|---:|---:|---:|---:|---:|---:|")
        for s in [int(x) for x in args.scales.split(",") if x.strip()]:
            folder = _replicate(records, s, tmp / f"s{s}")
            r = _child(NEWSNB, str(folder), "1")
            print(
                f"| {s}x | {r['rows']['articles']:,} | {words * s:,} | {r['secs']:.1f} | "
                f"{words * s / r['secs']:,.0f} | {r['rss_mb']:.0f} |"
            )


if __name__ == "__main__":
    main()
