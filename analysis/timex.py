"""Time expressions (TimeML TIMEX3): recognition and normalisation, anchored on the article date.

A small rule grammar in the spirit of HeidelTime: each rule is a regular expression over a
sentence built from the curated vocabulary in ``data/time_words.tsv``, paired with a function
that turns the match into a TIMEX3 ``type`` (DATE, TIME, DURATION, SET), ``value``, ``mod`` and
``granularity``. Overlapping matches keep the longest; a left modifier (``early``, ``the end of``,
``nearly``, ``more than``) is then folded into the span as the TIMEX3 ``mod``.

Conventions:

* Numeric dates are read the US way, month first: ``12/27/2021`` is 27 December 2021, and
  ``3/4/2021`` is 4 March. ISO dates (``2021-12-27``) are read as such.
* Relative expressions (``yesterday``, ``last year``, ``two years ago``, ``Monday``, ``April``)
  are resolved against the article date only, never against today's date. Without an article
  date, calendar expressions missing their year take the TIMEX3 underspecified form
  (``April`` -> ``XXXX-04``, ``Monday`` -> ``XXXX-WXX-1``, ``Dec. 27`` -> ``XXXX-12-27``) and
  offsets from the article date (``yesterday``, ``last year``, ``two years ago``) get no value
  (``<NA>``). Such values have no interval.
* A weekday is the previous one when the nearest tense cue of the sentence is past (``said``,
  ``was``, ``-ed``), the next one when it is future (``will``, ``'ll``, ``plans to``); the
  article's own weekday is the article date (no cue: the previous one). A month or day given
  without a year takes the year that puts it nearest the article date; when two readings are
  about as near, the tense decides. A quarter without a year is the article's year, or the
  year before for a later quarter in a past-tense sentence (reports speak of the last quarter).
* ``a year earlier`` / ``a year ago`` / ``year-ago`` / ``the 1988 period`` move the period the
  report is about: the month of the same sentence, else the quarter or half the article last
  named (``the third quarter ... a year earlier`` -> last year's third quarter), unless the
  sentence names another kind of period (``the nine months``); else the article date shifted,
  at the granularity of the unit.
* ``the past decade`` / ``the past two weeks`` are DURATIONs (``P10Y``, ``P2W``) as in TimeML, so
  they have no interval; ``last year`` / ``this month`` are DATEs. ``now``/``currently`` are
  PRESENT_REF, ``recently``/``the past`` PAST_REF, ``the future`` FUTURE_REF; ``former``,
  ``previously`` and ``soon`` are not recognised (TimeML annotators leave them out, see
  ``data/time_words.tsv``). US holidays (``Thanksgiving``, ``Election Day``) are dates.
* ``granularity`` is the calendar unit of a DATE/TIME value (day, week, weekend, month, quarter,
  half, season, year, decade, century, time, part_of_day) or the unit of a DURATION/SET; ``<NA>``
  for PRESENT_REF, PAST_REF, FUTURE_REF. ``interval_start``/``interval_end`` are the first and
  last day covered by a resolved DATE (or TIME) value, NaT otherwise (see :func:`interval_of`).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, reduce
from importlib import resources
from itertools import product
from math import prod
from operator import or_

try:  # the parse tree of a pattern, for the prefilter (CPython's own regex parser, 3.11+)
    from re import _constants as _sre_c
    from re import _parser as _sre_parser
except ImportError:  # pragma: no cover - another Python: every rule runs on every sentence
    _sre_c = _sre_parser = None

import pandas as pd

from .document import Document
from .tables import frame
from .text import WordMemo, split_sentences

__all__ = ["find_timexes", "interval_of", "timex_step", "normalise_date"]

# ----------------------------------------------------------------------------------------------
# Vocabulary


@dataclass(frozen=True)
class _Vocab:
    words: dict[str, dict[str, str]]  # kind -> {word: value}

    def alt(self, kind: str, *, plural: bool = False, trie: bool = False) -> str:
        """A regex alternation of the words of one kind (longest first, spaces flexible).

        ``trie``: the same alternation written as a trie (:func:`_trie`), much faster in ``re``
        for many words. It matches the same way: the words that match at a position are each
        a prefix of the longer ones that do, and both forms try them longest first.
        """
        if trie:
            body = _trie(set(self.words[kind]), spaces=True)
        else:
            words = sorted(self.words[kind], key=len, reverse=True)
            body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
        return f"(?:{body})" + ("(?:e?s)?" if plural else "")


@lru_cache(maxsize=1)
def vocabulary() -> _Vocab:
    """The curated time vocabulary (``data/time_words.tsv``), loaded once per process."""
    data = resources.files("analysis").joinpath("data/time_words.tsv").read_text("utf-8")
    words: dict[str, dict[str, str]] = {}
    for line in data.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, word, *rest = line.split("\t")
        words.setdefault(kind, {})[word.strip().lower()] = rest[0].strip() if rest else ""
    return _Vocab(words)


@lru_cache(maxsize=4096)
def _lookup(kind: str, word: str) -> str | None:
    """The vocabulary value of ``word`` as one of ``kind`` (remembered: words recur)."""
    return vocabulary().words[kind].get(re.sub(r"\s+", " ", word.strip().lower().rstrip(".")))


_TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}


@lru_cache(maxsize=4096)
def _number(text: str) -> float | str | None:
    """``'two'`` -> 2, ``'twenty-four'`` -> 24, ``'5 1/2'`` -> 5.5, ``'several'`` -> 'X'."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    if not t:
        return None
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?: (\d)/(\d))?", t.replace(",", ""))
    if m:
        n = float(m.group(1))
        if m.group(2):
            n += int(m.group(2)) / max(1, int(m.group(3)))
        return n
    v = _lookup("number", t)
    if v is not None:
        return v if v == "X" else float(v)
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and parts[0] in _TENS:
        a, b = _lookup("number", parts[0]), _lookup("number", parts[1])
        if a and b and a != "X" and b != "X":
            return float(a) + float(b)
    return None


# ----------------------------------------------------------------------------------------------
# Values and intervals

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_VALUE_RE = re.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d?)(?P<we>-WE)?|Q(?P<q>[1-4])"
    r"|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?(?:T.*)?"
    r"|(?P<dec>\d{3})|(?P<cen>\d{2})"
)


def interval_of(value: str | None) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """First and last day covered by a TIMEX3 DATE value, or ``None`` if it is not a resolved date.

    >>> [str(d.date()) for d in interval_of("2021-04")]
    ['2021-04-01', '2021-04-30']
    >>> [str(d.date()) for d in interval_of("199")]     # the 1990s
    ['1990-01-01', '1999-12-31']
    >>> interval_of("XXXX-04") is None, interval_of("PAST_REF") is None
    (True, True)
    """
    if not isinstance(value, str):
        return None
    return _interval_of_str(value)


@lru_cache(maxsize=4096)
def _interval_of_str(value: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    m = _VALUE_RE.fullmatch(value)
    if not m:
        return None
    try:
        span = _interval(m)
    except (ValueError, OverflowError):  # impossible dates (February 30) have no interval
        return None
    start = pd.Timestamp(span[0])
    # a day's interval starts and ends on it: one (immutable) Timestamp serves as both ends
    return start, start if span[1] == span[0] else pd.Timestamp(span[1])


def _interval(m: re.Match) -> tuple[dt.date, dt.date]:
    if m["dec"]:
        y = int(m["dec"]) * 10
        return dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
    if m["cen"]:
        y = int(m["cen"]) * 100
        return dt.date(max(1, y), 1, 1), dt.date(y + 99, 12, 31)
    y = int(m["y"])
    if m["d"]:
        d = dt.date(y, int(m["m"]), int(m["d"]))
        return d, d
    if m["m"]:
        mo = int(m["m"])
        return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
    if m["w"]:
        monday = dt.date.fromisocalendar(y, int(m["w"]), 1)
        if m["we"]:
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return monday, monday + dt.timedelta(days=6)
    if m["q"]:
        q = int(m["q"])
        last = 3 * q
        return dt.date(y, last - 2, 1), dt.date(y, last, calendar.monthrange(y, last)[1])
    if m["h"]:
        return (
            (dt.date(y, 1, 1), dt.date(y, 6, 30))
            if m["h"] == "1"
            else (
                dt.date(y, 7, 1),
                dt.date(y, 12, 31),
            )
        )
    if m["s"]:
        a, b = _SEASON_MONTHS[m["s"]]
        if m["s"] == "WI":  # winter 2021 = December 2021 to February 2022
            return dt.date(y, 12, 1), dt.date(y + 1, 2, calendar.monthrange(y + 1, 2)[1])
        return dt.date(y, a, 1), dt.date(y, b, calendar.monthrange(y, b)[1])
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def normalise_date(date: object) -> dt.date | None:
    """An article date as a ``datetime.date`` (from a date, datetime, Timestamp or ISO string)."""
    if date is None:
        return None
    try:
        if pd.isna(date):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(date, dt.datetime):
        return date.date()
    if isinstance(date, dt.date):
        return date
    try:
        ts = pd.Timestamp(str(date)[:10])
    except (ValueError, TypeError):
        return None
    return None if pd.isna(ts) else ts.date()


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _shift(d: dt.date, unit: str, n: int) -> dt.date:
    """``d`` moved by ``n`` units (D, W, M, Q, Y, DE, CE); month ends are clamped."""
    if unit == "D":
        return d + dt.timedelta(days=n)
    if unit in ("W", "WE"):
        return d + dt.timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200}.get(unit, 0) * n
    total = d.year * 12 + d.month - 1 + months
    y, mo = divmod(total, 12)
    y = min(max(y, 1), 9999)
    return dt.date(y, mo + 1, min(d.day, calendar.monthrange(y, mo + 1)[1]))


def _value_at(d: dt.date, unit: str) -> tuple[str, str]:
    """The value of the calendar unit containing ``d`` and its granularity."""
    if unit == "D":
        return d.isoformat(), "day"
    if unit == "W":
        return _iso_week(d), "week"
    if unit == "WE":
        return _iso_week(d) + "-WE", "weekend"
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}", "month"
    if unit == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}", "quarter"
    if unit == "H":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}", "half"
    if unit == "DE":
        return f"{d.year // 10:03d}", "decade"
    if unit == "CE":
        return f"{d.year // 100:02d}", "century"
    return f"{d.year:04d}", "year"


