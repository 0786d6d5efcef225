"""Who said it: speaker mentions next to a cue, and their resolution to canonical people.

A speaker mention is a capitalised name (`Ismail Demir`), a role noun phrase (`the minister`,
`a State Department spokesman`) or a pronoun (`he`, `she`). Names are linked to the entities
table when a record overlaps them, else named by the article itself: short names resolve to an
earlier full name (`Demir` -> `Ismail Demir`), pronouns to the most recent gender-compatible
person, role phrases to the person last named with that role; a report, statement, office or
campaign of a named person or organisation speaks for it (`the IMF report stated`, `Powell's
office said`). `I`/`we`/`you` are never speakers. Anything unresolved stays unresolved
(``None``), never a guess.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import chain, compress, takewhile
from operator import attrgetter, itemgetter

import pandas as pd

from .document import Document
from .gazetteers import entry, first_names
from .names import make_entity_id, strip_accents
from .text import WordMemo, tokenize

Token = tuple[int, int, str]

PRONOUNS = {"he": "m", "she": "f", "they": None, "it": None}
FIRST_PERSON = {"i", "we", "you", "me", "us"}
# Titles before a name (compared without their period) -> the gender they imply.
HONORIFICS = {
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f", "lord": "m",
    "lady": "f", "dr": None, "prof": None, "rev": None, "gov": None, "lt": None, "col": None,
    "sgt": None, "gen": None, "sen": None, "rep": None, "del": None, "capt": None, "adm": None,
    "maj": None, "cmdr": None, "atty": None, "supt": None, "det": None, "insp": None,
    "pres": None, "sec": None, "amb": None, "fr": None, "st": None, "jr": None, "sr": None,
}  # fmt: skip
# Capitalised words that start sentences or headlines, never names.
_FUNCTION_CAPS = {
    "the", "a", "an", "but", "and", "or", "in", "on", "at", "as", "when", "while", "if", "so",
    "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "his", "her", "their",
    "its", "our", "my", "after", "before", "for", "from", "with", "by", "of", "to", "then",
    "also", "yet", "still", "now", "meanwhile", "however", "asked", "speaking", "according",
    "last", "next", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "recall", "in addition", "there", "here", "what", "who", "why", "how",
    "although", "though", "unlike", "like", "once", "because", "since", "despite", "even",
    "instead", "among", "following", "during", "until", "whether", "where", "only", "both",
    "each", "every", "many", "most", "some", "all", "few", "several", "other", "another",
    "no", "not", "perhaps", "maybe", "indeed", "thus", "moreover", "furthermore", "overall",
    "finally", "ultimately", "unless", "whatever", "whoever", "nor", "neither", "either",
    "one", "two", "three", "amid", "based", "much", "any", "such", "regarding", "concerning",
    "including", "considering", "besides", "about", "into", "through", "across", "toward",
    "towards", "against", "within", "without", "throughout", "via", "upon", "alongside",
}  # fmt: skip
_CONNECTORS = {"de", "van", "von", "bin", "al", "la", "del", "da", "der", "le", "di", "du", "ibn"}
# Words that make a capitalised run an organisation rather than a person.
_ORG_WORDS = {
    "house", "department", "ministry", "party", "committee", "post", "times", "news", "agency",
    "council", "campaign", "office", "inc", "corp", "association", "university", "court",
    "administration", "government", "congress", "senate", "pentagon", "kremlin", "bureau",
    "commission", "institute", "foundation", "company", "group", "service", "network", "union",
    "organization", "organisation", "journal", "press", "reuters", "cnn", "fox", "nbc", "cbs",
    "abc", "msnbc", "bbc", "gop", "nato", "un", "eu", "fbi", "cia", "police", "army", "navy",
    "presidency", "industries", "media", "club", "center", "centre", "team", "tribune",
    "magazine", "daily", "herald", "gazette", "telegraph", "guardian", "street", "republicans",
    "democrats", "trust", "bank", "fund", "staff", "caucus", "board",
}  # fmt: skip
_DETERMINERS = {
    "the", "a", "an", "one", "another", "his", "her", "their", "its", "this", "that", "our",
    "some", "several", "two", "three", "many", "other", "senior", "top", "former",
}  # fmt: skip
_NOUN_BEFORE = {
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "'s",
    "’s",
    "these",
    "those",
    "this",
    "such",
    "whose",
    "your",
    "of",
    "in",
    "new",
    "public",
    "no",
}
_ADVERBS = {
    "also", "later", "then", "further", "again", "recently", "repeatedly", "has", "have",
    "had", "was", "is", "once", "previously", "reportedly", "publicly", "privately", "simply",
    "often", "famously", "flatly", "angrily", "bluntly", "quickly", "frequently", "has also",
    "would", "will", "might", "may", "could", "did", "does", "not", "never", "even", "just",
    "first", "earlier", "separately", "subsequently", "yesterday", "today",
}  # fmt: skip


def _contraction(toks: list[Token], k: int) -> bool:
    """Whether token ``k`` is the `'s` of `he's`, `she's` (is/has), not a possessive."""
    return toks[k][2] in _POSSESSIVES and k > 0 and toks[k - 1][2].lower() in PRONOUNS


# `-ly` words that are nouns, not adverbs
_LY_NOUNS = {"family", "ally", "rally", "supply", "assembly", "anomaly", "bully", "monopoly"}


def _adverb(tok: str) -> bool:
    """An adverb or auxiliary between a subject and its cue (`has increasingly decried`)."""
    low = tok.lower()
    return low in _ADVERBS or (
        len(tok) > 4 and tok.endswith("ly") and tok.isalpha() and tok.islower()
        and low not in _LY_NOUNS
    )  # fmt: skip


def word_tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """:func:`analysis.text.tokenize` with titles and initials kept whole (`Mr.`, `F.`)."""
    return _join_periods(tokenize(text, start, end))  # a new list, changed in place


def _join_periods(toks: list[Token], words: list[str] | None = None) -> list[Token]:
    """``toks``, changed in place: a period right after an initial or a title joins it.
    ``words``: the words of ``toks``, when at hand (they are read, not cut from each token,
    and changed alike).

    Only the periods are looked at, last first (a period joins the token before it, which is
    never a period that joined its own, so the order does not matter).
    """
    if words is None:  # (a phrase's few tokens: their periods found in one pass)
        periods = list(compress(range(len(toks)), map(".".__eq__, map(itemgetter(2), toks))))
    else:
        periods = _indexes(words, ".")
    for k in reversed(periods):
        if k and toks[k - 1][1] == toks[k][0]:
            prev = toks[k - 1][2]
            if (len(prev) == 1 and prev.isupper()) or prev.lower() in HONORIFICS:
                toks[k - 1] = (toks[k - 1][0], toks[k][1], prev + ".")
                del toks[k]
                if words is not None:
                    words[k - 1 : k + 1] = [prev + "."]
    return toks


def _indexes(items: list[str], item: str) -> list[int]:
    """The indexes of ``item`` in ``items``, in order: found by ``list.index`` (a scan at C
    speed, from one to the next), as a few among many."""
    out = []
    k = -1
    for _ in range(items.count(item)):
        k = items.index(item, k + 1)
        out.append(k)
    return out


_POSSESSIVES = frozenset({"'s", "'S", "’s", "’S"})


class ArticleTokens:
    """The :func:`word_tokens` of an article's body, made once and cut into windows.

    Built from the sentences' tokens when the sentences tile the body with whitespace between
    them (those tokens are memoised by :func:`analysis.text.tokenize` when an earlier step
    read them), else by tokenizing the body.
    """

    def __init__(self, doc: Document) -> None:
        self.text = text = doc.text
        self.body_start = doc.body_start
        spans = [(s["start"], s["end"]) for s in doc.sentences]
        if _tiles(text, doc.body_start, spans):
            # periods joined once for the body: whitespace parts a sentence's last token from
            # the next one's first, so no period joins across sentences
            toks = list(chain.from_iterable([tokenize(text, s, e) for s, e in spans]))
            words = list(map(itemgetter(2), toks))
            _join_periods(toks, words)
        else:
            toks = word_tokens(text, doc.body_start)
            words = list(map(itemgetter(2), toks))
        self.toks, self.words = toks, words
        # (the tokens' ends are read from ``toks`` where asked: a few per window)
        self.starts = list(map(itemgetter(0), toks))
        # what is asked of every word (may it start a name run or a cue, does it end a
        # sentence), answered once per distinct word: a list lookup costs less than asking
        self.marks = list(map(_MARKS.__getitem__, words))

    def window(self, start: int, end: int) -> list[Token]:
        """``word_tokens(text, start, end)``, cut from the article's tokens if it can be."""
        cut = self._cut(start, end)
        return word_tokens(self.text, start, end) if cut is None else self.toks[cut[0] : cut[1]]

    def _cut(self, start: int, end: int) -> tuple[int, int] | None:
        """The article's tokens ``i:j`` that tokenizing ``text[start:end]`` finds: those in it,
        if no token crosses ``start`` or ``end``; ``None`` if one does."""
        toks = self.toks
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end, i)
        if (
            start < self.body_start
            or (i and toks[i - 1][1] > start)
            or (j and toks[j - 1][1] > end)
            or (  # `Obama|'s`: alone, the `'s` is tokenized as `'` and `s`
                i < len(toks) and i and toks[i][2] in _POSSESSIVES and toks[i - 1][1] == start
            )
        ):
            return None
        return i, j

    def may_have_cue(self, start: int, end: int) -> bool:
        """Whether ``window(start, end)`` may hold a speech cue (:func:`verb_at`): ``False``
        only if none of its words is one that starts a cue."""
        cut = self._cut(start, end)
        if cut is None:
            return True
        return not _CUE_START_MARKS.isdisjoint(self.marks[cut[0] : cut[1]])

    def in_lower_case(self, word: str) -> bool:
        """Whether the article also writes ``word`` in lower case (`delegates`): a scan of its
        words at C speed, for a question asked of few words (a word equal to a lower-case one
        is in lower case itself)."""
        low = word.lower()
        return low.islower() and low in self.words


