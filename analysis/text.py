"""Paragraphs, sentences and tokens, with character offsets into the article text.

Sentences come from NLTK's Punkt algorithm used *without* downloaded models: its parameters are
built from the project's own abbreviation list (``data/abbreviations.txt``), so ``U.S.``,
``Gen.`` and ``Dec.`` do not end sentences. Punkt runs as :class:`analysis.punkt.AbbreviationPunkt`,
a faster reimplementation giving NLTK's spans for such parameters (NLTK's own tokenizer,
:func:`sentence_tokenizer`, is its reference in the tests). Sentences never cross a paragraph
break (a blank line), so a header or byline is never glued to the first sentence.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import Any

from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

from .punkt import AbbreviationPunkt

# Punkt's sentence-ending characters: a paragraph without one before its end is one sentence
_SENTENCE_END = re.compile(f"[{re.escape(''.join(PunktLanguageVars.sent_end_chars))}]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")

# Tokens: dotted abbreviations (U.S.), words and numbers with inner hyphens, apostrophes or
# dots (F-35, S-400, Washington-led, 3.5, O'Neill), possessive 's, then any other single symbol.
TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|\w+(?:[-\u2010\u2011'’.,]\w+)*"
    r"|[^\w\s]",
)
_WHITESPACE = re.compile(r"\s")  # (what parts tokens: see _tokenize_words)
_POSSESSIVE_ENDINGS = frozenset({"'s", "'S", "’s", "’S"})


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """The curated abbreviations (lower case, no final period)."""
    data = resources.files("analysis").joinpath("data/abbreviations.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in data.splitlines() if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """NLTK's Punkt tokenizer with the curated abbreviations, the reference for
    :func:`sentence_splitter`; built once per process."""
    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    return PunktSentenceTokenizer(params)


@lru_cache(maxsize=1)
def sentence_splitter() -> AbbreviationPunkt:
    """Punkt with the curated abbreviations, as :func:`sentence_tokenizer` splits but several
    times faster; built once per process."""
    return AbbreviationPunkt(abbreviations())


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` spans of the paragraphs (blocks separated by blank lines), stripped."""
    end = len(text) if end is None else end
    spans = []
    pos = start
    for m in _PARAGRAPH_BREAK.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    out = []
    for s, e in spans:
        chunk = text[s:e]
        ls = len(chunk) - len(chunk.lstrip())
        rs = len(chunk.rstrip())
        if rs > ls:
            out.append((s + ls, s + rs))
    return out


def sentence_spans(chunk: str) -> list[tuple[int, int]]:
    """Punkt's sentence spans of one stripped paragraph, also broken after an abbreviation
    followed by a word that only starts sentences (`in Washington D.C. He recalled`, `at 5
    p.m. The senator left`). Punkt only breaks after a sentence-ending mark followed by more
    text, so without one the chunk is one sentence."""
    if _SENTENCE_END.search(chunk, 0, len(chunk) - 1) is None:
        return [(0, len(chunk))]
    out: list[tuple[int, int]] = []
    for s, e in sentence_splitter().span_tokenize(chunk):
        if out and chunk[s] in _NO_SENTENCE_START:
            s = out.pop()[0]  # `Trey Gowdy (R-S.C.): “…”`: no sentence starts with `)` or `:`
        for m in _AFTER_ABBREVIATION.finditer(chunk, s, e):
            out.append((s, m.start() + 1))
            s = m.end()
        out.append((s, e))
    return out


_NO_SENTENCE_START = frozenset(")]}:;,")


# An abbreviation's period (Punkt did not break there) and a word that starts sentences: a
# pronoun, article or conjunction capitalised (never a name or a title after an abbreviation).
# The period comes before the lookbehinds on the word it ends, so that re scans for it quickly.
_AFTER_ABBREVIATION = re.compile(
    r"\.(?<=\w\.)(?<!\bvs\.)(?<!\bv\.)[ \t]+"
    r"(?=(?:He|She|It|They|We|The|This|These|Those|But|His|Her|Their|Its|"
    r"In|On|At|If|When|After|Meanwhile|However)\b)"
)


def split_sentences(text: str, start: int = 0) -> list[dict]:
    """Sentence records (``paragraph_id``, ``sentence_id``, ``start``, ``end``, ``text``).

    Only ``text[start:]`` is split (pass an article's ``body_start`` to skip its header).

    >>> [s["text"] for s in split_sentences("The U.S. Army left. Gen. Smith stayed.")]
    ['The U.S. Army left.', 'Gen. Smith stayed.']
    """
    out: list[dict] = []
    for pid, (ps, pe) in enumerate(paragraphs(text, start)):
        for s, e in sentence_spans(text[ps:pe]):
            out.append(
                {
                    "sentence_id": len(out),
                    "paragraph_id": pid,
                    "start": ps + s,
                    "end": ps + e,
                    "text": text[ps + s : ps + e],
                }
            )
    return out


