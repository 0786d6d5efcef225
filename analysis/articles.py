"""Reading corpora: file formats, decoding, the seed header, and the errors table.

A *corpus* is a file, a folder (read recursively) or a glob pattern. Every readable file gives
zero or more articles; every problem gives a row in the errors table and a logged warning that
names the file, and never stops the rest of the corpus.

Accepted formats, by file suffix:

``.txt`` (and any other suffix)
    Plain text. If the first non-blank line is a header of the form
    ``date YYYY-MM-DD By SOURCE`` the date and source are parsed from it and the next short line
    is taken as the author; the body starts after them. Without a header, date and source are
    unknown (NaT / None) and a warning says so. HTML pages are reduced to their text.
``.jsonl`` / ``.ndjson``
    One JSON object per line. ``.json`` holds one object or a list of them.
``.csv``
    One article per row.

For JSON and CSV records the column names below are accepted (first match wins, case-insensitive):
"""

from __future__ import annotations

import csv
import glob
import hashlib
import html
import html.parser
import io
import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

log = logging.getLogger(__name__)

#: Accepted field names for structured records, in order of preference.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id", "uid", "guid"),
    "title": ("title", "headline", "heading"),
    "text": ("text", "body", "content", "article", "full_text"),
    "date": ("date", "publication_date", "published", "pub_date", "published_at", "datetime"),
    "source": ("source", "publisher", "outlet", "site", "agency"),
    "author": ("author", "byline", "authors", "writer"),
}
__doc__ += "\n".join(f"    ``{k}``: {', '.join(v)}" for k, v in FIELD_ALIASES.items()) + "\n"

#: Files larger than this are reported and skipped (a news article is rarely over 100 kB).
MAX_BYTES = 20_000_000

TEXT_SUFFIXES_STRUCTURED = {".jsonl", ".ndjson", ".json", ".csv"}
_SKIP_NAMES = {".DS_Store", "Thumbs.db"}

_HEADER_RE = re.compile(
    r"^[ \t\ufeff]*date[ \t]+(?P<date>\d{4}-\d{1,2}-\d{1,2})"
    r"[ \t]+by[ \t]+(?P<source>[^\n]+?)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_HTML_RE = re.compile(r"^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)


class CorpusError(Exception):
    """The corpus as a whole cannot be read (missing path, nothing matched)."""


@dataclass
class Article:
    """One article as loaded: ``text`` is what every offset in every table indexes."""

    article_id: str
    path: str
    record: str
    text: str
    body_start: int = 0
    date: pd.Timestamp | None = None
    source: str | None = None
    author: str | None = None
    title: str | None = None
    encoding: str = "utf-8"
    sha1: str = ""

    def as_record(self) -> dict:
        return {
            "article_id": self.article_id,
            "path": self.path,
            "record": self.record,
            "source": self.source,
            "date": self.date if self.date is not None else pd.NaT,
            "author": self.author,
            "title": self.title,
            "body_start": self.body_start,
            "n_chars": len(self.text),
            "encoding": self.encoding,
            "sha1": self.sha1,
            "text": self.text,
        }


@dataclass
class Issue:
    """A problem with one file or record: a row of the errors table."""

    path: str
    record: str
    level: str  # "error": nothing loaded from it; "warning": loaded with a caveat
    reason: str

    def as_record(self) -> dict:
        return {
            "path": self.path,
            "record": self.record,
            "level": self.level,
            "reason": self.reason,
        }


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# Finding files