def _tiles(text: str, start: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``spans`` cover ``text[start:]`` but for whitespace, each gap holding some."""
    edges = [start] + [x for span in spans for x in span] + [len(text)]
    if not spans or spans[0][0] < start:
        return False
    for k in range(0, len(edges), 2):
        a, b = edges[k], edges[k + 1]
        if a > b or (a < b and not text[a:b].isspace()) or (a == b and 0 < k < len(edges) - 2):
            return False
    return True


_SENTENCE_ENDS = frozenset({".", "!", "?"})


def _starts_run(word: str) -> bool:
    """Whether a capitalised run (a name) may start with ``word``."""
    return is_capitalised(word) and word.lower() not in _FUNCTION_CAPS


# The marks of a word (:data:`ArticleTokens.marks`), bits of what is asked of every word:
_RUN_START = 1  # a name run may start with it (:func:`_starts_run`)
_SENTENCE_END = 2  # `.`, `!`, `?`
_CUE_START = 4  # in lower case, one of the words that start a speech cue (`CUE_WORDS`)
_NAME_WORD = 8  # capitalised, no weekday: goes on a name run (:func:`_cap_run_right`)
_MAY_JOIN = 16  # a connector (`de`) or `of`: may join two capitalised words into one run
# (the marks with that bit: whether a window may hold a cue is then one set test at C speed)
_CUE_START_MARKS = frozenset(m for m in range(32) if m & _CUE_START)


def _word_marks(word: str) -> int:
    low = word.lower()
    marks = _LOWER_MARKS.get(low, 0)  # (most words: none, told by one lookup)
    # (:func:`is_capitalised`, spelt out: a cached function's miss costs more than the test,
    # and most words are never asked again but here)
    if word[:1].isupper() or (word[2:3] == "-" and word[:3].lower() in ("al-", "el-")):
        marks |= (_RUN_START if low not in _FUNCTION_CAPS else 0) | (
            _NAME_WORD if low not in _WEEKDAYS else 0
        )
    elif word in _SENTENCE_ENDS:  # (`.`, `!`, `?` and `of` are not capitalised)
        marks |= _SENTENCE_END
    elif word == "of":
        marks |= _MAY_JOIN
    return marks


_MARKS = WordMemo(_word_marks)  # a word's marks, worked out once per distinct word


@lru_cache(maxsize=65536)
def _honorific(tok: str) -> bool:
    """Whether ``tok`` is a title (`Mr.`, `Sen`), memoised per word."""
    return tok.lower().rstrip(".") in HONORIFICS


def _data_lines(name: str) -> list[str]:
    text = resources.files("analysis").joinpath(f"data/{name}").read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Speech verb forms and cues (``data/speech_verbs.txt``), lower case."""
    return frozenset(_data_lines("speech_verbs.txt"))


@lru_cache(maxsize=1)
def role_nouns() -> dict[str, str]:
    """Role noun forms (singular and plural, lower case) -> singular (``data/role_nouns.txt``)."""
    out: dict[str, str] = {}
    for word in _data_lines("role_nouns.txt"):
        out[word] = word
        if word.endswith("man"):
            out[word[:-3] + "men"] = word
        elif word.endswith(("s", "ch", "sh")):
            out[word + "es"] = word
        elif not word.endswith("."):
            out[word + "s"] = word
    return out


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """Given name (lower case) -> ``m``/``f`` (``data/first_names.tsv``)."""
    out = {}
    for line in _data_lines("first_names.tsv"):
        name, _, gender = line.partition("\t")
        out[name] = gender.strip()
    return out


@dataclass(slots=True)
class Mention:
    """A speaker mention: ``kind`` is name, role, pronoun or first_person."""

    start: int
    end: int
    text: str
    kind: str
    name: str | None = None  # the name without titles, for kind name
    role: str | None = None  # singular role noun, for kind role (or a name's title)
    label: str = "PERSON"


@dataclass(slots=True)
class Person:
    """A person (or organisation) named in the article, for resolving later mentions."""

    start: int
    name: str
    canonical: str
    entity_id: str
    label: str = "PERSON"
    roles: set[str] = field(default_factory=set)
    gender: str | None = None
    # known to be a person (entities table, a known given name, a title or role), not just
    # a capitalised run that might be a place or a law: only these are pronoun antecedents
    sure: bool = False
    # the subject of its clause (`Demir said`, `Ultimately, Mr. Clarke hopes`): more salient
    # for a later `he`. ``None`` until a pronoun asks (:meth:`SpeakerIndex._is_subject` reads
    # it then from ``runs`` and ``start``): most people are never asked.
    subject: bool | None = None
    runs: tuple[tuple[int, int, int], ...] = ()  # ``(i, j, sentence_start)`` of name runs


@lru_cache(maxsize=65536)
def is_capitalised(tok: str) -> bool:
    """Whether ``tok`` starts with a capital (or is `al-Assad`, `el-Sisi`); memoised per word,
    as it is asked of most words of every article."""
    return tok[:1].isupper() or (tok[2:3] == "-" and tok[:3].lower() in ("al-", "el-"))


def lower_at(toks: list[Token], i: int) -> str:
    """The token at ``i`` in lower case, or ``""`` outside the list."""
    return toks[i][2].lower() if 0 <= i < len(toks) else ""


def role_at(toks: list[Token], i: int) -> tuple[str, int] | None:
    """``(singular role, n_tokens)`` if a role noun (one or two words) starts at ``i``."""
    if not 0 <= i < len(toks):
        return None
    one = toks[i][2].lower()
    if one in _ROLE_HEADS and i + 1 < len(toks):
        two = one + " " + toks[i + 1][2].lower()
        if two in _ROLES:
            return _ROLES[two], 2
    found = _ROLES.get(one)
    return (found, 1) if found else None


@lru_cache(maxsize=1)
def _role_heads() -> frozenset[str]:
    """First words of the role nouns of two words (`prime` of `prime minister`)."""
    return frozenset(r.split()[0] for r in role_nouns() if " " in r)


def verb_at(toks: list[Token], i: int) -> int:
    """Number of tokens of a speech verb/cue starting at ``i`` (0 if none).

    A capitalised word (`States`) or one after a determiner or possessive (`his remarks`,
    `Obama's claims`) is a noun, not a cue.
    """
    if not 0 <= i < len(toks):
        return 0
    word = toks[i][2]
    if not (word[:1].islower() or i == 0):
        return 0
    one = word.lower()
    if one not in _CUE_WORDS:  # most words: no cue starts here
        return 0
    if i > 0 and toks[i - 1][2].lower() in _NOUN_BEFORE and not _contraction(toks, i - 1):
        return 0
    if i > 0 and _passive(toks[i - 1][2].lower(), one):
        return 0  # `Priebus was said to be “furious”`: what is said of someone, not by them
    if i > 0 and one.endswith("s") and _group_adjective(toks, i - 1):
        return 0  # `Republican claims`, `American warnings`: a noun after an adjective
    if i + 1 < len(toks) and one in _VERB_HEADS and f"{one} {toks[i + 1][2].lower()}" in _VERBS:
        if one in ("went", "goes") and lower_at(toks, i + 2) not in ("", ",", ":", "“", '"', "to"):
            return 0  # `went on: “…”`, not `goes on recess`, `went on Fox News`
        return 2
    return 1 if one in _VERBS else 0


#: cues that come before their speaker (`said Obama.`); other cues before a name take it as
#: their object (`accused Cruz, …`, `told CNBC.`)
_INVERTED_CUES = frozenset(
    "said says added adds asked asks wrote writes explained explains noted notes continued "
    "recalled recalls remarked observed insisted argued replied responded answered declared "
    "stated tweeted quipped joked conceded acknowledged cautioned countered offered "
    "suggested agreed admitted predicted concluded".split()
)
_BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_IRREGULAR_PARTICIPLES = frozenset({"said", "told", "written", "spoken", "known", "seen"})


def _group_adjective(toks: list[Token], k: int) -> bool:
    """Whether token ``k`` is a nationality or party adjective (`of Republican claims`), not a
    plural group (`Republicans say`) or a person so named (`the Utah Republican asks`)."""
    word = toks[k][2]
    if not word[:1].isupper() or word.endswith("s"):
        return False
    if k and (toks[k - 1][2][:1].isupper() or toks[k - 1][2].lower() in _DETERMINERS):
        return False
    found = entry(word)
    return found is not None and found.label == "NORP"


def _passive(before: str, verb: str) -> bool:
    """Whether ``before verb`` is a passive (`was said`, `is called`), not `was quoted`."""
    return (
        before in _BE_FORMS
        and verb != "quoted"
        and (verb.endswith("ed") or verb in _IRREGULAR_PARTICIPLES)
    )


@lru_cache(maxsize=1)
def _verb_heads() -> frozenset[str]:
    """First words of the speech cues of two words (`pointed` of `pointed out`)."""
    return frozenset(v.split()[0] for v in speech_verbs() if " " in v)


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    """The words that may start a speech cue (a cue of one word, or the first of two)."""
    return speech_verbs() | _verb_heads()


# The word lists read for every token, bound once: a cached function's call per token costs
# more than the lookup itself.
_VERBS = speech_verbs()
_VERB_HEADS = _verb_heads()
_CUE_WORDS = _cue_words()
#: the words that may start a speech cue: :func:`verb_at` finds none at any other word
CUE_WORDS = _CUE_WORDS
_ROLES = role_nouns()
_ROLE_HEADS = _role_heads()
_ROLE_STARTS = frozenset(_ROLES) | _ROLE_HEADS  # the words where :func:`role_at` may find one
# the marks a word has by its lower case alone (see :func:`_word_marks`)
_LOWER_MARKS = {
    low: (_CUE_START if low in _CUE_WORDS else 0) | (_MAY_JOIN if low in _CONNECTORS else 0)
    for low in _CUE_WORDS | _CONNECTORS
}


def _name_mention(
    text: str, toks: list[Token], i: int, j: int, all_words: list[str] | None = None
) -> Mention | None:
    """A name mention from tokens ``i..j-1`` (a capitalised run); titles become the role.
    ``all_words``: the words of ``toks``, when at hand (cut, not read from each token)."""
    found = _name_span(toks, i, j, all_words)
    if found is None:
        return None
    start, end, role, label = found
    name = text[start:end]
    return Mention(start, end, name, "name", name=name, role=role, label=label)


def _name_span(
    toks: list[Token], i: int, j: int, all_words: list[str] | None = None
) -> tuple[int, int, str | None, str] | None:
    """``(start, end, role, label)`` of the :func:`_name_mention` of tokens ``i..j-1``."""
    words = tuple(all_words[i:j] if all_words is not None else [t[2] for t in toks[i:j]])
    # the word after the run matters only to a role of two words (`Prime` + `minister`)
    after = toks[j][2] if j < len(toks) and words and words[-1].lower() in _ROLE_HEADS else None
    found = _name_in_run(words, after)
    if found is None:
        return None
    first, last, role, label = found
    return toks[i + first][0], toks[i + last - 1][1], role, label


@lru_cache(maxsize=65536)
def _name_in_run(
    words: tuple[str, ...], after: str | None = None
) -> tuple[int, int, str | None, str] | None:
    """``(first, last, role, label)``: the name's words ``first..last-1`` in a capitalised run
    of ``words`` (``after``: the word after it, if the run ends in the first word of a role),
    with the title or role before it and PERSON or ORG; ``None`` if there is no name. It reads
    these words only, so it is memoised per run (most names recur)."""
    lows = list(map(str.lower, words))
    if _plain_run(words, lows):  # most runs: all name, read with no rules (see there)
        # (no periods in the words: ``_run_label`` of them is one set test)
        return 0, len(words), None, "PERSON" if _ORG_WORDS.isdisjoint(lows) else "ORG"
    toks = [(0, 0, w) for w in words]  # the token helpers below read the words only
    if after is not None:
        toks.append((0, 0, after))
    i, j = 0, len(words)
    while i < j and toks[i][2].lower() in _FUNCTION_CAPS:
        i += 1
    if i < j - 1 and toks[i][2].lower() in _PARTY_WORDS and _given_name(toks[i + 1][2]):
        i += 1  # `Democrat Hillary Clinton`: the party, then the person
    role = None
    while i < j - 1:
        r = role_at(toks, i)
        low = toks[i][2].lower()
        if r and is_capitalised(toks[i][2]):
            role, n = r
            i += n
            if lower_at(toks, i) == "of" and i + 2 < j:  # `Secretary of State Madeleine …`
                i = _after_complement(toks, i + 1, j)
        elif _honorific(low):
            i += 1
        elif _looks_like_qualifier(toks[i][2]) and i + 1 < j and role_at(toks, i + 1):
            i += 1  # `Foreign Minister`, `US President`
        else:
            break
    for k in range(j - 2, i - 1, -1):  # `South Korean President Park Geun-hye` -> Park Geun-hye
        r = role_at(toks, k)
        if (
            r
            and k + r[1] < j
            and is_capitalised(toks[k][2])
            and lower_at(toks, k + r[1]) not in _NAME_PARTS  # `Martin Luther King Jr.`
        ):
            role, i = r[0], k + r[1]
            if lower_at(toks, i) == "of" and i + 2 < j:  # `Secretary of State John Kerry`
                i += 2
            while i < j - 1 and _honorific(toks[i][2]):
                i += 1
            break
        t = toks[k][2]
        if k > i and t.endswith(".") and _honorific(t) and t.lower() not in _NAME_PARTS:
            i = k + 1  # `New Jersey Gov. Chris Christie` -> Chris Christie
            break
    while j > i and toks[j - 1][2] in ("'s", "’s"):
        j -= 1
    if i >= j:
        return None
    return i, j, role, _run_label(lows[i:j])


_NAME_PARTS = {"jr.", "sr.", "st."}
_PARTY_WORDS = frozenset({"democrat", "republican", "democratic", "gop", "libertarian"})
# The lower-case words that :func:`_name_in_run` skips or reads a role or title at: function
# words and parties (skipped at the start), role nouns and their first words (:func:`role_at`
# finds a role only at one of ``_ROLE_STARTS``) and titles without their period.
_RUN_RULE_WORDS = frozenset(_FUNCTION_CAPS | _PARTY_WORDS | _ROLE_STARTS | HONORIFICS.keys())


def _plain_run(words: tuple[str, ...], lows: list[str]) -> bool:
    """Whether :func:`_name_in_run` keeps the whole run ``words`` (``lows``: in lower case) as
    the name, with no role, as most runs: it has words, ends in no `'s`, and no word has a
    period or is one of ``_RUN_RULE_WORDS``. Every rule of ``_name_in_run`` moves a bound only
    at such a word (a title is one of ``HONORIFICS`` once its periods are stripped, and the
    word after the run is read only after a role's first word), so it would find
    ``i, j = 0, len(words)`` and no role. (Runs with periods, as `John F. Kennedy`, are left
    to the rules.)"""
    return (
        bool(words)
        and words[-1] not in ("'s", "’s")
        and "." not in "".join(words)
        and _RUN_RULE_WORDS.isdisjoint(lows)
    )


def _run_label(lows: list[str]) -> str:
    """ORG if one of a name's words (in lower case) is an organisation word, else PERSON."""
    return "ORG" if any(low.strip(".") in _ORG_WORDS for low in lows) else "PERSON"


def _given_name(word: str) -> bool:
    """Whether ``word`` is a known given name (`Hillary`)."""
    return word in first_names() or _key(word) in first_name_genders()


def _after_complement(toks: list[Token], k: int, j: int) -> int:
    """Where the name starts after a title's `of` complement starting at ``k`` (`State` of
    `Secretary of State John Kerry`): at a known given name, else the last two words."""
    genders = first_name_genders()
    for n in range(k + 1, j - 1):
        if _key(toks[n][2]) in genders:
            return n
    return max(k + 1, j - 2)


def _looks_like_qualifier(tok: str) -> bool:
    # capitalised, no function word: `Foreign` of `Foreign Minister`
    return bool(_MARKS[tok] & _RUN_START)


def _cap_run_left(toks: list[Token], j: int, lo: int) -> int:
    """Start index of the capitalised run ending just before ``j`` (``j`` if none)."""
    i = j
    while i > lo:
        t = toks[i - 1][2]
        if is_capitalised(t) or t in ("'s", "’s") and i == j:
            i -= 1
        elif t.lower() in _CONNECTORS and i - 1 > lo and is_capitalised(toks[i - 2][2]):
            i -= 1
        elif t == "of" and i - 1 > lo and role_at(toks, i - 2) and is_capitalised(toks[i - 2][2]):
            i -= 1  # `Secretary of State John F. Kerry`
        else:
            break
    return i


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def _run_end(toks: list[Token], marks: list[int], i: int) -> int:
    """``_cap_run_right(toks, i, len(toks))`` for the article's tokens (``marks``: their
    words' marks) from a run start ``i``: the capitalised words after it, but a weekday, read
    from the marks; the rules in full only where a connector or `of` may join the run on."""
    j, n = i + 1, len(toks)  # (the first word is capitalised: it starts the run)
    while j < n and marks[j] & _NAME_WORD:
        j += 1
    if j < n and marks[j] & _MAY_JOIN:
        return _cap_run_right(toks, i, n)
    return j


def _cap_run_right(toks: list[Token], i: int, hi: int) -> int:
    """End index (exclusive) of the capitalised run starting at ``i``; a weekday after a name
    is the time of its clause (`Calderon told CNBC Saturday`), not part of the name."""
    j = i
    while j < hi:
        t = toks[j][2]
        if is_capitalised(t):
            if j > i and t.lower() in _WEEKDAYS:
                break
            j += 1
        # (a weekday not capitalised is no connector or `of` either: it ends the run)
        elif t.lower() in _CONNECTORS and j + 1 < hi and is_capitalised(toks[j + 1][2]):
            j += 1
        elif t == "of" and j > i and role_at(toks, j - 1) and is_capitalised(toks[j - 1][2]):
            j += 1
        else:
            break
    return j


def mention_left(text: str, toks: list[Token], j: int, lo: int = 0) -> Mention | None:
    """The subject mention ending just before token ``j`` (the cue): `X said`, `he said`.

    Skips adverbs/auxiliaries (`Demir has also said`) and an appositive between commas
    (`Hugh Hill, a doctor, said`).
    """
    while j > lo and (_adverb(toks[j - 1][2]) or _contraction(toks, j - 1)):
        j -= 1
    j = _before_day(toks, j, lo)  # `Trump on Saturday tweeted`
    while j > lo and (_adverb(toks[j - 1][2]) or _contraction(toks, j - 1)):
        j -= 1
    j = _before_marker(toks, j, lo)  # `Ayotte’s campaign, for example, said`
    if j - 1 > lo and toks[j - 1][2] == "," and toks[j - 2][2] == ")" and _tag_before(toks, j - 2):
        j -= 1  # `Gov. John Kasich (R-OH), said`, not `X, chairman of Y (a PAC), said`
    if j > lo and toks[j - 1][2] == ")":  # `Rep. John Mica (R-Fla.) said`
        k = j - 1
        while k > max(lo, j - 8) and toks[k][2] != "(":
            k -= 1
        if toks[k][2] == "(":
            j = k
    if j <= lo:
        return None
    if toks[j - 1][2] == ",":  # appositive: `Name, a doctor, said`
        return _before_appositive(text, toks, j - 1, lo)
    if lower_at(toks, j - 1) == "who" and j - 1 > lo:
        return _relative_antecedent(text, toks, j - 1, lo)
    return _subject_before(text, toks, j, lo)


def _after_preposition(toks: list[Token], i: int) -> bool:
    """Whether the name run at ``i`` follows a preposition, or a comma after a name that
    does (`of Columbia, South Carolina`): a place or an object, not a subject."""
    if lower_at(toks, i - 1) in _PREPOSITIONS:
        return True
    if lower_at(toks, i - 1) != ",":
        return False
    k = _cap_run_left(toks, i - 1, 0)
    return k < i - 1 and lower_at(toks, k - 1) in _PREPOSITIONS


#: the gender a family role tells (`his daughter, Chloe,` is a she)
_ROLE_GENDERS = {
    **dict.fromkeys("mother wife daughter sister grandmother aunt widow".split(), "f"),
    **dict.fromkeys("father husband son brother grandfather uncle".split(), "m"),
}


def _named_relative(toks: list[Token], i: int, j: int) -> str | None:
    """The role noun before a lone known given name in apposition (`Her father, Brad, 39,`):
    a person named by a role and a first name only; ``None`` otherwise."""
    # (`,` is its own lower case: the words are compared as they are)
    if j != i + 1 or not 0 < i < len(toks) - 1 or toks[i - 1][2] != "," or toks[j][2] != ",":
        return None
    if not _given_name(toks[i][2]):
        return None
    r = role_at(toks, i - 2)
    return r[0] if r and r[1] == 1 else None


def _object_position(toks: list[Token], k: int, lo: int) -> bool:
    """Whether a phrase starting at token ``k`` follows a lower-case word other than a
    conjunction (`said in her opening`, `Obama and his critics`): no subject of a clause."""
    if k <= lo:
        return False
    t = toks[k - 1][2]
    return t.isalpha() and t.islower() and t not in ("and", "but", "that", "while", "as", "when")


def _place(name: str) -> bool:
    """Whether the gazetteers know ``name`` as a place (`Florida`, `West Virginia`)."""
    found = entry(name)
    return found is not None and found.label in ("GPE", "LOC")


def _org_start(toks: list[Token], i: int, lo: int) -> int:
    """Start of an organisation's name whose last capitalised run starts at ``i``, over `for`
    and `on` between capitalised words (`Center for Nonproliferation Studies`)."""
    while i - 2 > lo and lower_at(toks, i - 1) in ("for", "on") and is_capitalised(toks[i - 2][2]):
        i = _cap_run_left(toks, i - 1, lo)
    return i


def _s_possessive(toks: list[Token], k: int) -> bool:
    """Whether token ``k`` is the apostrophe of a possessive `Sanders’` (right after a word
    ending in `s`)."""
    return (
        toks[k][2] in ("’", "'")
        and k > 0
        and toks[k - 1][1] == toks[k][0]
        and toks[k - 1][2].endswith("s")
    )


def _tag_before(toks: list[Token], close: int) -> bool:
    """Whether the brackets closing at ``close`` hold a party or state tag (`(R-OH)`,
    `(D-N.Y.)`, `(R)`, `(Vt.)`), not an aside (`(a Republican PAC)`) or an acronym
    (`(UNHCR)`)."""
    inside = []
    for n in range(close - 1, max(-1, close - 5), -1):
        if toks[n][2] == "(":
            tag = "".join(reversed(inside))
            return bool(_PARTY_OR_STATE_TAG.fullmatch(tag))
        inside.append(toks[n][2])
    return False


_PARTY_OR_STATE_TAG = re.compile(r"[RDI](?:-[A-Z][\w.\-]*)?|[A-Z][a-z]{1,4}\.")


_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})


