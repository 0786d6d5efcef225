"""``analyze()`` and ``parse()``: load a corpus and run every analysis step on each article.

The steps are pure functions ``step(Document) -> {table: [records]}`` run in order, each seeing
what the earlier ones produced. A step that fails on one article is reported in the errors
table (naming the article and the step) and the rest of the article and corpus still go on.

Articles stream through in chunks of ``chunk_size``: read, analysed (in this process, in a pool
of processes, or on a Dask cluster) and handed on in corpus order, so that :func:`parse` keeps
memory bounded by a few chunks whatever the corpus size. Results are cached by content
(:class:`ResultCache`): an unchanged article is not analysed again.
"""

from __future__ import annotations

import datetime
import gc
import hashlib
import json
import logging
import os
import pickle
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from . import entities, events, quotes, text, timex
from .articles import MAX_BYTES, Article, CorpusError, iter_corpus
from .document import Document
from .tables import (
    PER_ARTICLE,
    SCHEMAS,
    TABLES,
    Analysis,
    column_values,
    conform,
    frame,
    frame_from_columns,
    tables_written_aside,
)

log = logging.getLogger(__name__)

Step = Callable[[Document], dict[str, list[dict]]]
Corpus = str | Path | Iterable[str | Path]

#: Articles per chunk: the unit of parallel work, of caching I/O and of Parquet row groups.
CHUNK_SIZE = 64

#: Allocations between collections of the youngest generation while a corpus is analysed.
GC_YOUNG = 10_000


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


# --------------------------------------------------------------------------------------------
# One article


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


_WARM_UP_TEXT = (
    "Turkish President Recep Tayyip Erdogan said on Monday that Ankara would buy 40 F-16 jets "
    "from the United States in April 2021.\n\n"
    "\u201cWe will not accept sanctions,\u201d he told reporters in Brussels, according to NATO. "
    "The European Union imposed an embargo last year."
)


def warm_up() -> None:
    """Load what the steps need (gazetteers, lexicons, compiled grammars) in this process now.

    They otherwise load on first use, once per process. Timing runs call this first so that
    they measure analysis, not start-up; with the ``fork`` start method, worker processes
    created afterwards inherit what was loaded.
    """
    analyze_document(Document(text=_WARM_UP_TEXT, date=datetime.date(2023, 1, 9)))


def document_for(article: Article, options: dict[str, Any] | None = None) -> Document:
    date = article.date.date() if article.date is not None and not pd.isna(article.date) else None
    return Document(
        text=article.text,
        article_id=article.article_id,
        body_start=article.body_start,
        date=date,
        options=options or {},
    )


def _raw_result(article: Article, options: dict[str, Any]) -> tuple[dict, list[dict]]:
    return analyze_document(document_for(article, options))


def _with_ids(article: Article, raw: tuple[dict, list[dict]]) -> dict[str, list[dict]]:
    tables, problems = raw
    out: dict[str, list[dict]] = {}
    for table in PER_ARTICLE:
        out[table] = [{"article_id": article.article_id, **r} for r in tables.get(table, [])]
    out["errors"] = _error_records(article, problems)
    return out


def _error_records(article: Article, problems: list[dict]) -> list[dict]:
    """Rows of the errors table for an article's problems."""
    return [
        {"path": article.path, "record": article.record or article.article_id, **p}
        for p in problems
    ]


def _chunk_table(
    table: str, chunk: list[Article], raws: list[tuple[dict, list[dict]]]
) -> pd.DataFrame:
    """One per-article table of a chunk: :func:`frame` of the :func:`_with_ids` records, but
    built column by column, without copying every record to add its ``article_id`` (step
    records carry none, see :class:`Document`)."""
    ids: list[str] = []
    records: list[dict] = []
    for article, (tables, _) in zip(chunk, raws, strict=True):
        produced = tables.get(table, [])
        ids += [article.article_id] * len(produced)
        records += produced
    columns = {col: column_values(records, col) for col in SCHEMAS[table] if col != "article_id"}
    return frame_from_columns(table, {"article_id": ids, **columns})