def resolve_paths(corpus: str | Path | Iterable[str | Path]) -> list[Path]:
    """Expand a file, a folder (recursively), a glob, or a list of them into sorted files.

    Raises :class:`CorpusError` when a path does not exist or a glob matches nothing.
    """
    if isinstance(corpus, (str, Path)):
        items: list[str | Path] = [corpus]
    else:
        items = list(corpus)
    out: list[Path] = []
    for item in items:
        p = Path(item).expanduser()
        if p.is_dir():
            out.extend(
                f
                for f in sorted(p.rglob("*"))
                if f.is_file()
                and f.name not in _SKIP_NAMES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        elif p.is_file():
            out.append(p)
        elif any(ch in str(item) for ch in "*?["):
            matches = sorted(Path(m) for m in glob.glob(str(p), recursive=True))
            files = [m for m in matches if m.is_file()]
            if not files:
                raise CorpusError(f"no files match {item!r}")
            out.extend(files)
        else:
            raise CorpusError(f"no such file or folder: {item}")
    # de-duplicate while keeping order
    seen: set[Path] = set()
    unique = []
    for f in out:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


# --------------------------------------------------------------------------------------------
# Decoding


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: NUL bytes (outside UTF-16) or many control bytes."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > 0.05


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def decode_bytes(data: bytes) -> tuple[str, str, str | None]:
    """Decode bytes to text: ``(text, encoding, warning or None)``.

    UTF-8 (with or without BOM) first; UTF-16 when it carries a BOM; else Windows-1252 (the
    usual encoding of "Latin-1" text from Western sources), else Latin-1, which decodes any bytes.
    Raises :class:`ValueError` for binary data.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16", "decoded as UTF-16 (byte-order mark)"
    if looks_binary(data):
        raise ValueError("binary data, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig", None
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as exc:
        where = exc.start
    try:
        return (
            data.decode("cp1252"),
            "cp1252",
            f"not valid UTF-8 (byte {where}); decoded as Windows-1252",
        )
    except UnicodeDecodeError:
        return (
            data.decode("latin-1"),
            "latin-1",
            f"not valid UTF-8 (byte {where}); decoded as Latin-1",
        )


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def normalize_text(text: str) -> str:
    """Normalise line endings to ``\\n``, Unicode to NFC, and drop control characters.

    The result is the article text that every offset indexes.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\x0c", "\n")
    text = _CONTROL_RE.sub("", text)
    return unicodedata.normalize("NFC", text)


class _TextExtractor(html.parser.HTMLParser):
    _BLOCK = {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "article",
        "section",
    }
    _SKIP = {"script", "style", "noscript", "template", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self._skip += 1
        if tag == "title":
            self._in_title = True
        if tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self._SKIP and self._skip:
            self._skip -= 1
        if tag == "title":
            self._in_title = False
        if tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str | None]:
    """Reduce an HTML page to its visible text, paragraphs separated by blank lines."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    paragraphs = [re.sub(r"[ \t\n]+", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    title = re.sub(r"\s+", " ", "".join(parser.title)).strip() or None
    return "\n\n".join(p for p in paragraphs if p), title


# --------------------------------------------------------------------------------------------
# Dates and headers


def parse_date(value) -> pd.Timestamp | None:
    """Parse a date value; ``None`` for empty, :class:`ValueError` for impossible dates."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    s = str(value).strip()
    if not s or s.lower() in {"none", "null", "nan", "nat"}:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
    try:
        if m:
            ts = pd.Timestamp(year=int(m[1]), month=int(m[2]), day=int(m[3]))
        else:
            ts = pd.Timestamp(s)
    except (ValueError, OverflowError, TypeError) as exc:
        raise ValueError(f"impossible date {s!r}: {exc}") from None
    if ts is pd.NaT or pd.isna(ts):
        return None
    if ts.tzinfo is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    return ts.normalize()


@dataclass
class Header:
    date_text: str | None = None
    source: str | None = None
    author: str | None = None
    body_start: int = 0


def parse_header(text: str) -> Header:
    """Find the seed-style header (``date YYYY-MM-DD By SOURCE``, then an author line).

    Only the first non-blank line may be the header. ``body_start`` is the offset of the first
    body character; without a header it is the first non-blank character.
    """
    stripped = len(text) - len(text.lstrip())
    m = _HEADER_RE.match(text, text.rfind("\n", 0, stripped) + 1)
    if not m:
        return Header(body_start=stripped)
    header = Header(date_text=m["date"], source=m["source"].strip() or None)
    pos = m.end()
    # The author line: the next non-blank line when it is short and not a sentence.
    rest = text[pos:]
    lead = len(rest) - len(rest.lstrip())
    line_start = pos + lead
    line_end = text.find("\n", line_start)
    if line_end == -1:
        line_end = len(text)
    line = text[line_start:line_end].strip()
    if line and len(line.split()) <= 6 and not re.search(r"[.!?:;\"“”]\s*$", line):
        following = text[line_end:]
        # only an author if a body follows it
        if following.strip():
            header.author = re.sub(r"^by\s+", "", line, flags=re.IGNORECASE) or None
            pos = line_end
    rest = text[pos:]
    header.body_start = pos + (len(rest) - len(rest.lstrip()))
    return header


# --------------------------------------------------------------------------------------------
# Loading


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_id(value: str, *, max_len: int = 120) -> str:
    """A file-name-safe identifier: no path separators, control characters or leading dots."""
    s = _ID_UNSAFE.sub("_", str(value)).strip("._-")
    return (s[:max_len] or "article").strip("._-") or "article"


def _fields(record: dict) -> dict:
    lowered = {str(k).lower().strip(): v for k, v in record.items()}
    out = {}
    for name, aliases in FIELD_ALIASES.items():
        for alias in aliases:
            v = lowered.get(alias)
            if v is not None and not (isinstance(v, float) and pd.isna(v)) and str(v).strip():
                out[name] = v
                break
    return out


class _Loader:
    """Turns files into articles and issues; holds the id and duplicate bookkeeping."""

    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self.result = LoadResult()
        self._ids: set[str] = set()
        self._by_hash: dict[str, str] = {}

    def issue(self, path: str, record: str, level: str, reason: str) -> None:
        self.result.issues.append(Issue(path, record, level, reason))
        where = f"{path}" + (f" [{record}]" if record else "")
        log.warning("%s: %s", where, reason)

    def _unique_id(self, base: str) -> str:
        aid = safe_id(base)
        if aid in self._ids:
            n = 2
            while f"{aid}-{n}" in self._ids:
                n += 1
            aid = f"{aid}-{n}"
        self._ids.add(aid)
        return aid

    def add(self, article: Article) -> None:
        article.sha1 = _sha1(article.text[article.body_start :])
        first = self._by_hash.get(article.sha1)
        if first is not None:
            self.issue(
                article.path,
                article.record,
                "error",
                f"duplicate of article {first} (same text); not counted twice",
            )
            return
        article.article_id = self._unique_id(article.article_id)
        self._by_hash[article.sha1] = article.article_id
        self.result.articles.append(article)

    def drain(self) -> tuple[list[Article], list[Issue]]:
        """Hand over what was loaded since the last call (for streaming)."""
        out = (self.result.articles, self.result.issues)
        self.result = LoadResult()
        return out

    def load_file(self, path: Path) -> None:
        p = str(path)
        suffix = path.suffix.lower()
        try:
            size = path.stat().st_size
            if size == 0:
                self.issue(p, "", "error", "empty file")
                return
            if suffix in (".jsonl", ".ndjson"):
                # streamed line by line: the size limit applies to each record
                self._load_jsonl(p, path)
                return
            if size > self.max_bytes:
                self.issue(
                    p,
                    "",
                    "error",
                    f"file too large ({size / 1e6:.1f} MB > {self.max_bytes / 1e6:.0f} MB limit); "
                    "split it into articles or raise max_bytes",
                )
                return
            data = path.read_bytes()
        except OSError as exc:
            self.issue(p, "", "error", f"cannot read file: {exc.strerror or exc}")
            return
        if not data.strip():
            self.issue(p, "", "error", "empty file (only white space)")
            return
        try:
            text, encoding, warning = decode_bytes(data)
        except (ValueError, UnicodeDecodeError) as exc:
            self.issue(p, "", "error", f"cannot decode: {exc}")
            return
        if warning:
            self.issue(p, "", "warning", warning)
        if suffix == ".json":
            self._load_json(p, text, encoding)
        elif suffix == ".csv":
            self._load_csv(p, text, encoding)
        else:
            self.load_text(p, text, encoding, article_id=path.stem)

    def load_text(self, p: str, text: str, encoding: str, *, article_id: str, record="") -> None:
        text = normalize_text(text)
        title = None
        if _HTML_RE.match(text[:2000]):
            text, title = html_to_text(text)
            self.issue(p, record, "warning", "HTML page: reduced to its visible text")
        if not text.strip():
            self.issue(p, record, "error", "no text (empty after decoding)")
            return
        header = parse_header(text)
        date = None
        if header.date_text is None:
            self.issue(
                p,
                record,
                "warning",
                "no 'date YYYY-MM-DD By SOURCE' header: date and "
                "source unknown, relative dates stay unresolved",
            )
        else:
            try:
                date = parse_date(header.date_text)
            except ValueError as exc:
                self.issue(p, record, "warning", f"{exc}; date left unknown")
        if not text[header.body_start :].strip():
            self.issue(p, record, "error", "header but no body text")
            return
        self.add(
            Article(
                article_id=article_id,
                path=p,
                record=record,
                text=text,
                body_start=header.body_start,
                date=date,
                source=header.source,
                author=header.author,
                title=title,
                encoding=encoding,
            )
        )

    def load_record(self, p: str, rec: dict, record: str, encoding: str, default_id: str) -> None:
        if not isinstance(rec, dict):
            self.issue(p, record, "error", f"not an object but {type(rec).__name__}")
            return
        f = _fields(rec)
        body = f.get("text")
        if body is None:
            self.issue(
                p,
                record,
                "error",
                "no text field (expected one of " + ", ".join(FIELD_ALIASES["text"]) + ")",
            )
            return
        text = normalize_text(str(body))
        title = str(f["title"]).strip() if "title" in f else None
        if _HTML_RE.match(text[:2000]) or re.search(r"</p>|<br\s*/?>", text[:5000]):
            text, html_title = html_to_text(text)
            title = title or html_title
            self.issue(p, record, "warning", "HTML markup: reduced to its visible text")
        if not text.strip():
            self.issue(p, record, "error", "empty text")
            return
        date = None
        if "date" in f:
            try:
                date = parse_date(f["date"])
            except ValueError as exc:
                self.issue(p, record, "warning", f"{exc}; date left unknown")
        else:
            self.issue(p, record, "warning", "no date: relative dates stay unresolved")
        author = f.get("author")
        if isinstance(author, list):
            author = ", ".join(map(str, author))
        body_start = len(text) - len(text.lstrip())
        self.add(
            Article(
                article_id=str(f.get("id", default_id)),
                path=p,
                record=record,
                text=text,
                body_start=body_start,
                date=date,
                source=str(f["source"]).strip() if "source" in f else None,
                author=str(author).strip() if author else None,
                title=html.unescape(title) if title else None,
                encoding=encoding,
            )
        )

    def _load_jsonl(self, p: str, path: Path) -> None:
        stem = Path(p).stem
        with path.open("rb") as fh:
            for lineno, raw in enumerate(fh, 1):
                if not raw.strip():
                    continue
                record = f"line {lineno}"
                if len(raw) > self.max_bytes:
                    self.issue(p, record, "error", f"record too large ({len(raw) / 1e6:.1f} MB)")
                    continue
                try:
                    line, encoding, warning = decode_bytes(raw.lstrip(b"\xef\xbb\xbf"))
                except (ValueError, UnicodeDecodeError) as exc:
                    self.issue(p, record, "error", f"cannot decode: {exc}")
                    continue
                if warning:
                    self.issue(p, record, "warning", warning)
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    self.issue(
                        p, record, "error", f"malformed JSON: {exc.msg} (column {exc.colno})"
                    )
                    continue
                self.load_record(p, rec, record, encoding, f"{stem}-{lineno}")

    def _load_json(self, p: str, text: str, encoding: str) -> None:
        stem = Path(p).stem
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            self.issue(p, "", "error", f"malformed JSON: {exc.msg} (line {exc.lineno})")
            return
        records = data if isinstance(data, list) else [data]
        for i, rec in enumerate(records, 1):
            self.load_record(p, rec, f"item {i}", encoding, f"{stem}-{i}")

    def _load_csv(self, p: str, text: str, encoding: str) -> None:
        stem = Path(p).stem
        csv.field_size_limit(self.max_bytes)
        try:
            reader = csv.DictReader(io.StringIO(text, newline=""))
            rows = list(enumerate(reader, 2))
        except csv.Error as exc:
            self.issue(p, "", "error", f"malformed CSV: {exc}")
            return
        for lineno, row in rows:
            if None in row:
                self.issue(p, f"row {lineno}", "error", "more fields than the header has")
                continue
            self.load_record(p, row, f"row {lineno}", encoding, f"{stem}-{lineno - 1}")


def iter_corpus(
    corpus: str | Path | Iterable[str | Path], *, max_bytes: int = MAX_BYTES
) -> Iterator[tuple[list[Article], list[Issue]]]:
    """Load a corpus file by file: yields ``(articles, issues)`` per file, in path order.

    Memory stays bounded by one file (JSON Lines are read line by line). Ids and duplicates
    are tracked across the whole corpus. Raises :class:`CorpusError` only when the corpus
    itself does not exist.
    """
    loader = _Loader(max_bytes=max_bytes)
    for path in resolve_paths(corpus):
        loader.load_file(path)
        yield loader.drain()


def load_articles(
    corpus: str | Path | Iterable[str | Path], *, max_bytes: int = MAX_BYTES
) -> LoadResult:
    """Load every article of a corpus; problems go to ``issues``, never raise.

    Raises :class:`CorpusError` only when the corpus itself does not exist.
    """
    result = LoadResult()
    for articles, issues in iter_corpus(corpus, max_bytes=max_bytes):
        result.articles.extend(articles)
        result.issues.extend(issues)
    return result


def load_corpus(corpus, *, max_bytes: int = MAX_BYTES) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The articles and errors tables of a corpus (see :mod:`analysis.tables` for columns)."""
    from .tables import frame

    result = load_articles(corpus, max_bytes=max_bytes)
    return (
        frame("articles", [a.as_record() for a in result.articles]),
        frame("errors", [i.as_record() for i in result.issues]),
    )


def article_from_text(text: str, *, article_id: str = "text", date=None) -> Article:
    """Wrap a string as an article (for the per-text helper functions)."""
    text = normalize_text(text)
    header = parse_header(text)
    d = parse_date(date) if date is not None else None
    if d is None and header.date_text:
        try:
            d = parse_date(header.date_text)
        except ValueError:
            d = None
    return Article(
        article_id=article_id,
        path="<text>",
        record="",
        text=text,
        body_start=header.body_start,
        date=d,
        source=header.source,
        author=header.author,
        sha1=_sha1(text),
    )