#: discourse markers set off by commas between a subject and its cue
_MARKERS = frozenset(
    {"for example", "for instance", "however", "meanwhile", "in turn", "in fact", "of course",
     "too", "though", "instead", "in particular", "by contrast", "in contrast", "likewise"}
)  # fmt: skip


def _before_marker(toks: list[Token], j: int, lo: int) -> int:
    """Index of the comma before `, for example,` ending at ``j`` (``j`` if none)."""
    if j - 1 <= lo or toks[j - 1][2] != ",":
        return j
    for n in (1, 2):
        c = j - 2 - n
        if c >= lo and toks[c][2] == ",":
            words = " ".join(t[2].lower() for t in toks[c + 1 : j - 1])
            if words in _MARKERS:
                return c
    return j


def _before_day(toks: list[Token], j: int, lo: int) -> int:
    """Index before `on Friday` / `on Tuesday night` ending at ``j`` (``j`` if none): the time
    of the clause between a subject and its cue (`President Obama on Friday declared`)."""
    k = j - 1 if j - 1 > lo and lower_at(toks, j - 1) in _PARTS_OF_DAY else j
    if k - 2 >= lo and lower_at(toks, k - 1) in _WEEKDAYS and lower_at(toks, k - 2) == "on":
        return k - 2
    return j


def _relative_antecedent(text: str, toks: list[Token], w: int, lo: int) -> Mention | None:
    """The person a `who` at ``w`` refers to: `Barack Obama, who called …`, `Donald Trump -
    who previously said …`, `Rep. John Mica (R-Fla.), who said …`; a name or a role."""
    k = w
    if toks[k - 1][2] in (",", "-", "—", "–"):
        k -= 1
    if k - 1 > lo and toks[k - 1][2] == ")":
        k = next((n for n in range(k - 2, max(lo, k - 8), -1) if toks[n][2] == "("), k)
    m = _subject_before(text, toks, k, lo) if k > lo else None
    if m is not None and m.kind == "role":  # `Scott Reed, the Chamber's strategist, who added`
        i = bisect.bisect_left(toks, (m.start,))
        if i - 1 > lo and toks[i - 1][2] == ",":
            named = _subject_before(text, toks, i - 1, lo)
            if named is not None and named.kind == "name" and named.label == "PERSON":
                return named
    return m if m is not None and m.kind in ("name", "role") else None


#: How many tokens appositives may span between a name and its cue.
APPOSITIVE_TOKENS = 40
_CLAUSE_STOPS = {".", "!", "?", ";", ":", "“", "”", '"', "(", ")"}
_APPOSITIVE_STARTS = {
    "who", "whose", "which", "now", "then", "once", "himself", "herself", "both", "meanwhile",
    "however", "though", "too", "also", "in", "for", "like", "unlike", "along", "of", "from",
}  # fmt: skip


def _before_appositive(text: str, toks: list[Token], c: int, lo: int) -> Mention | None:
    """The name before one or more appositives ending at the comma ``c``.

    `Hugh Hill, a doctor, said`; `Scott Pruitt, the attorney general of Oklahoma, one of the
    states suing, said`. The name must start its clause (`of Oklahoma,` is not a speaker), and
    a long or second appositive must start like one (a determiner, role, name, number, `who`).
    """
    floor = max(lo, c - APPOSITIVE_TOKENS)
    for hop in range(5):
        k = c - 1
        while k > floor and toks[k][2] != ",":
            if toks[k][2] == ")":  # `chairman of America Rising (a Republican PAC),`
                k = next((n for n in range(k - 1, max(floor, k - 10), -1) if toks[n][2] == "("), k)
                if toks[k][2] != "(":
                    break
            elif _stop_at(toks, k):
                break
            k -= 1
        if k <= lo or toks[k][2] != ",":
            return None
        if hop and _list_item(toks[k + 1 : c]):
            c = k  # `assistant secretary for population, refugees, and migration,`
            continue
        if (hop or c - k > 14) and not _appositive_start(toks, k + 1):
            return None
        if _clause_not_appositive(toks, k + 1, c):
            return None  # `In Salem, Oregon, Tom Baker went after him, calling`: a clause
        end = k
        if toks[k - 1][2] == ")":  # `Rep. Jim Jordan (R-Ohio), a panel member, said`
            end = next((n for n in range(k - 2, max(lo, k - 8), -1) if toks[n][2] == "("), k)
        found = _subject_before(text, toks, end, lo)
        if found is not None and found.text.lower() in _MONTHS:
            return None  # `In August, several groups granted …, saying`: a clause, no appositive
        if found is not None and found.kind == "name" and _place_appositive(toks, found, lo):
            c = k  # `Harry Bond, 30, of Raleigh, N.C., who was polled, said`: a place, go on
            continue
        if found is not None and found.kind == "name" and _starts_clause_at(toks, found, lo):
            appos = role_in(toks, k + 1, c)
            if appos and not found.role:
                found.role = appos
            return found
        if not hop and (found is None or found.kind == "name") and _role_phrase_before(toks, k, lo):
            # `The leader of the Anti-Defamation League, Jonathan Greenblatt, warned`
            j = _cap_run_right(toks, k + 1, c)
            named = _name_mention(text, toks, k + 1, c) if j == c and c > k + 1 else None
            if named is not None and named.label == "PERSON" and " " in named.name:
                named.role = named.role or role_in(toks, lo, k)
                return named
        if (
            found is not None
            and found.kind == "role"
            and not hop
            and _starts_clause_at(toks, found, lo)
        ):
            # `her senior policy adviser, Jake Sullivan, said`: the appositive is the name
            j = _cap_run_right(toks, k + 1, c)
            named = _name_mention(text, toks, k + 1, c) if j == c and c > k + 1 else None
            if named is not None and named.label == "PERSON":
                named.role = named.role or found.role
                return named
        c = k
    return None