_GRANULARITY = {
    "TS": "second",
    "TM": "minute",
    "TH": "hour",
    "D": "day",
    "W": "week",
    "WE": "weekend",
    "M": "month",
    "Q": "quarter",
    "Y": "year",
    "DE": "decade",
    "CE": "century",
}


def _duration(n: float | str, unit: str) -> str:
    """``P3Y``, ``PT5H``, ``PXW``; decades and centuries in years, weekends in days."""
    mult = {"DE": 10, "CE": 100, "WE": 2, "Q": 3}.get(unit, 1)
    letter = {"DE": "Y", "CE": "Y", "WE": "D", "Q": "M"}.get(unit, unit)
    if n == "X":
        amount = "X"
    else:
        x = float(n) * mult
        if x != int(x) and letter in ("TH", "TM", "D", "Y"):  # 5 1/2 hours = PT5H30M
            sub = {"TH": ("TM", 60), "TM": ("TS", 60), "D": ("TH", 24), "Y": ("M", 12)}[letter]
            whole = int(x)
            rest = round((x - whole) * sub[1])
            head = f"{whole}{letter[-1]}" if whole else ""
            return ("PT" if letter.startswith("T") or sub[0].startswith("T") else "P") + (
                f"{head}{rest}{sub[0][-1]}"
            )
        amount = str(int(x)) if x == int(x) else str(x)
    return f"PT{amount}{letter[1]}" if letter.startswith("T") else f"P{amount}{letter}"


# ----------------------------------------------------------------------------------------------
# Context: article date, sentence, tense, earlier mentions

# The characters that ``re.IGNORECASE`` matches to an ASCII letter besides its two cases (the
# tests check all of Unicode): folded before lower-casing, so that a text's folded form (see
# :func:`_fold`) holds an ASCII letter exactly where ``re.IGNORECASE`` matches one.
_ASCII_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_FOLDED_CHARS = re.compile("[\u0130\u0131\u017f\u212a]")


def _fold(text: str) -> str:
    """``text`` in lower case, with ``_ASCII_FOLDS`` first: the same length and the same word
    characters (tests check all of Unicode), and a case-sensitive pattern of lower-case ASCII
    letters matches it where the same pattern with ``re.IGNORECASE`` matches ``text``."""
    if not text.isascii() and _FOLDED_CHARS.search(text):
        text = text.translate(_ASCII_FOLDS)
    return text.lower()


# The tense cues are read in the folded sentence (case-sensitive patterns are several times
# faster in ``re`` than the same ones with ``re.IGNORECASE``, and match the same spans there).
_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|won't|'ll|’ll|going\s+to|plan(?:s|ned|ning)?\s+to|intends?\s+to|"
    r"expect(?:s|ed)?\s+to|scheduled|slated|due\s+to|set\s+to|(?:is|are)\s+to|"
    r"to\s+be\s+held|would|as\s+soon\s+as|upcoming)\b"
)


@lru_cache(maxsize=1)
def _past_cue() -> re.Pattern:
    """A past-tense word. A match is a whole word (only letters between the two ``\\b``), so
    any alternation of the same words finds the same spans: the irregular verbs go in a trie
    (:func:`_trie_regex`), several times faster than the plain list when they are letters."""
    verbs = vocabulary().words["past_verb"]
    if all(map(str.isalpha, verbs)):
        irregular = _trie_regex(set(verbs)).pattern
    else:
        irregular = vocabulary().alt("past_verb")
    return re.compile(rf"\b(?:{irregular}|ago|earlier|[a-z]{{2,}}ed)\b")


_TENSE_WINDOW = 120  # characters either side of a time expression
_MENTIONS_BACK = 200  # earlier mentions searched for an anchor

# Rules whose value is another mention moved by a year; never the anchor of a further shift.
_SHIFTING_RULES = frozenset({"ago", "year_ago_adj", "period", "relative_unit"})


@dataclass
class _Context:
    dct: dt.date | None
    sentence: str
    offset: int  # offset of the sentence in the article
    mentions: list[dict]  # resolved records so far (for anaphoric quarters and "a year earlier")
    sentence_id: int
    _tenses: dict[tuple[int, int], str] = field(default_factory=dict, init=False, repr=False)
    _folded: str | None = field(default=None, init=False, repr=False)  # _fold(sentence)

    def tense(self, start: int, end: int) -> str:
        """``past``, ``future`` or ``none``: the tense cue nearest to a span (sentence offsets).

        Only cues within a clause-sized window count (which also keeps long texts linear).
        """
        known = self._tenses.get((start, end))
        if known is None:
            known = self._tenses[start, end] = self._tense(start, end)
        return known

    def _tense(self, start: int, end: int) -> str:
        if self._folded is None:
            self._folded = _fold(self.sentence)
        best: tuple[int, str] | None = None
        lo, hi = max(0, start - _TENSE_WINDOW), min(len(self.sentence), end + _TENSE_WINDOW)
        for kind, pattern in (("future", _FUTURE_CUE), ("past", _past_cue())):
            for m in pattern.finditer(self._folded, lo, hi):
                if m.start() < end and m.end() > start:
                    continue  # a cue inside the expression itself (last, next) says nothing
                dist = start - m.end() if m.end() <= start else m.start() - end
                if best is None or dist < best[0]:
                    best = (dist, kind)
        return best[1] if best else "none"

    def before(self, pos: int, width: int = 40) -> str:
        """The few characters before ``pos``, lower case, right-stripped (bounded: stays linear)."""
        return self.sentence[max(0, pos - width) : pos].rstrip().lower()

    def after(self, pos: int, width: int = 40) -> str:
        """The few characters after ``pos``."""
        return self.sentence[pos : pos + width]

    def recent(self, granularities: tuple[str, ...], sentences_back: int | None = 1) -> dict | None:
        """The latest earlier mention at one of ``granularities`` within a few sentences
        (``None``: anywhere before in the article)."""
        for rec in reversed(self.mentions[-_MENTIONS_BACK:]):
            if (
                sentences_back is not None
                and self.sentence_id - rec["sentence_id"] > sentences_back
            ):
                return None
            if rec.get("_rule") in _SHIFTING_RULES:
                continue  # "a year earlier" is not the period a report is about
            if rec["type"] == "DATE" and rec["granularity"] in granularities and rec["value"]:
                if not rec["value"].startswith("X") and "X" not in rec["value"]:
                    return rec
        return None


@dataclass
class _Norm:
    type: str
    value: str | None
    granularity: str | None = None
    mod: str | None = None


def _year_for(ctx: _Context, month: int, day: int | None, start: int, end: int) -> int | None:
    """Year of a month (and day) given without one: the one nearest the article date.

    News mostly speaks of the recent past and the near future, so ``Feb. 1`` in late October
    is next February and ``October`` in January is last October; when two readings are about
    as near (within a month of each other), the tense of the sentence decides.
    """
    if ctx.dct is None:
        return None
    d0 = ctx.dct
    scored = []
    for y in (d0.year - 1, d0.year, d0.year + 1):
        try:
            when = dt.date(y, month, min(day or 15, calendar.monthrange(y, month)[1]))
        except ValueError:
            continue
        scored.append((abs((when - d0).days), y, when))
    scored.sort()
    best = scored[0]
    if len(scored) > 1 and scored[1][0] - best[0] <= 31:
        tense = ctx.tense(start, end)
        pair = sorted(scored[:2], key=lambda t: t[2])
        if tense == "past":
            return pair[0][1] if pair[0][2] <= d0 else best[1]
        if tense == "future":
            return pair[1][1] if pair[1][2] >= d0 else best[1]
    return best[1]


# ----------------------------------------------------------------------------------------------
# The grammar


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern
    normalise: Callable[[re.Match, _Context], _Norm | None]
    # the same pattern without re.IGNORECASE, for the folded sentence (see _folded_twin)
    folded: re.Pattern | None = None


def _month_re() -> str:
    # Capitalised month names only (case-sensitive): "may" and "march" are mostly verbs.
    words = sorted(vocabulary().words["month"], key=len, reverse=True)
    full = [w.capitalize() for w in words if len(w) > 4 or w in ("may", "june", "july")]
    abbr = [w.capitalize() for w in words if w not in {x.lower() for x in full}]
    upper = [w.upper() for w in words if len(w) > 3]
    return r"(?-i:(?:" + "|".join(full + upper) + r")\b|(?:" + "|".join(abbr) + r")(?:\.|\b))"


def _weekday_re() -> str:
    words = vocabulary().words["weekday"]
    return r"(?-i:(?:" + "|".join(w.capitalize() for w in words) + r"))"