def analyze_article(article: Article, options: dict[str, Any] | None = None) -> dict:
    """Analyse one article: records per table (with ``article_id``) and its problems."""
    return _with_ids(article, _raw_result(article, options or {}))


def _analyze_chunk(
    chunk: list[Article], options: dict[str, Any], cache_dir: str | None = None
) -> tuple[dict[str, pd.DataFrame], list[dict], int, int]:
    """Analyse a chunk where it runs (a worker): ``(tables, problems, cache hits, misses)``.

    The tables (every per-article table and ``articles``) are built here, not in the parent,
    so that workers ship a few compact frames instead of many small dicts.
    """
    store = ResultCache(cache_dir, options) if cache_dir is not None else None
    raws = []
    for article in chunk:
        raw = store.get(article) if store is not None else None
        if raw is None:
            raw = _raw_result(article, options)
            if store is not None:
                store.put(article, raw)
        raws.append(raw)
    tables = {t: _chunk_table(t, chunk, raws) for t in PER_ARTICLE}
    tables["articles"] = frame("articles", [a.as_record() for a in chunk])
    problems = [
        e
        for article, (_, probs) in zip(chunk, raws, strict=True)
        for e in _error_records(article, probs)
    ]
    hits = store.hits if store is not None else 0
    misses = store.misses if store is not None else 0
    return tables, problems, hits, misses


# --------------------------------------------------------------------------------------------
# Caching by content


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the package's code and data: cached results are valid only for the same code."""
    h = hashlib.sha1()
    root = Path(__file__).parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".txt", ".tsv", ".csv", ".json"}:
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def default_cache_dir() -> Path:
    base = os.environ.get("NEWSNB_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "newsnb"
    )
    return Path(base)


class ResultCache:
    """Per-article results on disk, keyed by the article's content, options and code version."""

    def __init__(self, directory: str | Path, options: dict[str, Any]) -> None:
        self.directory = Path(directory)
        self._salt = json.dumps(options, sort_keys=True, default=str) + code_version()
        self.hits = self.misses = 0

    def key(self, article: Article) -> str:
        h = hashlib.sha1(self._salt.encode())
        h.update(f"{article.body_start}|{article.date}|".encode())
        h.update(article.text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.pkl"

    def get(self, article: Article):
        path = self._path(self.key(article))
        try:
            with path.open("rb") as fh:
                value = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, article: Article, value) -> None:
        path = self._path(self.key(article))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError as exc:  # a cache that cannot be written only costs time
            log.warning("cannot write cache %s: %s", path, exc)


# --------------------------------------------------------------------------------------------
# Executors: serial, processes, Dask — same chunks in, same results out, in order


class _Serial:
    def __init__(self, workers: int) -> None:
        self.workers = 1

    def map(self, chunks: Iterator, options: dict, cache_dir: str | None) -> Iterator:
        for chunk in chunks:
            yield _analyze_chunk(chunk, options, cache_dir)

    def close(self) -> None:
        pass


class _Processes:
    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pool = ProcessPoolExecutor(max_workers=workers)

    def map(self, chunks: Iterator, options: dict, cache_dir: str | None) -> Iterator:
        # a bounded window of chunks in flight keeps memory flat and the order stable
        window: deque = deque()
        for chunk in chunks:
            window.append(self.pool.submit(_analyze_chunk, chunk, options, cache_dir))
            if len(window) >= 2 * self.workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class _Dask:
    """Chunks as tasks on a Dask ``distributed`` cluster (``pip install newsnb[dask]``)."""

    def __init__(self, workers: int, scheduler: str | Any | None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise RuntimeError(
                "engine='dask' needs the dask extra: pip install 'newsnb[dask]'"
            ) from exc
        self._own = None
        if scheduler is None:
            self._own = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
            self.client = Client(self._own)
        elif isinstance(scheduler, str):
            self.client = Client(scheduler)
        else:
            self.client = scheduler  # an existing Client
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or workers)

    def map(self, chunks: Iterator, options: dict, cache_dir: str | None) -> Iterator:
        # the cache folder is a path on the worker's machine (shared or local to it)
        window: deque = deque()
        for chunk in chunks:
            window.append(self.client.submit(_analyze_chunk, chunk, options, cache_dir, pure=False))
            if len(window) >= 2 * self.workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()

    def close(self) -> None:
        if self._own is not None:
            self.client.close()
            self._own.close()