def _role_phrase_before(toks: list[Token], k: int, lo: int) -> bool:
    """Whether the clause before the comma ``k`` is a role phrase with an `of` complement that
    starts the clause: `The leader of the Anti-Defamation League` (a determiner, a role noun,
    `of`, at most eight words in all)."""
    i = k
    while i > lo and k - i < 9 and wordlike(toks[i - 1][2]):
        i -= 1
    if k - i >= 9 or not (i == lo or toks[i - 1][2] in (",", ";", ":", "—", "(", "“", '"')):
        return False
    return (
        lower_at(toks, i) in ("the", "a", "an")
        and role_at(toks, i + 1) is not None
        and any(lower_at(toks, n) == "of" for n in range(i + 2, k))
    )


def wordlike(tok: str) -> bool:
    """A word, number or abbreviation token (`R-S.C.`, `'s`, `9/11`), not punctuation."""
    return tok.translate(_WORD_MARKS).isalnum()


_WORD_MARKS = str.maketrans("", "", ".-/'’")


def _place_appositive(toks: list[Token], m: Mention, lo: int) -> bool:
    """Whether name mention ``m`` is an appositive place: a state or country (`N.C.`), or a
    name after `of`/`from` (`of Raleigh`), not a person."""
    i = next((n for n in range(lo, len(toks)) if toks[n][0] >= m.start), len(toks))
    if i > lo and lower_at(toks, i - 1) in ("of", "from"):
        return True
    found = entry(m.text)
    return found is not None and found.kind in ("state", "region", "country")


def _clause_not_appositive(toks: list[Token], i: int, c: int) -> bool:
    """Whether tokens ``i..c-1`` are a clause (a name, then a lower-case word that is no role,
    preposition or determiner: `Tom Baker went after his rival`), not an appositive."""
    if i >= c or not is_capitalised(toks[i][2]) or toks[i][2].lower() in _FUNCTION_CAPS:
        return False
    j = _cap_run_right(toks, i, c)
    if j >= c:
        return False
    t = toks[j][2]
    low = t.lower()
    return (
        t.isalpha()
        and t.islower()
        and low not in _PREPOSITIONS
        and low not in _DETERMINERS
        and low not in ("and", "or")
        and not role_at(toks, j)
    )


def _stop_at(toks: list[Token], k: int) -> bool:
    """A clause boundary at token ``k`` (not the period of `R-Ky.,` or `No. 2`)."""
    t = toks[k][2]
    if t == "." and (lower_at(toks, k + 1) in (",", ")") or lower_at(toks, k + 1)[:1].isdigit()):
        return False  # `R-Ky.,`, `the No. 2 in the GOP leadership`
    return t in _CLAUSE_STOPS


def _list_item(chunk: list[Token]) -> bool:
    """Whether the words between two commas are an item of a list (`refugees`, `and
    migration`), not an appositive of their own."""
    if not chunk:
        return False
    if chunk[0][2] in ("and", "or"):
        return len(chunk) <= 4
    return len(chunk) <= 2 and all(t[2].isalpha() and t[2].islower() for t in chunk)


def _appositive_start(toks: list[Token], i: int) -> bool:
    t = toks[i][2]
    low = t.lower()
    return (
        low in _DETERMINERS
        or low in _APPOSITIVE_STARTS
        or bool(role_at(toks, i))
        or is_capitalised(t)
        or t[:1].isdigit()
        or (t.isalpha() and t.islower() and bool(role_at(toks, i + 1)))  # `assistant secretary`
    )


def _starts_clause_at(toks: list[Token], m: Mention, lo: int) -> bool:
    """Whether only titles, roles and capitalised words precede mention ``m`` in its clause."""
    i = next((n for n in range(lo, len(toks)) if toks[n][0] >= m.start), len(toks))
    steps = 0
    while i > lo and steps < 7:
        t = toks[i - 1][2]
        if t == "," or _stop_at(toks, i - 1):
            return True
        low = t.lower()
        if low in _CLAUSE_WORDS and low not in ("and", "or", "but"):
            return True  # `in what Bay Buchanan, national treasurer …, called`
        if not (is_capitalised(t) or role_at(toks, i - 1) or low in _DETERMINERS
                or low in _INTRO or low in ("'s", "’s") or _modifier(toks, i - 1)
                or low == "of" and lower_at(toks, i - 2) in _PARTITIVES):  # fmt: skip
            return False
        i -= 1
        steps += 1
    return i <= lo


#: quantifiers before `of` in a subject (`One of the university's top executives, X, said`)
_PARTITIVES = frozenset({"one", "some", "many", "most", "each", "both", "all", "several", "two"})


def _modifier(toks: list[Token], k: int) -> bool:
    """A lower-case word that can modify a role noun (`campaign` of `campaign manager`,
    `senior`), not a preposition, conjunction, verb or participle."""
    t = toks[k][2]
    return (
        t.isalpha()
        and t.islower()
        and t not in _PREPOSITIONS
        and t not in _CLAUSE_WORDS
        and t not in _FINITE
        and t not in ("who", "which", "whose", "be", "been", "being", "do", "may", "might")
        and not t.endswith(("ed", "ing"))
        and not verb_at(toks, k)
    )


def role_in(toks: list[Token], i: int, j: int) -> str | None:
    """The last role noun among tokens ``i..j-1`` (`a senior Turkish official` -> official)."""
    found = None
    k = i
    while k < j:
        r = role_at(toks, k)
        if r:
            found = r[0]
            k += r[1]
        else:
            k += 1
    return found


def _subject_before(text: str, toks: list[Token], j: int, lo: int) -> Mention | None:
    if j <= lo:
        return None
    s, e, t = toks[j - 1]
    low = t.lower()
    if low in FIRST_PERSON:
        return Mention(s, e, t, "first_person")
    if low in PRONOUNS:
        return Mention(s, e, t, "pronoun")
    i = _cap_run_left(toks, j, lo)
    o = _org_start(toks, i, lo)  # `the James Martin Center for Nonproliferation Studies`
    if o < j and lower_at(toks, o - 1) in ("of", "the") and o - 1 > lo:
        # `Mr. Morgan of the Sierra Club said`, `Sen. Marco Rubio of Florida, who`: the person
        k = o - 1 - (lower_at(toks, o - 1) == "the")
        if lower_at(toks, k) == "of":
            p = _cap_run_left(toks, k, lo)
            org = _name_mention(text, toks, o, j)
            if p < k and org is not None and (org.label == "ORG" or o < i or _place(org.text)):
                m = _name_mention(text, toks, p, k)
                if m is not None and m.label == "PERSON":
                    return m
    if i < j and lower_at(toks, i - 1) == "," and i - 2 > lo:
        # `Stacy Baker of Columbia, South Carolina says`: a person of a place, state
        c = _cap_run_left(toks, i - 1, lo)
        if c < i - 1 and lower_at(toks, c - 1) == "of":
            p = _cap_run_left(toks, c - 1, lo)
            m = _name_mention(text, toks, p, c - 1) if p < c - 1 else None
            if m is not None and m.label == "PERSON" and " " in m.name:
                return m
    if i < j and not (j - i == 1 and role_at(toks, j - 1)):
        m = _name_mention(text, toks, i, j)
        if m is not None:
            if i > lo:  # a lower-case role right before the name: `head Ismail Demir`
                r = role_at(toks, i - 1) or role_at(toks, i - 2)
                if r and not m.role:
                    m.role = r[0]
                if lower_at(toks, i - 1) == "the" and " " not in m.name:
                    m.label = "ORG"  # `the Pentagon said`
            return m
    # role phrase: `the minister`, `a State Department spokesman`, `officials`
    for n in (2, 1):
        if j - n < lo:
            continue
        r = role_at(toks, j - n)
        if r and r[1] == n:
            k = j - n
            steps = 0
            while k > lo and steps < 5 and toks[k - 1][2].lower() not in _DETERMINERS:
                prev = toks[k - 1][2]
                if prev in (",", ".", ";", ":", "“", "”", '"') or verb_at(toks, k - 1):
                    break
                k -= 1
                steps += 1
            if k > lo and toks[k - 1][2].lower() in _DETERMINERS:
                k -= 1
            elif steps and toks[k][2].lower() not in _DETERMINERS:
                k = j - n  # no determiner: keep only the noun (`officials said`)
            return Mention(toks[k][0], toks[j - 1][1], text[toks[k][0] : toks[j - 1][1]], "role",
                           role=r[0])  # fmt: skip
    # any definite noun phrase as subject of a cue: `the union wrote`, `the book said`
    for k in range(j - 1, max(lo, j - 5) - 1, -1):
        low = toks[k][2].lower()
        if (
            low in _NP_DETERMINERS
            and k < j - 1
            and not toks[j - 1][2][:1].isupper()
            and toks[j - 1][2] not in _FINITE
            and (k <= lo or not _modifier(toks, k - 1))  # `makes a case:` is an object
            and not (low in _POSSESSIVE_PRONOUNS and _object_position(toks, k, lo))
        ):
            if k - 1 > lo and lower_at(toks, k - 1) in _PREPOSITIONS - {"of", "for"}:
                # `a Democratic staffer in the room wondered`: the noun before the phrase
                before = None
                if k - 2 > lo and toks[k - 2][2].endswith("ing"):
                    before = _subject_before(text, toks, k - 2, lo)  # `Protesters marching …`
                if before is None or before.kind not in ("role", "name"):
                    before = _subject_before(text, toks, k - 1, lo)
                if before is not None and before.kind in ("role", "name"):
                    return before
            head = toks[j - 1][2].lower()
            return Mention(toks[k][0], toks[j - 1][1], text[toks[k][0] : toks[j - 1][1]], "role",
                           role=head)  # fmt: skip
        if low in PRONOUNS or low in FIRST_PERSON:
            break
        if (
            (low in _POSSESSIVES_LOW or _s_possessive(toks, k))  # `Sanders’ campaign`
            and k == j - 2
            and k > lo
            and is_capitalised(toks[k - 1][2])
        ):
            if lower_at(toks, j).endswith("ing"):
                break  # `Trump's tweet saying`: a noun's modifier, the speaker is elsewhere
            # `Clinton's campaign said`, `Powell's office said`: a name's people, not the name
            p = _cap_run_left(toks, k, lo)
            return Mention(toks[p][0], toks[j - 1][1], text[toks[p][0] : toks[j - 1][1]],
                           "role", role=toks[j - 1][2].lower())  # fmt: skip
        if not (
            toks[k][2].isalpha()
            or low in _POSSESSIVES_LOW
            or _HYPHENATED.fullmatch(low)
            or _COMPOUND.fullmatch(low)
        ):
            break  # `the ad's narrator said`, `the 43-year-old asked`, `this look-alike said`
        if low in ("of", "for") and lo < k < j - 1 and toks[k - 1][2].isalpha():
            continue  # `the secretary of state said`
        if low in _PREPOSITIONS or low in ("and", "or", "but"):
            break  # `into the debate by calling`, `in the United States and mentioned`
    return None


_POSSESSIVES_LOW = {"'s", "’s"}
_NP_DETERMINERS = {
    "the",
    "a",
    "an",
    "another",
    "one",
    "this",
    "some",
    "several",
    "his",
    "her",
    "their",
}
_COMPOUND = re.compile(r"[a-z]+(?:-[a-z]+)+")  # `look-alike`
_LOWER_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")  # `executive`, `co-host`

#: nouns of saying whose possessor is the speaker (`her claim that “…”`, `Obama's “…” promise`)
SPEECH_NOUNS = frozenset(
    (
        "claim claims promise promises pledge pledges words remark remarks comment comments "
        "statement statements assertion assertions argument arguments assumption warning "
        "warnings vow vows slogan mantra motto message description characterization "
        "accusation accusations charge complaint prediction predictions insistence contention "
        "suggestion phrase quip retort reply response answer testimony tweet tweets post posts "
        "call calls "
        "letter speech op-ed memo rhetoric catchphrase refrain boast view views"
    ).split()
)
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she"}

#: nouns for what speaks for a person or organisation named inside the phrase: `the IMF
#: report stated` (the IMF), `Powell's office said`, `the Clinton campaign said`
VOICE_NOUNS = frozenset(
    "report statement campaign office ad website release letter memo study survey filing "
    "complaint lawsuit team".split()
)

#: verbs whose following noun phrase is who is told, or what is sent, never who speaks:
#: `told his supporters, “…”`, `released a statement condemning “…”`
TELL_VERBS = frozenset(
    "told tell tells telling asked ask asks asking urged urging reminded reminding assured "
    "assuring informed informing".split()
)
_SEND_VERBS = frozenset(
    "sent send sends sending released releases releasing issued issues issuing posted posts "
    "posting published publishes blasted out put aired airs airing wrote writes emailed "
    "e-mailed texted".split()
)


