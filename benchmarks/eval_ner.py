"""Score the entity recogniser on CoNLL-2003 English dev (``eng.testa``) and time it.

Run: ``/work/venv/bin/python benchmarks/eval_ner.py [--nltk-articles 100] [--no-speed]``

Accuracy: each ``-DOCSTART-`` document is rebuilt as text (tokens joined by spaces, one
sentence a paragraph, i.e. separated by blank lines, with token offsets recorded), run through
:func:`analysis.entities.recognise`, and scored conlleval-style: a predicted entity counts only
if its token span and type equal a gold one. Our labels map to CoNLL's as
PERSON -> PER, ORG -> ORG, GPE and LOC -> LOC, NORP / PRODUCT / LAW / EVENT -> MISC. A predicted
span that does not start and end on token boundaries counts as a false positive.

Speed: words/s of ``analysis.entities.entity_step`` (with sentence splitting) on the PolNeAR
corpus, beside NLTK's classic pipeline (sent_tokenize, word_tokenize, pos_tag,
ne_chunk(binary=True) with the chunker built once) on the first N articles of the same corpus,
using the NLTK models in ``../shared/nltk_data`` (benchmark only; the package never uses them).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("NEWSNB_EVAL", ROOT.parent / "shared" / "eval"))
sys.path.insert(0, str(ROOT))

from analysis.entities import recognise  # noqa: E402
from analysis.text import split_sentences  # noqa: E402

LABEL_MAP = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "NORP": "MISC",
    "PRODUCT": "MISC",
    "LAW": "MISC",
    "EVENT": "MISC",
}
TYPES = ("PER", "ORG", "LOC", "MISC")


def read_conll(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Documents -> sentences -> (token, IOB1 tag)."""
    docs: list[list[list[tuple[str, str]]]] = []
    sent: list[tuple[str, str]] = []
    for line in path.read_text("utf-8").splitlines():
        parts = line.split()
        if not parts:
            if sent and docs:
                docs[-1].append(sent)
            sent = []
            continue
        if parts[0] == "-DOCSTART-":
            docs.append([])
            continue
        sent.append((parts[0], parts[-1]))
    if sent and docs:
        docs[-1].append(sent)
    return docs


def iob1_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """``(first, last + 1, type)`` token spans from IOB1 tags."""
    spans, start, kind = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, t = tag.partition("-")
        if start is not None and (tag == "O" or prefix == "B" or t != kind):
            spans.append((start, i, kind))
            start, kind = None, None
        if tag != "O" and start is None:
            start, kind = i, t
    return spans


def gold_spans(doc: list[list[tuple[str, str]]]) -> set[tuple[int, int, str]]:
    """Gold ``(first, last + 1, type)`` token spans of a document (never across sentences)."""
    out, base = set(), 0
    for sent in doc:
        out |= {(base + s, base + e, t) for s, e, t in iob1_spans([tag for _, tag in sent])}
        base += len(sent)
    return out


def build_document(doc: list[list[tuple[str, str]]]):
    """Text, sentence records, token offsets and gold spans (token indices) of one document."""
    pieces, offsets, tags, sentences = [], [], [], []
    pos = 0
    for sent in doc:
        s_start = pos
        for k, (tok, tag) in enumerate(sent):
            if k:
                pieces.append(" ")
                pos += 1
            offsets.append((pos, pos + len(tok)))
            pieces.append(tok)
            pos += len(tok)
            tags.append(tag)
        pieces.append("\n\n")
        pos += 2
        sentences.append((s_start, pos - 2))
    text = "".join(pieces)
    return text, offsets, tags


def evaluate(docs, **options) -> tuple[Counter, Counter, Counter, int]:
    tp, fp, fn = Counter(), Counter(), Counter()
    words = 0
    for doc in docs:
        text, offsets, _ = build_document(doc)
        words += len(offsets)
        gold = gold_spans(doc)
        start_ix = {s: i for i, (s, _) in enumerate(offsets)}
        end_ix = {e: i + 1 for i, (_, e) in enumerate(offsets)}
        pred = set()
        for r in recognise(text, split_sentences(text), **options):
            kind = LABEL_MAP.get(r["label"])
            if kind is None:
                continue
            s, e = start_ix.get(r["start"]), end_ix.get(r["end"])
            pred.add((s if s is not None else -r["start"], e if e is not None else -1, kind))
        for s, e, t in pred:
            (tp if (s, e, t) in gold else fp)[t] += 1
        for s, e, t in gold:
            if (s, e, t) not in pred:
                fn[t] += 1
    return tp, fp, fn, words


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def accuracy_table(docs) -> float:
    tp, fp, fn, _ = evaluate(docs)
    print("CoNLL-2003 eng.testa, exact-span typed (conlleval style)")
    print(f"{'type':<8}{'gold':>7}{'pred':>7}{'P':>8}{'R':>8}{'F1':>8}")
    for t in (*TYPES, "ALL"):
        if t == "ALL":
            a, b, c = sum(tp.values()), sum(fp.values()), sum(fn.values())
        else:
            a, b, c = tp[t], fp[t], fn[t]
        p, r, f = prf(a, b, c)
        print(f"{t:<8}{a + c:>7}{a + b:>7}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
    return prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))[2]


def ours_speed(texts: list[str]) -> tuple[int, float]:
    from analysis.document import Document
    from analysis.entities import entity_step

    entity_step(Document(text="Warm up: Ankara and NATO."))  # load gazetteers first
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    for text in texts:
        entity_step(Document(text=text))
    return words, time.perf_counter() - t0


def nltk_speed(texts: list[str]) -> tuple[int, float]:
    os.environ["NLTK_DATA"] = str(EVAL.parent / "nltk_data")
    import nltk
    from nltk.chunk import ne_chunker
    from nltk.tag import PerceptronTagger

    nltk.data.path.insert(0, os.environ["NLTK_DATA"])
    chunker = ne_chunker(fmt="binary")  # built once: ne_chunk() rebuilds it on every call
    tagger = PerceptronTagger()
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    for text in texts:
        for sent in nltk.sent_tokenize(text):
            chunker.parse(tagger.tag(nltk.word_tokenize(sent)))
    return words, time.perf_counter() - t0


def speed_table(n_nltk: int) -> None:
    corpus = EVAL / "corpus_polnear_train_dev.jsonl"
    texts = [json.loads(line)["text"] for line in corpus.read_text("utf-8").splitlines()]
    w, s = ours_speed(texts)
    print(f"\nThroughput on {corpus.name} (one core)")
    print(f"{'system':<34}{'articles':>9}{'words':>9}{'seconds':>9}{'words/s':>10}")
    print(f"{'newsnb entity_step':<34}{len(texts):>9}{w:>9}{s:>9.2f}{w / s:>10.0f}")
    try:
        nw, ns = nltk_speed(texts[:n_nltk])
    except (LookupError, OSError, ImportError) as exc:
        print(f"NLTK baseline unavailable: {exc}")
        return
    print(f"{'NLTK sent/word/pos/ne_chunk(bin)':<34}{n_nltk:>9}{nw:>9}{ns:>9.2f}{nw / ns:>10.0f}")
    print(f"speed ratio newsnb / NLTK: {(w / s) / (nw / ns):.1f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nltk-articles", type=int, default=100)
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args()
    path = EVAL / "ner" / "eng.testa"
    if not path.exists():
        sys.exit(f"gold data not found at {path} (set NEWSNB_EVAL to ../shared/eval)")
    accuracy_table(read_conll(path))
    if not args.no_speed:
        speed_table(args.nltk_articles)


if __name__ == "__main__":
    main()