_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?<![\d$£€#.,/-])(?:1[5-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d|s\b|'s\b)"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS_RE = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
# Years as read out in broadcast transcripts: "nineteen ninety-six", "two thousand and one".
_SPOKEN_YEAR = (
    rf"(?:(?:nineteen|twenty)[-\s]+(?:(?:{_TENS_RE})(?:[-\s](?:{_ONES}))?(?![-\s]year)"
    rf"|{_TEENS}|hundred|oh[-\s](?:{_ONES}))"
    rf"|two\s+thousand(?:\s+and\s+(?:{_ONES}|{_TEENS}))?)"
)
_LEFT = r"(?<![\w'’$#./-])"  # a match starts at a word start, not inside a number or word
_RIGHT = r"(?!\w|-\w|['’](?!s\b))"  # but "Thursday's ruling" holds "Thursday"


def _year_num(text: str) -> int:
    """``'1998'`` -> 1998, ``'nineteen ninety-six'`` -> 1996, ``'two thousand'`` -> 2000."""
    t = re.sub(r"[-\s]+", " ", text.strip().lower())
    if t.isdigit():
        return int(t)
    if t.startswith("two thousand"):
        rest = t.removeprefix("two thousand").removeprefix(" and").strip()
        return 2000 + int(_number(rest) or 0) if rest else 2000
    head, _, rest = t.partition(" ")
    base = {"nineteen": 1900, "twenty": 2000}[head]
    rest = rest.removeprefix("oh ").strip()
    if rest == "hundred":
        return base
    n = _number(rest)
    if not isinstance(n, float) or n >= 100:
        raise ValueError(f"not a year: {text!r}")
    return base + int(n)


def _units(plural: bool = True) -> str:
    return vocabulary().alt("unit", plural=plural).replace("centurys", "centuries")


@lru_cache(maxsize=1024)
def _unit_code(word: str) -> str:
    w = word.lower().rstrip(".")
    w = re.sub(r"(?:ies)$", "y", w)
    w = re.sub(r"s$", "", w)
    return vocabulary().words["unit"].get(w, "")


def _num_re() -> str:
    words = vocabulary().alt("number", trie=True)
    tens = "|".join(sorted(_TENS))
    ones = "one|two|three|four|five|six|seven|eight|nine"
    return rf"(?:\d+(?:[.,]\d+)?(?:\s+\d/\d)?|(?:{tens})(?:[- ](?:{ones}))?(?![\w-]\w)|{words})"


# --- normalisers -----------------------------------------------------------------------------


def _ymd(y: int | None, mo: int, d: int | None) -> _Norm | None:
    if d is not None:
        if y is not None:
            try:
                dt.date(y, mo, d)
            except ValueError:
                return None  # February 30 is not a date: not a time expression either
            return _Norm("DATE", f"{y:04d}-{mo:02d}-{d:02d}", "day")
        if d > 31 or (mo == 2 and d > 29):
            return None
        return _Norm("DATE", f"XXXX-{mo:02d}-{d:02d}", "day")
    return _Norm("DATE", f"{y:04d}-{mo:02d}" if y is not None else f"XXXX-{mo:02d}", "month")


def _month_num(word: str) -> int:
    return int(_lookup("month", word) or 0)


def _n_month_day(m: re.Match, ctx: _Context) -> _Norm | None:
    mo = _month_num(m["month"])
    day = int(re.sub(r"\D", "", m["day"]))
    y = _year_num(m["year"]) if m["year"] else _year_for(ctx, mo, day, m.start(), m.end())
    return _ymd(y, mo, day)


def _n_numeric(m: re.Match, ctx: _Context) -> _Norm | None:
    if m["iy"]:
        y, mo, d = int(m["iy"]), int(m["im"]), int(m["id"])
    else:  # US convention: month/day/year
        mo, d, y = int(m["m"]), int(m["d"]), int(m["y"])
        if y < 100:
            y += 1900 if y > 40 else 2000
    if not 1 <= mo <= 12:
        return None
    return _ymd(y, mo, d)


def _n_month_year(m: re.Match, ctx: _Context) -> _Norm | None:
    return _ymd(_year_num(m["year"]), _month_num(m["month"]), None)


_EDGE_MOD = {"early": "START", "late": "END", "mid": "MID"}


def _with_mod(norm: _Norm | None, rel: str) -> _Norm | None:
    """``early April`` -> mod START, ``late 2021`` -> END, ``mid-May`` -> MID."""
    if norm is not None and rel in _EDGE_MOD:
        norm.mod = _EDGE_MOD[rel]
    return norm


def _n_month_rel_year(m: re.Match, ctx: _Context) -> _Norm | None:
    if ctx.dct is None:
        return _Norm("DATE", None, "month")
    y = ctx.dct.year + {"last": -1, "next": 1}.get(m["rel"].lower(), 0)
    return _ymd(y, _month_num(m["month"]), None)


def _n_month(m: re.Match, ctx: _Context) -> _Norm | None:
    word = m["month"]
    mo = _month_num(word)
    rel = (m["rel"] or "").lower()
    if len(word) <= 4 and word.lower() not in ("may", "june", "july") and not word.endswith("."):
        return None  # "Jan Kavan", "Mar": an abbreviation alone needs its period
    if word.lower().rstrip(".") in ("may", "march", "mar") and not rel:
        # "May" / "March" alone are mostly a verb, a name or a march: need a preposition.
        before = ctx.before(m.start())
        if not re.search(r"\b(?:in|since|until|till|by|through|from|to|early|late|mid-?)$", before):
            return None
    if ctx.dct is None:
        return _with_mod(_ymd(None, mo, None), rel)
    y = ctx.dct.year
    if rel == "last":
        y = y if mo < ctx.dct.month else y - 1
    elif rel == "next":
        y = y if mo > ctx.dct.month else y + 1
    elif rel != "this":
        y = _year_for(ctx, mo, None, m.start(), m.end()) or y
    return _with_mod(_ymd(y, mo, None), rel)


def _n_year(m: re.Match, ctx: _Context) -> _Norm | None:
    after = ctx.after(m.end())
    nxt = re.match(r"\s*([%\w]+)", after)
    if nxt and nxt.group(1).lower() in vocabulary().words["nonyear"]:
        return None
    before = ctx.before(m.start())
    if re.search(r"(?:\bno\.|\bnumber|\$|\bflight|\broute|\bmodel|\babout|\bsome)$", before):
        return None
    return _Norm("DATE", f"{_year_num(m['year']):04d}", "year")


def _n_decade(m: re.Match, ctx: _Context) -> _Norm | None:
    digits = m["dec"]
    if len(digits) == 2:  # the '90s: the century of the article date, else the 1900s
        century = (ctx.dct.year // 100) if ctx.dct else 19
        year = century * 100 + int(digits)
        if ctx.dct and year > ctx.dct.year:
            year -= 100
        return _Norm("DATE", f"{year // 10:03d}", "decade")
    return _Norm("DATE", digits[:3], "decade")


def _n_century(m: re.Match, ctx: _Context) -> _Norm | None:
    rel = (m["rel"] or "").lower()
    if rel:
        if ctx.dct is None:
            return _Norm("DATE", None, "century")
        c = ctx.dct.year // 100 + {"this": 0, "last": -1, "next": 1, "the past": 0}[rel]
        return _Norm("DATE", f"{c:02d}", "century")
    n = _ordinal_number(m["ord"])
    if not n:
        return None
    return _Norm("DATE", f"{n - 1:02d}", "century")


_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}


def _ordinal_number(word: str) -> int | None:
    w = word.lower()
    if w in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[w]
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", w)
    return int(m.group(1)) if m else None


def _n_quarter(m: re.Match, ctx: _Context) -> _Norm | None:
    n = _ordinal_number(m["ord"]) if m["ord"] else int(m["qn"])
    half = (m["unit"] or "").lower() == "half"
    if not n or n > (2 if half else 4):
        return None
    letter, gran = ("H", "half") if half else ("Q", "quarter")
    year_text = m["year"] or m["year0"]
    if year_text:
        return _Norm("DATE", f"{_year_num(year_text)}-{letter}{n}", gran)
    rel = (m["rel"] or m["rel0"] or "").lower()
    if ctx.dct is None:
        return _Norm("DATE", f"XXXX-{letter}{n}", gran)
    y = ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
    if not rel:
        current = (ctx.dct.month - 1) // (6 if half else 3) + 1
        tense = ctx.tense(m.start(), m.end())
        # Reports speak of the quarter just ended: a later quarter of the article's year is
        # last year's only in a past-tense sentence; an earlier one is never next year's.
        if n > current and tense == "past":
            y -= 1
    return _Norm("DATE", f"{y}-{letter}{n}", gran)


def _n_anaphoric_quarter(m: re.Match, ctx: _Context) -> _Norm | None:
    """``the quarter``, ``the latest quarter``, ``the year-ago quarter``, ``next quarter``.

    Financial news reports the quarter that ended last: ``the quarter`` and ``the latest
    quarter`` are the last completed quarter before the article date; ``the current`` / ``this``
    quarter contain it.
    """
    word = re.sub(r"[-\s]+", " ", (m["which"] or m["det"] or "").lower()).strip()
    if not word and not m.group().lower().startswith("the"):
        return None  # a bare "quarter" ("a quarter of voters") is no time expression
    if ctx.dct is None:
        return _Norm("DATE", None, "quarter")
    step = {"current": 0, "this": 0, "next": 1, "coming": 1}.get(word, -1)
    base = _shift(ctx.dct, "Q", step)
    if word in ("year ago", "year earlier"):
        base = _shift(base, "Y", -1)
    return _Norm("DATE", *_value_at(base, "Q"))


def _n_season(m: re.Match, ctx: _Context) -> _Norm | None:
    code = _lookup("season", m["season"]) or ""
    rel = (m["rel"] or "").lower()
    if m["season"].lower() in ("fall", "spring") and rel in ("", "the") and not m["year"]:
        # "the fall of the empire", "prices fall": a season only after a preposition
        before = ctx.before(m.start()) + (" the" if rel else "")
        if not re.search(r"\b(?:in|by|during|until|through|since|for)\s+the$", before):
            return None
    if m["year"]:
        return _with_mod(_Norm("DATE", f"{_year_num(m['year'])}-{code}", "season"), rel)
    if ctx.dct is None:
        return _with_mod(_Norm("DATE", f"XXXX-{code}", "season"), rel)
    order = ["WI", "SP", "SU", "FA"]
    now = order[(ctx.dct.month % 12) // 3]
    y = ctx.dct.year
    idx, cur = order.index(code), order.index(now)
    if rel == "last":
        y = y - 1 if idx >= cur else y
    elif rel == "next":
        y = y + 1 if idx <= cur else y
    elif rel in ("", "the", "early", "late", "mid"):
        tense = ctx.tense(m.start(), m.end())
        if tense == "past" and idx > cur:
            y -= 1
        elif tense == "future" and idx < cur:
            y += 1
    if code == "WI" and ctx.dct.month <= 2 and rel in ("this", ""):
        y -= 1  # January's winter began the December before
    return _with_mod(_Norm("DATE", f"{y}-{code}", "season"), rel)


def _weekday_date(ctx: _Context, wd: int, rel: str, start: int, end: int) -> dt.date | None:
    if ctx.dct is None:
        return None
    delta = wd - ctx.dct.isoweekday()
    if rel == "last":
        back = (-delta) % 7 or 7
        return ctx.dct - dt.timedelta(days=back)
    if rel == "next":
        fwd = delta % 7 or 7
        return ctx.dct + dt.timedelta(days=fwd)
    if rel == "this":
        return ctx.dct + dt.timedelta(days=delta)
    if delta == 0:
        return ctx.dct
    if ctx.tense(start, end) == "future":
        return ctx.dct + dt.timedelta(days=delta % 7)
    return ctx.dct - dt.timedelta(days=(-delta) % 7)


def _n_weekday(m: re.Match, ctx: _Context) -> _Norm | None:
    wd = int(_lookup("weekday", m["wd"]) or 0)
    part = _lookup("daypart", m["part"]) if m["part"] else None
    if m["wd"].lower().endswith("s") and not m["rel"]:  # "Mondays": every Monday
        return _Norm("SET", f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""), "day")
    d = _weekday_date(ctx, wd, (m["rel"] or "").lower(), m.start(), m.end())
    if d is None:
        value = f"XXXX-WXX-{wd}"
    else:
        value = d.isoformat()
    if part:
        return _Norm("TIME", f"{value}T{part}", "part_of_day")
    return _Norm("DATE", value, "day")


def _holiday_date(code: str, year: int) -> dt.date:
    """The date of a holiday code from the vocabulary in one year."""
    parts = code.split("-")
    month = int(parts[0])
    if parts[1] == "E":  # US Election Day: the Tuesday after the first Monday of November
        first = dt.date(year, month, 1)
        monday = first + dt.timedelta(days=(0 - first.weekday()) % 7)
        return monday + dt.timedelta(days=1)
    if parts[1].startswith("W"):
        weekday = int(parts[2]) - 1
        if parts[1] == "WL":  # the last such weekday of the month
            last = dt.date(year, month, calendar.monthrange(year, month)[1])
            return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
        first = dt.date(year, month, 1)
        return first + dt.timedelta(
            days=(weekday - first.weekday()) % 7 + 7 * (int(parts[1][1]) - 1)
        )
    return dt.date(year, month, int(parts[1]))


def _n_holiday(m: re.Match, ctx: _Context) -> _Norm | None:
    code = _lookup("holiday", m["name"].replace("’", "'"))
    if not code:
        return None
    rel = (m["rel"] or "").lower()
    if m["year"]:
        return _Norm("DATE", _holiday_date(code, _year_num(m["year"])).isoformat(), "day")
    if ctx.dct is None:
        return _Norm("DATE", None, "day")
    d0 = ctx.dct
    options = [_holiday_date(code, y) for y in (d0.year - 1, d0.year, d0.year + 1)]
    if rel == "last":
        when = max(d for d in options if d < d0)
    elif rel == "next":
        when = min(d for d in options if d > d0)
    else:
        when = min(options, key=lambda d: abs((d - d0).days))
    return _Norm("DATE", when.isoformat(), "day")


def _n_deictic(m: re.Match, ctx: _Context) -> _Norm | None:
    word = re.sub(r"\s+", " ", m.group().lower()).replace("’", "'")
    offsets = {
        "today": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "tonight": 0,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
        "last night": -1,
        "this morning": 0,
        "this afternoon": 0,
        "this evening": 0,
        "yesterday morning": -1,
        "yesterday afternoon": -1,
        "yesterday evening": -1,
        "tomorrow morning": 1,
        "tomorrow afternoon": 1,
        "tomorrow evening": 1,
        "tomorrow night": 1,
        "overnight": -1,
    }
    key = word.removesuffix("'s")
    if key not in offsets:
        return None
    part = None
    if key in ("tonight", "last night", "tomorrow night", "overnight"):
        part = "NI"
    elif " " in key and key.split()[-1] in ("morning", "afternoon", "evening"):
        part = _lookup("daypart", key.split()[-1])
    d = ctx.dct + dt.timedelta(days=offsets[key]) if ctx.dct else None
    if part:
        return _Norm("TIME", f"{d.isoformat()}T{part}" if d else None, "part_of_day")
    return _Norm("DATE", d.isoformat() if d else None, "day")


_COMPARISON = re.compile(r"\b(?:compared|compares|from|than|versus|vs\.)\s", re.IGNORECASE)


def _n_relative_unit(m: re.Match, ctx: _Context) -> _Norm | None:
    """``last year``, ``this week``, ``next month``, ``earlier this month``, ``the coming year``."""
    rel = re.sub(r"^the\s+", "", (m["rel"] or "").lower())
    unit = _unit_code(m["unit"])
    if not unit:
        return None
    if rel in ("past", "coming", "last", "next") and m["rel"].lower().startswith("the"):
        # "the past decade", "the coming year": a stretch of time, not a calendar unit
        return _Norm("DURATION", _duration(1, unit), _GRANULARITY.get(unit))
    if rel in ("past", "coming"):
        return _Norm("DURATION", _duration(1, unit), _GRANULARITY.get(unit))
    step = {"last": -1, "previous": -1, "next": 1, "this": 0, "current": 0}.get(rel)
    if step is None:
        return None
    if unit == "Q" and rel in ("last", "previous") and ctx.dct is not None:
        return _Norm("DATE", *_value_at(_shift(ctx.dct, "Q", -1), "Q"))
    if ctx.dct is None:
        return _Norm("DATE", None, _GRANULARITY.get(unit))
    if unit == "D":
        return None
    if unit == "Y" and rel == "last" and _COMPARISON.search(ctx.sentence):
        rec = _reporting_period(ctx)  # "earned $5 million, compared with $3 million last year"
        if rec is not None and rec["granularity"] in ("quarter", "half"):
            base = _shift(interval_of(rec["value"])[0].date(), "Y", -1)
            return _Norm("DATE", *_value_at(base, "Q" if rec["granularity"] == "quarter" else "H"))
    value, gran = _value_at(_shift(ctx.dct, unit, step), unit)
    pre = (m["pre"] or "").lower()
    mod = {"earlier": None, "later": None}.get(pre)
    return _Norm("DATE", value, gran, mod)


def _n_ago(m: re.Match, ctx: _Context) -> _Norm | None:
    n = _number(m["num"])
    unit = _unit_code(m["unit"])
    if n is None or not unit or unit.startswith("T"):
        return _Norm("DURATION", _duration(n or "X", unit or "D"), None) if unit else None
    direction = m["dir"].lower()
    if n == "X":
        value = {"ago": "PAST_REF", "earlier": "PAST_REF"}.get(direction, "FUTURE_REF")
        return _Norm("DATE", value, None)
    k = int(n) if n == int(n) else 0
    if not k:
        return None
    sign = 1 if direction in ("later", "from now", "hence") else -1
    anchor_rec = None
    if unit == "Y" and k == 1:
        anchor_rec = _reporting_period(ctx)
    if anchor_rec is not None:
        base = interval_of(anchor_rec["value"])[0].date()
        gran_unit = {"quarter": "Q", "month": "M", "half": "H"}[anchor_rec["granularity"]]
        return _Norm("DATE", *_value_at(_shift(base, "Y", sign * k), gran_unit))
    if ctx.dct is None:
        return _Norm("DATE", None, _GRANULARITY.get(unit))
    value, gran = _value_at(_shift(ctx.dct, unit, sign * k), unit)
    return _Norm("DATE", value, gran)


def _reporting_period(ctx: _Context) -> dict | None:
    """The period a report compares (``profit rose from a year earlier``): the month just
    mentioned, else the quarter or half the article last spoke of (earnings reports)."""
    for other in reversed(ctx.mentions):
        if other["sentence_id"] != ctx.sentence_id:
            break
        if other["type"] == "DURATION" or other["granularity"] not in ("quarter", "half", None):
            return None  # "net for the nine months rose from a year earlier": not the quarter
    rec = ctx.recent(("month",), sentences_back=0)
    if rec is None:
        rec = ctx.recent(("quarter", "half"), sentences_back=None)
    return rec


def _n_period(m: re.Match, ctx: _Context) -> _Norm | None:
    """``the 1988 period``, ``the year-ago period``, ``the corresponding period last year``,
    ``last year's quarter``: the quarter or half the report is about, in the year said."""
    rec = _reporting_period(ctx) if ctx.dct is not None else None
    which = re.sub(r"[-\s]+", " ", (m["which"] or m["rel"] or "").lower()).strip()
    if rec is None:
        if m["year"]:
            return _Norm("DATE", f"{_year_num(m['year']):04d}", "year")
        return None
    base = interval_of(rec["value"])[0].date()
    unit = {"quarter": "Q", "month": "M", "half": "H"}[rec["granularity"]]
    if m["year"]:
        base = base.replace(year=_year_num(m["year"]))
    elif which in ("year ago", "year earlier", "last", "prior"):
        base = _shift(base, "Y", -1)
    elif which == "next":
        base = _shift(base, "Y", 1)
    return _Norm("DATE", *_value_at(base, unit))


def _n_year_ago_adj(m: re.Match, ctx: _Context) -> _Norm | None:
    """``year-earlier`` / ``year-ago`` alone: last year's version of the period just mentioned."""
    rec = _reporting_period(ctx)
    if rec is not None:
        base = interval_of(rec["value"])[0].date()
        unit = {"quarter": "Q", "month": "M", "half": "H", "year": "Y"}[rec["granularity"]]
        return _Norm("DATE", *_value_at(_shift(base, "Y", -1), unit))
    if ctx.dct is None:
        return _Norm("DATE", None, "year")
    return _Norm("DATE", *_value_at(_shift(ctx.dct, "Y", -1), "Y"))


def _n_duration(m: re.Match, ctx: _Context) -> _Norm | None:
    unit = _unit_code(m["unit"])
    if not unit:
        return None
    n = _number(m["num"]) if m["num"] else "X"
    if n is None:
        return None
    if unit == "TS" and (m["num"] or "").lower() in ("a", "an"):
        return None  # "a second" is mostly the ordinal
    if unit == "Q" and (
        (m["num"] or "").lower() in ("a", "an", "one", "three")
        or re.match(r"\s+of\b", ctx.after(m.end()))
    ):
        return None  # "a quarter of voters", "three-quarters": a fraction
    if not m["num"] and not m.group().lower().endswith("s"):
        return None
    if m.groupdict().get("old"):
        return None  # "a 6-year-old", "37 years old": an age
    return _Norm("DURATION", _duration(n, unit), _GRANULARITY.get(unit))


_STRETCH_BEFORE = re.compile(r"\b(?:for|within|in|over|after|took|take|takes|lasted|last)$")


def _n_bare_plural(m: re.Match, ctx: _Context) -> _Norm | None:
    """``for years``, ``within weeks``: a vague stretch of time (``PXY``, ``PXW``)."""
    if not _STRETCH_BEFORE.search(ctx.before(m.start())):
        return None
    return _n_duration(m, ctx)


def _n_set(m: re.Match, ctx: _Context) -> _Norm | None:
    text = re.sub(r"\s+", " ", m.group().lower())
    fixed = _lookup("set", text)
    if fixed:
        return _Norm("SET", fixed, None)
    what = m["what"].lower() if m["what"] else ""
    wd = _lookup("weekday", what.rstrip("s")) if what else None
    if wd:
        return _Norm("SET", f"XXXX-WXX-{wd}", "day")
    month = _lookup("month", what) if what else None
    if month:
        return _Norm("SET", f"XXXX-{int(month):02d}", "month")
    unit = _unit_code(what)
    if not unit:
        return None
    k = 2 if (m["other"] or "") else 1
    return _Norm("SET", _duration(k, unit), _GRANULARITY.get(unit))


def _n_time(m: re.Match, ctx: _Context) -> _Norm | None:
    word = (m["word"] or "").lower()
    if word:
        h, mi = (24, 0) if word == "midnight" else (12, 0)
    else:
        h = int(m["h"])
        mi = int(m["mi"] or 0)
        ampm = (m["ampm"] or "").lower().replace(".", "").replace(" ", "")
        if ampm.startswith("p") and h < 12:
            h += 12
        elif ampm.startswith("a") and h == 12:
            h = 0
        elif not ampm and not m["oclock"] and not m["mi"]:
            return None
    if h > 24 or mi > 59:
        return None
    day: dt.date | None = ctx.dct
    if m["wd"]:
        wd = int(_lookup("weekday", m["wd"]) or 0)
        day = _weekday_date(ctx, wd, "", m.start(), m.end())
    elif m["deictic"]:
        step = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}[m["deictic"].lower()]
        day = ctx.dct + dt.timedelta(days=step) if ctx.dct else None
    clock = f"T{h:02d}:{mi:02d}" if word != "midnight" else "T24"
    return _Norm("TIME", f"{day.isoformat()}{clock}" if day else f"XXXX-XX-XX{clock}", "time")