_OBJECT_BEFORE = TELL_VERBS | _SEND_VERBS | {"to", "with"}


def is_object(toks: list[Token], m: Mention, lo: int = 0) -> bool:
    """Whether mention ``m`` follows a verb of telling or sending, or a preposition (`speaking
    to Fox News said`): an object, not a speaker."""
    k = bisect.bisect_left(toks, (m.start,)) - 1
    return k >= lo and toks[k][2].lower() in _OBJECT_BEFORE


def possessive_speaker(text: str, toks: list[Token], j: int, lo: int = 0) -> Mention | None:
    """The possessor of a noun of saying ending the tokens before ``j`` (the quote):
    `her claim that she “…`, `in Forbes' words, “…`, `his latest remarks, calling it “…`.

    The noun is at most six tokens before ``j`` and the possessor right before it, or before
    one or two lower-case modifiers (`Clinton's repeated claim`)."""
    for n in range(j - 1, max(lo, j - 7) - 1, -1):
        if toks[n][2].lower() not in SPEECH_NOUNS:
            if toks[n][2] in (".", ";", "(", ")") or verb_at(toks, n):
                return None
            continue
        k = n - 1
        while k > lo and k > n - 3 and toks[k][2].isalpha() and toks[k][2].islower():
            if toks[k][2] in _POSSESSIVE_PRONOUNS:
                break
            k -= 1
        return possessor(text, toks, k, lo)
    return None


def possessor(text: str, toks: list[Token], k: int, lo: int = 0) -> Mention | None:
    """The mention whose possessive ends at token ``k`` (`Obama's`, `Forbes'`, `his`)."""
    if k < lo:
        return None
    low = toks[k][2].lower()
    if low in _POSSESSIVE_PRONOUNS:
        s, e, _ = toks[k]
        return Mention(s, e, _POSSESSIVE_PRONOUNS[low], "pronoun")
    if low in _POSSESSIVES_LOW or low == "'" or low == "’":
        i = _cap_run_left(toks, k, lo)
        if i < k:
            return _name_mention(text, toks, i, k)
        m = _subject_before(text, toks, k, lo)  # `The Florida senator’s answer`
        return m if m is not None and m.kind == "role" else None
    return None


_HYPHENATED = re.compile(r"\d+(?:-\w+)+")  # `43-year-old`


def mention_right(text: str, toks: list[Token], i: int, hi: int) -> Mention | None:
    """The mention starting at token ``i`` (after the cue): `said Demir`, `said the minister`."""
    if i >= hi:
        return None
    s, e, t = toks[i]
    low = t.lower()
    if low in FIRST_PERSON:
        return Mention(s, e, t, "first_person")
    if low in PRONOUNS:
        return Mention(s, e, t, "pronoun")
    # a name, possibly after a few modifiers: `said 9/11 widow Terry Strada`,
    # `said the Rev. Peter Wherry`, `according to conservative talk radio host Rush Limbaugh`
    for k in range(i, min(hi, i + 7)):
        tk = toks[k][2]
        if is_capitalised(tk) and (tk.lower() not in _FUNCTION_CAPS or k > i):
            if tk.lower() in ("the", "a", "an"):
                continue
            j = _cap_run_right(toks, k, hi)
            # `said MSNBC host Chris Matthews`, `noted NBC's Dante Chinni`: the person
            n = j + (lower_at(toks, j) in ("'s", "’s"))
            r = role_at(toks, n)
            n = n + r[1] if r else n
            if (
                n > j
                and n < hi
                and is_capitalised(toks[n][2])
                and toks[n][2].lower() not in _FUNCTION_CAPS
            ):
                k, j = n, _cap_run_right(toks, n, hi)
            elif r:  # `the Vermont senator`, `Clinton's spokesman`: a role, not the place or name
                st, en = toks[i][0], toks[n - 1][1]
                return Mention(st, en, text[st:en], "role", role=r[0])
            if n == j:
                found = _role_then_name(toks, j, hi)
                if found is not None:
                    k, r = found[0], (found[1], 0)
                    j = _cap_run_right(toks, k, hi)
            if (
                lower_at(toks, j) == "and"
                and j + 1 < hi
                and is_capitalised(toks[j + 1][2])
                and (_honorific(toks[j - 1][2]) or role_at(toks, j - 1))
            ):
                # `said former Pennsylvania Gov. and DNC Chairman Ed Rendell`: two titles
                later = mention_right(text, toks, j + 1, hi)
                if later is not None and later.kind == "name":
                    return later
            m = _name_mention(text, toks, k, j)
            if m is not None:
                m.role = m.role or (r[0] if r else None) or role_in(toks, i, k)
                if k > i and lower_at(toks, k - 1) == "the" and " " not in m.name:
                    m.label = "ORG"
                return m
            break
        if tk in (",", ";", ":", "(", ")", "“", "”", '"') or verb_at(toks, k):
            break
        if (
            tk == "of"
            and k > i
            and k + 2 < hi
            and toks[k + 1][2].isalpha()
            and toks[k + 1][2].islower()
            and is_capitalised(toks[k + 2][2])
            and toks[k + 1][2] not in _DETERMINERS
        ):
            continue  # `said master of ceremonies Asab Al-Tabchi`
        if tk.lower() in _PREPOSITIONS or tk.lower() in _CLAUSE_WORDS:
            break  # `said in a statement`, `compared to X`, `suggests that Phoenix …`
    k = i
    if low in _DETERMINERS:
        k += 1
    for _ in range(5):
        if k >= hi:
            break
        r = role_at(toks, k)
        if r:
            end = k + r[1]
            # `said spokesman John Kirby`, `said the minister, Mevlut Cavusoglu`
            n = end + 1 if lower_at(toks, end) == "," else end
            if n < hi and is_capitalised(toks[n][2]) and toks[n][2].lower() not in _FUNCTION_CAPS:
                m = _name_mention(text, toks, n, _cap_run_right(toks, n, hi))
                if m is not None:
                    m.role = m.role or r[0]
                    return m
            st, en = toks[i][0], toks[end - 1][1]
            return Mention(st, en, text[st:en], "role", role=r[0])
        if toks[k][2] in (",", ".", ";", ":") or verb_at(toks, k):
            break
        k += 1
    return None


_CLAUSE_WORDS = {
    "that", "if", "whether", "and", "or", "but", "because", "when", "while", "where", "who",
    "whom", "whose", "which", "what", "how", "why", "since", "although", "though", "unless",
    "until", "once",
}  # fmt: skip
_DESCRIPTION_DETS = {"the", "a", "an", "one", "another", "his", "her", "their"}
_DESCRIPTION_ENDS = {",", ".", ";", ":", "!", "?", "(", "who", "whose", "that", "which"}
_TIME_HEADS = {"day", "week", "month", "year", "morning", "afternoon", "evening", "night", "time"}


def description_right(text: str, toks: list[Token], i: int, hi: int) -> Mention | None:
    """A common-noun phrase after a cue that names no role: `says a narrator`, `said the woman,
    who …`, `according to the news outlet`: a determiner and at most four lower-case words
    ending the clause (a role mention, resolved to nobody unless a role matches)."""
    if lower_at(toks, i) not in _DESCRIPTION_DETS:
        return None
    k = i + 1
    while k < hi and k - i <= 4:
        t = toks[k][2]
        low = t.lower()
        if low in _DESCRIPTION_ENDS or low in _PREPOSITIONS:
            break
        if low in _POSSESSIVES_LOW and k > i + 1:  # `says the ad’s narrator`
            k += 1
            continue
        if not (t.isalpha() and t.islower() or _HYPHENATED.fullmatch(t)) or verb_at(toks, k):
            return None
        k += 1
    if k == i + 1 or (k < hi and lower_at(toks, k) not in _DESCRIPTION_ENDS | _PREPOSITIONS):
        return None
    head = toks[k - 1][2].lower()
    if head in _TIME_HEADS or head in _DESCRIPTION_DETS:
        return None
    st, en = toks[i][0], toks[k - 1][1]
    return Mention(st, en, text[st:en], "role", role=head)


def _role_then_name(toks: list[Token], j: int, hi: int) -> tuple[int, str] | None:
    """``(index, role)`` of a name after a capitalised qualifier's lower-case role phrase:
    `Democratic [presidential nominee] Hillary Clinton`, `Former US [secretary of state]
    Madeleine Albright`; ``None`` if tokens ``j..`` are not such a phrase."""
    for n in range(j, min(hi, j + 3)):
        t = toks[n][2]
        if not _LOWER_WORD.fullmatch(t) or t in _PREPOSITIONS or verb_at(toks, n):
            return None  # `Idaho nutritional-supplement executive Frank VanderSloot`
        r = role_at(toks, n)
        if r:
            e = n + r[1]
            if lower_at(toks, e) == "of" and e + 1 < hi and toks[e + 1][2].islower():
                e += 2  # `secretary of state`
            if e < hi and is_capitalised(toks[e][2]) and toks[e][2].lower() not in _FUNCTION_CAPS:
                return e, r[0]
            return None
        # `Cruz constituent Dan Golvach`, `Blaze co-host Stu Burguiere`: an unlisted noun, then
        # a full name starting with a known given name
        e = n + 1
        if (
            e + 1 < hi
            and is_capitalised(toks[e][2])
            and _given_name(toks[e][2])
            and is_capitalised(toks[e + 1][2])
            and toks[e + 1][2].lower() not in _FUNCTION_CAPS
        ):
            return e, t
    return None


_PREPOSITIONS = {
    "to", "by", "with", "in", "on", "at", "for", "from", "of", "about", "as", "into", "inside",
    "outside", "near", "within", "across", "behind", "against", "between", "among", "beyond",
    "without", "through", "throughout", "toward", "towards", "upon", "amid", "alongside",
}  # fmt: skip
PREPOSITIONS = frozenset(_PREPOSITIONS)  # for the quote rules
_INTRO = {
    "at", "in", "on", "during", "after", "before", "earlier", "later", "speaking", "asked",
    "meanwhile", "separately", "still", "but", "and", "also", "yet", "then", "when", "while",
    "like", "unlike", "despite", "following", "regarding", "besides", "alongside",
}  # fmt: skip


#: one-word openers before a subject, with or without a comma (`Then Trump went …`)
_INTRO_WORDS = {
    "then", "but", "and", "also", "yet", "still", "meanwhile", "separately", "later", "earlier",
    "here", "there", "now", "today", "yesterday", "tonight", "however", "instead",
    "when", "while", "although", "though", "because", "if",
}  # fmt: skip


def sentence_subject(text: str, toks: list[Token], hi: int) -> Mention | None:
    """The subject starting a clause (`At a rally, Clinton questioned …` -> Clinton).

    Only a name, role phrase or pronoun followed by a lower-case word (its verb), possibly
    after a party tag or an appositive (`Gov. Pat McCrory (R) blamed`, `Christie, New
    Jersey's governor, repeated`).
    """
    starts = [0]
    first = lower_at(toks, 0)
    if first in _INTRO_WORDS:  # `Then Trump went on the attack, saying …`: no comma
        starts = [1]
    dash = _dateline_end(toks, hi)
    if dash:  # `DECATUR, Ill. — Sen. Ted Cruz weighed in …`
        starts, first = [dash], lower_at(toks, dash)
    comma = next((k for k in range(starts[0], min(hi, starts[0] + 24)) if toks[k][2] == ","), None)
    if comma is None:
        if first in _INTRO and first not in _INTRO_WORDS:
            return None
    elif (
        first in _INTRO
        or first in _PREPOSITIONS
        or first in _INTRO_WORDS
        or _participle_opener(toks, starts[0], hi)
    ):
        i = comma + 1
        if _participle_opener(toks, starts[0], hi):
            starts = [i]  # the opener is no subject (`Shortly after X ended, Y’s campaign sent`)
        else:
            starts.append(i)
        # `At a rally Friday in Coral Springs, Florida, Clinton …`: skip place appositives too
        while i < hi and is_capitalised(toks[i][2]):
            j = _cap_run_right(toks, i, hi)
            if lower_at(toks, j) == ",":
                i = j + 1
                starts.append(i)
            else:
                break
    # `Speaking in Salem, New Hampshire, Trump went after Bush`: the clause starts after the
    # last place appositive, so the later starts are tried first
    for i in reversed(starts):
        # `The complaint, filed in May, alleged …`: a description only before an aside
        m = (
            mention_right(text, toks, i, hi)
            or _description_before_comma(text, toks, i, hi)
            or _description_subject(text, toks, i, hi)
        )
        if m is None or m.kind == "first_person":
            continue
        after = next((k for k in range(i, hi) if toks[k][0] >= m.end), None)
        if (
            after is not None
            and toks[after][2] == ","
            and hi - after > 2
            and lower_at(toks, hi - 1) == ","
            and not any(_said_aside(toks, k) for k in range(after + 2, hi - 1))
        ):
            # `Clinton, during a town hall in Columbus, Ohio, said …`: an aside of any kind
            # between the subject and the cue right after it
            return m
        after = _skip_aside(toks, after, hi)
        if after is None or after >= hi:
            continue
        if lower_at(toks, after) in _ADVERBS or toks[after][2][:1].islower():
            return m
    return None