class WordMemo(dict):
    """``memo[word]``: ``func(word)``, computed once per word, for a question asked of every
    word of every article (a dict lookup costs less than a call, even of a cached function, and
    ``map(memo.__getitem__, words)`` asks many at C speed). Past ``limit`` words it forgets them
    all and starts again, so memory stays bounded and the common words are back at once."""

    # (slots, not an instance dict: ``__missing__``, run for each new word, reads both faster)
    __slots__ = ("func", "limit")

    def __init__(self, func: Callable[[str], Any], limit: int = 65536) -> None:
        super().__init__()
        self.func, self.limit = func, limit

    def __missing__(self, word: str) -> Any:
        if len(self) >= self.limit:
            self.clear()
        self[word] = value = self.func(word)
        return value


class _TokenMemo(threading.local):
    """Tokens by span of the last few texts seen in this thread: several steps tokenize the
    same sentences of one article (a step may tokenize other strings in between), and an
    article is analysed by one thread at a time."""

    KEEP = 4  # texts remembered

    def __init__(self) -> None:
        # id(text) -> (text, {(start, end): tokens}); holding the text keeps its id unique
        self.texts: dict[int, tuple[str, dict]] = {}


_MEMO = _TokenMemo()
_MEMO_MIN_LENGTH = 512  # texts shorter than this are not memoised


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, token)`` triples for ``text[start:end]``; possessive ``'s`` is split off.

    >>> [t for _, _, t in tokenize("Russia's S-400, the U.S. said.")]
    ['Russia', "'s", 'S-400', ',', 'the', 'U.S.', 'said', '.']
    """
    end = len(text) if end is None else end
    if len(text) < _MEMO_MIN_LENGTH:  # a phrase: cheap to redo, and must not push articles out
        return _tokenize(text, start, end)
    texts = _MEMO.texts
    entry = texts.pop(id(text), None)  # popped and put back last: the least recent goes first
    if entry is None or entry[0] is not text:
        if len(texts) >= _MEMO.KEEP:
            del texts[next(iter(texts))]
        entry = (text, {})
    texts[id(text)] = entry
    spans = entry[1]
    cached = spans.get((start, end))
    if cached is None:  # (the memo's list is never handed out: callers may change theirs)
        cached = spans[(start, end)] = _tokenize(text, start, end)
    return cached.copy()


def _tokenize(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    # (negative bounds read as 0, as by `TOKEN_RE.findall(text, start, end)`)
    start, end = max(start, 0), max(end, 0)
    span = text[start:end]
    if not span.isprintable():  # (printable: no whitespace but the space)
        span = _WHITESPACE.sub(" ", span)  # one space for each whitespace character
    return _tokenize_words(span.split(" "), start)


def _tokenize_words(words: list[str], start: int) -> list[tuple[int, int, str]]:
    """The tokens of ``" ".join(words)`` placed at offset ``start`` (an empty word: where
    spaces follow one another), as ``TOKEN_RE`` finds them through the text.

    A token never holds whitespace and where one ends depends on nothing past the next
    whitespace (each part of ``TOKEN_RE`` fails on it as at the end of the text), so the
    words are tokenized one by one: a word of letters and digits alone (``str.isalnum``: ``\\w``
    characters, all taken by ``\\w+``) is one token, and the tokens of any other word cover it
    end to end (any character but whitespace starts one) and are remembered per word.
    """
    out: list[tuple[int, int, str]] = []
    add = out.append  # (bound once: this loop runs for every token of every article)
    pos = start
    for word in words:
        if word.isalnum():  # most words
            end = pos + len(word)
            add((pos, end, word))
            pos = end + 1
        else:
            for tok in _WORD_TOKENS[word]:
                end = pos + len(tok)
                add((pos, end, tok))
                pos = end
            pos += 1
    return out


# Quotes, brackets and punctuation that open or close words: never \w nor whitespace, so each
# is a token of its own (``[^\w\s]``) where TOKEN_RE meets it at the edge of a word (see below)
_EDGE_MARKS = "\"'“”‘’()[],.:;!?"


def _word_tokens(word: str) -> tuple[str, ...]:
    """The tokens of a word (no whitespace in it), possessive ``'s`` split off.

    Most such words are letters and digits between edge marks (`said,` `“The` `(AP)`): their
    tokens are each mark and that core, found without the regular expression. (A mark before
    the core is no ``\\w`` nor letter, so TOKEN_RE takes it alone; the core is ``\\w`` only,
    so ``\\w+`` takes it whole, and it holds no `.` to be a dotted abbreviation; a token going
    on past the core would need ``\\w`` after a mark; and a core never ends in ``'s``.)
    """
    rest = word.lstrip(_EDGE_MARKS)
    core = rest.rstrip(_EDGE_MARKS)
    if core.isalnum():
        return (*word[: len(word) - len(rest)], core, *rest[len(core) :])
    out: list[str] = []
    for tok in TOKEN_RE.findall(word):
        if len(tok) > 2 and tok[-2:] in _POSSESSIVE_ENDINGS:
            out += (tok[:-2], tok[-2:])
        else:
            out.append(tok)
    return tuple(out)


_WORD_TOKENS = WordMemo(_word_tokens)