# --------------------------------------------------------------------------------------------
# The corpus


@dataclass
class Chunk:
    """A slice of the corpus after analysis, in corpus order: its articles and every table."""

    articles: list[Article]
    tables: dict[str, pd.DataFrame]


def _article_chunks(
    corpus: Corpus, chunk_size: int, max_bytes: int
) -> Iterator[tuple[list[Article], list[dict]]]:
    articles: list[Article] = []
    issues: list[dict] = []
    for file_articles, file_issues in iter_corpus(corpus, max_bytes=max_bytes):
        issues.extend(i.as_record() for i in file_issues)
        for article in file_articles:
            articles.append(article)
            if len(articles) >= chunk_size:
                yield articles, issues
                articles, issues = [], []
    if articles or issues:
        yield articles, issues


def iter_analysis(
    corpus: Corpus,
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | Any | None = None,
    progress: bool | None = None,
    cache: bool | str | Path = False,
    chunk_size: int = CHUNK_SIZE,
    max_bytes: int = MAX_BYTES,
    options: dict[str, Any] | None = None,
) -> Iterator[Chunk]:
    """Stream the analysis of a corpus chunk by chunk, in corpus order (see :func:`analyze`)."""
    options = dict(options or {})
    if workers == 0:
        workers = os.cpu_count() or 1
    if engine == "dask" or scheduler is not None:
        executor: Any = _Dask(workers, scheduler)
    elif engine != "local":
        raise ValueError(f"unknown engine {engine!r}: use 'local' or 'dask'")
    else:
        warm_up()  # resources loaded once, before worker processes fork (they inherit them)
        executor = _Processes(workers) if workers > 1 else _Serial(1)
    cache_dir = None
    if cache:
        cache_dir = str(default_cache_dir() if cache is True else cache)

    pending: deque = deque()  # (articles, load issues) of the chunks in flight

    def to_compute() -> Iterator[list[Article]]:
        for articles, issues in _article_chunks(corpus, chunk_size, max_bytes):
            pending.append((articles, issues))
            yield articles

    bar = _progress_bar(progress, executor.workers)
    hits = misses = 0
    # the objects that exist now (gazetteers, lexicons, compiled patterns: over 100,000
    # long-lived containers) are left out of garbage collection while the corpus is analysed,
    # whose full passes would otherwise traverse them again and again; and the youngest
    # generation is collected every GC_YOUNG allocations rather than every 700 (the records of
    # an article are many short-lived dicts and lists, seldom in cycles). Processes forked
    # meanwhile inherit both; the end gives the objects and the threshold back.
    gc.freeze()
    thresholds = gc.get_threshold()
    gc.set_threshold(max(GC_YOUNG, thresholds[0]), *thresholds[1:])
    try:
        for tables, problems, chunk_hits, chunk_misses in executor.map(
            to_compute(), options, cache_dir
        ):
            articles, issues = pending.popleft()
            hits, misses = hits + chunk_hits, misses + chunk_misses
            tables["errors"] = frame("errors", issues + problems)
            if bar is not None:
                bar.update(len(articles))
            yield Chunk(articles, tables)
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
        executor.close()
        if bar is not None:
            bar.close()
        if hits or misses:
            log.info("cache: %d reused, %d analysed", hits, misses)


def _progress_bar(progress: bool | None, workers: int):
    if progress is None:
        progress = sys.stderr.isatty()
    if not progress:
        return None
    from tqdm.auto import tqdm

    desc = "analysing" + (f" ({workers} workers)" if workers > 1 else "")
    return tqdm(desc=desc, unit=" articles")