def _dateline_end(toks: list[Token], hi: int) -> int:
    """Index after the dash of a dateline opening the clause (`DECATUR, Ill. —`, `Washington
    (AFP) –`, `WASHINGTON, Dec. 8 (UPI) —`), else 0: no lower-case word before the dash."""
    if not (toks and toks[0][2][:1].isupper() and len(toks[0][2]) > 1):
        return 0
    for k in range(1, min(hi - 1, 10)):
        t = toks[k][2]
        if t in ("—", "–", "--"):
            return k + 1
        if t[:1].islower():
            return 0
    return 0


_TIME_UNITS = frozenset("moments minutes hours days weeks months years decades".split())


def _participle_opener(toks: list[Token], i: int, hi: int) -> bool:
    """`Continuing to explain his view, X said`, `Horrified at the prospect, X …`: a clause
    opened by a capitalised participle followed by a lower-case word (not a name and a verb);
    also an adverb before a preposition and a lower-case word (`Early in his campaign, X`)."""
    word = toks[i][2] if i < hi else ""
    if (
        word[:1].isupper()
        and word[1:].islower()
        and i + 2 < hi
        and toks[i + 1][2] in _PREPOSITIONS
        and toks[i + 1][2] != "of"  # `Hundreds of demonstrators marched`: a subject
        and toks[i + 2][2][:1].islower()
    ):
        return True
    low = word.lower()
    if (low in _TIME_UNITS or low.endswith("ly") or low in ("soon", "just", "long", "right")) and (
        lower_at(toks, i + 1) in ("after", "before", "into")
    ):
        return True  # `Days after Clinton clinched the nomination, Warren …`
    k = i + 2 if lower_at(toks, i + 1) in _TIME_UNITS else i + 1
    if word[1:].islower() and k + 1 < hi and toks[k][2] in ("later", "earlier", "ago"):
        return toks[k + 1][2] == ","  # `Minutes later, she …`, `Thirteen years earlier, she …`
    return (
        len(word) >= 6
        and word[:1].isupper()
        and word[1:].islower()
        and word.endswith(("ing", "ed", "ly"))
        and i + 1 < hi
        and toks[i + 1][2][:1].islower()
        and not verb_at(toks, i + 1)
    )


def _description_before_comma(text: str, toks: list[Token], i: int, hi: int) -> Mention | None:
    m = description_right(text, toks, i, hi)
    if m is None:
        return None
    k = next((n for n in range(i, hi) if toks[n][0] >= m.end), hi)
    return m if lower_at(toks, k) == "," else None


_FINITE = {
    "has", "had", "have", "was", "were", "is", "are", "will", "would", "could", "can", "did",
    "does", "also", "began", "went", "took", "made", "gave", "spoke", "sent",
}  # fmt: skip


def _description_subject(text: str, toks: list[Token], i: int, hi: int) -> Mention | None:
    """`The retired neurosurgeon has …`: a determiner, one to four lower-case words, then a
    finite verb (an auxiliary or a past tense in -ed), the noun phrase ending before it."""
    if lower_at(toks, i) not in ("the", "a", "an"):
        return None
    for k in range(i + 1, min(hi, i + 6)):
        t = toks[k][2]
        if not (t.isalpha() and t.islower()):
            return None
        if k > i + 1 and (t in _FINITE or t.endswith("ed")) and not t.endswith("eed"):
            head = toks[k - 1][2]
            if head in _FINITE or head.endswith("ed") or head in _PREPOSITIONS:
                return None
            st, en = toks[i][0], toks[k - 1][1]
            return Mention(st, en, text[st:en], "role", role=head)
        if t in _PREPOSITIONS or t in ("and", "or", "who", "that", "which"):
            return None
    return None


def _said_aside(toks: list[Token], k: int) -> bool:
    """Whether token ``k`` is the cue of a parenthetical `Cruz said` / `he said`."""
    prev = toks[k - 1][2]
    return bool(verb_at(toks, k)) and (is_capitalised(prev) or prev.lower() in PRONOUNS)


def _skip_aside(toks: list[Token], k: int | None, hi: int) -> int | None:
    """The token after a party tag or appositive starting at ``k`` (`(R)`, `, a doctor,`)."""
    if k is None or k >= hi:
        return k
    if toks[k][2] == "(":
        close = next((n for n in range(k + 1, min(hi, k + 8)) if toks[n][2] == ")"), None)
        k = close + 1 if close is not None else k
        if k < hi and toks[k][2] == ",":
            k += 1
    elif toks[k][2] == "," and k + 1 < hi and _appositive_start(toks, k + 1):
        close = next((n for n in range(k + 1, min(hi, k + 16)) if toks[n][2] == ","), None)
        if close is not None:
            k = close + 1
    return k


_START = attrgetter("start")


def _note_run(p: Person, i: int, j: int, sentence_start: int, speaks: bool | None = None) -> None:
    """Tell ``p`` of its name run ``i..j-1`` (``speaks``: whether the run speaks, if known): it
    is the subject of its clause if the run speaks, else the run is kept for
    :meth:`SpeakerIndex._is_subject` to read if a pronoun ever asks."""
    if p.subject:
        return
    if speaks:
        p.subject = True
    else:
        p.runs += ((i, j, sentence_start),)


