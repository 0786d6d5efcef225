"""The analysis tables: their schemas (one place, used by code and README) and Parquet I/O.

Every table is a :class:`pandas.DataFrame`. Every row of a per-article table carries
``article_id`` and, where it is a span, ``start``/``end`` character offsets into that article's
``text`` (``articles.text``), so that ``text[start:end] == row.text``.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

# column -> (dtype, meaning). dtypes are pandas dtype names; "string" is pandas' string dtype
# (missing = <NA>), "Int64"/"Float64"/"boolean" are nullable.
SCHEMAS: dict[str, dict[str, tuple[str, str]]] = {
    "articles": {
        "article_id": ("string", "unique id (file stem or record id, made file-name safe)"),
        "path": ("string", "file the article came from"),
        "record": ("string", "place inside the file (`line 3`, `row 2`); empty for text files"),
        "source": ("string", "publisher, from the header or the record; <NA> if unknown"),
        "date": ("datetime64[ns]", "publication date; NaT if unknown or impossible"),
        "author": ("string", "author line or field; <NA> if unknown"),
        "title": ("string", "title field or HTML <title>; <NA> if none"),
        "body_start": ("int64", "offset of the first body character (after any header)"),
        "n_chars": ("int64", "length of `text`"),
        "encoding": ("string", "encoding the bytes were decoded with"),
        "sha1": ("string", "SHA-1 of the body text (duplicate detection, caching)"),
        "text": ("string", "decoded text (newlines \\n, Unicode NFC) that all offsets index"),
    },
    "errors": {
        "path": ("string", "file with the problem"),
        "record": ("string", "place inside the file, empty for the whole file"),
        "level": ("string", "`error`: nothing loaded from it; `warning`: loaded with a caveat"),
        "reason": ("string", "what is wrong, in words"),
    },
    "sentences": {
        "article_id": ("string", "article"),
        "sentence_id": ("int64", "0-based index of the sentence in the article"),
        "paragraph_id": ("int64", "0-based index of the body paragraph holding it"),
        "start": ("int64", "offset of the first character"),
        "end": ("int64", "offset after the last character"),
        "text": ("string", "the sentence, = article text[start:end]"),
    },
    "entities": {
        "article_id": ("string", "article"),
        "sentence_id": ("int64", "sentence holding the mention"),
        "start": ("int64", "mention start offset"),
        "end": ("int64", "mention end offset"),
        "text": ("string", "mention as written, = text[start:end]"),
        "label": ("string", "PERSON, ORG, GPE, LOC, NORP, PRODUCT, LAW, EVENT (OntoNotes)"),
        "entity_id": ("string", "stable canonical id (`gpe:TUR`, `person:ismail-demir`)"),
        "canonical_name": ("string", "normalised name (`Türkiye`, `Ismail Demir`)"),
        "country": ("string", "ISO 3166 alpha-3 code for GPE/LOC/NORP (and affiliations)"),
        "role": ("string", "title or role split off a person (`President`, `head`)"),
        "method": ("string", "rule or gazetteer that produced the mention"),
    },
    "quotes": {
        "article_id": ("string", "article"),
        "quote_id": ("int64", "0-based index of the quote in the article"),
        "sentence_id": ("int64", "sentence where the quote starts"),
        "start": ("int64", "start offset of the quoted content"),
        "end": ("int64", "end offset of the quoted content"),
        "text": ("string", "quoted content, = text[start:end]"),
        "kind": ("string", "direct, partial, title, scare, indirect"),
        "speaker": ("string", "canonical name of the speaker; <NA> if not found"),
        "speaker_id": ("string", "entity_id of the speaker; <NA> if not found"),
        "speaker_start": ("Int64", "offset of the speaker mention that attributed it"),
        "speaker_end": ("Int64", "end offset of that mention"),
        "cue": ("string", "speech verb or cue (`said`, `according to`)"),
        "method": ("string", "attribution rule that fired (e.g. QVC, VCQ, pronoun, floating)"),
        "closed": ("boolean", "False if the closing mark was missing and the quote was cut"),
        "neg": ("float64", "VADER negative share"),
        "neu": ("float64", "VADER neutral share"),
        "pos": ("float64", "VADER positive share"),
        "compound": ("float64", "VADER compound score in [-1, 1]"),
    },
    "quote_sentences": {
        "article_id": ("string", "article"),
        "quote_id": ("int64", "quote"),
        "start": ("int64", "start offset of the sentence part inside the quote"),
        "end": ("int64", "end offset"),
        "text": ("string", "= text[start:end]"),
        "neg": ("float64", "VADER negative share"),
        "neu": ("float64", "VADER neutral share"),
        "pos": ("float64", "VADER positive share"),
        "compound": ("float64", "VADER compound score"),
    },
    "timexes": {
        "article_id": ("string", "article"),
        "timex_id": ("int64", "0-based index in the article"),
        "sentence_id": ("int64", "sentence holding it"),
        "start": ("int64", "start offset"),
        "end": ("int64", "end offset"),
        "text": ("string", "= text[start:end]"),
        "type": ("string", "TIMEX3 type: DATE, TIME, DURATION, SET"),
        "value": ("string", "TIMEX3 value (`2021-04`, `P3Y`, `PAST_REF`); <NA> if unresolved"),
        "mod": ("string", "TIMEX3 mod (APPROX, START, END, ...); <NA> if none"),
        "granularity": ("string", "day, week, month, quarter, year, decade, ..."),
        "interval_start": ("datetime64[ns]", "first day covered; NaT if not a resolved date"),
        "interval_end": ("datetime64[ns]", "last day covered; NaT if not a resolved date"),
    },
    "events": {
        "article_id": ("string", "article"),
        "event_id": ("int64", "0-based index in the article"),
        "sentence_id": ("int64", "sentence it comes from"),
        "start": ("int64", "trigger start offset"),
        "end": ("int64", "trigger end offset"),
        "trigger": ("string", "trigger word(s), = text[start:end]"),
        "event_class": ("string", "statement, cooperation, purchase, sanction, military, ..."),
        "action": ("string", "base form of the trigger (`suspend`, `launch operation`)"),
        "cameo": ("string", "CAMEO-like code of the class (`163`); <NA> for legal acts"),
        "quad_class": ("Int64", "QuadClass: 1/2 verbal/material cooperation, 3/4 conflict"),
        "actors": ("string", "`|`-separated entity_ids of who acts"),
        "targets": ("string", "`|`-separated entity_ids of who or what is acted on"),
        "actor_names": ("string", "`|`-separated canonical names of the actors"),
        "target_names": ("string", "`|`-separated canonical names of the targets"),
        "timex_value": ("string", "TIMEX3 value dating the event; <NA> if undated"),
        "interval_start": ("datetime64[ns]", "first day the event may fall on"),
        "interval_end": ("datetime64[ns]", "last day the event may fall on"),
        "dated_by": ("string", "timex, article_date, ordering, none"),
        "after_event": ("Int64", "event_id this one follows (`after X`), <NA> if none"),
        "before_event": ("Int64", "event_id this one precedes (`before X`), <NA> if none"),
        "negated": ("boolean", "the trigger is negated (`did not attack`)"),
        "hypothetical": ("boolean", "modal or future (`will impose`): not a reported fact"),
    },
}

TABLES = tuple(SCHEMAS)
PER_ARTICLE = tuple(t for t in TABLES if t not in ("articles", "errors"))


def frame(table: str, records: list[dict] | None = None) -> pd.DataFrame:
    """Build a table from records with its schema's columns (in order) and dtypes.

    A key missing from a record is a missing value; keys outside the schema are dropped.
    """
    records = records or []
    return frame_from_columns(table, {col: column_values(records, col) for col in SCHEMAS[table]})


def column_values(records: list[dict], column: str) -> list:
    """The values of one key in every record, ``None`` where a record lacks it."""
    try:
        return list(map(itemgetter(column), records))  # the usual case, at C speed
    except KeyError:
        return [r.get(column) for r in records]


def frame_from_columns(table: str, columns: dict[str, list]) -> pd.DataFrame:
    """Build a table from one list of values per column of its schema (all of equal length).

    Each column is built straight in its dtype: ``DataFrame.from_records`` followed by
    :func:`conform` would infer a dtype for every column, then cast and copy it again.
    """
    schema = SCHEMAS[table]
    return pd.DataFrame(
        {col: _column(columns[col], dtype) for col, (dtype, _) in schema.items()}, copy=False
    )


def _column(values: list, dtype: str):
    """One column's values as an array of ``dtype`` (the values :func:`conform` would give)."""
    if dtype.startswith("datetime64"):
        return _to_datetime_ns(pd.Series(values, dtype=object)).array
    if dtype in ("int64", "float64"):
        return np.array(values, dtype=dtype)
    if dtype == "string" and set(map(type, values)) <= _STR_OR_NONE:
        # pyarrow reads str and None as they are, without pandas' pass over every value that
        # converts other objects to str (so anything else takes pandas' way)
        return pd.array(pa.array(values, type=pa.large_string()), dtype=dtype)
    return pd.array(values, dtype=dtype)