def _n_ref(m: re.Match, ctx: _Context) -> _Norm | None:
    text = re.sub(r"\s+", " ", m.group().lower())
    for kind in ("present_ref", "past_ref", "future_ref"):
        v = _lookup(kind, text)
        if v:
            if text == "now" and re.match(r"\s*(?:that|,?\s+known)\b", ctx.after(m.end())):
                return None  # "now that ..." is a conjunction
            return _Norm("DATE", v, None)
    if text in ("recent", "recent years", "recent months", "recent weeks", "recent days"):
        return _Norm("DATE", "PAST_REF", None)
    return None


# --- the rule table --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def rules() -> tuple[_Rule, ...]:
    """The compiled grammar, built once per process (longest match wins; ties: earlier rule)."""
    v = vocabulary()
    month, weekday, num = _month_re(), _weekday_re(), _num_re()
    year = rf"(?P<year>{_YEAR}|{_SPOKEN_YEAR})"
    units = _units()
    dayparts = v.alt("daypart")
    seasons = v.alt("season")
    holidays = v.alt("holiday").replace("'", "['’]")
    # Letters are written in lower case where case is ignored (``q1``, not ``Q1``): the same
    # for re.IGNORECASE, and such a rule can scan the folded sentence (see _folded_twin).
    flags = re.IGNORECASE

    def rule(name: str, pattern: str, fn: Callable) -> _Rule:
        compiled = re.compile(_LEFT + pattern + _RIGHT, flags)
        return _Rule(name, compiled, fn, _folded_twin(compiled))

    return (
        rule(
            "month_day",
            rf"(?P<month>{month})\s*(?P<day>{_DAY})(?:(?:,\s*|\s+)(?:of\s+)?{year})?",
            _n_month_day,
        ),
        rule(
            "day_month",
            rf"(?:the\s+)?(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{month})(?:,?\s+{year})?",
            _n_month_day,
        ),
        rule(
            "numeric",
            r"(?:(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4}|\d\d)"
            r"|(?P<iy>(?:1[5-9]|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))",
            _n_numeric,
        ),
        rule("month_year", rf"(?P<month>{month}),?\s+(?:of\s+)?{year}", _n_month_year),
        rule(
            "month_rel_year",
            rf"(?P<month>{month})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year",
            _n_month_rel_year,
        ),
        rule(
            "weekday_date",
            rf"{weekday},?\s+(?:(?P<month>{month})\s*(?P<day>{_DAY})|(?P<day2>{_DAY})\s+"
            rf"(?:of\s+)?(?P<month2>{month}))(?:(?:,\s*|\s+){year})?",
            lambda m, c: _n_month_day(
                _Alias(m, month=m["month"] or m["month2"], day=m["day"] or m["day2"]), c
            ),
        ),
        rule(
            "month",
            rf"(?:(?P<rel>last|next|this|early|late|mid)[-\s]+)?(?P<month>{month})",
            _n_month,
        ),
        rule(
            "quarter",
            rf"(?:the\s+)?(?:(?P<year0>{_YEAR})\s+|(?P<rel0>this|last|next)\s+year['’]s\s+)?"
            rf"(?:(?:fiscal|calendar)[-\s]+)?(?:(?P<ord>first|second|third|fourth|"
            rf"1st|2nd|3rd|4th)|q(?P<qn>[1-4]))[-\s]+(?:(?:fiscal|calendar)\s+)?"
            rf"(?P<unit>quarter|half|period)?"
            rf"(?:,?\s+(?:of\s+)?(?:(?:fiscal\s+)?{year}|(?P<rel>this|last|next)\s+year))?",
            _n_quarter,
        ),
        rule(
            "quarter_ref",
            r"(?:the\s+|(?P<det>this|last|next)\s+)?(?P<which>latest|current|year[-\s]ago|"
            r"year[-\s]earlier|previous|prior|last|this|next|coming)?\s*(?:fiscal\s+)?quarter",
            _n_anaphoric_quarter,
        ),
        rule(
            "season",
            rf"(?:(?P<rel>last|next|this|the|early|late|mid)[-\s]+)?(?P<season>{seasons})"
            rf"(?:,?\s+(?:of\s+)?{year})?",
            _n_season,
        ),
        rule(
            "year",
            rf"(?:(?:fiscal|calendar|the\s+year|model\s+year)\s+)?(?:mid-)?{year}",
            _n_year,
        ),
        rule(
            "decade",
            r"(?:the\s+)?(?:(?P<dec>(?:1[5-9]|20)\d0)|['’](?P<dec2>\d0))['’]?s",
            lambda m, c: _n_decade(_Alias(m, dec=m["dec"] or m["dec2"]), c),
        ),
        rule(
            "century",
            r"(?:the\s+)?(?:(?P<ord>\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:-first)?)|(?P<rel>this|last|next))"
            r"\s+century",
            _n_century,
        ),
        rule(
            "weekday",
            rf"(?:(?P<rel>last|next|this|early|late)\s+)?(?P<wd>{weekday}s?)"
            rf"(?:\s+(?P<part>{dayparts}))?",
            _n_weekday,
        ),
        rule(
            "holiday",
            rf"(?:(?P<rel>last|next|this)\s+)?(?P<name>{holidays})"
            rf"(?:,?\s+{year})?",
            _n_holiday,
        ),
        rule(
            "deictic",
            r"(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|(?:yesterday|tomorrow)\s+"
            r"(?:morning|afternoon|evening|night)|this\s+(?:morning|afternoon|evening)|"
            r"last\s+night|today['’]s|today|yesterday['’]s|yesterday|tomorrow['’]s|tomorrow"
            r"|tonight|overnight)",
            _n_deictic,
        ),
        rule(
            "relative_unit",
            rf"(?:(?P<pre>earlier|later)\s+)?(?P<rel>(?:the\s+)?(?:past|coming|last|next)|"
            rf"last|next|this|previous|current)\s+(?P<unit>{_units(plural=False)})",
            _n_relative_unit,
        ),
        rule(
            "ago",
            rf"(?P<num>{num})\s+(?P<unit>{units})\s+(?P<dir>ago|earlier|later|from\s+now|hence)",
            _n_ago,
        ),
        rule("year_ago_adj", r"year[-\s](?:ago|earlier)", _n_year_ago_adj),
        rule(
            "period",
            rf"(?:the\s+)?(?:{year}|(?P<which>year[-\s]ago|year[-\s]earlier|comparable|"
            rf"corresponding|same)(?:\s+year[-\s](?:ago|earlier))?)\s+(?:fiscal\s+)?(?:period|quarter)"
            rf"(?:\s+(?:of\s+)?(?P<rel>last|this|next)\s+year)?"
            rf"|(?P<rel2>last|this|next)\s+year['’]s\s+(?:period|quarter)",
            lambda m, c: _n_period(_Alias(m, rel=m["rel"] or m["rel2"]), c),
        ),
        rule(
            "duration",
            rf"(?:the\s+(?:(?:past|last|next|coming|previous|first|final|latest)\s+)?)?"
            rf"(?:(?:past|last|next|coming|previous|first)\s+)?"
            rf"(?P<num>{num})\s+(?:more\s+|full\s+|straight\s+|consecutive\s+)?"
            rf"(?P<unit>{units})(?P<old>\s+old)?",
            _n_duration,
        ),
        rule(
            "duration_adjective",
            rf"(?P<num>{num})\s*-\s*(?P<unit>{_units(plural=False)})(?P<old>-old)?(?:-long)?",
            _n_duration,
        ),
        rule(
            "vague_duration",
            r"(?:the\s+)?(?:past|last|coming|next)\s+(?:few\s+|several\s+)?"
            r"(?P<unit>(?:second|minute|hour|day|week|month|year|decade)s|centuries)(?P<num>)",
            _n_duration,
        ),
        rule(
            "bare_plural_duration",
            # "for years", "within weeks": a vague stretch (not "years of war", "days later")
            r"(?P<unit>(?:minute|hour|day|week|month|year|decade)s|centuries)(?P<num>)"
            r"(?!\s+(?:of|ago|old|later|earlier|before|after|away)\b)",
            _n_bare_plural,
        ),
        rule(
            "set",
            rf"(?:(?:every|each|per)\s+(?P<other>other\s+)?(?P<what>{units}|{weekday}|{month})"
            rf"|(?:once|twice|three\s+times)\s+a\s+(?P<what2>{units})|{v.alt('set')})",
            lambda m, c: _n_set(_Alias(m, what=m["what"] or m["what2"]), c),
        ),
        rule(
            "time",
            r"(?:(?P<h>1[0-2]|0?\d)(?::(?P<mi>[0-5]\d))?\s*(?:(?P<ampm>[ap]\.\s?m\.?|[ap]m\b)"
            r"|(?P<oclock>o['’]clock))|(?P<word>noon|midday|midnight))"
            rf"(?:\s+(?:(?:on\s+)?(?P<wd>{weekday})|(?P<deictic>today|yesterday|tomorrow|tonight)))?",
            _n_time,
        ),
        rule(
            "ref",
            rf"(?:{v.alt('present_ref')}|{v.alt('past_ref')}|{v.alt('future_ref')}"
            r"|recent(?:\s+(?:years|months|weeks|days))?)",
            _n_ref,
        ),
    )