class SpeakerIndex:
    """The people of one article, for resolving speaker mentions to canonical names and ids.

    Built from the entities table when it has records and from the article's own capitalised
    runs (so it also works while the entities step is a stub).
    """

    def __init__(
        self,
        doc: Document,
        quoted: list[tuple[int, int]] = (),
        tokens: ArticleTokens | None = None,
    ) -> None:
        self.text = doc.text
        self.tokens = tokens or ArticleTokens(doc)
        # names inside quotes are what speakers talk about, not who speaks next
        self.quoted = sorted(quoted)
        self.sentence_starts = [s["start"] for s in doc.sentences]
        self.entities = _entity_records(doc.entities)
        self._ent_starts = list(map(itemgetter("start"), self.entities))
        self._entity_ids: set | None = None
        self._ent_span = max((e["end"] - e["start"] for e in self.entities), default=0)
        self._ent_people: dict[int, Person] = {}
        self.people: list[Person] = []
        self.speakers: list[tuple[int, Person]] = []
        # indexes of the full names, so resolving a mention does not scan every person
        self._by_word: dict[str, dict[str, Person]] = {}  # first/last word -> id -> person
        self._by_key: dict[str, Person] = {}  # whole name -> its first person
        self._plain_ends: dict[int, int] = {}  # token index -> its _plain_end
        self._scan(doc)

    def _scan(self, doc: Document) -> None:
        text = self.text
        from_entity: dict[int, Person] = {}
        for ent in self.entities:
            if ent.get("label") not in ("PERSON", "ORG"):
                continue
            name = ent.get("canonical_name") or ent.get("text") or ""
            if not name or _cut_word(text, ent["end"]):
                continue  # `Park Geun` of `Park Geun-hye`: the name read from the text instead
            person = self._entity_person(ent)
            self._add(person)
            from_entity[ent["start"]] = person
        toks, words = self.tokens.toks, self.tokens.words
        inside: list[Person] = []  # entity records cut inside a longer name: `G.K.`
        for i, j, sentence_start in self._runs():
            found = _name_span(toks, i, j, words)
            if found is None:
                continue
            start, end, role, label = found
            ent = self._entity_at(start, end)
            if ent is not None:
                p = from_entity.get(ent["start"])
                if p is not None:
                    # an entity record: the words around it tell gender, role and salience
                    self._enrich(p, toks, i, j, role, sentence_start)
                continue
            name = text[start:end]
            if _PARTY_TAG.match(name):
                continue
            m = Mention(start, end, name, "name", name=name, role=role, label=label)
            person = self._person_from_run(toks, i, j, m, sentence_start)
            if person is not None:
                self._add(person)
                if " " in name:
                    inside += [from_entity[e] for e in range(start, end) if e in from_entity]
        if inside:
            drop = {id(p) for p in inside}
            self.people = [p for p in self.people if id(p) not in drop]
        self.people.sort(key=_START)
        for p in self.people:  # `Sanders` (a record of its own): the Bernie Sanders named before
            key = _key(p.name) if " " not in p.name else None
            if key is not None and key not in _ORG_WORDS:
                full = self._full_name(key, p.start)
                if full is not None:
                    p.name, p.canonical, p.entity_id = full.name, full.canonical, full.entity_id
                    p.label, p.sure = "PERSON", True
                    p.roles |= full.roles
        self._starts = list(map(_START, self.people))
        quoted_starts = [a for a, _ in self.quoted]
        for p in self.people:
            q = bisect.bisect_right(quoted_starts, p.start) - 1
            if q >= 0 and p.start < self.quoted[q][1]:
                p.sure = False
        # gender is a property of the person, not of one mention: `Mr. Obama` makes every
        # `Obama` male; people whose mentions disagree stay unknown
        genders: dict[str, set[str]] = {}
        for p in self.people:
            if p.gender:
                genders.setdefault(p.entity_id, set()).add(p.gender)
        self.genders = {eid: g.pop() for eid, g in genders.items() if len(g) == 1}

    def _runs(self) -> Iterator[tuple[int, int, int]]:
        """``(i, j, sentence_start)`` for each capitalised run ``toks[i:j]`` that may be a name,
        left to right (the words of a run are not read again), with the index of the first
        token of its sentence: after `.`, `!`, `?` or a line break (between runs)."""
        toks, marks = self.tokens.toks, self.tokens.marks
        n = len(toks)
        if not n:
            return
        line_starts = self._line_starts() + [n]  # (``n``: no run starts past it)
        # one sweep over the run starts and sentence ends: ``last_break`` is the last index that
        # starts a sentence up to the current token (a sentence end's next token, or a line's
        # first, merged in when a run start reaches it)
        last_break = -1
        line = 0
        sentence_start = next_run = 0
        for k in compress(range(n), marks):
            if marks[k] & _SENTENCE_END:
                last_break = k + 1  # (a line start merged so far came before an earlier run)
                continue
            if k < next_run or not marks[k] & _RUN_START:
                continue  # inside the previous run, or a cue word
            while line_starts[line] <= k:
                last_break = max(last_break, line_starts[line])
                line += 1
            # the last break up to this run, unless it falls inside the previous run (a line
            # break inside a name does not start a sentence)
            if last_break >= next_run:
                sentence_start = last_break
            j = _run_end(toks, marks, k)  # past ``k``: a run starts with a capital
            next_run = j
            if k == 0 and j >= 4 and self._title_line(toks, j):
                continue  # `Hillary Clinton Reassures House Democrats …`: the headline
            yield k, j, sentence_start

    def _line_starts(self) -> list[int]:
        """The indexes of the article's tokens that come first after a line break, in order."""
        toks, starts = self.tokens.toks, self.tokens.starts
        out = []
        newline = self.text.find("\n", starts[0])
        while newline >= 0:
            k = bisect.bisect_right(starts, newline)
            if k < len(toks):
                out.append(k)
            newline = self.text.find("\n", starts[k] if k < len(toks) else len(self.text))
        return out

    def _title_line(self, toks: list[Token], j: int) -> bool:
        """Whether the run of the first ``j`` tokens is the article's title-case first line."""
        end = self.text.find("\n", toks[j - 1][1])
        rest = self.text[toks[j - 1][1] : len(self.text) if end < 0 else end]
        return not any(w[:1].islower() and len(w) >= 4 for w in rest.split())

    def _entity_person(self, ent: dict) -> Person:
        """A person from an entity record, with its label checked against the name's words:
        `Ohio Democratic Party Chairman David Pepper` is David Pepper (PERSON), `Congressional
        Black Caucus` an organisation, `Bernie Sanders` a person whatever the record says."""
        key = id(ent)
        if key not in self._ent_people:
            self._ent_people[key] = self._read_entity(ent)
        return self._ent_people[key]

    def _read_entity(self, ent: dict) -> Person:
        name = ent.get("canonical_name") or ent.get("text") or ""
        name, eid, label, roles, gender = _read_record(
            name, ent["label"], ent.get("entity_id"), ent.get("role")
        )
        # (positional arguments: one person per record of every article)
        return Person(ent["start"], name, name, eid, label, set(roles), gender, label == "PERSON")

    def _enrich(
        self,
        p: Person,
        toks: list[Token],
        i: int,
        j: int,
        role: str | None,
        sentence_start: int,
    ) -> None:
        """Tell ``p``, read from an entity record, what its name run ``i..j-1`` (with the role
        of its name, if any) shows: a title's gender, a role, a relative's, `the` before an
        organisation, whether it is the subject of its clause or speaks."""
        low_before = self.tokens.words[i - 1].lower() if i > 0 else ""
        if not role and low_before in _ROLE_STARTS:
            role = (role_at(toks, i - 1) or (None,))[0]
        if role:
            p.roles.add(role)
        # (the titles are read only when they can tell something: a gender not yet known, or
        # whether `the` before the name makes it an organisation)
        the_name = low_before == "the" and not role
        titles = self._titles(i) if the_name or not p.gender else []
        if titles and not p.gender:
            p.gender = _title_gender(titles)
        if the_name and not titles:
            p.label, p.sure = "ORG", False  # `the National Review`
            return
        named = _named_relative(toks, i, j)
        if named and p.label == "PERSON":  # `Her father, Brad, 39, worried`
            p.roles.add(named)
            p.gender = p.gender or _ROLE_GENDERS.get(named)
            p.subject = p.sure = True
        # Whether the run speaks is asked only when the answer can change ``p``'s label or
        # certainty; its subject waits for a pronoun. Speaking would make a sure person of a
        # person, and of an organisation if a lone name (one word, see :func:`_lone_name`):
        # most records are sure people already, or organisations of several words.
        if (p.label == "PERSON" and p.sure) or (p.label == "ORG" and " " in p.name):
            _note_run(p, i, j, sentence_start)
            return
        speaks = self._speaks(toks, i, j)
        _note_run(p, i, j, sentence_start, speaks)
        if speaks and p.label == "ORG" and _lone_name(p.name):
            p.label = "PERSON"  # `Hollande said`: one word, not a known organisation or place
        if speaks:
            p.sure = p.sure or p.label == "PERSON"

    def _titles(self, i: int) -> list[str]:
        """The titles among the words around a name run starting at ``i`` (`Mr.` before it, or
        its own first two words)."""
        words = self.tokens.words[i - 1 : i + 2] if i else self.tokens.words[:2]
        return list(filter(_honorific, words))

    def _speaks(self, toks: list[Token], i: int, j: int) -> bool:
        """Whether the name run ``i..j-1`` speaks: `Chinni noted`, `noted Chinni.`, `Michael
        Brown of Washington, D.C., explained`, `Pat McCrory (R) said`."""
        words = self.tokens.words  # ``toks`` is the article's
        n = len(toks)
        # (`verb_at` is asked only where a cue word is: it finds no cue elsewhere)
        k = _skip_aside(toks, j, n) if j < n and words[j] in ("(", ",") else j
        low = words[k].lower() if k < n else ""
        if low == "of" and k + 1 < n and is_capitalised(words[k + 1]):
            k = _skip_aside(toks, _cap_run_right(toks, k + 1, n), n)
            low = words[k].lower() if k < n else ""
        after = (low in _CUE_WORDS and verb_at(toks, k)) or (
            low in _ADVERBS and verb_at(toks, k + 1)
        )
        if after and _after_preposition(toks, i):
            after = 0  # `Stone, 29, of Huntsville, Ala., says`: the place does not speak
        # `said Obama.` speaks; `said Obama has …` names the subject of what was said
        nxt = words[j] if j < n else "."
        before = (
            i > 0
            and words[i - 1].lower() in _INVERTED_CUES  # not `told CNBC,`, `accused Cruz,`
            and verb_at(toks, i - 1)
            and not (nxt[:1].isalpha() or nxt in ("'s", "’s") or nxt in _OPEN_MARKS)
        )  # `says Kasich “has a record”`: the subject of the quoted words, not a speaker
        return bool(after or before)

    def _opens_clause(self, toks: list[Token], i: int, sentence_start: int) -> bool:
        """Whether the name run at ``i`` starts its clause (`Ultimately, Mr. Clarke hopes`):
        with :meth:`_speaks`, whether it is the subject of its clause."""
        plain_end = self._plain_from(sentence_start)
        if plain_end >= i:
            return True  # (most names are in the sentence's first plain words)
        return _intro_opener(self.tokens.words[sentence_start].lower()) and _clause_initial(
            toks, sentence_start, i, plain_end
        )

    def _plain_from(self, start: int) -> int:
        """:meth:`_plain_end` of ``start``, read once per sentence, not once per name."""
        plain_end = self._plain_ends.get(start)
        if plain_end is None:
            plain_end = self._plain_ends[start] = self._plain_end(start)
        return plain_end

    def _plain_end(self, start: int) -> int:
        """The index of the first of the article's tokens from ``start`` that is not
        :func:`_plain`, read from its words."""
        words = self.tokens.words
        for k in range(start, len(words)):
            if not (is_capitalised(words[k]) or self._plain_low(k)):
                return k
        return len(words)

    def _plain_low(self, k: int) -> bool:
        """Whether the article's token ``k`` is a function word or starts a role (what
        :func:`_plain` asks of a word not capitalised), read from its lower-case word."""
        low = self.tokens.words[k].lower()
        return (
            low in _FUNCTION_CAPS
            or low in _ROLES
            or (low in _ROLE_HEADS and role_at(self.tokens.toks, k) is not None)
        )

    def gender(self, p: Person) -> str | None:
        """The gender of a person: of this mention, else of any mention of the same person."""
        return p.gender or self.genders.get(p.entity_id)

    def _is_subject(self, p: Person) -> bool:
        """Whether ``p`` is the subject of its clause, read when first asked: a name run of it
        opens its clause or speaks (:meth:`_opens_clause`, :meth:`_speaks`), or the tokens
        before its start in its sentence are all :func:`_plain` (:meth:`_starts_clause`).
        These read the article's tokens only, so asking late answers as asking at once."""
        if p.subject is None:
            toks = self.tokens.toks
            p.subject = any(
                self._opens_clause(toks, i, sentence_start) or self._speaks(toks, i, j)
                for i, j, sentence_start in p.runs
            ) or self._starts_clause(toks, bisect.bisect_left(self.tokens.starts, p.start))
        return p.subject

    def _person_from_run(
        self, toks: list[Token], i: int, j: int, m: Mention, sentence_start: int
    ) -> Person | None:
        """The person name run ``i..j-1`` (mention ``m``) names, or ``None``. Called only for
        runs that no entity record covers, so it names them as :meth:`_resolve_name` would."""
        if (i and self.tokens.words[i - 1].lower() == "by") and (
            i < 2 or "\n" in self.text[toks[i - 2][1] : toks[i - 1][0]]
        ):
            return None  # a byline: the writer, not someone the article quotes
        titles = self._titles(i)
        if " " not in m.name:  # a short name: the earlier full name, mentioned again here
            return self._short_name_person(toks, i, j, m, sentence_start, titles)
        self._read_role(toks, i, j, m, titles)
        gender = _title_gender(titles) or _gender_of(m.name)
        speaks = None  # (asked only when nothing else makes the run a sure person)
        if m.label == "PERSON" and not (gender or titles or m.role):
            speaks = self._speaks(toks, i, j)
        person = Person(
            m.start, m.name, m.name, make_entity_id(m.label, m.name), label=m.label,
            roles={m.role} if m.role else set(), gender=gender,
            sure=m.label == "PERSON" and bool(gender or titles or m.role or speaks),
        )  # fmt: skip
        _note_run(person, i, j, sentence_start, speaks)
        return person

    def _short_name_person(
        self,
        toks: list[Token],
        i: int,
        j: int,
        m: Mention,
        sentence_start: int,
        titles: list[str],
    ) -> Person | None:
        """The person a one-word run (`Demir`, after `Ismail Demir`) names; ``None`` for a word
        that nothing marks as a name (no earlier full name, title or relative's role, and no
        cue, or it is a plural noun or a word also written in lower case: `Senate`,
        `Republicans`, `Delegates questioned …`).

        Most such runs are dropped, so the questions that can drop one come first, cheapest
        first; its role and label, read after them, change only the person made of it."""
        best = self._known_person(m)
        unnamed = best is None or best.name == m.name  # no longer name: `m` names itself
        named = _named_relative(toks, i, j) if unnamed else None  # `Her father, Brad, 39,`
        speaks = None
        if unnamed and not named and not titles:
            # (the scan of the article's words last: most runs fail before it)
            if _plural_noun(m.name):
                return None
            speaks = self._speaks(toks, i, j)
            if not speaks or self.tokens.in_lower_case(m.name):
                return None
        self._read_role(toks, i, j, m, titles)
        full = self._person_named(m, best)
        if named:
            full.roles.add(named)
            full.gender = full.gender or _gender_of(m.name) or _ROLE_GENDERS.get(named)
            full.start, full.subject, full.sure = m.start, True, True  # `Her father, Brad`
            return full
        gender = _title_gender(titles)
        full.start = m.start
        full.sure = full.label == "PERSON" and bool(full.gender or gender or titles or full.roles)
        if full.label == "PERSON" and not full.sure:  # (whether it speaks, asked only now)
            if speaks is None:
                speaks = self._speaks(toks, i, j)
            full.sure = speaks or any(p.sure and p.entity_id == full.entity_id for p in self.people)
        _note_run(full, i, j, sentence_start, speaks)
        full.gender = full.gender or gender
        return full

    @staticmethod
    def _read_role(toks: list[Token], i: int, j: int, m: Mention, titles: list[str]) -> None:
        """Give name mention ``m`` (run ``i..j-1``) the role around it (`minister Ismail
        Demir`, `X, the foreign minister,`), and the label ORG after `the` with no role or
        title (`the National Review`, `the Pentagon`)."""
        if not m.role:
            r = role_at(toks, i - 1) or role_at(toks, i - 2) if i > 0 else None
            m.role = r[0] if r else None
        if lower_at(toks, j) == "," and not m.role:
            m.role = role_in(toks, j + 1, min(j + 7, len(toks)))
        if lower_at(toks, i - 1) == "the" and not m.role and not titles:
            m.label = "ORG"

    def _add(self, person: Person) -> None:
        self.people.append(person)
        keys = _INDEX_KEYS[person.name]
        if keys is None:
            return  # one word: no full name to find it by
        key, words = keys
        for word in words:
            named = self._by_word.get(word)
            if named is None:
                named = self._by_word[word] = {}
            named.setdefault(person.entity_id, person)
        self._by_key.setdefault(key, person)
        if person.canonical != person.name:  # (else the same key: nothing to add)
            self._by_key.setdefault(_key(person.canonical), person)

    def _before(self, offset: int, limit: int = 400) -> list[Person]:
        """The (at most ``limit``) people mentioned before ``offset``, most recent first."""
        k = bisect.bisect_left(self._starts, offset)
        return self.people[max(0, k - limit) : k][::-1]

    def _starts_clause(self, toks: list[Token], i: int) -> bool:
        """Whether the article's tokens before ``i`` in its sentence are all :func:`_plain`."""
        k = bisect.bisect_right(self.sentence_starts, toks[i][0] if i < len(toks) else 0) - 1
        first = self.sentence_starts[k] if k >= 0 else 0
        # the sentence's tokens from its first to ``i - 1`` are plain when the first one that is
        # not (read once per sentence) comes at ``i`` or later
        return self._plain_from(bisect.bisect_left(self.tokens.starts, first)) >= i

    def _entity_at(self, start: int, end: int) -> dict | None:
        """The person or organisation record covering ``start:end`` (a record cut inside the
        name, `G.K.` of `G.K. Butterfield`, `Park Geun` of `Park Geun-hye`, is not it)."""
        lo = bisect.bisect_left(self._ent_starts, start - self._ent_span)
        hi = bisect.bisect_right(self._ent_starts, start)
        for ent in self.entities[lo:hi]:
            if end <= ent["end"]:
                return ent if ent.get("label") in ("PERSON", "ORG") else None
        return None

    def names_entity(self, m: Mention) -> bool:
        """Whether name mention ``m`` is (inside) a person or organisation of the entities."""
        return self._entity_at(m.start, m.end) is not None

    def is_entity(self, entity_id: str | None) -> bool:
        """Whether ``entity_id`` is one of the article's entities (not a bare mention)."""
        if self._entity_ids is None:
            self._entity_ids = {e.get("entity_id") for e in self.entities}
        return entity_id in self._entity_ids

    def resolve(self, m: Mention) -> Person | None:
        """The person a mention refers to, or ``None`` when it cannot be told."""
        if m.kind == "name":
            return self._resolve_name(m)
        if m.kind == "pronoun":
            return self._resolve_pronoun(m)
        if m.kind == "role":
            return self._resolve_role(m)
        return None

    def note_speaker(self, offset: int, person: Person) -> None:
        """Remember an attributed speaker (pronouns prefer recent speakers)."""
        if person.label == "PERSON":
            person.sure = True
        self.speakers.append((offset, person))

    def _full_name(self, word: str, offset: int) -> Person | None:
        """The person with a longer name containing ``word`` named last before ``offset``
        (else first after): `Demir` -> `Ismail Demir`."""
        named = self._by_word.get(word)
        if not named:
            return None  # (most words: in no full name)
        people = [p for p in named.values() if p.label == "PERSON"]
        before = [p for p in people if p.start < offset]
        if before:
            return max(before, key=lambda p: p.start)
        return min(people, key=lambda p: p.start) if people else None

    def _resolve_name(self, m: Mention) -> Person:
        ent = self._entity_at(m.start, m.end)
        if ent is not None and ent.get("entity_id"):
            p = self._entity_person(ent)
            full = self._full_name(_key(p.name), m.start) if " " not in p.name else None
            if full is None:
                return Person(m.start, p.name, p.canonical, p.entity_id, label=p.label,
                              roles={m.role} if m.role else set(), gender=p.gender)  # fmt: skip
            m = Mention(m.start, m.end, m.text, m.kind, name=p.name, role=m.role)
        return self._person_named(m, self._known_person(m))

    def _known_person(self, m: Mention) -> Person | None:
        """The person already indexed that name mention ``m`` (no entity record) refers to: for
        one word, the last full name before it containing the word (`Demir` -> the earlier
        `Ismail Demir`, else a later one), for more, the first person with the whole name."""
        key = _key(m.name or m.text)
        words = key.split()
        if len(words) != 1:
            return self._by_key.get(key)
        named = self._by_word.get(words[0])
        if not named:
            return None  # (most words: in no full name)
        best = self._full_name(words[0], m.start)
        return best if best is not None else min(named.values(), key=lambda p: p.start)

    @staticmethod
    def _person_named(m: Mention, best: Person | None) -> Person:
        """A new person for name mention ``m``: ``best`` (:meth:`_known_person`) mentioned
        again, or, if ``None``, the person the mention's own name names."""
        if best is not None:
            return Person(m.start, best.name, best.canonical, best.entity_id, best.label,
                          best.roles | ({m.role} if m.role else set()), best.gender)  # fmt: skip
        name = m.name or m.text
        return Person(m.start, name, name, make_entity_id(m.label, name), m.label,
                      {m.role} if m.role else set(), _gender_of(name))  # fmt: skip

    def _resolve_pronoun(self, m: Mention) -> Person | None:
        low = m.text.lower()
        gender = PRONOUNS.get(low)
        window = m.start - PRONOUN_WINDOW
        if low == "it":  # `the Times wrote … it added`: the last organisation that spoke
            orgs = [(o, p) for o, p in self._recent_speakers(window, m.start) if p.label == "ORG"]
            return max(orgs, key=lambda c: c[0])[1] if orgs else None
        if gender is None:  # they: too often an unnamed group to tell
            return None

        # Salience: a recent speaker, then the subject of a recent sentence, then any person;
        # a known gender must agree. (People come most recent first, so the first that fits is
        # the latest; whether one is a subject is asked last, as it is read when first asked.)
        def fits(p: Person) -> bool:
            return p.label == "PERSON" and p.sure and self.gender(p) in (None, gender)

        before = self._before(m.start)

        def latest_subject(since: int) -> Person | None:
            recent = takewhile(lambda p: p.start >= since, before)
            return next((p for p in recent if fits(p) and self._is_subject(p)), None)

        # `Clinton says she appreciated …`: the subject of the pronoun's own sentence first,
        # the latest (`Cruz spokesman Rick Tyler said …, he said` is Tyler)
        k = bisect.bisect_right(self.sentence_starts, m.start) - 1
        own = latest_subject(self.sentence_starts[k] if k >= 0 else 0)
        if own is not None:
            return own
        recent = [(o, p) for o, p in self._recent_speakers(window, m.start) if fits(p)]
        subject = latest_subject(window)  # (later than any other recent subject that fits)
        if subject is not None:
            recent.append((subject.start, subject))
        if recent:  # the latest (of as late ones, the first: a speaker before a subject)
            return max(recent, key=itemgetter(0))[1]
        return next(filter(fits, before), None)

    def _recent_speakers(self, start: int, end: int) -> list[tuple[int, Person]]:
        out = []
        for o, p in reversed(self.speakers):  # noted in reading order
            if o < start or len(out) >= 50:
                break
            if o < end:
                out.append((o, p))
        return out

    def _resolve_role(self, m: Mention) -> Person | None:
        if m.role in VOICE_NOUNS:  # `the IMF report stated`, `the Clinton campaign said`
            lo = bisect.bisect_left(self._ent_starts, m.start)
            for ent in self.entities[lo:]:
                if ent["start"] >= m.end:
                    break
                if ent["end"] <= m.end and ent.get("label") in ("PERSON", "ORG"):
                    return self._entity_person(ent)
            owner = m.text.split()[0].lower()
            if owner in _POSSESSIVE_PRONOUNS:  # `her statement said`, `His campaign protested`
                word = _POSSESSIVE_PRONOUNS[owner]
                return self._resolve_pronoun(
                    Mention(m.start, m.start + len(owner), word, "pronoun")
                )
        if m.text.lower().startswith(("a ", "an ", "one ", "another ")) or m.text.endswith("s"):
            return None  # an indefinite or plural role names nobody in particular
        candidates = self._recent_speakers(m.start - 20 * PRONOUN_WINDOW, m.start)
        candidates += [(p.start, p) for p in self._before(m.start)]
        candidates.sort(key=lambda c: c[0], reverse=True)
        for _, p in candidates:
            # `the minister` matches `Foreign Minister`, `minister`
            if p.label == "PERSON" and any(m.role in r.lower().split() for r in p.roles if r):
                return p
        return None


