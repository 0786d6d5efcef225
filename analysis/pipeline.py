"""``analyze()``: load a corpus and run every analysis step on each article.

The steps are pure functions ``step(Document) -> {table: [records]}`` run in order, each seeing
what the earlier ones produced. A step that fails on one article is reported in the errors
table (naming the article and the step) and the rest of the article and corpus still go on.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pandas as pd

from . import entities, events, quotes, text, timex
from .articles import Article, load_articles
from .document import Document
from .tables import PER_ARTICLE, Analysis, frame

log = logging.getLogger(__name__)

Step = Callable[[Document], dict[str, list[dict]]]


def sentence_step(doc: Document) -> dict[str, list[dict]]:
    return {"sentences": text.split_sentences(doc.text, doc.body_start)}


#: The analysis steps, in the order they run.
STEPS: list[tuple[str, Step]] = [
    ("sentences", sentence_step),
    ("entities", entities.entity_step),
    ("timexes", timex.timex_step),
    ("quotes", quotes.quote_step),
    ("events", events.event_step),
]


def analyze_document(doc: Document) -> tuple[dict[str, list[dict]], list[dict]]:
    """Run every step on one document: ``(tables, problems)``; never raises for bad text."""
    problems = []
    for name, step in STEPS:
        try:
            produced = step(doc)
        except Exception as exc:  # one bad article must not stop a corpus
            log.exception("article %s: step %s failed", doc.article_id, name)
            problems.append(
                {"reason": f"{name} step failed: {type(exc).__name__}: {exc}", "level": "error"}
            )
            continue
        for table, records in produced.items():
            doc.tables[table] = records
    return doc.tables, problems


def document_for(article: Article, options: dict[str, Any] | None = None) -> Document:
    date = article.date.date() if article.date is not None and not pd.isna(article.date) else None
    return Document(
        text=article.text,
        article_id=article.article_id,
        body_start=article.body_start,
        date=date,
        options=options or {},
    )


def analyze_article(article: Article, options: dict[str, Any] | None = None) -> dict:
    """Analyse one article: records per table (with ``article_id``) and its problems."""
    doc = document_for(article, options)
    tables, problems = analyze_document(doc)
    out: dict[str, list[dict]] = {}
    for table in PER_ARTICLE:
        out[table] = [{"article_id": article.article_id, **r} for r in tables.get(table, [])]
    out["errors"] = [
        {"path": article.path, "record": article.record or article.article_id, **p}
        for p in problems
    ]
    return out


def _progress(iterable: Iterable, total: int, progress: bool | None, desc: str) -> Iterator:
    if progress is None:
        progress = sys.stderr.isatty()
    if not progress:
        yield from iterable
        return
    from tqdm.auto import tqdm

    yield from tqdm(iterable, total=total, desc=desc, unit="article")


def _analyze_chunk(args: tuple[list[Article], dict]) -> list[dict]:
    chunk, options = args
    return [analyze_article(a, options) for a in chunk]


def _chunks(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def analyze(
    corpus: str | Path | Iterable[str | Path] | Analysis,
    *,
    workers: int = 1,
    progress: bool | None = None,
    max_bytes: int | None = None,
    **options: Any,
) -> Analysis:
    """Analyse a corpus (file, folder, glob, list of them, or a saved analysis folder).

    ``workers`` > 1 analyses articles in that many processes (0 = all cores); the result is the
    same as with one. ``progress`` shows a progress bar (default: when stderr is a terminal).
    Other keyword options reach the steps, e.g. ``metonymy=False`` keeps capitals as cities.

    >>> a = analyze("seeds")                      # doctest: +SKIP
    >>> a.articles[["article_id", "date", "source", "author"]]  # doctest: +SKIP
    """
    if isinstance(corpus, Analysis):
        return corpus
    if isinstance(corpus, (str, Path)) and Analysis.is_saved(corpus):
        return Analysis.load(corpus)
    loaded = load_articles(corpus, **({"max_bytes": max_bytes} if max_bytes else {}))
    articles = loaded.articles
    results: list[dict] = []
    if workers == 0:
        workers = os.cpu_count() or 1
    workers = max(1, min(workers, len(articles) or 1))
    if workers == 1:
        for article in _progress(articles, len(articles), progress, "analysing"):
            results.append(analyze_article(article, options))
    else:
        size = max(1, min(64, len(articles) // (workers * 4) or 1))
        chunks = _chunks(articles, size)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            mapped = pool.map(_analyze_chunk, [(c, options) for c in chunks])
            done = _progress(mapped, len(chunks), progress, f"analysing ({workers} workers)")
            for chunk_result in done:
                results.extend(chunk_result)
    return assemble(articles, [i.as_record() for i in loaded.issues], results)


def assemble(articles: list[Article], issues: list[dict], results: list[dict]) -> Analysis:
    """Build the analysis tables from per-article results (in article order)."""
    tables: dict[str, pd.DataFrame] = {}
    for table in PER_ARTICLE:
        records = [r for res in results for r in res[table]]
        tables[table] = frame(table, records)
    errors = issues + [e for res in results for e in res["errors"]]
    return Analysis(
        articles=frame("articles", [a.as_record() for a in articles]),
        errors=frame("errors", errors),
        **tables,
    )
