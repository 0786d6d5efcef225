"""Quotes: quoted spans, their kind, their speaker, and VADER scores.

1. **Spans.** Double marks (straight ``"``, curly “ ”, „ ‟ « » 〝 〞) are read as one logical
   mark whose role (open or close) comes from its neighbours, so mixed marks (`“… ," X said`)
   pair up. A quote left open at a paragraph end continues when the next paragraph starts with
   an opening mark (the news convention for multi-paragraph quotes); otherwise it is cut at the
   end of its paragraph and reported with ``closed=False`` (a stray mark never swallows the
   article). Single marks (‘ ’ and ') are mostly apostrophes: they only make a quote outside
   double quotes, opened before a word and closed within the same paragraph.
2. **Kinds.** ``direct`` (a statement), ``partial`` (a few words quoted inside reported
   speech), ``title`` (after `topic`, `book`, `titled` …), ``scare`` (a short quoted term), and
   ``indirect`` (reported speech without marks: `X pointed out that …`, `…, X said.`).
3. **Speakers.** A sieve over the words around the marks records the rule that fired in
   ``method`` (CoreNLP-style orders of Quote, Verb, Content-speaker): ``QVC`` (`“…,” said X`),
   ``QCV`` (`“…,” X said`), ``CVQ`` (`X said: “…”`), ``VCQ`` (`said X: “…”`), ``pronoun``
   (`“…,” he stressed`), ``role`` (`the minister added`), ``according_to``, ``colon``
   (`From Chairwoman X: “…”`), ``dash`` (`”… ” — X`), ``sentence`` (a cue elsewhere in the
   sentence of a partial quote), ``subject`` (the sentence's subject, no cue), ``possessive``
   (`her claim that “…”`, `Obama's “…” promise`), ``floating`` (a follow-on quote inheriting
   the previous speaker) and ``indirect``. Speakers are resolved by :mod:`analysis.speakers`.
4. **Sentiment.** VADER scores for each quote and each sentence inside it
   (:mod:`analysis.sentiment`).
"""

from __future__ import annotations

import bisect
import itertools
import logging
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from operator import itemgetter

import pandas as pd

from .articles import article_from_text
from .document import Document
from .sentiment import score_sentiment
from .speakers import (
    CUE_WORDS,
    PREPOSITIONS,
    SPEECH_NOUNS,
    TELL_VERBS,
    ArticleTokens,
    Mention,
    SpeakerIndex,
    Token,
    description_right,
    is_object,
    lower_at,
    mention_left,
    mention_right,
    possessive_speaker,
    possessor,
    role_at,
    sentence_subject,
    speech_verbs,
    verb_at,
    wordlike,
)
from .tables import frame
from .text import paragraphs, sentence_spans

log = logging.getLogger(__name__)

OPENING = "“„‟〝«"
CLOSING = "”〞〟»"
STRAIGHT = '"″'
DOUBLE_MARKS = OPENING + CLOSING + STRAIGHT
_SINGLE_MARKS = "‘’'"


def _mark_patterns(marks: str) -> tuple[re.Pattern, re.Pattern]:
    """The patterns finding the double ``marks``, and the single marks without a letter or
    digit (``[^\\W_]``: what str.isalnum is true for) before them (the look-behind reads that
    character and the mark) or after them. The mark comes first, so that re scans for it."""
    double = re.compile(f"[{''.join(c for c in DOUBLE_MARKS if c in marks)}]")
    single = "".join(c for c in _SINGLE_MARKS if c in marks)
    return double, re.compile(rf"[{single}](?:(?<![^\W_].)|(?![^\W_]))")


# An ASCII text can only hold the ASCII marks (`"` and `'`), which re finds several times faster
# than a set of characters: they are looked for alone there.
_MARK_PATTERNS = _mark_patterns(DOUBLE_MARKS + _SINGLE_MARKS)
_ASCII_MARK_PATTERNS = _mark_patterns(
    "".join(c for c in DOUBLE_MARKS + _SINGLE_MARKS if c.isascii())
)
# Characters after which a mark opens rather than closes a quote.
_OPEN_CONTEXT = "([{—–-/:;‘'"
_DASHES = "—–-―"
#: A quote still open after this many paragraphs (each opened again) is cut there.
MAX_PARAGRAPHS = 6
#: Single-quoted spans longer than this are not quotes but apostrophes that happened to pair.
MAX_SINGLE_CHARS = 250
#: How many paragraphs a follow-on quote may be from the previous attributed quote.
FLOATING_PARAGRAPHS = 2
_PARTIAL_CUES = {"called", "calls", "described", "describes", "dubbed", "branded", "labelled"}
_SCARE_CUES = {"so-called", "dubbed", "term", "word", "phrase", "known", "nicknamed"}


