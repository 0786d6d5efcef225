"""Named entities: recognise, normalise and link mentions, without downloaded models.

Labels (OntoNotes): PERSON, ORG, GPE (countries, cities, states), LOC (other places and
regions), NORP (nationalities, religious and political groups), PRODUCT (``F-35``, ``S-400``),
LAW (``National Defense Authorization Act``), EVENT (``World Cup``).

How it works, per sentence:

1. *Runs*: maximal runs of capitalised tokens, joined by name particles (``of``, ``de``, ``al``)
   when a capitalised token follows. Hyphenated forms are cut (``Washington-led`` ->
   ``Washington``; ``pro-Russian`` -> ``Russian``); leading common words (``The``, ``In``) are
   dropped; a sentence-initial word counts only if it is a known name or recurs as one.
2. *Gazetteers* (see :mod:`analysis.gazetteers`) recognise whole runs or their longest parts:
   countries and their aliases, demonyms, capitals, cities, regions, organisations.
3. *Rules* label the rest: titles split off persons (``US President Joe Biden`` -> GPE ``US`` +
   PERSON ``Joe Biden``, role ``President``, country ``USA``); a name's last word (``Act`` ->
   LAW, ``Ministry`` -> ORG, ``River`` -> LOC); given names -> PERSON; acronyms -> ORG;
   ``F-35``-like codes -> PRODUCT.
4. *Per article*: short names resolve to the full name mentioned elsewhere (``Demir`` ->
   ``Ismail Demir``); a name labelled confidently once lends its label to its other mentions,
   including those in ALL-CAPS headlines (which are otherwise matched against gazetteers only).

Metonymy: with ``metonymy=True`` (the default, ``doc.options["metonymy"]``) a capital stands
for its country's government (``Ankara bought S-400s`` -> ``gpe:TUR``), except right after a
locative preposition (``talks in Ankara`` stays the city). With ``metonymy=False`` capitals are
always cities (``gpe:ankara``, country ``TUR``): use it for travel or city news.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import chain, compress
from operator import attrgetter, itemgetter
from typing import NamedTuple

import pandas as pd

from . import gazetteers as gz
from .document import Document
from .names import make_entity_id
from .tables import frame
from .text import WordMemo, split_sentences, tokenize

# Lower-case words allowed inside a name when a capitalised word follows.
_PARTICLES = frozenset(
    "of for and the de del della da do dos du la le van von der den al el bin ibn ben y &".split()
)
# Particles that only ever join names inside organisation or law names, never persons.
_ORG_JOINERS = frozenset({"of", "for", "and", "the", "&"})
_AND = frozenset({"and", "&"})
_WEAK_PLACES = frozenset({"gazetteer:city", "gazetteer:state"})
_PLACES = _WEAK_PLACES | {"gazetteer:capital", "gazetteer:capital-metonymy"}
# Gazetteer matches that are often surnames (Clinton, Burman = Burma + n): after an unknown
# capitalised word in the same run, or followed by a speech verb, they are part of a person.
_SURNAME_LIKE = frozenset({"gazetteer:city", "gazetteer:demonym-derived"})
_SURNAME_OR_PLACE = _SURNAME_LIKE | _WEAK_PLACES
_TEAM_BEFORE = re.compile(r"(?:\b(?:v|vs|beat|defeated|drew with|lost to|edged)\.?)\s+$", re.I)
_TEAM_AFTER = re.compile(r"^\s+(?:\d{1,3}\b(?![-/.:,]\d)|v\b|vs\b)")
_SPEECH_AFTER = re.compile(r"^\s+(?:said|says|told|added|stressed|noted|asked|wrote)\b")
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "visit"})
_COMPASS = frozenset(
    "north south east west northeast northwest southeast southwest "
    "north-east north-west south-east south-west".split()
)
# Common adjectives that may start a name ending in a cue word (Central Park, First Avenue).
_NAME_ADJECTIVES = _COMPASS | frozenset(
    "northern southern eastern western central first second third big high little long low".split()
)
_SPEECH = frozenset({"said", "says", "told", "added", "stressed", "noted", "asked", "wrote"})
_TITLE_DOT = frozenset({"mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "sen"})
_TITLE_DOT |= frozenset({"rep", "gov", "adm", "prof", "rev", "st", "jr", "sr", "mt", "ft"})
_PRODUCT_RE = re.compile(r"^(?:[A-Z][A-Za-z]{0,3}-\d{1,4}[A-Z]{0,2}|[A-Z]{1,3}\d{2,4}[A-Z]?)$")
_NOT_PRODUCTS = frozenset({"covid-19", "sars-cov-2", "mh17", "h1n1", "g20", "g7"})
_ROMAN_RE = re.compile(r"^(?:II|III|IV|VI|VII|VIII|IX|XI|XII)$")
_ACRONYM_RE = re.compile(r"^[A-Z][A-Z&]{1,5}$")
_HYPHENS = "-\u2010\u2011"
_SPLIT_HYPHEN_RE = re.compile(r"[-\u2010\u2011]")
# Hyphens, and the characters before a hashtag, @handle or URL part: only a token holding one
# or right after one may be cut or be part of a handle (see _tokens).
_CUT_MARKS = "-\u2010\u2011#@/=_"

_UNSEEN = object()
_TOKEN_START, _TOKEN_TEXT = itemgetter(0), itemgetter(2)
_START = attrgetter("start")

# How sure a rule is: stronger evidence wins when one name gets different labels in an article.
_STRENGTH = {"gazetteer": 3, "cue": 3, "title": 3, "given-name": 2, "context": 2, "default": 1}


class Tokens:
    """A sentence's tokens: token ``i`` is ``text[i]``, ``spans[i]`` is ``(start, end, text)``
    and ``cap[i]`` says it is capitalised, so possibly part of a name (never a word of a
    hashtag, @handle or URL). (Offsets stay in the spans: the texts are needed for every token,
    the offsets for a few, and splitting the spans into columns would cost more.)

    (A class with slots, not a named tuple: made for every sentence and read often, it is
    quicker to make and to read.)"""

    __slots__ = ("spans", "text", "cap")

    def __init__(self, spans: list[tuple[int, int, str]], text: tuple[str, ...], cap: list[bool]):
        self.spans, self.text, self.cap = spans, text, cap


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    label: str
    canonical: str
    country: str | None = None
    role: str | None = None
    method: str = "default"
    entity_id: str | None = None
    initial: bool = False  # sentence-initial single word: kept only if confirmed per article
    extra: dict = field(default_factory=dict)

    @property
    def text_key(self) -> str:
        return self.extra.get("key", "")

    @property
    def strength(self) -> int:
        return _strength(self.method)


@lru_cache(maxsize=64)
def _strength(method: str) -> int:
    return _STRENGTH.get(method.split(":")[0], 1)


#: words before `Convention` that make it a party's gathering, not a treaty
_PARTY_GATHERINGS = frozenset({"National", "Democratic", "Republican", "Party", "Constitutional"})


@lru_cache(maxsize=16384)
def _entity_id(label: str, name: str, country: str | None = None) -> str:
    """:func:`~analysis.names.make_entity_id`, remembered: names recur across articles."""
    return make_entity_id(label, name, country)


def _is_product(word: str) -> bool:
    return bool(_PRODUCT_RE.match(word)) and gz.key(word) not in _NOT_PRODUCTS


def _cut_marks(text: str) -> list[int]:
    """The sorted offsets in ``text`` of the characters of ``_CUT_MARKS``: few, and found with
    ``str.find`` far faster than by a regular expression trying every character."""
    marks = []
    for c in _CUT_MARKS:
        at = text.find(c)
        while at >= 0:
            marks.append(at)
            at = text.find(c, at + 1)
    marks.sort()
    return marks


def _tokens(text: str, start: int, end: int, marks: list[int]) -> Tokens:
    """Tokens of a sentence; hyphenated names are cut where the case changes.

    ``marks`` are the offsets of ``_CUT_MARKS`` characters in ``text`` (see :func:`_cut_marks`).
    """
    spans = tokenize(text, start, end)
    handles = ()
    first = bisect_left(marks, max(start - 1, 0))  # (a mark right before the sentence counts)
    if first < len(marks) and marks[first] < end:
        inside = marks[first : bisect_left(marks, end, first)]
        cuts, handles = _cut_tokens(text, spans, inside)
        if cuts:
            spans = list(spans)
            for k in reversed(cuts):  # (in token order)
                spans[k : k + 1] = cuts[k]
    texts = tuple(map(_TOKEN_TEXT, spans))
    # capitalised, so possibly a name (a product code like F-35 too); tokens are never empty
    cap = [w[0].isupper() for w in texts]
    for ix in handles:
        cap[ix] = False
    return Tokens(spans, texts, cap)


def _cut_tokens(
    text: str, spans: list[tuple[int, int, str]], marks: list[int]
) -> tuple[dict[int, list[tuple[int, int, str]]], list[int]]:
    """Hyphenated forms to cut (token index -> its two parts) and the indices, once cut, of
    hashtag, @handle or URL parts, among the tokens holding or following the ``marks``."""
    marked = set()
    for p in marks:  # (spans are in order of start)
        if text[p] in _HYPHENS:  # the token holding it (not whitespace)
            marked.add(bisect_right(spans, p, key=_TOKEN_START) - 1)
        else:  # a token right after it, if any
            marked.add(bisect_left(spans, p + 1, key=_TOKEN_START))
    cuts = {}
    handles = []
    for k in sorted(marked):
        if not 0 <= k < len(spans):
            continue
        s, e, t = spans[k]
        hyphen = "-" in t or "\u2010" in t or "\u2011" in t
        if hyphen and k > 0 and _hyphenated_given_name(text, spans[k - 1], t):
            continue  # Park Geun-hye, Kim Jong-un: one given name
        if s > 0 and text[s - 1] in "#@/=_":
            handles.append(k + len(cuts))  # (each cut before it adds a token)
            continue
        if hyphen:
            cut = _hyphen_cut(t)
            if cut:
                cuts[k] = [(s, s + cut, t[:cut]), (s + cut, e, t[cut:])]
    return cuts, handles


def _hyphen_cut(t: str) -> int:
    """Where to cut the hyphenated token ``t`` into a name and a word that is none (0: not)."""
    parts = _SPLIT_HYPHEN_RE.split(t)
    if t[:1].isupper() and any(p[:1].islower() for p in parts[1:]):
        cut = len(parts[0])  # Washington-led, Kremlin-backed: the rest is no name
    elif t[:1].islower() and parts[-1][:1].isupper():
        cut = len(t) - len(parts[-1])  # pro-Russian, anti-NATO, non-EU
    else:
        return 0
    return 0 if _is_product(t) or gz.key(t) in gz.names() else cut


# Short English words that follow a name after a hyphen (Obama-era, Kremlin-run, Saudi-led).
_HYPHEN_WORDS = frozenset(
    "led run era old new made born bred like type wide free only held size area zone term year "
    "day week side long high low near done mad hit fed pro anti".split()
)


def _hyphenated_given_name(text: str, before: tuple[int, int, str], t: str) -> bool:
    """``Geun-hye`` after ``Park``: a hyphenated given name (East Asian style), whose later parts
    are short syllables in lower case, right after another capitalised name word."""
    if (
        not t[:1].isupper()
        or not before[2][:1].isupper()
        or before[1] + 1 != text.find(t, before[1])
    ):
        return False
    if gz.key(before[2]) in gz.common_words():
        return False
    parts = _SPLIT_HYPHEN_RE.split(t)
    if len(parts) < 2 or not parts[0].isalpha() or len(parts[0]) > 5:
        return False
    return all(
        p.isalpha()
        and p.islower()
        and len(p) <= 4
        and p not in _HYPHEN_WORDS
        and not p.endswith("ed")
        for p in parts[1:]
    )


def _is_caps_sentence(words: tuple[str, ...]) -> bool:
    """At least 70% of the words (two letters or more) are upper case: a headline in capitals."""
    if not any(map(str.isupper, words)):
        return False  # most sentences
    n = upper = 0
    most_lower = 0.3 * len(words)  # more lower-case words than this: the share is below 70%
    for w in words:
        # two letters or more (a mark, a token of one character, has fewer)
        if len(w) > 1 and (w.isalpha() or sum(c.isalpha() for c in w) >= 2):
            n += 1
            if w.isupper():
                upper += 1
            elif n - upper > most_lower:
                return False
    if not n:
        return False
    return upper / n >= 0.7 and (n >= 2 or upper == 1)


def _is_title_line(text: str, sent: dict, words: tuple[str, ...]) -> bool:
    """A title-case headline opening the article (`Hillary Clinton Reassures House Democrats`):
    a paragraph of its own with every word of four letters or more capitalised (five at least).
    Like a headline in capitals, it is matched against gazetteers and the article's names only,
    so its capitalised verbs do not join the names."""
    if sent.get("sentence_id"):
        return False  # only the article's first line, the title
    line = text[sent["start"] : sent["end"]]
    if "\n" in line or line.rstrip()[-1:] in "!?\"”'’":
        return False  # a table row is no headline
    if not text.startswith("\n", sent["end"]):
        return False  # a title is a paragraph of its own, with the article after it
    long_words = [w for w in words if len(w) >= 4 and w[:1].isalpha()]
    return len(long_words) >= 5 and all(w[:1].isupper() for w in long_words)


def _runs(toks: Tokens) -> list[tuple[int, int]]:
    """Index ranges ``[i, j)`` of capitalised runs in a mixed-case sentence: capitalised tokens
    in a row, joined across the lower-case tokens between two of them when each of these joins
    (see :func:`_joins`). (Read gap by gap, visiting each capitalised token once.)"""
    runs = []
    start = end = -1  # the run being read: tokens [start, end), the last one capitalised
    for i in compress(range(len(toks.cap)), toks.cap):  # the capitalised tokens
        if i == end:
            end += 1  # capitalised words in a row
        elif start >= 0 and _MAY_JOIN[toks.text[end]] and _joined(toks, end, i):
            end = i + 1
        else:
            if start >= 0:
                runs.append((start, end))
            start, end = i, i + 1
    if start >= 0:
        runs.append((start, end))
    return runs


def _may_join(word: str) -> bool:
    """Whether a token that is not capitalised may join two names (see :func:`_joins`)."""
    return word == "." or word.lower() in _PARTICLES or word == "on"


_MAY_JOIN = WordMemo(_may_join)  # (asked of the word after most runs: remembered per word)


def _joined(toks: Tokens, a: int, b: int) -> bool:
    """Whether the tokens ``[a, b)``, none capitalised, between the capitalised tokens ``a - 1``
    and ``b``, join them into one run: each of them joins."""
    return all(_joins(toks, j) for j in range(a, b))


def _joins(toks: Tokens, j: int) -> bool:
    """Whether the token ``j`` (not capitalised) continues a run reaching token ``j - 1``."""
    texts = toks.text
    w = texts[j]
    if w == ".":
        # Mr. Smith, John F. Kennedy
        return (
            toks.spans[j - 1][1] == toks.spans[j][0]
            and j + 1 < len(texts)
            and _dotted(texts[j - 1])
        )
    if w.lower() in _PARTICLES:
        return _cap_follows(toks, j)
    # Commission on Presidential Debates
    return w == "on" and texts[j - 1] in gz.cues()["head"] and _cap_follows(toks, j)


def _common(low: str) -> bool:
    """Whether the lower-cased word is a common word (``the``, ``i'm``, ``i’ve``), no name."""
    return low in gz.common_words() or (
        low[:2] in ("i'", "i’") and low[2:] in ("m", "ve", "d", "ll")
    )


_IS_COMMON = WordMemo(_common)  # (asked of most capitalised words: remembered per word)


class _LoneWord(NamedTuple):
    """What labelling a run of one word asks of the word itself (see ``label_word`` and
    ``label_unknown_word``)."""

    entry: gz.Entry | None  # gz.entry(word)
    figure: gz.Entry | None  # gz.public_figure(word)
    no_name: bool  # never a name alone: one character, or a common word or particle not listed
    product: bool  # a product code (F-35)
    acronym: bool  # written like an acronym (NATO) and no common word
    given_name: bool  # a listed given name


def _lone_word(w: str) -> _LoneWord:
    entry = gz.entry(w)
    no_name = len(w) == 1  # a lone initial or list letter
    low = w.lower()
    if entry is None and not no_name:
        # a common word (The, Also) or a particle that is no title, not listed
        no_name = _IS_COMMON[low] or (
            (low in _PARTICLES or w == ".") and gz.key(w) not in gz.titles()
        )
    acronym = bool(_ACRONYM_RE.match(w)) and low not in gz.common_words()
    return _LoneWord(
        entry, gz.public_figure(w), no_name, _is_product(w), acronym, w in gz.first_names()
    )


_LONE_WORDS = WordMemo(_lone_word)  # (most runs are one word: remembered per word)


def _plain_lower(word: str) -> str | None:
    """``word`` in lower case if it is plain (ASCII letters and digits), else None."""
    return word.lower() if word.isascii() and word.isalnum() else None


_PLAIN_LOWER = WordMemo(_plain_lower)  # (asked of the first word of most longer runs)


def _dotted(word: str) -> bool:
    return word.lower() in _TITLE_DOT or (len(word) == 1 and word.isupper())


def _cap_follows(toks: Tokens, j: int) -> bool:
    for k in range(j + 1, min(j + 3, len(toks.text))):
        if toks.cap[k]:
            return True
        if toks.text[k].lower() not in _PARTICLES:
            return False
    return False


class _Sentence:
    """One sentence being labelled: its tokens, text and the article-level context."""

    def __init__(self, text: str, toks: Tokens, ctx: _Article, initial_ix: set[int]):
        self.text = text
        self.spans, self.texts, self.caps = toks.spans, toks.text, toks.cap
        self.ctx = ctx
        self.initial_ix = initial_ix  # (not those opening a line: see recognise)
        self.mentions: list[Mention] = []
        # A run's spans are looked up again and again while it is split: remember the answers.
        self.entries: dict[tuple[int, int], gz.Entry | None] = {}  # entry() by (i, j)
        self.title_ends: dict[tuple[int, int], int] = {}  # title_at() by (i, min(j, i + 4))

    def span_key(self, i: int, j: int) -> str:
        if j == i + 1:
            return gz.key(self.texts[i])
        return gz.key(self.text[self.spans[i][0] : self.spans[j - 1][1]])

    # -- gazetteer matches -------------------------------------------------------------------

    def lookup(self, i: int, j: int) -> Mention | None:
        """A gazetteer mention (a new one on each call) for tokens ``[i, j)`` as a whole."""
        entry = self.entry(i, j)
        return None if entry is None else self.gazetteer_mention(i, j, entry)

    def gazetteer_mention(self, i: int, j: int, entry: gz.Entry) -> Mention:
        """The mention of tokens ``[i, j)`` that ``entry`` describes."""
        start, end = self.spans[i][0], self.spans[j - 1][1]
        label, canonical, iso3, kind = entry.label, entry.canonical, entry.country, entry.kind
        if kind == "capital":
            before = self.texts[i - 1].lower() if i > 0 else ""
            if self.ctx.metonymy and before not in _LOCATIVE:
                canonical = gz.country_names()[iso3]
                return Mention(
                    start, end, "GPE", canonical, iso3, method="gazetteer:capital-metonymy"
                )
            eid = _entity_id("GPE", canonical)
            return Mention(
                start, end, "GPE", canonical, iso3, method="gazetteer:capital", entity_id=eid
            )
        eid = None
        if label == "GPE" and kind != "country":
            eid = _entity_id("GPE", canonical)
        elif label == "NORP" and kind not in ("demonym", "demonym-derived"):
            eid = _entity_id("NORP", canonical)
        return Mention(
            start, end, label, canonical, iso3, method=f"gazetteer:{kind}", entity_id=eid
        )

    def is_name(self, i: int, j: int) -> bool:
        """Whether :meth:`lookup` finds a name for tokens ``[i, j)``."""
        return self.entry(i, j) is not None

    def entry(self, i: int, j: int) -> gz.Entry | None:
        """What the gazetteers know of tokens ``[i, j)`` as a whole (remembered per span)."""
        if j == i + 1:
            return gz.entry(self.texts[i])  # (remembered per word)
        found = self.entries.get((i, j), _UNSEEN)
        if found is _UNSEEN:
            found = self.entries[(i, j)] = self.find_entry(i, j)
        return found

    def find_entry(self, i: int, j: int) -> gz.Entry | None:
        if j - i > 2 * gz.max_name_tokens() + 2:
            return None  # longer than any listed name: keeps long capitalised runs linear
        return gz.entry(self.text[self.spans[i][0] : self.spans[j - 1][1]])

    def longest_lookup(self, i: int, j: int) -> tuple[int, Mention] | None:
        """The longest gazetteer match starting at token ``i`` and ending by ``j``."""
        longest = min(j, i + gz.max_name_tokens())
        if longest > i + 1 and not self.may_head_long_name(i):
            longest = i + 1
        for k in range(longest, i, -1):
            if not self.caps[k - 1]:
                continue
            m = self.lookup(i, k)
            if m is not None:
                return k, m
        return None

    def plain_first_word(self, i: int) -> str | None:
        """The first word of the key of every span of two tokens or more starting at token
        ``i``, when token ``i`` is a plain word (ASCII letters and digits) then a space (what
        lies between two tokens is whitespace, which :func:`gz.key` makes one space)."""
        spans = self.spans
        if i + 1 < len(spans) and spans[i][1] < spans[i + 1][0]:
            return _PLAIN_LOWER[self.texts[i]]
        return None

    def may_head_long_name(self, i: int) -> bool:
        """Whether :meth:`lookup` may find a name for tokens ``[i, k)``, ``k > i + 1``, ending
        in a capitalised token. Not when token ``i`` is a plain word then a space that starts
        no listed name of two words or more: the key of such a span starts with that word, and
        its text (a space, a capital after its first letter) is no compound or derived demonym.
        """
        word = self.plain_first_word(i)
        return word is None or word in gz.long_name_first_words()

    def title_at(self, i: int, j: int) -> int:
        """End index of the longest title starting at token ``i`` (``i`` if none)."""
        longest = j if j < i + 4 else i + 4  # titles are looked for up to four tokens long
        if longest == i + 1:
            return longest if gz.key(self.texts[i]) in gz.titles() else i
        end = self.title_ends.get((i, longest))
        if end is None:
            first = self.plain_first_word(i)
            if first is not None and first not in gz.title_first_words():
                end = i  # no title starts with the first word of the key of any span from i
            else:
                titles = gz.titles()
                end = next((k for k in range(longest, i, -1) if self.span_key(i, k) in titles), i)
            self.title_ends[(i, longest)] = end
        return end

    # -- labelling a run ---------------------------------------------------------------------

    def add(self, m: Mention) -> Mention:
        written = self.text[m.start : m.end]
        m.extra["key"] = gz.key(written)
        m.extra["written"] = written
        if m.method in _SURNAME_LIKE and _SPEECH_AFTER.match(self.text[m.end : m.end + 12]):
            # Clinton said, Burman said: a town name or a nationality-like word that speaks is
            # a person's surname
            m.label, m.canonical, m.country = "PERSON", m.extra["written"], None
            m.method, m.entity_id = "context:speaker", None
        if m.method in _PLACES:  # (_is_place, inlined: every mention passes here)
            # a place followed by a score or after "beat"/"v" is a team (Leeds 2 Chelsea 1)
            after = self.text[m.end : m.end + 8]
            before = self.text[max(0, m.start - 12) : m.start]
            if _TEAM_AFTER.match(after) or _TEAM_BEFORE.search(before):
                m.extra["team"] = True
                self.ctx.team_marked = True
        self.mentions.append(m)
        return m

    def label_run(self, i: int, j: int) -> None:
        if j == i + 1 and self.texts[i] not in _AND:
            self.label_word(i)  # most runs
            return
        words = self.texts[i:j]
        if not _AND.isdisjoint(words) and not self.is_name(i, j):
            if self.title_at(i, j) > i or self.cue_label(words) is None:
                # "Adams and Platt", "Canada and Germany": two names, not one
                k = i
                for m in range(i, j + 1):
                    if m == j or self.texts[m] in _AND:
                        if m > k:
                            self.label_run(k, m)
                        k = m + 1
                return
        # drop leading common words and particles (The, In, Also) unless the rest is a name
        while i < j:
            w = self.texts[i]
            low = w.lower()
            if self.is_name(i, j) or self.title_at(i, j) > i:
                break
            # an all-caps word is an acronym (US), not the common word (us)
            common = _IS_COMMON[low] and not (w.isupper() and len(w) > 1)
            if common and low in _NAME_ADJECTIVES and j > i + 1 and self.leads_name(i, j):
                break  # Central Park, South Korean: an adjective that starts a name
            if common or low in _PARTICLES or w == ".":
                i += 1
                continue
            break
        while j > i and (
            not self.caps[j - 1]
            or (_IS_COMMON[self.texts[j - 1].lower()] and not self.is_name(i, j))
        ):
            j -= 1
        if i >= j:
            return
        words = self.texts[i:j]
        if len(words) == 1 and len(words[0]) == 1:
            return  # a lone initial or list letter
        figure = gz.public_figure(words[0]) if j == i + 1 else None
        if figure is not None:  # `Putin`, `Obama` (also a town in Japan)
            start, end, _ = self.spans[i]
            self.add(Mention(start, end, "PERSON", figure.canonical, figure.country,
                             method="gazetteer:person"))  # fmt: skip
            return
        whole = self.lookup(i, j)
        if whole is not None:
            self.add(self.with_compass(i, whole))
            return
        if j == i + 1:
            self.label_unknown(i, j, country=None)  # what segment() comes to for one word
            return
        title = self.title_at(i, j)
        if title == j:
            return  # a bare title (Secretary of State, Majority Leader) names no one
        if title == i:
            cue = self.cue_label(words)
            if cue is not None:
                self.label_cued(i, j, cue)
                return
        self.segment(i, j)

    def label_word(self, i: int) -> None:
        """:meth:`label_run` for a run of one word (not `and`), what it asks of the word itself
        answered once per word (`_LONE_WORDS`)."""
        word = _LONE_WORDS[self.texts[i]]
        if word.no_name or not self.caps[i]:
            return
        entry, figure = word.entry, word.figure
        if figure is not None:  # `Putin`, `Obama` (also a town in Japan)
            start, end, _ = self.spans[i]
            self.add(Mention(start, end, "PERSON", figure.canonical, figure.country,
                             method="gazetteer:person"))  # fmt: skip
        elif entry is not None:
            m = self.gazetteer_mention(i, i + 1, entry)
            self.add(self.with_compass(i, m) if entry.kind == "country" else m)
        else:
            self.label_unknown_word(i, None, word)

    def leads_name(self, i: int, j: int) -> bool:
        """Whether token ``i`` starts a cued name or a listed name of two words or more."""
        if self.cue_label(self.texts[i:j]) is not None:
            return True
        found = self.longest_lookup(i, j)
        return found is not None and found[0] > i + 1

    def with_compass(self, i: int, m: Mention) -> Mention:
        """``northeast Syria`` -> LOC ``north-east Syria`` in Syria."""
        if i == 0 or m.label != "GPE" or m.method != "gazetteer:country":
            return m
        before = self.texts[i - 1]
        low = before.lower()
        if low not in _COMPASS or before[:1].isupper():
            return m
        compass = (
            low
            if "-" in low or low in ("north", "south", "east", "west")
            else (low[:5] + "-" + low[5:])
        )
        name = f"{compass} {m.canonical}"
        return replace(
            m,
            start=self.spans[i - 1][0],
            label="LOC",
            canonical=name,
            method="gazetteer:region",
            entity_id=_entity_id("LOC", name),
        )

    def cue_label(self, words: tuple[str, ...]) -> str | None:
        if len(words) < 2:
            return None  # a cue word labels a longer name
        cues = gz.cues()
        last = words[-1]
        if _ROMAN_RE.match(last) and len(words) > 2:
            last = words[-2]  # World War II, Vatican Council II
        label = cues["last"].get(last)
        if label == "LAW" and last == "Convention" and words[-2] in _PARTY_GATHERINGS:
            return "EVENT"  # `Democratic National Convention`, not `Geneva Convention`
        if label is not None:
            return label
        if len(words) > 2 and words[0] in cues["head"] and words[1] in ("of", "for"):
            return "ORG"
        return None

    def label_cued(self, i: int, j: int, label: str) -> None:
        """A name whose label comes from a cue word; a leading nationality is split off
        before a government body (``Turkish Presidency of ...``)."""
        country = None
        lead = self.longest_lookup(i, j)
        if lead is not None and lead[0] < j and lead[1].label in ("GPE", "NORP"):
            k, m = lead
            country = m.country
            if label == "ORG" and self.texts[k] in gz.cues()["gov"]:
                self.add(m)
                i = k
        start, end = self.spans[i][0], self.spans[j - 1][1]
        name = self.text[start:end]
        self.add(Mention(start, end, label, name, country, method=f"cue:{label.lower()}"))

    def segment(self, i: int, j: int) -> None:
        """Split a run into gazetteer names, titles + persons and unknown parts."""
        country = None  # affiliation from a leading country or nationality
        while i < j:
            t = self.title_at(i, j)
            if t > i and t < j:
                role = self.text[self.spans[i][0] : self.spans[t - 1][1]]
                while t < j and self.texts[t] == ".":
                    t += 1
                self.label_person(t, j, role, country, "title")
                return
            found = self.longest_lookup(i, j)
            if found is not None and not (
                self.texts[i] in gz.first_names()
                and (
                    (found[1].label == "GPE" and found[1].method != "gazetteer:country")
                    or found[1].method == "gazetteer:demonym-derived"
                )
                and found[0] < j
            ):
                k, m = found
                if (
                    m.method == "gazetteer:org"
                    and m.label == "ORG"
                    and k < j
                    and (self.title_at(k, j) == k and self.longest_lookup(k, j) is None)
                ):
                    # Apple Music, Boeing Defense: a known organisation heads a longer name
                    start, end = self.spans[i][0], self.spans[j - 1][1]
                    name = self.text[start:end]
                    self.add(Mention(start, end, "ORG", name, m.country, method="cue:org-led"))
                    return
                self.add(self.with_compass(i, m))
                if m.label in ("GPE", "NORP"):
                    country = m.country
                if (
                    k < j
                    and m.method in _WEAK_PLACES
                    and j - i > 2
                    and self.texts[k] not in gz.first_names()
                    and self.title_at(k, j) == k
                ):
                    # New York Yankees, Leeds United: a place name leading a team or company
                    # (not Texas Sen. Ted Cruz: a title starts a person)
                    self.mentions.pop()
                    self.label_unknown(i, j, country=m.country, force="ORG")
                    return
                i = k
                continue
            # unknown words up to the next gazetteer name or title
            k = i + 1
            starts_person = self.texts[i] in gz.first_names()
            while k < j and not starts_person:
                # a city or state after an unknown word is a surname (Kenny Harrison)
                if self.title_at(k, j) > k:
                    break
                found = self.longest_lookup(k, j)
                if found is not None and found[1].method not in _SURNAME_OR_PLACE:
                    break
                k += 1
            if starts_person:
                k = j
            self.label_unknown(i, k, country=country)
            i = k

    def label_person(self, i: int, j: int, role: str | None, country: str | None, how: str):
        while i < j and not self.caps[i]:
            i += 1
        if i >= j:
            return
        of = next((k for k in range(i + 1, j - 1) if self.texts[k] == "of"), None)
        if of is not None:  # `Rep. Elijah Cummings of Maryland`: the person, then the place
            rest = of + 1 + (self.texts[of + 1] == "the")
            if rest < j and self.caps[rest]:
                self.label_person(i, of, role, country, how)
                self.label_run(rest, j)
                return
        start, end = self.spans[i][0], self.spans[j - 1][1]
        name = self.text[start:end]
        figure = gz.public_figure(name) if j == i + 1 else None
        if figure is not None:  # `President Erdogan`: the listed Recep Tayyip Erdogan
            name, country = figure.canonical, country or figure.country
        self.add(Mention(start, end, "PERSON", name, country, role=role, method=how))

    def label_unknown(self, i: int, j: int, *, country: str | None, force: str | None = None):
        while j > i and not self.caps[j - 1]:
            j -= 1
        while i < j and not self.caps[i]:
            i += 1
        if i >= j:
            return
        if j == i + 1 and not force:
            self.label_unknown_word(i, country, _LONE_WORDS[self.texts[i]])
            return
        words = self.texts[i:j]
        start, end = self.spans[i][0], self.spans[j - 1][1]
        name = self.text[start:end]
        if force:
            self.add(Mention(start, end, force, name, country, method="cue:place-led"))
            return
        # two words or more from here
        cue = self.cue_label(words)
        if cue is not None:
            self.add(Mention(start, end, cue, name, country, method=f"cue:{cue.lower()}"))
            return
        if self.add_titled_person(i, start, end, name, country):
            return
        joined = not _ORG_JOINERS.isdisjoint(words)
        if words[0] in gz.first_names() and not joined:
            self.add(Mention(start, end, "PERSON", name, country, method="given-name"))
            return
        label = "ORG" if joined or len(words) > 3 else "PERSON"
        self.add(Mention(start, end, label, name, country, method="default"))

    def label_unknown_word(self, i: int, country: str | None, word: _LoneWord) -> None:
        """:meth:`label_unknown` for the capitalised token ``i`` alone (not forced), ``word``
        being ``_LONE_WORDS[self.texts[i]]``: what it asks of the word itself answered once per
        word. (A token's text is the article's text over its span, so it is the name; being
        capitalised, it is none of the lower-case ``_ORG_JOINERS`` nor ``&``.)"""
        start, end, name = self.spans[i]
        if word.product:
            canonical = re.sub(f"[{_HYPHENS}]", "-", name)
            self.add(Mention(start, end, "PRODUCT", canonical, method="cue:product-code"))
            return
        if self.add_titled_person(i, start, end, name, country):
            return
        if word.acronym and not self.ctx.seen_lower(name.lower()):
            self.add(Mention(start, end, "ORG", name, country, method="context:acronym"))
            return
        if word.given_name:
            self.add(Mention(start, end, "PERSON", name, country, method="given-name"))
            return
        label = self.single_word_label(i)
        m = Mention(start, end, label, name, country, method="default")
        if i in self.initial_ix:
            # sentence-initial: kept only if confirmed, unless it speaks (Kowalczyk said)
            # (not a plural like Analysts or Others: common nouns start sentences too)
            speaks = label == "PERSON" and self.context_says(i) and not name.endswith("s")
            m.initial = not speaks
        if label in ("GPE", "PERSON") and (
            self.context_says(i) or label == "PERSON" and self.his_or_her_after(i)
        ):
            m.method = "context"
        self.add(m)

    def add_titled_person(
        self, i: int, start: int, end: int, name: str, country: str | None
    ) -> bool:
        """Add the person named by tokens ``i`` to ``end`` after a lower-case role word
        (``defence agency head Ismail Demir``), if there is one; whether there was."""
        role = self.role_before(i)
        if role is None:
            return False
        prev = self.mentions[-1] if self.mentions else None
        if prev is not None and prev.end <= start and country is None:
            gap = self.text[prev.end : start].split()
            if len(gap) <= 3:
                country = prev.country  # Turkish defence agency head Ismail Demir
        self.add(Mention(start, end, "PERSON", name, country, role=role, method="title:lower"))
        return True

    def single_word_label(self, i: int) -> str:
        before = self.texts[i - 1].lower() if i > 0 else ""
        if before in _LOCATIVE or before in ("from", "to"):
            return "GPE"
        if i + 1 < len(self.texts) and self.texts[i + 1] in _SPEECH:
            return "PERSON"  # Kowalczyk said: a lone unknown name that speaks is a surname
        if self.his_or_her_after(i):
            return "PERSON"  # Trump laid out his vision: a name that has a `his` is a person
        return self.ctx.default_label

    def his_or_her_after(self, i: int) -> bool:
        """`X launched his`, `X laid out her`: the clause right after a single name (a
        lower-case verb first) refers back to it as a person."""
        texts = self.texts
        if i + 2 >= len(texts) or not texts[i + 1][:1].islower():
            return False
        for k in range(i + 2, min(len(texts), i + 5)):
            t = texts[k]
            if t in ("his", "her", "himself", "herself"):
                return True
            if not t.isalpha() or not t.islower():
                return False
        return False

    def context_says(self, i: int) -> bool:
        before = self.texts[i - 1].lower() if i > 0 else ""
        after = self.texts[i + 1].lower() if i + 1 < len(self.texts) else ""
        return before in _LOCATIVE or after in _SPEECH

    def role_before(self, i: int) -> str | None:
        """A lower-case role word right before token ``i`` (``head``, ``foreign minister``)."""
        if i < 1 or not self.texts[i - 1][:1].islower():
            return None
        for n in (2, 1):
            if n > i or (n == 2 and not self.texts[i - 2][:1].islower()):
                continue
            if self.span_key(i - n, i) in gz.titles():
                return self.text[self.spans[i - n][0] : self.spans[i - 1][1]]
        return None

    # -- ALL-CAPS sentences ------------------------------------------------------------------

    def label_caps(self) -> None:
        """Headlines: only names known from the gazetteers or from this article."""
        i, n = 0, len(self.texts)
        known = self.ctx.known
        while i < n:
            if not self.texts[i][:1].isupper():
                i += 1
                continue
            best = None
            longest = min(n, i + gz.max_name_tokens())
            first = self.plain_first_word(i)
            if (
                first is not None
                and first not in gz.long_name_first_words()
                and first not in self.ctx.long_key_first_words
            ):
                # no longer name, known or not (see may_head_long_name); a longer span whose
                # key is the one word (`FIFA .`) is read as that word alone, without the mark
                longest = min(longest, i + 1)
            for k in range(longest, i, -1):
                key = self.span_key(i, k)
                if key in known:
                    m = known[key]
                    best = (
                        k,
                        replace(
                            m,
                            start=self.spans[i][0],
                            end=self.spans[k - 1][1],
                            role=None,
                            method="article:caps",
                        ),
                    )
                    break
                if not self.texts[k - 1][:1].isupper():
                    continue
                m = self.lookup(i, k)
                if m is not None and (
                    k - i > 1
                    or len(self.texts[i]) > 2
                    or "." in key
                    or m.method != "gazetteer:country"
                ):
                    best = (k, m)
                    break
            if best is None:
                i += 1
                continue
            k, m = best
            self.add(m)
            if m.extra.get("team"):
                _make_team(m)  # standings tables: BOSTON 70 62
            i = k


def _is_place(m: Mention) -> bool:
    return m.method in _PLACES


def _make_team(m: Mention) -> None:
    name = m.extra.get("written", m.canonical)
    m.label, m.canonical, m.method, m.entity_id = "ORG", name, "context:team", None


class _Article:
    """Per-article state: options, vocabulary, and the names labelled so far."""

    def __init__(self, text: str, metonymy: bool, default_label: str = "ORG"):
        self.text = text
        self.metonymy = metonymy
        self.default_label = default_label
        self.vocab: set[str] = set()  # every token of the article
        self.team_marked = False  # whether a mention was marked a team (by _Sentence.add)
        self.known: dict[str, Mention] = {}
        self.long_key_first_words: set[str] = set()  # of the known keys of two words or more

    def learn_names(self, mentions: list[Mention]) -> None:
        """Remember the names of the article's (resolved) mentions, for its headlines."""
        for m in mentions:
            if not m.initial:
                self.known.setdefault(m.text_key, m)
        for m in mentions:
            if m.label == "PERSON" and not m.initial and " " in m.canonical:
                # a headline names a person by surname (KOWALCZYK WINS)
                self.known.setdefault(gz.key(m.canonical.split()[-1]), m)
        self.long_key_first_words = {k.split(" ", 1)[0] for k in self.known if " " in k}

    def seen_lower(self, word: str) -> bool:
        """Whether ``word`` occurs in the article starting with a lower-case letter."""
        return word in self.vocab and word[:1].islower()


def recognise(
    text: str,
    sentences: list[dict],
    *,
    metonymy: bool = True,
    default_label: str = "ORG",
) -> list[dict]:
    """Entity records (without ``article_id``) for ``text`` split into ``sentences``.

    ``default_label`` is given to a lone capitalised word that no rule explains.
    """
    ctx = _Article(text, metonymy, default_label)
    prepared = []
    marks = _cut_marks(text)
    for sent in sentences:
        toks = _tokens(text, sent["start"], sent["end"], marks)
        ctx.vocab.update(toks.text)
        prepared.append((sent, toks))
    done: list[tuple[dict, list[Mention]]] = []
    caps: list[tuple[dict, _Sentence]] = []
    for sent, toks in prepared:
        initial = _initial_indices(toks)
        s = _Sentence(text, toks, ctx, initial)
        if _is_caps_sentence(toks.text) or _is_title_line(text, sent, toks.text):
            caps.append((sent, s))
            continue
        runs = _runs(toks)
        if text.find("\n", sent["start"], sent["end"]) >= 0:
            lines = _line_starts(text, toks)
            runs = _split_runs(runs, lines, toks.cap)
            initial = initial | {ix for ix in lines if toks.cap[ix]}  # a line opens like a sentence
        for i, j in runs:
            if i in initial:
                low = toks.text[i].lower()
                if j - i == 1:
                    if _IS_COMMON[low] or ctx.seen_lower(low):
                        if gz.key(toks.text[i]) not in gz.names():
                            continue
                elif (
                    ctx.seen_lower(low)
                    and not s.is_name(i, j)
                    and toks.text[i] not in gz.first_names()
                    and s.title_at(i, j) == i
                ):
                    i += 1  # "Despite Turkey's ..." style openers not in the word list
            s.label_run(i, j)
        done.append((sent, s.mentions))
    mentions = list(chain.from_iterable(ms for _, ms in done))
    _resolve_article(mentions, text, ctx.team_marked)
    if caps:  # (the article's names serve only its headlines)
        ctx.learn_names(mentions)
    for sent, s in caps:
        s.label_caps()
        done.append((sent, s.mentions))
    done.sort(key=lambda p: p[0]["start"])
    records = []
    for sent, ms in done:
        sentence_id = sent["sentence_id"]
        for m in sorted(ms, key=_START) if len(ms) > 1 else ms:
            if not m.initial:
                records.append(_record(text, sentence_id, m))
    return records


# Tokens after which a capitalised word starts a quotation or an item.
_OPENERS = frozenset({'"', "“", "‘", "'", ":", "(", "-", "—", "–", "•"})


def _line_starts(text: str, toks: Tokens) -> set[int]:
    """Tokens that begin a new line within the sentence (a headline over the first line)."""
    spans = toks.spans
    return {k for k in range(1, len(spans)) if "\n" in text[spans[k - 1][1] : spans[k][0]]}


def _split_runs(
    runs: list[tuple[int, int]], lines: set[int], cap: list[bool]
) -> list[tuple[int, int]]:
    """Runs cut where a line begins: a name does not continue across a line break."""
    out = []
    for i, j in runs:
        cuts = [k for k in range(i + 1, j) if k in lines]
        for a, b in zip([i, *cuts], [*cuts, j], strict=True):
            while a < b and not cap[a]:
                a += 1
            while b > a and not cap[b - 1]:
                b -= 1
            if a < b:
                out.append((a, b))
    return out


def _initial_indices(toks: Tokens) -> set[int]:
    """Tokens that start the sentence or a quotation (capitalised for grammar, not names)."""
    texts, cap = toks.text, toks.cap
    if _OPENERS.isdisjoint(texts):  # most sentences: no quotation or item inside
        return {0} if cap and cap[0] else set()
    return {i for i in compress(range(len(texts)), cap) if not i or texts[i - 1] in _OPENERS}


def _resolve_article(mentions: list[Mention], text: str, team_marked: bool = True) -> None:
    """Article-level linking: teams, short names -> full names, one label per name.

    A weak short match is looked up by its words as written (`Bush` matched the city `Būsh`):
    the surname of a full name in the article makes it that person, or a person of that name
    when two full names share it equally (`Clinton` beside Hillary and Bill Clinton).
    ``team_marked`` False says that no mention is marked a team (most articles)."""
    teams = {m.text_key for m in mentions if m.extra.get("team")} if team_marked else ()
    if teams:
        for m in mentions:
            if m.text_key in teams and _is_place(m):
                _make_team(m)
    persons: dict[str, Mention] = {}
    uses: dict[str, int] = {}  # mentions of each full name
    # single names that some mention shows to be a person (Mr. Obama, Obama said)
    said_person: set[str] = set()
    best: dict[str, Mention] = {}  # each name's first mention by the strongest rule
    country_of: dict[str, str] = {}  # each name's country in its first mention with one
    for m in mentions:
        m.entity_id = m.entity_id or _default_id(m)
        if m.country:
            country_of.setdefault(m.canonical, m.country)
        if m.initial:
            continue
        name = m.canonical
        if m.label == "PERSON":
            if len(name.split()) >= 2:
                persons.setdefault(name, m)
                uses[name] = uses.get(name, 0) + 1
            if m.method.startswith(("title", "context")):
                said_person.add(name)
        other = best.get(name)
        if other is None or _strength(m.method) > _strength(other.method):  # (m.strength)
            best[name] = m
    # Each name part points to the full names containing it (ambiguous parts resolve to none).
    parts: dict[str, set[str]] = {}
    for full in persons:
        words = full.split()
        for n in range(1, len(words)):
            parts.setdefault(" ".join(words[-n:]), set()).add(full)
        parts.setdefault(words[0], set()).add(full)
    for m in mentions:
        weak = m.method in _WEAK_SHORT
        if not weak and not m.initial and m.label != "PERSON":
            continue  # (most mentions) no rule below applies: each needs one of the three
        name = text[m.start : m.end] if weak else m.canonical
        fulls = parts.get(name, ())
        if len(fulls) > 1 and (weak or m.label == "PERSON"):
            shared = fulls
            fulls = _main_person(name, fulls, uses)
            if not fulls and weak and m.label != "PERSON" and _surname_of_all(name, shared):
                m.label, m.canonical, m.method = "PERSON", name, "article:short-name"
                m.entity_id, m.country, m.initial = _entity_id("PERSON", name), None, False
                continue
        if m.label == "PERSON" and m.canonical in persons:
            m.country = m.country or country_of.get(m.canonical)
        elif len(fulls) == 1 and (weak or m.label == "PERSON"):
            full = next(iter(fulls))
            m.label, m.canonical, m.method = "PERSON", full, "article:short-name"
            m.entity_id = _entity_id("PERSON", full)
            m.country = m.country or country_of.get(full)
            m.initial = False
        elif m.method == "default" or m.initial:
            other = best.get(m.canonical)
            if other is not None and other is not m and other.strength > 1:
                m.label, m.country, m.entity_id = other.label, other.country, other.entity_id
                m.method = "article:same-name"
                m.initial = False
        elif m.method in _SURNAME_LIKE and m.canonical in said_person:
            # Obama (a Japanese town) is the person that Mr. Obama or Obama said is elsewhere
            m.label, m.country, m.method = "PERSON", None, "article:same-name"
            m.entity_id = _entity_id("PERSON", m.canonical)


_COUNTRY_LEVEL = frozenset(
    {
        "gazetteer:country",
        "gazetteer:capital-metonymy",
        "gazetteer:demonym",
        "gazetteer:demonym-derived",
    }
)


_WEAK_SHORT = frozenset(
    {"default", "given-name", "context", "gazetteer:city", "gazetteer:demonym-derived"}
)


def _surname_of_all(part: str, fulls: set[str]) -> bool:
    return all(f.endswith(" " + part) for f in fulls)


def _main_person(part: str, fulls: set[str], uses: dict[str, int]) -> set[str]:
    """The full name a shared surname stands for: the most mentioned of the full names ending
    in it (Clinton -> Hillary Clinton when she is named more often than Bill Clinton); {} when
    the part is no surname of them all or two are mentioned equally often."""
    if not _surname_of_all(part, fulls):
        return set()
    ranked = sorted(fulls, key=lambda f: -uses.get(f, 0))
    if uses.get(ranked[0], 0) == uses.get(ranked[1], 0):
        return set()
    return {ranked[0]}


def _default_id(m: Mention) -> str:
    # Only a country (or its demonym or metonymic capital) gets the `gpe:ISO3` id; a city or a
    # person affiliated with a country keeps an id of its own name.
    if m.method in _COUNTRY_LEVEL:
        return _entity_id(m.label, m.canonical, m.country)
    return _entity_id(m.label, m.canonical)


def _record(text: str, sentence_id: int, m: Mention) -> dict:
    entity_id = m.entity_id or _default_id(m)
    return {
        "sentence_id": sentence_id,
        "start": m.start,
        "end": m.end,
        "text": text[m.start : m.end],
        "label": m.label,
        "entity_id": entity_id,
        "canonical_name": m.canonical,
        "country": m.country,
        "role": m.role,
        "method": m.method,
    }


def entity_step(doc: Document) -> dict[str, list[dict]]:
    """Entity records for one article (see ``SCHEMAS['entities']``).

    Reads ``doc.sentences`` (splitting the text itself if there are none) and the option
    ``metonymy`` (default True: capitals stand for their country).
    """
    sentences = doc.sentences or split_sentences(doc.text, doc.body_start)
    metonymy = bool(doc.options.get("metonymy", True))
    return {"entities": recognise(doc.text, sentences, metonymy=metonymy)}


def find_entities(text: str, *, metonymy: bool = True) -> pd.DataFrame:
    """The entities of one text as a table (columns of ``SCHEMAS['entities']``).

    >>> find_entities("US President Joe Biden met Turkish officials.")[["text", "label"]]
    ... # doctest: +NORMALIZE_WHITESPACE
             text   label
    0          US     GPE
    1   Joe Biden  PERSON
    2     Turkish    NORP
    """
    doc = Document(text=text or "", options={"metonymy": metonymy})
    records = entity_step(doc)["entities"]
    return frame("entities", [{"article_id": doc.article_id, **r} for r in records])
