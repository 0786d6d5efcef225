"""Hostile input, measured: crashes (must be 0), articles recovered, slowest case.

1. A bad-input corpus (empty, binary, Latin-1, UTF-16, 50 MB single paragraph, HTML page,
   unbalanced quotes, impossible date, duplicate, JSONL with a broken line) through ``analyze``.
2. Hypothesis: at least ``--examples`` generated texts through every public text function of
   ``analysis`` (and random bytes through the decoder); a crash or a span whose text is not the
   slice it points at is counted, not raised.
3. Pathological texts (long runs of quotes, capitals, digits), timed one by one.

    python benchmarks/bench_robustness.py [--examples 10000]
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis
from analysis.articles import decode_bytes, normalize_text

GOOD = "date 2023-01-09 By Wire\n\nJane Roe\n\n“We will win,” Jane Roe said on Monday in Paris.\n"


def bad_corpus(d: Path) -> int:
    """Write the bad cases; returns how many good articles are among them."""
    (d / "good1.txt").write_text(GOOD)
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.dat").write_bytes(os.urandom(4096) + b"\x00" * 64)
    (d / "latin1.txt").write_bytes("date 2022-05-01 By X\n\nCafé in Zürich.".encode("latin-1"))
    (d / "utf16.txt").write_bytes("date 2022-05-02 By Y\n\nText from Berlin.".encode("utf-16"))
    with (d / "huge.txt").open("w") as fh:
        fh.write("date 2022-05-03 By Z\n\n" + "word " * 10_000_000)
    (d / "page.html").write_text("<html><body><p>Officials met in Oslo.</p></body></html>")
    (d / "unbalanced.txt").write_text("date 2022-05-04 By W\n\n“Never closes.\n\n" + "Text. " * 500)
    (d / "baddate.txt").write_text("date 2023-02-30 By V\n\nAn impossible date.")
    (d / "dup.txt").write_text(GOOD)
    (d / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": "A fine article.", "date": "2021-01-01"}) + "\n{broken\n"
    )
    return 7  # good1, latin1, utf16, page, unbalanced, baddate, j1


def text_functions() -> dict:
    """Public functions of ``analysis`` whose first parameter is a text."""
    out = {}
    for name in sorted(analysis.__all__):
        fn = getattr(analysis, name)
        if not inspect.isfunction(fn):
            continue
        params = list(inspect.signature(fn).parameters)
        if params and params[0] == "text":
            out[name] = fn
    return out


def spans_ok(text: str, result) -> bool:
    frames = [result] if isinstance(result, pd.DataFrame) else []
    if isinstance(result, list) and result and isinstance(result[0], dict):
        frames = [pd.DataFrame(result)]
    if isinstance(result, list) and result and isinstance(result[0], tuple):
        return all(text[s:e] == t for s, e, t in result)
    for df in frames:
        if {"start", "end", "text"} <= set(df.columns):
            for s, e, t in zip(df["start"], df["end"], df["text"], strict=True):
                if text[int(s) : int(e)] != t:
                    return False
    return True


def fuzz(fn, examples: int) -> tuple[int, int, float, str]:
    tried = crashes = 0
    slowest = 0.0
    first = ""
    alphabet = st.sampled_from(
        list("abcXYZ .,;:!?'\"“”‘’«»-—()\n0123456789")
        + ["Monday", "said", "Turkey", "U.S.", " in 2019", "April", "he ", "NATO", "\n\n"]
    )
    texts = st.one_of(st.text(max_size=400), st.lists(alphabet, max_size=120).map("".join))

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(texts)
    def run(text):
        nonlocal tried, crashes, slowest, first
        text = normalize_text(text)
        tried += 1
        t = time.perf_counter()
        try:
            ok = spans_ok(text, fn(text))
        except Exception:
            ok = False
            first = first or traceback.format_exc(limit=3)
        slowest = max(slowest, time.perf_counter() - t)
        if not ok:
            crashes += 1
            first = first or f"bad span for {text!r}"

    run()
    return tried, crashes, slowest, first


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=10_000, help="examples per function")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as d:
        good = bad_corpus(Path(d))
        t = time.perf_counter()
        a = analysis.analyze(d, progress=False)
        secs = time.perf_counter() - t
        errors = a.errors
        print("## Bad-input corpus")
        print(
            f"files: {len(os.listdir(d))}; good articles expected {good}, "
            f"recovered {len(a.articles)}; skipped (errors) "
            f"{int((errors.level == 'error').sum())}; warnings "
            f"{int((errors.level == 'warning').sum())}; {secs:.1f} s\n"
        )
        print(errors.assign(path=errors.path.map(os.path.basename)).to_string(index=False))

    print("\n## Hypothesis")
    print("| function | inputs tried | crashes or bad spans | slowest (s) |")
    print("|---|---:|---:|---:|")
    failures = []
    functions = text_functions()

    def decode(text):
        data = text.encode("utf-8", "surrogatepass")[::-1]  # arbitrary, often invalid bytes
        try:
            return decode_bytes(data)[0]
        except ValueError:
            return None

    functions["decode_bytes (reversed bytes)"] = decode
    for name, fn in functions.items():
        tried, crashes, slowest, first = fuzz(fn, args.examples)
        print(f"| {name} | {tried:,} | {crashes} | {slowest:.3f} |")
        if first:
            failures.append((name, first))

    print("\n## Pathological texts (full pipeline)")
    print("| case | chars | seconds |")
    print("|---|---:|---:|")
    cases = {
        "5,000 opening quotes": "“" * 5000,
        "20,000 capitals": "A" * 20000,
        "3,000 capitalised words": "The " + "Big " * 3000 + "Company said.",
        "20,000 digits": "1" * 20000,
        "2,000 x 'In 2019'": "In 2019 " * 2000,
        "500 unclosed quotes": "“Unclosed quote. " * 500,
        "2,000 x 'he said:'": "he said: " * 2000,
    }
    from analysis.document import Document
    from analysis.pipeline import analyze_document

    for label, text in cases.items():
        t = time.perf_counter()
        analyze_document(Document(text=text))
        print(f"| {label} | {len(text):,} | {time.perf_counter() - t:.3f} |")
    for name, first in failures:
        print(f"\nfirst failure in {name}:\n{first}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