@dataclass
class Span:
    """A quoted span: content offsets (marks excluded), mark offsets, paragraph indexes."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None  # None: never closed, cut at a paragraph end
    first_para: int
    last_para: int
    single: bool = False


@lru_cache(maxsize=1)
def title_cues() -> frozenset[str]:
    """Words marking a following quoted span as a title (``data/title_cues.txt``)."""
    text = resources.files("analysis").joinpath("data/title_cues.txt").read_text("utf-8")
    return frozenset(
        ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")
    )


def mark_role(text: str, i: int) -> str | None:
    """``open``, ``close`` or ``None`` (can't tell) for the quote mark at ``text[i]``."""
    c = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    left_open = prev.isspace() or prev in _OPEN_CONTEXT or prev in OPENING
    right_space = nxt.isspace()
    if c in OPENING:
        return "close" if right_space and not left_open else "open"
    if c in CLOSING:
        return "open" if left_open and not right_space else "close"
    if left_open and not right_space:
        return "open"
    if not left_open:
        return "close"
    return None


def find_spans(text: str, start: int = 0, paras: list[tuple[int, int]] | None = None) -> list[Span]:
    """Quoted spans in ``text[start:]``: double-quoted ones, then single-quoted ones outside
    (``paras``: the ``paragraphs(text, start)`` if the caller has them already)."""
    paras = paragraphs(text, start) if paras is None else paras
    double_re = (_ASCII_MARK_PATTERNS if text.isascii() else _MARK_PATTERNS)[0]
    marks = _marks_by_paragraph(double_re, text, paras)
    spans: list[Span] = []
    open_at: int | None = None  # offset of the opening mark of the quote being read
    open_para = 0
    for pid, (ps, _) in enumerate(paras):
        if open_at is None and pid not in marks:
            continue  # no quote opens, goes on or closes here
        pos = ps
        if open_at is not None:
            continues = text[ps] in OPENING + STRAIGHT and mark_role(text, ps) == "open"
            if continues and pid - open_para < MAX_PARAGRAPHS:
                pos = ps + 1  # the mark opening the paragraph opens nothing more
            else:
                _cut(text, spans, open_at, open_para, paras[pid - 1][1], pid - 1)
                open_at = None
        for i in marks.get(pid, ()):
            if i < pos:
                continue
            role = mark_role(text, i)
            if open_at is None:
                if role == "open":
                    open_at, open_para = i, pid
            elif role == "close" or (role is None and i > open_at + 1):
                if i > open_at + 1:
                    spans.append(Span(open_at + 1, i, open_at, i, open_para, pid))
                open_at = None
            elif role == "open":  # an opening mark while open: the earlier one was stray
                _cut(text, spans, open_at, open_para, _sentence_end(text, open_at, i), pid)
                open_at, open_para = i, pid
    if open_at is not None:
        _cut(text, spans, open_at, open_para, paras[-1][1], len(paras) - 1)
    spans += _single_spans(text, paras, spans)
    spans.sort(key=lambda s: s.start)
    return spans


def _marks_by_paragraph(
    pattern: re.Pattern, text: str, paras: list[tuple[int, int]], skip: int = 0
) -> dict[int, list[int]]:
    """The offsets of the marks ``pattern`` finds in each paragraph (by index, those without
    any left out), but the first ``skip`` characters of the first paragraph. One scan finds
    them all (most paragraphs have none): what the patterns find depends on a mark and the
    characters either side of it only, and the characters between paragraphs are
    whitespace, which they read as they read the end of a paragraph scanned alone."""
    if not paras:
        return {}
    starts = [ps for ps, _ in paras]
    out: dict[int, list[int]] = {}
    for m in pattern.finditer(text, starts[0] + skip, paras[-1][1]):
        i = m.start()
        out.setdefault(bisect.bisect_right(starts, i) - 1, []).append(i)
    return out


def _sentence_end(text: str, open_at: int, limit: int) -> int:
    """Where an unclosed quote opened at ``open_at`` sensibly ends before ``limit``."""
    m = re.compile(r"[.!?](?=\s)").search(text, open_at + 1, limit)
    return m.end() if m else limit


def _cut(text: str, spans: list[Span], open_at: int, para: int, end: int, last_para: int) -> None:
    while end > open_at + 1 and text[end - 1].isspace():
        end -= 1
    if end > open_at + 1:
        log.info("unclosed quote mark at offset %d: cut at offset %d", open_at, end)
        spans.append(Span(open_at + 1, end, open_at, None, para, last_para))


def _single_spans(text: str, paras: list[tuple[int, int]], doubles: list[Span]) -> list[Span]:
    inside = [(s.open_mark, (s.close_mark or s.end) + 1) for s in doubles]
    out = []
    for pid, marks in _single_marks(text, paras).items():
        ps, pe = paras[pid]
        open_at = None
        near = [(a, b) for a, b in inside if a < pe and b > ps]  # those that may hold a mark
        for i in marks:
            if near and any(a <= i < b for a, b in near):
                continue
            mark = text[i]
            prev = text[i - 1] if i > ps else " "
            nxt = text[i + 1] if i + 1 < pe else " "
            if open_at is None:
                if mark != "’" and (prev.isspace() or prev in _OPEN_CONTEXT) and nxt.isalpha():
                    open_at = i
            elif not prev.isspace() and not nxt.isalnum() and mark != "‘":
                if i - open_at > MAX_SINGLE_CHARS:
                    open_at = None
                    continue
                out.append(Span(open_at + 1, i, open_at, i, pid, pid, single=True))
                open_at = None
    return out


def _single_marks(text: str, paras: list[tuple[int, int]]) -> dict[int, list[int]]:
    """The offsets of the single marks of each paragraph (by index, in order; those without
    any left out) but those between two letters or digits (`don't`, `Obama's`: most of
    them), which neither open a quote (that needs a space or an opening character before
    the mark) nor close one (that needs no letter or digit after it). A mark opening a
    paragraph is always kept, as the rules take what comes before it as a space: the
    pattern's look-behind sees whitespace before every paragraph but the first, whose
    opening mark is added here (the look-behind would see the character before it)."""
    single_re = (_ASCII_MARK_PATTERNS if text.isascii() else _MARK_PATTERNS)[1]
    marks = _marks_by_paragraph(single_re, text, paras, skip=1)
    if paras and text[paras[0][0]] in _SINGLE_MARKS:
        marks = {0: [paras[0][0], *marks.pop(0, [])], **marks}
    return marks


# --- attribution --------------------------------------------------------------------------


@dataclass
class Attribution:
    mention: Mention | None
    cue: str
    method: str


def _window_tokens(tokens: ArticleTokens, start: int, end: int) -> list[tuple[int, int, str]]:
    return tokens.window(start, end) if end > start else []


def _after_quote(
    tokens: ArticleTokens, span: Span, para_end: int, next_open: int
) -> Attribution | None:
    """Attribution in the words right after the closing mark (QVC, QCV, pronoun, dash ...)."""
    text = tokens.text
    if span.close_mark is None:
        return None
    pos = span.close_mark + 1
    limit = min(para_end, next_open, pos + 200)
    newline = text.find("\n", pos, limit)
    toks = _window_tokens(tokens, pos, limit if newline < 0 else newline)
    # the clause ends at the sentence end (titles like `Mr.` are single tokens, so not ends)
    cut = next(
        (n for n, t in enumerate(toks) if t[2] in _END_MARKS and _clause_end(toks, n)), len(toks)
    )
    toks = toks[:cut]
    if not toks:
        return None
    k = 0
    dash = False
    while k < len(toks) and toks[k][2] in _LEADING_PUNCTUATION:
        dash = dash or toks[k][2] in _DASHES
        k += 1
    if k >= len(toks):
        return None
    if dash and k == 1 or (dash and text[pos : toks[k][0]].strip() in ("—", "–", "-", "--")):
        m = mention_right(text, toks, k, len(toks))
        if m is not None:
            return Attribution(m, text[toks[k - 1][0] : toks[k - 1][1]], "dash")
    # `“… end.” Next sentence`: the sentence ended inside the marks, unless all that follows
    # is a bare cue (`“… missing.” Trump said.`)
    ended = text[span.close_mark - 1] == "." and not dash
    low = toks[k][2].lower()
    if ended and (toks[k][2][:1].islower() or len(toks) - k > 8):
        return None
    if not ended and low == "according" and k + 1 < len(toks) and toks[k + 1][2].lower() == "to":
        m = mention_right(text, toks, k + 2, len(toks)) or description_right(
            text, toks, k + 2, len(toks)
        )
        if m is not None:
            return Attribution(m, "according to", "according_to")
    n = verb_at(toks, k)
    if n and not ended:  # QVC / QVP: `said X`, `said he`, `says a narrator`
        m = mention_right(text, toks, k + n, len(toks))
        if m is None and not toks[k + n - 1][2].endswith("ing"):  # `describing the team`
            m = description_right(text, toks, k + n, len(toks))
        if m is not None:
            cue = text[toks[k][0] : toks[k + n - 1][1]]
            return Attribution(m, cue, _method(m, "QVC"))
    # QCV / QPV: `X said`, `he stressed`, `Hugh Hill, a doctor, said`
    for v in range(k + 1, min(len(toks), k + 46)):
        if toks[v][2].lower() not in CUE_WORDS:
            continue  # no cue starts here: what verb_at would find, sooner
        n = verb_at(toks, v)
        if n:
            m = mention_left(text, toks, v, k)
            # the mention must start the clause, after at most a few title words
            # (`White House press secretary Josh Earnest said`)
            lead = [t for t in toks[k:] if t[0] < (m.start if m else 0)]
            if (
                lead
                and lead[-1][2].lower() in _NOT_BEFORE_SUBJECT
                and not (
                    lead[-1][2] in ("and", "or") and len(lead) > 1 and lead[-2][2][:1].isupper()
                )
            ):
                break  # `… for David Petraeus said`, `… while Sanders suggests`: not the subject
            # `Sanders's campaign manager, Jeff Weaver, said`: a role phrase before the name
            role_first = (
                m is not None
                and m.kind == "name"
                and bool(lead)
                and lead[-1][2] == ","
                and any(role_at(lead, n) for n in range(len(lead)))
            )
            if (
                m is not None
                and len(lead) <= 6
                and all(wordlike(t[2]) or role_first and t[2] == "," for t in lead)
            ):
                if ended and not _clause_done(toks, v + n):
                    return None
                if text[span.close_mark - 1] in "?!" and _opens_next(text, toks, v + n, next_open):
                    return None  # `“Why now?” Mills writes back, “You look cute.”`: the next's
                cue = text[toks[v][0] : toks[v + n - 1][1]]
                return Attribution(m, cue, _method(m, "QCV"))
            if m is None and any(t[2].lower() in _RELATIVES for t in toks[k:v]):
                # `Nate Silver, the polling guru who founded the site tweeted`: the name
                # opening the clause, before an appositive whose closing comma is missing
                first = mention_right(text, toks, k, v)
                after = next((t for t in toks[k:v] if first and t[0] >= first.end), None)
                if first is not None and first.kind == "name" and after and after[2] == ",":
                    cue = text[toks[v][0] : toks[v + n - 1][1]]
                    return Attribution(first, cue, "QCV")
                continue  # `Cruz, who has proposed repealing it, said`: the relative's verb
            break
    return None


#: the punctuation between a closing mark and its attribution (`,” said`, `” — X`)
_LEADING_PUNCTUATION = frozenset((",", ":", *_DASHES))
#: words that cannot stand right before a clause's subject (`prosecutors for X said`)
_NOT_BEFORE_SUBJECT = {
    "of", "for", "to", "with", "by", "about", "against", "from", "on", "at", "into", "while",
    "whereas", "although", "because", "and", "or", "but", "than", "when", "after", "before",
    "since", "until", "if", "unless", "whether", "where", "once",
}  # fmt: skip


def _tail_cue(
    tokens: ArticleTokens, span: Span, para_end: int, next_open: int
) -> Attribution | None:
    """A cue ending the sentence the quote is in: `“Boots on the ground” would be appropriate,
    Ben Carson said after the attacks.`, `… “jail time” for fraud, she said.`"""
    text = tokens.text
    if span.close_mark is None or text[span.close_mark - 1] in ".!?":
        return None
    pos = span.close_mark + 1
    limit = min(para_end, next_open, pos + 300)
    toks = _window_tokens(tokens, pos, limit)
    cut = next((n for n, t in enumerate(toks) if t[2] in _END_MARKS and _clause_end(toks, n)), None)
    if cut is None:
        return None
    toks = toks[:cut]
    for c in range(len(toks) - 2, -1, -1):
        if toks[c][2] != ",":
            continue
        tail = toks[c + 1 :]
        # `…, said RoseAnn DeMoro, executive director of X, a union that …`: the clause up to
        # the next comma is short, whatever appositives follow it
        clause = next((n for n, t in enumerate(tail) if t[2] == ","), len(tail))
        if clause > 20:
            return None
        n = verb_at(tail, 0)
        if n and tail[n - 1][2].endswith("ing"):
            return None  # `…, applauding America's leadership`: what the subject did
        if n:  # `…, said Ben Carson, a neurosurgeon.`
            m = mention_right(text, tail, n, len(tail)) or description_right(
                text, tail, n, len(tail)
            )
            cue = text[tail[0][0] : tail[n - 1][1]]
            return Attribution(m, cue, _method(m, "tail")) if _speaker(m) else None
        v = next(
            (
                v
                for v in range(1, min(len(tail), 12))
                if tail[v][2].lower() in CUE_WORDS and verb_at(tail, v)
            ),
            None,
        )
        if v is None:
            continue  # an appositive: `…, says X, a political scientist.`
        m = mention_left(text, tail, v, 0)
        lead = [t for t in tail if t[0] < (m.start if m else 0)]
        if _speaker(m) and len(lead) <= 6 and all(wordlike(t[2]) for t in lead):
            n = verb_at(tail, v)
            return Attribution(m, text[tail[v][0] : tail[v + n - 1][1]], _method(m, "tail"))
        return None
    return None


def _dash_line(
    tokens: ArticleTokens, span: Span, paras: list[tuple[int, int]]
) -> Attribution | None:
    """A quote ending its paragraph, signed by the next one: `“…”` ¶ `— Bernie Sanders.`"""
    text = tokens.text
    nxt = span.last_para + 1
    if span.close_mark is None or nxt >= len(paras):
        return None
    if (
        text[span.close_mark + 1 : paras[span.last_para][1]].strip(" .,\n")
        or text[paras[span.first_para][0] : span.open_mark].strip()
    ):
        return None  # the quote must fill its paragraph
    start, end = paras[nxt]
    toks = _window_tokens(tokens, start, end)
    if len(toks) < 2 or len(toks) > 10 or toks[0][2] not in _DASHES:
        return None
    m = mention_right(text, toks, 1, len(toks))
    if m is None or m.kind != "name":
        return None
    return Attribution(m, toks[0][2], "dash")


_RELATIVES = {"who", "whose", "which"}


def _opens_next(text: str, toks: list[Token], k: int, next_open: int) -> bool:
    """Whether the clause ending at token ``k`` introduces the next quote: at most a few
    lower-case words (`back`), then a comma or colon right before the quote's opening mark
    ``next_open``, and the quote starts a new sentence (`“Why?” he asked, “and why now?”`
    goes on the same one)."""
    rest = toks[k:]
    if not rest or rest[-1][2] not in (",", ":") or len(rest) > 4:
        return False
    if not all(t[2].isalpha() and t[2].islower() for t in rest[:-1]):
        return False
    return (
        not text[rest[-1][1] : next_open].strip() and text[next_open + 1 : next_open + 2].isupper()
    )


def _clause_done(toks, k: int) -> bool:
    """Whether the clause ends at token ``k`` (the end of the window or a comma)."""
    return k >= len(toks) or toks[k][2] == ","


def _speaker(m: Mention | None) -> bool:
    return m is not None and m.kind != "first_person"


#: the tokens that may end a sentence (:func:`_clause_end`)
_END_MARKS = frozenset({"!", "?", ";", "."})


def _clause_end(toks, n: int) -> bool:
    """Whether token ``n`` ends the sentence: not the period of `(D-Wis.)` or `R-Ky., said`."""
    t = toks[n][2]
    if t in ("!", "?", ";"):
        return True
    if t != ".":
        return False
    nxt = toks[n + 1][2] if n + 1 < len(toks) else ""
    return not (nxt in (",", ")") or nxt[:1].islower())


def _object_in_lead(toks: list[Token], m: Mention) -> bool:
    """Whether mention ``m`` before a colon is the object of a verb or a preposition
    (`issued the following statement:`, `delivered a message to Trump:`), not the words' speaker
    opening the lead or a clause in it (`Hill:`, `From Chairwoman X:`, `…, Rep. X (R-S.C.):`,
    `Former secretary of state Hillary Clinton:`, `Mark Blumenthal and Jon Cohen:`)."""
    k = bisect.bisect_left(toks, (m.start,)) - 1
    while k >= 0 and (toks[k][2][:1].isupper() or role_at(toks, k) or toks[k][2] == "of"):
        k -= 1
    if k < 0 or toks[k][2] in (",", ";", "(", ")") or toks[k][2] in _DASHES:
        return False
    if toks[k][2] == "and" and k and toks[k - 1][2][:1].isupper():
        return False
    # a name right after a verb may be who speaks (`doesn't surprise pollster Daron Shaw:`)
    return m.kind == "role" or toks[k][2] in PREPOSITIONS


def _in_aside(toks: list[Token], v: int, n: int) -> bool:
    """Whether the cue at ``v`` (``n`` tokens) ends an aside between dashes that closes before
    the quote: `- as Rubio has said -` (the words after the aside are not Rubio's)."""
    after = toks[v + n : v + n + 1]
    if not after or after[0][2] not in _DASHES:
        return False
    return any(t[2] in _DASHES for t in toks[max(0, v - 8) : v])


def _unnamed_subject(text: str, toks: list[Token], v: int, cue: str) -> Mention | None:
    """The subject of a cue at ``v`` with no mention right before it: of the verb it is
    coordinated with (`X thought a moment and said`), or after `with` (`with many marchers
    chanting “…”`)."""
    if lower_at(toks, v - 1) == "and":
        m = _coordinated_subject(text, toks, v - 1)
        if m is not None:
            return m
    return _absolute_subject(text, toks, v) if cue.endswith("ing") else None


def _absolute_subject(text: str, toks: list[Token], v: int) -> Mention | None:
    """The subject of an -ing cue at ``v`` after `with` (`…, with many marchers and spectators
    chanting “…”`): the words between, a name or a description."""
    for w in range(v - 2, max(-1, v - 8), -1):
        t = toks[w][2]
        if t == "with":
            m = mention_right(text, toks, w + 1, v)
            if m is not None:
                return m if m.end == toks[v - 1][1] else None
            words = toks[w + 1 : v]  # `many marchers and spectators`: a description
            if all(x[2].isalpha() and x[2].islower() for x in words):
                st, en = words[0][0], words[-1][1]
                return Mention(st, en, text[st:en], "role", role=words[-1][2])
            return None
        if not wordlike(t):
            return None
    return None


def _name_before_appositive(text: str, toks: list[Token], m: Mention, v: int) -> Mention | None:
    """The person opening the clause when mention ``m`` before the cue at ``v`` is the
    organisation of a role's `of` complement: `X, president of Y stated`."""
    k = bisect.bisect_left(toks, (m.start,)) - 1
    while k > 0 and toks[k][2][:1].isupper():
        k -= 1  # `Washington` of `Washington Restaurant Association`
    if lower_at(toks, k) not in ("of", "at", "for"):
        return None
    c = next((n for n in range(k) if toks[n][2] == ","), None)
    if c is None or not any(role_at(toks, n) for n in range(c + 1, k)):
        return None
    first = mention_right(text, toks, 0, c)
    if first is None or first.kind != "name" or first.label != "PERSON":
        return None
    return first if first.end == toks[c - 1][1] else None


def _coordinated_subject(text: str, toks: list[Token], a: int) -> Mention | None:
    """The subject of the verb coordinated with a cue by `and` at ``a``: `Bush thought for a
    moment and said` -> Bush (a name starting its clause, at most twelve words before)."""
    for k in range(a - 1, max(0, a - 12), -1):
        t = toks[k][2]
        if not wordlike(t):
            return None  # `,`, `“`: another clause
        if t.islower() and k and toks[k - 1][2][:1].isupper():
            m = mention_left(text, toks, k, 0)
            if m is None or m.kind != "name":
                return None
            i = bisect.bisect_left(toks, (m.start,))
            return m if i == 0 or toks[i - 1][2] in (",", ";", "—") else None
    return None


def _method(m: Mention, order: str) -> str:
    return {"pronoun": "pronoun", "role": "role"}.get(m.kind, order)


#: tokens after which the clause before a quote starts
_CLAUSE_BREAKS = frozenset({".", "?", "!", "”", '"', "“"})


def _before_quote(tokens: ArticleTokens, span: Span, lead_start: int) -> Attribution | None:
    """Attribution in the words before the opening mark (CVQ, VCQ, according to, colon)."""
    text = tokens.text
    end = span.open_mark
    lead = text[lead_start:end]
    if not lead.strip():
        return None
    toks = _window_tokens(tokens, lead_start, end)
    # only the clause right before the mark: after the last sentence end or quote mark (but
    # the last token), looked for from the end
    lo = 0
    for idx in range(len(toks) - 2, -1, -1):
        t = toks[idx][2]
        if t in _CLAUSE_BREAKS and not (t == "." and toks[idx + 1][2] in (")", ",")):
            lo = idx + 1  # not `Trey Gowdy (R-S.C.):`: the period of an abbreviation
            break
    toks = toks[lo:]
    if not toks:
        return None
    last = toks[-1][2]
    if last not in (":", ",") and not verb_at(toks, len(toks) - 1):
        return None
    body = toks[:-1] if last in (":", ",") else toks
    # `According to X, “…”`
    for i in range(len(body) - 1):
        if body[i][2].lower() == "according" and body[i + 1][2].lower() == "to":
            m = mention_right(text, body, i + 2, len(body)) or description_right(
                text, body, i + 2, len(body)
            )
            if m is not None:
                return Attribution(m, "according to", "according_to")
    # CVQ: `X said: “`, `X told reporters on Monday, “` (the cue within a few words)
    for v in range(len(body) - 1, max(-1, len(body) - 9), -1):
        if body[v][2].lower() not in CUE_WORDS:
            continue  # no cue starts here: what verb_at would find, sooner
        n = verb_at(body, v)
        if n:
            m = mention_left(text, body, v, 0)
            cue = text[body[v][0] : body[v + n - 1][1]]
            if m is not None and m.kind in ("role", "name") and is_object(body, m):
                m = None  # `released a statement saying, “…”`, `speaking to Fox News said`
                subject = sentence_subject(text, body, v)
                if subject is not None and subject.kind != "first_person":
                    return Attribution(subject, cue, _method(subject, "CVQ"))
            if m is not None and m.kind == "name" and m.label == "ORG":
                # `Anthony Anton, president and CEO of Washington Restaurant Association
                # stated`: an appositive whose closing comma is missing; the name opens it
                m = _name_before_appositive(text, body, m, v) or m
            telling = body[v][2].lower() in TELL_VERBS
            if m is None:
                m = _unnamed_subject(text, body, v, cue)
            if m is None and (cue.endswith("ing") or lower_at(body, v - 1) == "," or telling):
                m = sentence_subject(text, body, v)  # `X attacked Y, saying, “…”`, `X, …, said`
            if m is not None:
                return Attribution(m, cue, _method(m, "CVQ"))
            if telling:
                return None  # `told his supporters, “…”`: who is told, not who speaks
            m = mention_right(text, body, v + n, len(body))  # VCQ: `said X: “`
            if m is not None:
                return Attribution(m, cue, _method(m, "VCQ"))
            return None
    n = verb_at(body, 0)
    if n:  # `Said Dorothy Poynter, who grew up with him in the neighborhood, “…”`
        m = mention_right(text, body, n, len(body))
        if m is not None:
            return Attribution(m, text[body[0][0] : body[n - 1][1]], _method(m, "VCQ"))
    if last == ":":  # `From Chairwoman X: “…”`, `Hill: “…”`
        m = mention_left(text, body, len(body), 0)
        if m is not None and m.kind in ("name", "role") and _object_in_lead(body, m):
            # `Trump issued the following statement:`, `X delivered a blunt message to Trump:`,
            # `Perez lobbies for a higher minimum wage:`: an object; the subject speaks
            m = sentence_subject(text, body, len(body))
            if m is not None and m.kind in ("name", "role", "pronoun"):
                return Attribution(m, ":", _method(m, "colon"))
            return None
        if m is not None and m.kind in ("name", "role"):
            return Attribution(m, ":", "colon")
    return None


def _in_sentence(
    tokens: ArticleTokens, sent: tuple[int, int], span: Span, index: SpeakerIndex | None = None
) -> Attribution | None:
    """A cue elsewhere in the sentence of a partial quote (`X called the move “…”`)."""
    text = tokens.text
    toks = _window_tokens(tokens, sent[0], span.open_mark)
    tries = 0
    inner = None  # `She says it underscores that …`: `it` only if no person speaks around it
    for v in range(len(toks) - 1, -1, -1):
        low = toks[v][2].lower()
        # verb_at finds no cue at a word that starts none: not asked of most words
        n = verb_at(toks, v) if tries < 3 and low in CUE_WORDS else 0
        if n:  # `X said, going on to say that “…”`: try the earlier verb too
            tries += 1
            if _in_aside(toks, v, n):
                continue  # `he assured the crowd - as Rubio has said - that he can “…”`
            cue = text[toks[v][0] : toks[v + n - 1][1]]
            m = mention_left(text, toks, v, 0)
            if m is not None and m.kind == "role" and is_object(toks, m):
                m = None  # `sent an email to supporters stating “…”`: the email is no speaker
            if m is None:
                m = _unnamed_subject(text, toks, v, cue)
            if m is None and (cue.endswith("ing") or lower_at(toks, v - 1) == ","):
                m = sentence_subject(text, toks, v)
            if m is not None and m.kind == "pronoun" and m.text.lower() in ("it", "they"):
                inner = inner or Attribution(m, cue, "sentence")
            elif m is not None:
                return Attribution(m, cue, "sentence")
        if low == "according" and lower_at(toks, v + 1) == "to":
            m = mention_right(text, toks, v + 2, len(toks)) or description_right(
                text, toks, v + 2, len(toks)
            )
            if m is not None:
                return Attribution(m, "according to", "according_to")
    if inner is not None:
        return inner
    m = possessive_speaker(text, toks, len(toks))  # `her claim that she “never sent …`
    if m is None and span.close_mark is not None:  # `Obama's “you can keep it” promise`
        after = tokens.window(span.close_mark + 1, min(len(text), span.close_mark + 40))
        if after and after[0][2].lower() in SPEECH_NOUNS:
            m = possessor(text, toks, len(toks) - 1)
    if m is not None:
        return Attribution(m, None, "possessive")
    # `Japan branded North Korea an “outlaw nation”`: the subject of the sentence
    m = sentence_subject(text, toks, len(toks))
    if m is not None and m.kind == "name" and index is not None and " " not in (m.name or m.text):
        known = index.resolve(m)  # without a cue, one capitalised word the entities do not
        if not (index.names_entity(m) or known and index.is_entity(known.entity_id)):
            m = Mention(m.start, m.end, m.text, "role")  # know (`Multiple`, `Amid`): nobody
    if m is not None and m.kind != "pronoun" or m is not None and m.start < span.open_mark:
        return Attribution(m, None, "subject")
    return None


def _scare_or_partial(
    tokens: ArticleTokens, index: SpeakerIndex, sent: tuple[int, int], span: Span
) -> Attribution | None:
    """The speaker of a few quoted words that look like a scare quote, when they are the words
    of someone in the sentence: a cue before them (`Sanders pointed out his “free college”`)
    or a known person as the subject (`Merkel heralded the deal as a “breakthrough.”`). A
    capitalised quote after a bare subject stays a term or a title (`Cruz named “Veep”`)."""
    text = tokens.text
    if _word_before(text, sent[0], span.open_mark) in _SCARE_CUES:
        return None
    attr = _in_sentence(tokens, sent, span, index)
    if attr is None or attr.mention is None or attr.mention.kind == "first_person":
        return None
    if attr.method != "subject":
        return attr
    if text[span.start : span.end].lstrip()[:1].isupper():
        return None
    if attr.mention.kind not in ("name", "pronoun", "role"):
        return None
    person = index.resolve(attr.mention)
    if person is None or person.label != "PERSON" or not index.is_entity(person.entity_id):
        return None
    return attr


# --- kinds ----------------------------------------------------------------------------------


def classify(text: str, span: Span, sent_start: int, attributed: bool) -> str:
    """``direct``, ``partial``, ``title`` or ``scare`` for a quoted span (see module doc)."""
    if span.end - span.start > 1 and span.first_para != span.last_para:
        return "direct"
    content = text[span.start : span.end].strip()
    words = content.split()
    ends_like_statement = content[-1:] in ".,!?…" if content else False
    before = text[sent_start : span.open_mark].rstrip()
    prev = _word_before(text, sent_start, span.open_mark)
    at_start = not before or before[-1] in ":—–-" or (before[-1] == "," and attributed)
    if prev in title_cues() and not ends_like_statement:
        return "title"
    if attributed and (at_start or len(words) >= 4 or ends_like_statement):
        return "direct" if at_start or ends_like_statement or _is_sentence(content) else "partial"
    if at_start:
        return "direct" if len(words) >= 3 or ends_like_statement else "scare"
    if prev in _SCARE_CUES:
        return "scare"
    if len(words) >= 2 and not ends_like_statement and _title_case(words) and prev != "that":
        return "title"
    if attributed or prev in _PARTIAL_CUES or _has_cue(before):
        return "partial"
    return "scare" if len(words) <= 3 else "partial"


def _word_before(text: str, start: int, mark: int) -> str:
    r"""The word (lower case) right before the opening ``mark``, in ``text[start:mark]``: the
    last of the words ``re.findall(r"[\w'’-]+", …)`` finds in the lower-cased text (up to 60
    characters), without finding the others."""
    m = _LAST_WORD_RE.match(text[max(start, mark - 60) : mark].lower())
    return m.group(1) if m else ""


# The last run of word characters: the backtracking from the end stops at the last position
# that starts a run (a word character, after none), and the run is taken whole from there.
_LAST_WORD_RE = re.compile(r"(?s:.*)(?<![\w'’-])([\w'’-]+)")


def _is_sentence(content: str) -> bool:
    return content[:1].isupper() and len(content.split()) >= 4


def _title_case(words: list[str]) -> bool:
    caps = sum(1 for w in words if w[:1].isupper())
    small = sum(1 for w in words if w.lower() in ("of", "the", "a", "and", "for", "in", "on"))
    return caps >= 2 and caps + small == len(words)


def _has_cue(before: str) -> bool:
    low = before.lower()
    return not speech_verbs().isdisjoint(_LETTERS_RE.findall(low)) or "according to" in low


_LETTERS_RE = re.compile("[a-z]+")


# --- the step -----------------------------------------------------------------------------


def quote_step(doc: Document) -> dict[str, list[dict]]:
    """Quote records for one article (see ``SCHEMAS['quotes']`` and ``['quote_sentences']``)."""
    text = doc.text
    if not text.strip():
        return {"quotes": [], "quote_sentences": []}
    paras = paragraphs(text, doc.body_start)
    sents = list(map(_START_END, doc.sentences)) or _sentences(text, doc.body_start)
    spans = find_spans(text, doc.body_start, paras)
    tokens = ArticleTokens(doc)
    # reported speech is attributed in reading order with the quotes, so that `X said …` is a
    # recent speaker for a later `he said` and the speaker of a following cue-less quote
    pending = _indirect(tokens, doc, sents, spans)
    quoted = [(s.start, s.end) for s in spans if not s.single]
    index = SpeakerIndex(doc, quoted=quoted, tokens=tokens)
    records: list[dict] = []
    last_attr: tuple[int, dict] | None = None  # (paragraph, record) of the last attributed quote
    indirect: list[dict] = []
    for n, span in enumerate(spans):
        while pending and pending[0][0]["start"] < span.start:
            rec, attr = pending.pop(0)
            if _attribute_indirect(rec, attr, index, indirect):
                last_attr = (_para_of(paras, rec["start"]), rec)
        sent = _sentence_of(sents, span.open_mark)
        pe = paras[span.last_para][1] if span.last_para < len(paras) else len(text)
        next_open = spans[n + 1].open_mark if n + 1 < len(spans) else len(text)
        lead_start = sent[0]
        if text[sent[0] : span.open_mark].strip() == "" and span.first_para > 0:
            lead_start = paras[span.first_para - 1][0]  # `Hugh Hill said:` ¶ `“…`
        attr = (
            _after_quote(tokens, span, pe, next_open)
            or _before_quote(tokens, span, lead_start)
            or _tail_cue(tokens, span, pe, next_open)
            or _dash_line(tokens, span, paras)
        )
        kind = classify(text, span, sent[0], attr is not None)
        if kind == "scare" and not span.single:
            attr = _scare_or_partial(tokens, index, _after_previous(text, sent, spans, n), span)
            kind = "scare" if attr is None else "partial"
        rec = _record(text, span, kind, sent, doc)
        inherit = None
        if kind in ("title", "scare"):
            attr = None
        elif attr is None and kind == "partial":
            prev = records[-1] if records else None
            if prev and prev["speaker_start"] is not None and prev["start"] >= sent[0]:
                # a second partial quote of the same sentence: the same speaker, unless a cue
                # comes between (`X accuses Obama of “…” and Trump says he's “…”`)
                attr = _in_sentence(tokens, (spans[n - 1].end, sent[1]), span, index)
                if attr is None or attr.method not in ("sentence", "according_to"):
                    attr, inherit = None, prev
            else:
                attr = _in_sentence(tokens, _after_previous(text, sent, spans, n), span, index)
                if attr is None or attr.method == "subject":
                    # `Guns are “a crisis” and “stunt growth,” Howard Dean proclaimed`
                    attr = _later_in_sentence(tokens, spans, n, sent, paras) or attr
        elif attr is None and kind == "direct":
            if not text[sent[0] : span.open_mark].strip():  # a quote opening its sentence
                attr = _previous_sentence(tokens, sents, sent)
            else:  # `She has touted her record—“the longest expansion …”`: a cue before it
                attr = _in_sentence(tokens, sent, span, index)
            if attr is None and last_attr is not None:
                para, prev = last_attr
                if (
                    span.first_para - para <= FLOATING_PARAGRAPHS
                    and prev["speaker_start"] is not None
                ):
                    inherit = prev  # a follow-on quote: the previous speaker goes on
        if attr is not None and attr.mention is not None:
            _attribute(rec, attr, index)
            if attr.mention.kind != "first_person":
                last_attr = (span.last_para, rec)
        elif inherit is not None:
            for col in ("speaker", "speaker_id", "speaker_start", "speaker_end", "cue"):
                rec[col] = inherit[col]
            rec["method"] = "floating"
        records.append(rec)
    for rec, attr in pending:
        _attribute_indirect(rec, attr, index, indirect)
    records += indirect
    records.sort(key=lambda r: (r["start"], r["end"]))
    return _finish(text, records)


def _later_in_sentence(
    tokens: ArticleTokens, spans: list[Span], n: int, sent: tuple[int, int], paras: list
) -> Attribution | None:
    """The attribution after a later quote of the same sentence, when only words joining
    quotes come between: `Guns are “a crisis” and “stunt growth,” Howard Dean proclaimed`,
    `… carry “weight” and bring the “firepower” they need, spokesman Neil Sroka said.`"""
    text = tokens.text
    for m in range(n + 1, len(spans)):
        span = spans[m]
        if span.open_mark >= sent[1] or span.close_mark is None:
            return None
        between = text[spans[m - 1].end : span.open_mark]
        if len(between) > 40 or any(c in between for c in ".;:?!"):
            return None
        pe = paras[span.last_para][1] if span.last_para < len(paras) else len(text)
        nxt = spans[m + 1].open_mark if m + 1 < len(spans) else len(text)
        attr = _after_quote(tokens, span, pe, nxt) or _tail_cue(tokens, span, pe, nxt)
        if attr is not None and attr.mention is not None and attr.method in ("QCV", "QVC", "tail"):
            return attr
    return None


def _after_previous(text: str, sent: tuple[int, int], spans: list[Span], n: int) -> tuple[int, int]:
    """Sentence ``sent`` from the closing mark of a quote opening it, before ``spans[n]``: in
    `“Everything is on the table,” Carson told the AP after hinting that “personnel changes”
    could come`, the subject of `hinting` is Carson, not a word of the quote."""
    prev = spans[n - 1] if n else None
    if (
        prev is not None
        and prev.close_mark is not None
        and sent[0] <= prev.close_mark < spans[n].open_mark
        and not text[sent[0] : prev.open_mark].strip()
    ):
        return prev.close_mark + 1, sent[1]
    return sent


def _previous_sentence(
    tokens: ArticleTokens, sents: list[tuple[int, int]], sent: tuple[int, int]
) -> Attribution | None:
    """`Valastro praised Christie's leadership. ¶ “We need someone …”`: a quote standing alone
    after a sentence whose subject spoke (a cue there, or its subject before a cue)."""
    text = tokens.text
    k = bisect.bisect_left(sents, sent) - 1
    if k < 0 or text.count("\n", sents[k][1], sent[0]) > 2:
        return None
    toks = tokens.window(*sents[k])
    if any(t[2] in DOUBLE_MARKS for t in toks):
        return None  # a sentence with its own quote has its own speaker
    for v in range(1, min(len(toks), 45)):  # after long appositives too
        if toks[v][2].lower() not in CUE_WORDS:
            continue  # no cue starts here: what verb_at would find, sooner
        n = verb_at(toks, v)
        if n:
            m = mention_left(text, toks, v, 0)
            if m is not None and m.kind in ("name", "pronoun", "role"):
                cue = text[toks[v][0] : toks[v + n - 1][1]]
                return Attribution(m, cue, "prev_sentence")
            return None
    return None


#: a record's ``(start, end)``
_START_END = itemgetter("start", "end")


def _sentences(text: str, start: int) -> list[tuple[int, int]]:
    from .text import split_sentences

    return list(map(_START_END, split_sentences(text, start)))


def _sentence_of(sents: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The last sentence starting at or before ``offset`` (else the first)."""
    k = bisect.bisect_right(sents, (offset, math.inf)) - 1
    return sents[max(k, 0)] if sents else (0, offset)


def _record(text: str, span: Span, kind: str, sent: tuple[int, int], doc: Document) -> dict:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return {
        "sentence_id": doc.sentence_at(start) if doc.sentences else 0,
        "start": start,
        "end": end,
        "text": text[start:end],
        "kind": kind,
        "speaker": None,
        "speaker_id": None,
        "speaker_start": None,
        "speaker_end": None,
        "cue": None,
        "method": None,
        "closed": span.close_mark is not None,
    }


def _attribute(rec: dict, attr: Attribution, index: SpeakerIndex) -> None:
    m = attr.mention
    rec["cue"] = attr.cue
    if m is None or m.kind == "first_person":
        return  # `I said`, `we said`: the writer, never a speaker
    rec["method"] = attr.method
    rec["speaker_start"], rec["speaker_end"] = m.start, m.end
    person = index.resolve(m)
    if person is not None:
        rec["speaker"], rec["speaker_id"] = person.canonical, person.entity_id
        index.note_speaker(m.start, person)
        if m.kind == "pronoun" and person.gender is None:
            person.gender = {"he": "m", "she": "f"}.get(m.text.lower())


def _indirect(tokens, doc, sents, spans) -> list[tuple[dict, Attribution]]:
    """Reported speech without marks (`X pointed out that …`, `…, X said.`), not attributed."""
    text = tokens.text
    out = []
    # spans are in order of start: spans[:k] start before offset x when k = bisect(starts, x),
    # and one of them reaches past offset y when reach[k - 1] > y
    starts = [sp.start for sp in spans]
    reach = list(itertools.accumulate((sp.end for sp in spans), max))
    for s0, s1 in sents:
        k = bisect.bisect_left(starts, s1)
        if (k and reach[k - 1] > s0) or not tokens.may_have_cue(s0, s1):
            continue  # a sentence with a quote, or without a speech verb
        toks = tokens.window(s0, s1)
        found = _indirect_in(text, toks)
        if found is None:
            continue
        (cs, ce), attr = found
        while ce > cs and text[ce - 1] in " .,;:!?":
            ce -= 1
        if ce - cs < 10:
            continue
        rec = _record(text, Span(cs, ce, cs, ce, 0, 0), "indirect", (s0, s1), doc)
        attr.method = "indirect"
        out.append((rec, attr))
    return out


def _attribute_indirect(rec: dict, attr: Attribution, index: SpeakerIndex, out: list) -> bool:
    """Attribute one reported-speech record; keep it (True) when it has a speaker or a role."""
    _attribute(rec, attr, index)
    if rec["speaker_start"] is not None or attr.mention.kind == "role":
        out.append(rec)
        return rec["speaker"] is not None
    return False


def _para_of(paras: list[tuple[int, int]], offset: int) -> int:
    return max(0, bisect.bisect_right([p[0] for p in paras], offset) - 1)


#: speech verbs that take a clause without `that` (`X said the plan would fail`)
_CLAUSE_VERBS = {"said", "says", "say", "added", "argued", "claimed", "insisted", "noted"}
_NOT_CLAUSE_STARTS = {
    "on", "in", "at", "during", "to", "after", "before", "of", "about", "for", "with",
    "from", "by", "as", "so", "yes", "no", "nothing", "something", "later", "earlier", "again",
    "repeatedly", "recently", "previously", "last", "this", "next", "while", "when", "but",
    "and", "or",
}  # fmt: skip
#: words after the speaker of `…, said X` that can close the sentence (`on Monday`, `in a …`)
_TAIL_WORDS = {"on", "in", "at", "during", "to", "after", "before", "last", "this", "who"}


def _indirect_in(text: str, toks) -> tuple[tuple[int, int], Attribution] | None:
    """The reported speech of a sentence without quote marks and its speaker: after a cue
    following its subject (`X pointed out that …`), else at the end (`…, X said.`)."""
    # the words where a cue may start (verb_at finds none at the others)
    cues = [v for v in range(1, min(len(toks) - 2, 25)) if toks[v][2].lower() in CUE_WORDS]
    for c, v in enumerate(cues):
        n = verb_at(toks, v)
        if not n:
            continue
        if c == len(cues) - 1 and _reported_clause(toks, v, n) is None:
            # whether the cue has a subject (which ends the search) or not (which goes on
            # to the next cue: there is none), the end of the sentence is read next, so the
            # subject (most of the cost) is not looked for
            break
        m = mention_left(text, toks, v, 0)
        if m is None or m.kind == "first_person":
            continue
        clause = _reported_clause(toks, v, n)
        if clause is None:
            break
        cue = text[toks[v][0] : toks[v + n - 1][1]]
        return (toks[clause][0], toks[-1][1]), Attribution(m, cue, "indirect")
    return _indirect_at_end(text, toks)


#: the listeners of a cue (`told reporters that …`)
_LISTENERS = frozenset({"reporters", "journalists", "me", "him", "her", "us", "them"})


def _reported_clause(toks, v: int, n: int) -> int | None:
    """The token starting the clause reported by the cue of ``n`` tokens at ``v``: after
    `that`, or right after a verb that takes a clause without it; ``None`` if neither."""
    n_toks = len(toks)
    k = v + n
    if lower_at(toks, k) in _LISTENERS:
        k += 1
    j = k  # `said on Monday that …`, `told a news conference in Ankara that …`
    while j < min(n_toks - 1, k + 6) and toks[j][2].lower() != "that" and toks[j][2].isalnum():
        j += 1
    if lower_at(toks, j) == "that" and j + 1 < n_toks:
        return j + 1
    if (  # `X, who studies tax policy, said Ivanka Trump's statement didn't clarify it`
        toks[v][2].lower() in _CLAUSE_VERBS
        and n_toks - k >= 5
        and lower_at(toks, k) not in _NOT_CLAUSE_STARTS
        and toks[k][2].isalpha()
    ):
        return k
    return None


def _indirect_at_end(text: str, toks) -> tuple[tuple[int, int], Attribution] | None:
    """`…, X said.` / `…, said X.` at the end of the sentence."""
    n_toks = len(toks)
    for c in range(n_toks - 2, 2, -1):
        if toks[c][2] != ",":
            continue
        tail = toks[c + 1 :]
        while tail and tail[-1][2] in (".", "!", "?"):
            tail = tail[:-1]
        if not tail or len(tail) > 10:
            return None
        for v in range(len(tail)):
            if tail[v][2].lower() not in CUE_WORDS:
                continue  # no cue starts here: what verb_at would find, sooner
            n = verb_at(tail, v)
            if n and v + n == len(tail):
                m = mention_left(text, tail, v, 0)
                if m is not None and m.start == tail[0][0] and m.kind != "first_person":
                    cue = text[tail[v][0] : tail[v + n - 1][1]]
                    return (toks[0][0], toks[c][0]), Attribution(m, cue, "indirect")
            if n and v == 0:
                m = mention_right(text, tail, n, len(tail))
                rest = [t for t in tail if t[0] >= (m.end if m is not None else 0)]
                if rest and not (rest[0][2] in (",", "(") or rest[0][2].lower() in _TAIL_WORDS):
                    m = None  # `…, said Ivanka Trump's statement didn't …`: not the end
                if m is not None and m.kind != "first_person":
                    cue = text[tail[0][0] : tail[n - 1][1]]
                    return (toks[0][0], toks[c][0]), Attribution(m, cue, "indirect")
        return None
    return None


def _finish(text: str, records: list[dict]) -> dict[str, list[dict]]:
    sentences = []
    scores: dict[str, dict[str, float]] = {}  # a one-sentence quote is scored once

    def sentiment(part: str) -> dict[str, float]:
        found = scores.get(part)
        if found is None:
            found = scores[part] = score_sentiment(part)
        return found

    for qid, rec in enumerate(records):
        rec["quote_id"] = qid
        rec.update(sentiment(rec["text"]))
        for ps, chunk in _paragraphs_of(text, rec):
            for s, e in sentence_spans(chunk):
                # a chunk of one sentence is the part: not copied (and its hash not redone)
                part = chunk if e - s == len(chunk) else chunk[s:e]
                if part.strip(" “”\"'‘’"):
                    sentences.append(
                        {"quote_id": qid, "start": ps + s, "end": ps + e, "text": part,
                         **sentiment(part)}
                    )  # fmt: skip
    return {"quotes": records, "quote_sentences": sentences}


def _paragraphs_of(text: str, rec: dict) -> list[tuple[int, str]]:
    """The start and text of each of ``paragraphs(text, start, end)`` of a record: the
    record itself when its text holds no line break (so no paragraph break), as
    :func:`_record` strips it already."""
    start, end = rec["start"], rec["end"]
    if start < end and "\n" not in rec["text"]:
        return [(start, rec["text"])]
    return [(ps, text[ps:pe]) for ps, pe in paragraphs(text, start, end)]


def find_quotes(text: str, *, date=None) -> pd.DataFrame:
    """The quotes table of one text (without ``article_id``), from the same step as ``analyze``.

    >>> q = find_quotes('“We have learned our lessons,” Ismail Demir said.')
    >>> q[["text", "kind", "speaker", "method"]].values.tolist()
    [['We have learned our lessons,', 'direct', 'Ismail Demir', 'QCV']]
    """
    from .text import split_sentences

    article = article_from_text(text, date=date)
    doc = Document(text=article.text, body_start=article.body_start)
    doc.tables["sentences"] = split_sentences(article.text, article.body_start)
    try:
        from .entities import entity_step

        doc.tables.update(entity_step(doc))
    except Exception:  # the entities step is optional here: speakers then come from the text
        log.exception("entities step failed; speakers are resolved from the text alone")
    records = quote_step(doc)["quotes"]
    return frame("quotes", records).drop(columns=["article_id"])


__all__ = ["classify", "find_quotes", "find_spans", "mark_role", "quote_step"]