class _Alias:
    """A match with some groups overridden (for rules with alternative group names)."""

    def __init__(self, m: re.Match, **groups: str | None) -> None:
        self._m, self._g = m, groups

    def __getitem__(self, key: str) -> str | None:
        return self._g[key] if key in self._g else self._m[key]

    def __getattr__(self, name: str):
        return getattr(self._m, name)


@lru_cache(maxsize=1)
def _mod_prefix() -> re.Pattern:
    mods = vocabulary().alt("mod")
    return re.compile(rf"(?:^|(?<=[\s(]))(?P<mod>{mods})(?:\s+|-)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _mod_last_words() -> frozenset[str]:
    """The last word of each left modifier (``than`` of ``more than``)."""
    return frozenset(mod.split()[-1] for mod in vocabulary().words["mod"])


def _left_mod(sentence: str, start: int) -> re.Match | None:
    """The left modifier (``early``, ``more than``) that ends just before ``start``, if any.

    A match of :func:`_mod_prefix` ends in whitespace or a hyphen (at most a final newline
    after it) right after the last word of a modifier, and that word starts after whitespace or
    ``(``, or where the text starts. So the last such word before ``start`` must be the last
    word of a modifier (read folded, as ``re.IGNORECASE`` reads it); before most time
    expressions it is not, and the search is left out.
    """
    lo = max(0, start - 30)
    words = sentence[lo:start].rstrip().removesuffix("-").rsplit(None, 1)
    if not words or _fold(words[-1].rpartition("(")[2]) not in _mod_last_words():
        return None
    return _mod_prefix().search(sentence, lo, start)


_POINT_MODS = {"START", "END", "MID"}


# ----------------------------------------------------------------------------------------------
# Prefilter: the rules a sentence can match at all
#
# Most sentences hold no time expression, and running every rule over every sentence was most
# of the cost of this step. A match of a rule cannot do without some literal text: ``quarter``
# for ``quarter_ref``, a capitalised month name for ``month``, a four-digit run for ``year``.
# These *triggers* are read off each compiled pattern (:func:`_required`), so they follow the
# grammar and its vocabulary by construction; a sentence is scanned once for all triggers, and
# a rule runs only when each of its requirements is met. The analysis is sound, not complete:
# what it does not understand requires nothing. ``tests/test_timex.py`` checks on strings
# generated from the patterns that no match is lost.
#
# Triggers and sentences are read in the same plain alphabet: every decimal digit is ``0``
# (``1[5-9]\d\d`` needs ``0000``), and ``_MARK`` stands at every position that is not inside a
# word, so that a trigger the pattern puts at a word edge (after ``\s`` or the rules'
# ``(?<![\w...])``) is not found inside a longer word (``per`` in ``paper``, ``now`` in ``know``).

_Trigger = tuple[str, bool]  # (marked text, ignore case)
_Char = tuple[str, bool | None]  # a literal character with its IGNORECASE flag, or _EDGE
_Chars = tuple[_Char, ...]  # a literal string
# A non-word character or the end of the text, unknown otherwise: what whitespace and the
# rules' word-edge lookarounds put next to a match. A trigger never spans one; the text on
# either side of it lies at a word edge.
_EDGE: _Char = ("", None)
_MARK = "\x01"
_MARKS = re.compile(r"(?<!\w)|(?!\w)")  # the positions that are not inside a word
_WORD_CHAR = re.compile(r"\w")
_ZERO = "0"  # every decimal digit
_DIGITS = re.compile(r"\d")
_FINITE_MAX = 64  # literal strings tracked per node of the pattern before giving up on them
_IGNORECASE = int(re.IGNORECASE)  # a plain int: the flag arithmetic of re.RegexFlag is slow
_RARE_CHARS = "-/:0"  # single characters still worth a trigger (speed only: any choice is sound)


def _required(pattern: re.Pattern) -> list[frozenset[_Trigger]]:
    """What any match of ``pattern`` contains: one trigger of each set.

    Nothing is required (the rule runs on every sentence) when the pattern cannot be read.
    """
    if _sre_parser is None:
        return []
    try:
        tree = _sre_parser.parse(pattern.pattern, pattern.flags)
        finite, needs = _seq_needs(list(tree), int(tree.state.flags))
    except Exception:  # a parser that changed shape: no prefilter, same results
        return []
    if finite is not None:
        needs = _triggers(finite)
    return needs


def _join(a: _Chars, b: _Chars) -> _Chars:
    """``a`` then ``b``; two edges in a row are one (``\\s+`` is one edge, as is ``\\s``)."""
    if a and b and a[-1] == _EDGE and b[0] == _EDGE:
        return a + b[1:]
    return a + b


def _seq_needs(
    items: list, flags: int, edge: bool = False
) -> tuple[set[_Chars] | None, list[frozenset[_Trigger]]]:
    """``(strings, needs)`` of a sequence of pattern nodes: ``strings`` is the set of strings it
    matches when that is a small set of literals (else ``None``), ``needs`` its requirements.
    ``edge``: the sequence follows an edge (its strings then start with one)."""
    run: set[_Chars] = {(_EDGE,)} if edge else {()}  # the strings of the current literal stretch
    needs: list[frozenset[_Trigger]] = []
    exact = True
    for op, av in items:
        edge = all(a and a[-1] == _EDGE for a in run)
        strings, more = _node_needs(op, av, flags, edge)
        if strings is not None:
            joined = {_join(a, b) for a in run for b in strings}
            if len(joined) <= _FINITE_MAX:
                run = joined
                continue
            exact = False  # too many strings: the stretch so far becomes a requirement,
            needs.extend(_triggers(run))  # and its last characters go on with the next node
            joined = {_join(a[-1:], b) for a in run for b in strings}
            run = joined if len(joined) <= _FINITE_MAX else strings
            continue
        exact = False
        needs.extend(_triggers(run))
        needs.extend(more)
        run = {()}
    if exact:
        return run, []
    needs.extend(_triggers(run))
    return None, needs


def _node_needs(
    op, av, flags: int, edge: bool = False
) -> tuple[set[_Chars] | None, list[frozenset[_Trigger]]]:
    """``(strings, needs)`` of one node of the parse tree (see :func:`_seq_needs`); ``edge``:
    the node follows an edge (groups pass that on; repeats do not, their strings repeat)."""
    ignore = bool(flags & _IGNORECASE)
    if op is _sre_c.LITERAL:
        return {((_plain(av), ignore),)}, []
    if op is _sre_c.IN:
        chars = _class_chars(av)
        if chars is not None:
            return {((c, ignore),) if c else (_EDGE,) for c in chars}, []
        return None, []
    if op is _sre_c.ASSERT_NOT and _rejects_word(av[1]):
        return {(_EDGE,)}, []  # (?<![\w...]), (?!\w|...): a non-word character or the end
    if op in (_sre_c.AT, _sre_c.ASSERT, _sre_c.ASSERT_NOT):
        return {()}, []  # zero width
    if op is _sre_c.SUBPATTERN:
        _group, add, remove, items = av
        return _seq_needs(list(items), (flags | int(add)) & ~int(remove), edge)
    if op is _sre_c.ATOMIC_GROUP:
        return _seq_needs(list(av), flags, edge)
    if op is _sre_c.BRANCH:
        alternatives = [_seq_needs(list(items), flags, edge) for items in av[1]]
        if all(s is not None for s, _ in alternatives):
            union = set().union(*(s for s, _ in alternatives))
            if len(union) <= _FINITE_MAX:
                return union, []
        # A match meets the requirements of one alternative; so, picking one requirement of
        # each alternative in every possible way, each union of the picks is met (picks among
        # the two most selective of each alternative, or the most selective if that is many).
        options = []
        for strings, needs in alternatives:
            if strings is not None:
                needs = _triggers(strings)
            if not needs:
                return None, []
            options.append(sorted(needs, key=_selectivity, reverse=True)[:2])
        if prod(len(o) for o in options) > 16:
            options = [o[:1] for o in options]
        unions = {_minimal(frozenset().union(*pick)) for pick in product(*options)}
        return None, sorted((u for u in unions if u), key=sorted)
    if op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT, _sre_c.POSSESSIVE_REPEAT):
        lo, hi, items = av
        strings, needs = _seq_needs(list(items), flags)
        if strings is not None and hi > 3 and all(map(_is_edge, strings)):
            # a run of whitespace or other non-word characters (``\s+``, ``[-\s]+``): one
            # edge, if there is one at all
            return ({(_EDGE,)} if lo else {(), (_EDGE,)}), []
        if strings is not None and hi <= 3:
            repeated = {
                reduce(_join, combo, ())
                for k in range(lo, hi + 1)
                for combo in product(strings, repeat=k)
            }
            if len(repeated) <= _FINITE_MAX:
                return repeated, []
        if lo == 0:
            return None, []
        if strings is not None:
            return None, _triggers(strings)
        return None, needs
    return None, []  # anything else (a backreference, any character...): no requirement