@lru_cache(maxsize=8192)
def _read_record(
    name: str, label: str, eid: str | None, role
) -> tuple[str, str, str, frozenset[str], str | None]:
    """``(name, entity id, label, roles, gender)`` of the person an entity record names."""
    eid = eid or make_entity_id(label, name)
    roles = {str(role).lower()} if role else set()
    person_name, title_role, label = _read_record_name(name, label)
    if person_name != name:
        name, eid = person_name, make_entity_id(label, person_name)
    if title_role:
        roles.add(title_role)
    return name, eid, label, frozenset(roles), _gender_of(name)


@lru_cache(maxsize=8192)
def _read_record_name(name: str, label: str) -> tuple[str, str | None, str]:
    """``(name, role, label)`` of an entity record's name (see ``SpeakerIndex._entity_person``)."""
    toks = word_tokens(name)
    # (the span of :func:`_name_mention`, read without making the mention)
    found = _name_span(toks, 0, len(toks)) if toks else None
    if found is not None:
        start, end, role, run_label = found
        person = name[start:end]
        if person != name and run_label == "PERSON" and (role or " " in person):
            return person, role, "PERSON"  # a title or role before the name
    inner = _given_name_in(toks)
    if inner is not None:
        # `Senate Intelligence Ranking Democrat Dianne Feinstein`, `Meenakshi Ganguly of
        # Human Rights`: a person whose given name is known, inside a longer record
        return name[toks[inner[0]][0] : toks[inner[1] - 1][1]], None, "PERSON"
    if not _ORG_WORDS.isdisjoint(_key(name).split()):
        return name, None, "ORG"
    if label == "ORG" and _gender_of(name):
        return name, None, "PERSON"  # `Bernie Sanders`: a known given name
    return name, None, label


def _given_name_in(toks: list[Token]) -> tuple[int, int] | None:
    """Token range of `Given Surname` (a known given name and one or two capitalised words)
    inside a longer name, ending the name or before `of`; ``None`` if the whole name is it."""
    genders = first_name_genders()
    words = [t[2] for t in toks]
    n = len(words)
    for k in range(n - 1):
        if _key(words[k]) in genders and is_capitalised(words[k + 1]):
            end = words.index("of", k + 1) if "of" in words[k + 1 :] else n  # (the first `of`)
            if (k > 0 or end < n) and 2 <= end - k <= 3 and all(map(is_capitalised, words[k:end])):
                return k, end
            return None
    return None


def _lone_name(name: str) -> bool:
    """A single capitalised word that is no acronym, organisation word or known place/group."""
    from . import gazetteers as gz

    return (
        " " not in name
        and not name.isupper()
        and _key(name) not in _ORG_WORDS
        and gz.names().get(gz.key(name)) is None
    )


def _cut_word(text: str, end: int) -> bool:
    """Whether offset ``end`` falls inside a word (`Park Geun|-hye`)."""
    nxt = text[end : end + 2]
    return bool(nxt) and (nxt[0].isalnum() or (nxt[0] == "-" and nxt[1:].isalnum()))


def _plain(toks: list[Token], k: int) -> bool:
    """A capitalised word, role or function word: what may come before a clause's subject."""
    t = toks[k][2]
    return is_capitalised(t) or t.lower() in _FUNCTION_CAPS or role_at(toks, k) is not None


def _clause_initial(toks: list[Token], sentence_start: int, i: int, plain_end: int) -> bool:
    """Whether the name at token ``i`` starts its clause: only capitalised words, titles and
    roles before it in the sentence (``plain_end``, the first token from the sentence start
    that is not :func:`_plain`, is past it), or after an introductory phrase (`Ultimately,`,
    `At a rally Friday,`)."""
    if plain_end >= i:
        return True
    if not _intro_opener(lower_at(toks, sentence_start)):
        return False
    comma = next((k for k in range(sentence_start, i) if toks[k][2] == ","), None)
    return comma is not None and all(
        _plain(toks, k) or toks[k][2] == "," for k in range(comma + 1, i)
    )


def _intro_opener(first: str) -> bool:
    """Whether a sentence whose first word is ``first`` (in lower case) may open with an
    introductory phrase before its subject (`At a rally Friday,`, `Ultimately,`)."""
    return first in _INTRO or first in _PREPOSITIONS or first.endswith("ly")


_OPEN_MARKS = ("“", '"', "„")
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.",
}  # fmt: skip
_PARTY_TAG = re.compile(r"[RDI]-[A-Z]")  # `R-Ky.`: party and state after a US politician
#: How far back (characters) a pronoun looks for a speaker or a sentence subject first.
PRONOUN_WINDOW = 1500


def _plural_noun(word: str) -> bool:
    # `Demonstrators said`: a capitalised plural, not a surname (rough: surnames in -s exist)
    return len(word) > 5 and word.endswith(("ors", "ers", "ists", "ents", "ants", "ians", "ans"))


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _has_start(record: dict) -> bool:
    """Whether an entity record has a start offset (an int, as most have, is not missing)."""
    start = record.get("start")
    return type(start) is int or not _missing(start)


_PLAIN_TYPES = frozenset({str, int, bool, type(None)})


def _entity_records(records: list[dict]) -> list[dict]:
    """The entity records that have a start offset, in order of start, with their missing
    values as ``None`` (:func:`_has_start`, :func:`_clean_record`).

    When every value of every record is a plain string, number or ``None`` (records from a
    list of dicts, as the pipeline's), each record is its own clean record and has a start
    unless it is ``None``: told in one pass at C speed, not asked record by record."""
    values = chain.from_iterable(record.values() for record in records)
    if _PLAIN_TYPES.issuperset(map(type, values)):
        kept = [record for record in records if record.get("start") is not None]
    else:
        kept = list(map(_clean_record, filter(_has_start, records)))
    return sorted(kept, key=itemgetter("start"))


def _clean_record(record: dict) -> dict:
    """``record`` with its missing values (NaN, ``pd.NA``) as ``None``; ``record`` itself when
    every value is a plain string, number or ``None`` (records from a list of dicts)."""
    if _PLAIN_TYPES.issuperset(map(type, record.values())):
        return record
    return {k: (None if _missing(v) else v) for k, v in record.items()}


@lru_cache(maxsize=65536)  # (as the other per-word caches: 4096 forgot names within a corpus)
def _key(name: str) -> str:
    """``name`` compared loosely: no accents, lower case, no periods, words one space apart."""
    return " ".join(strip_accents(name).lower().replace(".", "").split())


def _index_keys(name: str) -> tuple[str, tuple[str, ...]] | None:
    """``(key, words)`` under which :meth:`SpeakerIndex._add` files a full name: its
    :func:`_key` and its first and last word (once if the same); ``None`` for one word.
    (A key's words are one space apart, with none before or after: cut at its first and last
    space, not split.)"""
    key = _key(name)
    first, space, rest = key.partition(" ")
    if not space:
        return None
    last = rest.rpartition(" ")[2]
    return key, (first,) if first == last else (first, last)


_INDEX_KEYS = WordMemo(_index_keys)  # per name: most names recur


def _title_gender(titles: list[str]) -> str | None:
    """The gender the first of a name's titles implies (`Mrs.`), if any."""
    return HONORIFICS.get(titles[0].lower().rstrip(".")) if titles else None


@lru_cache(maxsize=65536)
def _gender_of(name: str) -> str | None:
    """The gender of a name's first word, if a known given name."""
    first = _key(name).partition(" ")[0]  # (see :func:`_index_keys`)
    return first_name_genders().get(first) if first else None