def analyze(
    corpus: Corpus | Analysis,
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | Any | None = None,
    progress: bool | None = None,
    cache: bool | str | Path = False,
    chunk_size: int = CHUNK_SIZE,
    max_bytes: int = MAX_BYTES,
    **options: Any,
) -> Analysis:
    """Analyse a corpus and return its tables.

    ``corpus`` is a file, folder, glob or list of them, or a folder written by
    :meth:`Analysis.save` / :func:`parse` (then it is loaded, not re-parsed).
    ``workers`` > 1 analyses chunks in that many processes (0 = all cores);
    ``engine="dask"`` (or a ``scheduler`` address or ``Client``) runs them on a Dask cluster.
    The result is the same in every mode. ``progress`` shows a progress bar (default: when
    stderr is a terminal); ``cache`` reuses per-article results (``True`` for
    ``~/.cache/newsnb`` or ``$NEWSNB_CACHE``, or a folder). Other keyword options reach the
    steps, e.g. ``metonymy=False`` counts capitals as cities rather than their governments.

    >>> a = analyze("seeds")                                    # doctest: +SKIP
    >>> a.articles[["article_id", "date", "source", "author"]]  # doctest: +SKIP
    """
    if isinstance(corpus, Analysis):
        return corpus
    if isinstance(corpus, (str, Path)) and Analysis.is_saved(corpus):
        return Analysis.load(corpus)
    parts: dict[str, list[pd.DataFrame]] = {t: [] for t in TABLES}
    for chunk in iter_analysis(
        corpus,
        workers=workers,
        engine=engine,
        scheduler=scheduler,
        progress=progress,
        cache=cache,
        chunk_size=chunk_size,
        max_bytes=max_bytes,
        options=options,
    ):
        for name, df in chunk.tables.items():
            parts[name].append(df)
    tables = {
        t: conform(t, pd.concat(dfs, ignore_index=True)) if dfs else frame(t)
        for t, dfs in parts.items()
    }
    return Analysis(**tables)


class _TableWriter:
    """One Parquet file per table, a row group per chunk; schemas fixed by :data:`SCHEMAS`."""

    def __init__(self, directory: Path) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._pa, self._pq = pa, pq
        self.directory = directory
        self.schemas = {t: pa.Schema.from_pandas(frame(t), preserve_index=False) for t in TABLES}
        self.writers = {
            t: pq.ParquetWriter(directory / f"{t}.parquet", self.schemas[t]) for t in TABLES
        }
        self.rows = dict.fromkeys(TABLES, 0)

    def write(self, tables: dict[str, pd.DataFrame]) -> None:
        for name, df in tables.items():
            if len(df):
                # one thread: a chunk's table is too small for a thread pool to pay off
                table = self._pa.Table.from_pandas(
                    df, schema=self.schemas[name], preserve_index=False, nthreads=1
                )
                self.writers[name].write_table(table)
                self.rows[name] += len(df)

    def close(self) -> None:
        for w in self.writers.values():
            w.close()


def parse(
    corpus: Corpus,
    out: str | Path,
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | Any | None = None,
    progress: bool | None = None,
    cache: bool | str | Path = False,
    chunk_size: int = CHUNK_SIZE,
    max_bytes: int = MAX_BYTES,
    **options: Any,
) -> dict[str, int]:
    """Analyse a corpus straight to Parquet in ``out`` with memory bounded by a few chunks.

    Same options as :func:`analyze`; read the result with :meth:`Analysis.load`. The tables are
    written to a temporary folder and moved into place when complete, so a failed or
    interrupted run, or a corpus without one readable article (:class:`CorpusError`), leaves
    the previous ``out`` intact. Returns rows written per table.
    """
    with tables_written_aside(out) as tmp:
        writer = _TableWriter(tmp)
        try:
            for chunk in iter_analysis(
                corpus,
                workers=workers,
                engine=engine,
                scheduler=scheduler,
                progress=progress,
                cache=cache,
                chunk_size=chunk_size,
                max_bytes=max_bytes,
                options=options,
            ):
                writer.write(chunk.tables)
        finally:
            writer.close()
        if writer.rows["articles"] == 0:
            # keep whatever good output was there before
            raise CorpusError(f"no readable article in {corpus} ({writer.rows['errors']} problems)")
    return writer.rows