def _is_edge(s: _Chars) -> bool:
    """Whether a literal string is one non-word character (or an edge)."""
    return len(s) == 1 and (s[0] == _EDGE or not _WORD_CHAR.match(s[0][0]))


def _plain(code: int) -> str:
    """A character of a pattern as the sentence scan reads it: a decimal digit as ``0``."""
    ch = chr(code)
    return _ZERO if ch.isdecimal() else ch


def _class_chars(items: list) -> set[str] | None:
    """The characters of a small positive character class (``[ap]``, ``[1-4]`` and ``\\d`` as
    ``0``), with ``""`` for whitespace (``[-\\s]``: ``-`` or an edge); else None."""
    chars: set[str] = set()
    for op, av in items:
        if op is _sre_c.LITERAL:
            chars.add(_plain(av))
        elif op is _sre_c.RANGE and all(chr(c).isdecimal() for c in range(av[0], av[1] + 1)):
            chars.add(_ZERO)
        elif op is _sre_c.RANGE and av[1] - av[0] < 10:
            chars.update(_plain(c) for c in range(av[0], av[1] + 1))
        elif op is _sre_c.CATEGORY and av == _sre_c.CATEGORY_DIGIT:
            chars.add(_ZERO)
        elif op is _sre_c.CATEGORY and av == _sre_c.CATEGORY_SPACE:
            chars.add("")
        else:
            return None
    return chars