_STR_OR_NONE = {str, type(None)}


_NS_MIN, _NS_MAX = pd.Timestamp.min.ceil("D"), pd.Timestamp.max.floor("D")


def _to_datetime_ns(values: pd.Series) -> pd.Series:
    """Dates as ``datetime64[ns]``; dates outside its range (years before 1678) become NaT."""
    # without cache: pandas' cache of distinct dates costs more than it saves on article dates
    out = pd.to_datetime(values, errors="coerce", cache=False)
    if len(out) and str(out.dtype) != "datetime64[ns]" and _out_of_ns_range(out):
        out = out.where((out >= _NS_MIN) & (out <= _NS_MAX))
    return out.astype("datetime64[ns]")


def _out_of_ns_range(dates: pd.Series) -> bool:
    # two reductions instead of the masking of every date that is only needed if this is true
    return dates.min() < _NS_MIN or dates.max() > _NS_MAX


def conform(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """Reorder columns and cast dtypes to the schema; extra columns are kept at the end."""
    schema = SCHEMAS[table]
    df = df.copy()
    for col, (dtype, _) in schema.items():
        if col not in df.columns:
            df[col] = pd.Series([None] * len(df), dtype="object")
        if dtype.startswith("datetime64"):
            df[col] = _to_datetime_ns(df[col])
        elif dtype == "int64":
            df[col] = df[col].astype("int64")
        else:
            df[col] = df[col].astype(dtype)
    extra = [c for c in df.columns if c not in schema]
    return df[list(schema) + extra].reset_index(drop=True)


def schema_markdown(table: str) -> str:
    """The schema of one table as a Markdown table (used in the README)."""
    rows = ["| column | dtype | meaning |", "|---|---|---|"]
    rows += [f"| `{c}` | {d} | {m} |" for c, (d, m) in SCHEMAS[table].items()]
    return "\n".join(rows)


def schemas_markdown() -> str:
    """Every table's schema as Markdown sections (the README's table reference)."""
    return "\n\n".join(f"### `{t}`\n\n{schema_markdown(t)}" for t in TABLES)


def update_readme(path: str | Path = "README.md") -> None:
    """Rewrite the README block between the ``schemas:start``/``schemas:end`` markers."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    start, end = "<!-- schemas:start -->", "<!-- schemas:end -->"
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    path.write_text(f"{head}{start}\n{schemas_markdown()}\n{end}{tail}", encoding="utf-8")


def atomic_replace_dir(tmp: Path, dest: Path) -> None:
    """Move a finished folder into place; the previous one is removed only afterwards."""
    dest = Path(dest)
    old = None
    if dest.exists():
        old = dest.with_name(f".{dest.name}.old-{os.getpid()}")
        if old.exists():
            shutil.rmtree(old)
        os.replace(dest, old)
    os.replace(tmp, dest)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


@contextmanager
def tables_written_aside(directory: str | Path) -> Iterator[Path]:
    """Yield a temporary folder beside ``directory`` to write tables into; on success add the
    manifest and move it into place, on any failure (or Ctrl-C) remove it and keep the old one."""
    directory = Path(directory)
    directory.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{directory.name}.tmp-", dir=directory.parent))
    try:
        yield tmp
        manifest = {"format": "newsnb-tables", "version": 1, "tables": list(TABLES)}
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
        atomic_replace_dir(tmp, directory)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


@dataclass
class Analysis:
    """The tables of one analysed corpus. Attribute per table; see :data:`SCHEMAS`."""

    articles: pd.DataFrame = field(default_factory=lambda: frame("articles"))
    errors: pd.DataFrame = field(default_factory=lambda: frame("errors"))
    sentences: pd.DataFrame = field(default_factory=lambda: frame("sentences"))
    entities: pd.DataFrame = field(default_factory=lambda: frame("entities"))
    quotes: pd.DataFrame = field(default_factory=lambda: frame("quotes"))
    quote_sentences: pd.DataFrame = field(default_factory=lambda: frame("quote_sentences"))
    timexes: pd.DataFrame = field(default_factory=lambda: frame("timexes"))
    events: pd.DataFrame = field(default_factory=lambda: frame("events"))

    def __repr__(self) -> str:
        sizes = ", ".join(f"{t}={len(getattr(self, t))}" for t in TABLES)
        return f"Analysis({sizes})"

    def tables(self) -> dict[str, pd.DataFrame]:
        return {t: getattr(self, t) for t in TABLES}

    def text(self, article_id: str) -> str:
        """The text of one article (what its offsets index)."""
        row = self.articles.loc[self.articles["article_id"] == article_id, "text"]
        if row.empty:
            raise KeyError(f"no article {article_id!r}")
        return row.iloc[0]

    def save(self, directory: str | Path) -> Path:
        """Write every table to ``directory/<table>.parquet``, atomically.

        The tables are written to a temporary folder beside ``directory`` and moved into place
        only when all are written, so a failed save leaves the previous tables intact.
        """
        with tables_written_aside(directory) as tmp:
            for name, df in self.tables().items():
                df.to_parquet(tmp / f"{name}.parquet", index=False)
        return Path(directory)

    @classmethod
    def load(cls, directory: str | Path) -> Analysis:
        """Read tables written by :meth:`save` (a table file or folder of part files)."""
        directory = Path(directory)
        if not directory.is_dir():
            raise FileNotFoundError(f"no saved analysis at {directory}")
        tables = {}
        for name in TABLES:
            path = directory / f"{name}.parquet"
            if path.exists():
                tables[name] = conform(name, pd.read_parquet(path))
            else:
                tables[name] = frame(name)
        return cls(**tables)

    @staticmethod
    def is_saved(directory: str | Path) -> bool:
        return (Path(directory) / "articles.parquet").exists()