def _rejects_word(pattern) -> bool:
    """Whether a lookaround pattern matches every word character (``[\\w'$]``, ``\\w|-\\w``):
    then where it is negative, the character there is no word character, or there is none."""
    items = list(pattern)
    alternatives = items[0][1][1] if len(items) == 1 and items[0][0] is _sre_c.BRANCH else [items]
    word = (_sre_c.CATEGORY, _sre_c.CATEGORY_WORD)
    return any(
        len(alt) == 1
        and alt[0][0] is _sre_c.IN
        and word in alt[0][1]
        and not any(op is _sre_c.NEGATE for op, _ in alt[0][1])
        for alt in alternatives
    )


def _triggers(strings: set[_Chars]) -> list[frozenset[_Trigger]]:
    """The requirements that a set of literal strings meets, each made of one piece of every
    string (a piece that the sentence scan can find as such): the longest, the first and the
    last pieces (``last`` and ``night`` of ``last night``), and any one piece that all strings
    hold (the ``quarter`` of ``the quarter``, ``the latest quarter``...). None when some
    string needs nothing."""
    pieces = [[(_marked(t, b, a), i) for t, i, b, a in _pieces(s) if t] for s in strings]
    if not all(pieces):
        return []
    longest = frozenset(max(p, key=lambda t: (len(_bare(t)), len(t[0]))) for p in pieces)
    needs = [longest, frozenset(p[0] for p in pieces), frozenset(p[-1] for p in pieces)]
    shortest = min(pieces, key=lambda p: (sum(len(t[0]) for t in p), repr(p)))
    shared = {
        w
        for t in shortest
        for w in _parts(t)
        if all(any(w[1] == o[1] and w[0] in o[0] for o in p) for p in pieces)
    }
    # the shared parts that no other one holds (where those are found, these are too)
    needs += [frozenset([w]) for w in shared if not any(o != w and w[0] in o[0] for o in shared)]
    return sorted({n for n in map(_minimal, needs) if n}, key=sorted)


def _parts(trigger: _Trigger) -> list[_Trigger]:
    """The parts of a trigger that are found wherever it is, from mark to mark (``-day``:
    ``-``, ``day`` and ``-day``, each with or without the marks around it)."""
    text, ignore = trigger
    bounds = {0, len(text)}
    for i, ch in enumerate(text):
        if ch == _MARK:
            bounds.update((i, i + 1))
    parts = {text[i:j] for i in bounds for j in bounds if i < j}
    return [(t, ignore) for t in sorted(parts) if t.strip(_MARK)]


def _pieces(s: _Chars) -> list[tuple[str, bool | None, bool, bool]]:
    """The stretches of a literal string that the sentence scan can find as such, split at
    edges, where case sensitivity changes and at characters that lower-casing does not fold:
    ``(text, ignore case, at an edge before, at an edge after)``."""
    pieces = []
    text, prev, before = "", None, False
    for ch, ignore in s:
        if (ch, ignore) == _EDGE:
            pieces.append((text, prev, before, True))
            text, before = "", True
            continue
        if text and (ignore != prev or (ignore and not _foldable(ch))):
            pieces.append((text, prev, before, False))
            text, before = "", False
        prev = ignore
        if ignore and not _foldable(ch):
            before = False  # left out: the next piece starts after an unknown character
        else:
            text += ch.lower() if ignore else ch
    pieces.append((text, prev, before, False))
    return pieces


def _marked(text: str, before: bool, after: bool) -> str:
    """A trigger's text with the marks that a sentence holding it has there (``_MARKS``): around
    its non-word characters, and at its ends where it lies at an edge."""
    marked = _MARKS.sub(_MARK, text)
    if not before and _WORD_CHAR.match(text[0]):
        marked = marked[1:]  # the character before is unknown: it may be inside a word
    if not after and _WORD_CHAR.match(text[-1]):
        marked = marked[:-1]
    return marked


def _foldable(ch: str) -> bool:
    """Whether the lowered sentence holds ``ch`` wherever ``re.IGNORECASE`` matches it: ASCII
    (see ``_ASCII_FOLDS``) and characters without case (``’``)."""
    return ch.isascii() or ch.lower() == ch.upper()


def _bare(trigger: _Trigger) -> str:
    return trigger[0].replace(_MARK, "")


def _minimal(triggers: frozenset[_Trigger]) -> frozenset[_Trigger]:
    """Without the triggers that contain another one (found whenever they are); empty when a
    single letter would meet the set (nearly every sentence does)."""

    def covered(t: _Trigger) -> bool:
        return any(o != t and o[1] == t[1] and o[0] in t[0] for o in triggers)

    kept = frozenset(t for t in triggers if not covered(t))
    if any(len(_bare(t)) < 2 and _bare(t) not in _RARE_CHARS for t in kept):
        return frozenset()
    return kept


def _selectivity(triggers: frozenset[_Trigger]) -> int:
    """A rough rank of how few sentences meet a requirement: its shortest trigger (a lone
    digit ranks with three letters)."""
    return min(3 if _bare(t) == _ZERO else len(_bare(t)) for t in triggers)


def _trie_regex(words: set[str]) -> re.Pattern:
    """An alternation of ``words`` as a trie: fast in ``re``, and a match is the longest word
    that starts there."""
    return re.compile(_trie(words) or "(?!)")


def _trie(words: set[str], *, spaces: bool = False) -> str:
    """The pattern of an alternation of ``words`` as a trie, longer words tried first
    (``spaces``: a space of a word matches any run of whitespace, ``\\s+``)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [
            (r"\s+" if spaces and ch == " " else re.escape(ch)) + emit(sub)
            for ch, sub in sorted(node.items())
            if ch
        ]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


@dataclass(frozen=True)
class _Prefilter:
    """The requirements of all rules, numbered as bits, and the scan that finds those met."""

    needs: tuple[int, ...]  # per rule: the bits of its requirements
    folded: re.Pattern  # case-insensitive triggers, over the lowered sentence
    folded_meets: dict[str, int]  # a trigger found -> the requirements it meets (with those inside)
    exact: re.Pattern  # case-sensitive triggers, over the sentence as it is
    exact_meets: dict[str, int]
    exact_cased: bool  # each case-sensitive trigger holds an upper-case letter
    unspaced: bool  # no trigger holds whitespace: each lies within a piece of ``str.split()``
    loose: str  # punctuation that no trigger holds (see :func:`_met_in`)


# Punctuation that clings to words (``said,`` ``(Monday``); those that no trigger holds are
# ``_Prefilter.loose``. Speed only: any choice of non-word characters is sound.
_CLINGING = string.punctuation + "“”‘’«»—–…"


@lru_cache(maxsize=1)
def _prefilter() -> _Prefilter:
    needs = [_required(r.pattern) for r in rules()]
    sets = sorted({s for n in needs for s in n}, key=sorted)
    bit = {s: 1 << i for i, s in enumerate(sets)}
    meets: dict[_Trigger, int] = {}
    for s in sets:
        for t in s:
            meets[t] = meets.get(t, 0) | bit[s]

    def meets_inside(ignore: bool) -> dict[str, int]:
        words = [t for t, i in meets if i is ignore]
        # or, not sum: two triggers inside ``w`` may meet the same requirement
        return {w: reduce(or_, (meets[(o, ignore)] for o in words if o in w)) for w in words}

    folded, exact = meets_inside(True), meets_inside(False)
    return _Prefilter(
        needs=tuple(sum(bit[s] for s in n) for n in needs),
        folded=_trie_regex(set(folded)),
        folded_meets=folded,
        exact=_trie_regex(set(exact)),
        exact_meets=exact,
        exact_cased=all(any(ch.isupper() for ch in t) for t in exact),
        unspaced=not any(ch.isspace() for t, _ in meets for ch in t),
        loose="".join(
            ch
            for ch in _CLINGING
            if not _WORD_CHAR.match(ch) and not any(ch in t for t, _ in meets)
        ),
    )


def _met(sentence: str) -> int:
    """The requirements (bits of :func:`_prefilter`) that a sentence meets."""
    return _met_each([sentence])[0]


def _met_each(sentences: list[str]) -> list[int]:
    """The requirements (bits of :func:`_prefilter`) that each sentence meets.

    A trigger without whitespace lies within one whitespace-separated piece of the sentence,
    so the sentence meets what its pieces meet; pieces (words with their punctuation) recur
    from sentence to sentence, and what each meets is remembered. (All the sentences of an
    article in one go: this runs for every sentence, mostly to find that no rule can match.)
    """
    if not _prefilter().unspaced:
        return [_met_in(s) for s in sentences]
    met_of = _MET_OF_PIECE.__getitem__
    # most pieces meet nothing: only the others are or-ed
    return [reduce(or_, filter(None, map(met_of, s.split())), 0) for s in sentences]


def _met_in(piece: str) -> int:
    """The requirements that ``piece`` meets: the bits of every trigger found anywhere in it,
    read as the triggers are (digits as ``0``, marks where no word goes on).

    A piece with loose punctuation at its ends (``said,``, ``(Monday``) meets what the rest
    meets: no trigger holds those characters, and the rest is read with the same marks (the
    scan marks the two ends of a piece, and both sides of each non-word character). So the
    rest is looked up, most often a word already known.
    """
    pf = _prefilter()
    core = piece.strip(pf.loose)
    if core != piece:
        return _MET_OF_PIECE[core]
    if piece.isalpha():  # most pieces: one word, marked at its two ends only
        text = _MARK + piece + _MARK
    elif _MARK in piece:  # holds the mark itself: only the regular expressions read it right
        text = _MARKS.sub(_MARK, _DIGITS.sub(_ZERO, piece))
    else:  # the same text, faster: a character at a time, and where two non-word characters
        # meet, their two marks are the one mark between them
        text = (_MARK + piece.translate(_SCANNED_CHARS) + _MARK).replace(_MARK + _MARK, _MARK)
    # (an ASCII text has none of the characters that ``_fold`` translates first)
    folded = text.lower() if text.isascii() else _fold(text)
    m = pf.folded.search(folded)  # most pieces hold no trigger: this one search tells
    found = _found_from(m, pf.folded, pf.folded_meets, folded) if m else 0
    if not (pf.exact_cased and piece.islower()):  # else no case-sensitive trigger is there
        m = pf.exact.search(text)
        if m:
            found |= _found_from(m, pf.exact, pf.exact_meets, text)
    return found


def _found_from(
    m: re.Match | None, pattern: re.Pattern, meets: dict[str, int], scanned: str
) -> int:
    """The requirements met by the triggers of ``pattern`` in a scanned piece, given the first
    match ``m`` of ``pattern`` in it."""
    found = 0
    while m:  # every position where a trigger starts: overlapping triggers count too
        found |= meets[m.group()]
        m = pattern.search(scanned, m.start() + 1)
    return found


# What each sentence piece meets, remembered per piece (bounded: see WordMemo).
_MET_OF_PIECE = WordMemo(_met_in)


def _scanned_char(code: int) -> str:
    """A character as the trigger scan reads it (see ``_MARKS``, ``_DIGITS``): a decimal digit
    as ``0``, another word character as it is, any other character between two marks."""
    ch = chr(code)
    if ch.isdecimal():  # what ``\d`` matches
        return _ZERO
    if ch.isalnum() or ch == "_":  # what ``\w`` matches
        return ch
    return _MARK + ch + _MARK


# The characters of pieces as the scan reads them, by code point (for ``str.translate``).
_SCANNED_CHARS = WordMemo(_scanned_char)


@lru_cache(maxsize=1 << 14)  # a few thousand different sets of requirements met per corpus
def _runnable(met: int) -> tuple[int, ...]:
    """Indices of the rules whose requirements are all ``met``."""
    return tuple([i for i, needs in enumerate(_prefilter().needs) if met & needs == needs])


# ----------------------------------------------------------------------------------------------
# Folded scans: a case-insensitive rule is found faster in the folded sentence
#
# ``re`` runs a pattern with ``re.IGNORECASE`` several times slower than the same pattern
# without it, which can skip the alternatives that do not start with the character at hand.
# Where a rule ignores case throughout and its letters are lower-case ASCII, the pattern without
# ``re.IGNORECASE`` matches the folded sentence (:func:`_fold`: same length, same word
# characters) exactly where the rule matches the sentence; the rule itself then reads each
# match from the sentence. ``tests/test_timex.py`` checks the characters involved over all of
# Unicode, and the spans on generated strings.


def _folded_twin(pattern: re.Pattern) -> re.Pattern | None:
    """``pattern`` without ``re.IGNORECASE``, when that finds its matches in folded texts."""
    if _sre_parser is None or not pattern.flags & re.IGNORECASE:
        return None
    try:
        tree = _sre_parser.parse(pattern.pattern, pattern.flags)
        if not _folds_alike(list(tree)):
            return None
    except Exception:  # a parser that changed shape: the rule scans the sentence itself
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def _folds_alike(items: list) -> bool:
    """Whether each node ignores case and reads only characters that fold alike (lower-case
    ASCII letters and characters without case) and character categories."""
    for op, av in items:
        if op in (_sre_c.LITERAL, _sre_c.NOT_LITERAL):
            ok = _folds_alike_char(av)
        elif op is _sre_c.IN:
            ok = all(_folds_alike_class_item(o, a) for o, a in av)
        elif op in (_sre_c.AT, _sre_c.ANY):
            ok = True
        elif op is _sre_c.SUBPATTERN:
            _group, add, remove, sub = av
            ok = not int(remove) & _IGNORECASE and _folds_alike(list(sub))
        elif op is _sre_c.BRANCH:
            ok = all(_folds_alike(list(sub)) for sub in av[1])
        elif op in (_sre_c.ASSERT, _sre_c.ASSERT_NOT):
            ok = _folds_alike(list(av[1]))
        elif op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT, _sre_c.POSSESSIVE_REPEAT):
            ok = _folds_alike(list(av[2]))
        elif op is _sre_c.ATOMIC_GROUP:
            ok = _folds_alike(list(av))
        else:  # a backreference (compared ignoring case), anything unforeseen
            ok = False
        if not ok:
            return False
    return True


def _folds_alike_class_item(op, av) -> bool:
    if op is _sre_c.LITERAL:
        return _folds_alike_char(av)
    if op is _sre_c.RANGE:
        return av[1] - av[0] < 128 and all(map(_folds_alike_char, range(av[0], av[1] + 1)))
    return op in (_sre_c.NEGATE, _sre_c.CATEGORY)


def _folds_alike_char(code: int) -> bool:
    ch = chr(code)
    return ch.isascii() and not ch.isupper() or ch.lower() == ch.upper() == ch


# ----------------------------------------------------------------------------------------------
# Recognition over a sentence


def _candidates(
    sentence: str, runnable: tuple[int, ...]
) -> list[tuple[int, int, int, _Rule, re.Match]]:
    """The matches of the rules ``runnable`` on the sentence (see :func:`_runnable`)."""
    out = []
    grammar = rules()
    folded = None
    for prio in runnable:
        r = grammar[prio]
        if r.folded is None:
            matches = r.pattern.finditer(sentence)
        else:
            if folded is None:
                folded = _fold(sentence)
            # found in the folded sentence, read by the rule itself from the sentence
            matches = (r.pattern.match(sentence, f.start()) for f in r.folded.finditer(folded))
        for m in matches:
            if m.end() > m.start():
                out.append((m.start(), m.end(), prio, r, m))
    return out


def _select(cands: list) -> list:
    """Non-overlapping candidates: longest first, then earlier rule."""
    if len(cands) < 2:
        return cands
    starts: list[int] = []  # accepted spans, sorted and disjoint
    ends: list[int] = []
    chosen: list = []
    for c in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
        i = bisect.bisect_left(starts, c[1])  # spans starting before this one ends
        if i and ends[i - 1] > c[0]:
            continue
        starts.insert(i, c[0])
        ends.insert(i, c[1])
        chosen.append(c)
    return sorted(chosen, key=lambda c: c[0])


def _normalise(rule: _Rule, m: re.Match, ctx: _Context) -> _Norm | None:
    try:
        return rule.normalise(m, ctx)
    except (ValueError, OverflowError, KeyError, TypeError, AttributeError, IndexError):
        return None  # an odd match never stops the article


def _sentence_timexes(ctx: _Context, cands: list) -> list[dict]:
    """The records of a sentence's candidates (:func:`_candidates`)."""
    out: list[dict] = []
    # Rejected matches ("May" the verb) must not hide shorter ones: filter, then select, then
    # normalise again in text order so that earlier mentions of the sentence are known.
    readings = []
    for c in cands:
        norm = _normalise(c[3], c[4], ctx)
        if norm is not None:
            readings.append((*c, norm))
    before = len(ctx.mentions)
    for start, end, _prio, rule, m, first in _select(readings):
        # Until the sentence adds a mention, the context is the one of the first reading.
        norm = first if len(ctx.mentions) == before else _normalise(rule, m, ctx)
        if norm is None:
            continue
        mod = norm.mod
        pm = _left_mod(ctx.sentence, start)
        if pm is not None:
            kind = _lookup("mod", pm["mod"])
            text0 = ctx.sentence[start:end].lower()
            # "early April", "nearly two years ago", "more than four hours", "around 7 p.m.",
            # but not "over the last two weeks" ("over" there is a preposition)
            if kind in _POINT_MODS:
                fits = norm.type in ("DATE", "TIME")
            else:
                fits = not text0.startswith(("the ", "this ", "last ", "next ", "past "))
            if kind and fits and norm.type != "SET":
                mod, start = kind, pm.start()
        text = ctx.sentence[start:end]
        stripped = text.rstrip(".")  # "Dec." keeps its period but a sentence's final one goes
        if stripped != text and not re.search(r"(?:\b[A-Z][a-z]{2,3}|[ap]\.m)\.$", text):
            end -= len(text) - len(stripped)
            text = stripped
        rec = {
            "sentence_id": ctx.sentence_id,
            "start": ctx.offset + start,
            "end": ctx.offset + end,
            "text": text,
            "type": norm.type,
            "value": norm.value,
            "mod": mod,
            "granularity": norm.granularity,
            "_rule": rule.name,
        }
        ctx.mentions.append(rec)
        out.append(rec)
    return out


def timex_step(doc: Document) -> dict[str, list[dict]]:
    """Time-expression records for one article (see ``SCHEMAS['timexes']``)."""
    sentences = doc.sentences or split_sentences(doc.text, doc.body_start)
    dct = normalise_date(doc.date)
    mentions: list[dict] = []
    records: list[dict] = []
    texts = [s["text"] for s in sentences]
    for s, runnable in zip(sentences, map(_runnable, _met_each(texts)), strict=True):
        if not runnable:  # most sentences: no rule can match
            continue
        cands = _candidates(s["text"], runnable)
        if cands:
            ctx = _Context(dct, s["text"], s["start"], mentions, s["sentence_id"])
            records.extend(_sentence_timexes(ctx, cands))
    for i, rec in enumerate(records):
        rec.pop("_rule", None)
        rec["timex_id"] = i
        span = interval_of(rec["value"]) if rec["type"] in ("DATE", "TIME") else None
        rec["interval_start"], rec["interval_end"] = span if span else (pd.NaT, pd.NaT)
    return {"timexes": records}


def find_timexes(text: str, *, date: object = None) -> pd.DataFrame:
    """The time expressions of a text as a ``timexes`` table, relative ones anchored on ``date``.

    >>> df = find_timexes("On December 27, 2021, Biden signed it.", date="2023-01-09")
    >>> df[["text", "type", "value"]].values.tolist()
    [['December 27, 2021', 'DATE', '2021-12-27']]
    """
    doc = Document(text=text or "", date=normalise_date(date))
    records = timex_step(doc)["timexes"]
    return frame("timexes", [{"article_id": doc.article_id, **r} for r in records])
