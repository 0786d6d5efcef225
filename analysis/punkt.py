"""NLTK's Punkt sentence splitter, reimplemented for parameters that hold only abbreviations.

``PunktSentenceTokenizer(params).span_tokenize(text)`` with ``params`` carrying nothing but
``abbrev_types`` (no orthographic contexts, collocations or sentence starters) is most of the
cost of splitting sentences: NLTK runs every regular expression through ``nltk.redos`` (the
``regex`` engine with a timeout per call) and builds a ``PunktToken`` per word. With empty
statistics Punkt's decisions reduce to a few string tests, so :class:`AbbreviationPunkt` makes
them directly with the stdlib ``re`` module and returns exactly NLTK's spans (realigned
boundaries), quirks included; ``tests/test_text.py`` keeps NLTK as the reference.

How NLTK 3.10 decides, and what is left of it here:

1. Candidates: every ``.``, ``?`` or ``!`` followed by other punctuation or by whitespace and
   a token (``PunktLanguageVars.period_context_re``).
2. Each candidate's context is the word before it, the mark and what follows. Candidates whose
   word would overlap the previous candidate's mark drop that previous one
   (``_match_potential_end_contexts``).
3. A context holds a sentence break if a token other than its last is one: ``.``, ``?``,
   ``!``, or a word ending in a single period that is not a known abbreviation, unless it is an
   initial (``J.``) or a number (``5.``) whose next token cannot start a sentence. Without
   orthographic statistics "cannot start a sentence" means the next token is ``; : , . ! ?``
   or starts in lower case, and for an initial also in upper case (``J. Bach``).
4. Closing quotes and brackets after a break move to the sentence before
   (``_realign_boundaries``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import pairwise

import regex

# NLTK's patterns run on the ``regex`` engine, whose character classes differ from ``re``'s:
# its \s (Unicode White_Space) leaves out \x1c-\x1f, which ``re`` counts as whitespace, so
# whitespace is spelled out. Its \w and \d differ too (marks are word characters, superscript
# digits are not, and its Unicode tables are newer), so letters and digits outside ASCII are
# left to ``regex`` itself (:func:`_is_letter`, :func:`_is_number`); they are rare in words
# that end with a period.
_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_S = f"[{_SPACE}]"  # \s and \S as NLTK's engine reads them
_NOT_S = f"[^{_SPACE}]"

# Punctuation that cannot be inside a word (PunktLanguageVars._re_non_word_chars)
_NON_WORD = "[\"'()*:;?!@\\[\\]{}\u2018\u2019\u201c\u201d\xab\xbb]"
# Hyphens and ellipses are one token (PunktLanguageVars._re_multi_char_punct)
_MULTI_CHAR = rf"(?:-{{2,}}|\.{{2,}}|(?:\.{_S}){{2,}}\.)"
# Characters that never start a word token (PunktLanguageVars._re_word_start negated)
_NOT_WORD_START = '"#&()*,:;@[\\]`{}-'

# A possible sentence end, and after it other punctuation or whitespace and the next token
_END_CONTEXT = re.compile(
    rf"[.?!](?=(?P<after_tok>{_NON_WORD}|{_S}+(?P<next_tok>{_NOT_S}+)))",
)
# Punkt's word tokens: a multi-character mark, a word up to the whitespace, punctuation or
# word-final comma that ends it, or any other single non-space character
_WORD_TOKEN = re.compile(
    rf"{_MULTI_CHAR}"
    rf"|(?=[^{re.escape(_NOT_WORD_START)}]){_NOT_S}+?"
    rf"(?={_S}|$|{_NON_WORD}|{_MULTI_CHAR}|,(?=$|{_S}|{_NON_WORD}|{_MULTI_CHAR}))"
    rf"|{_NOT_S}",
)
# Closing quotes and brackets that belong to the sentence before a break
_CLOSING_PUNCTUATION = re.compile(
    rf"[\"')\]}}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:{_S}+|(?=--)|$)",
    re.MULTILINE,
)
# NLTK looks for the word before a candidate after the last of these (string.whitespace)
_ASCII_SPACE = " \t\n\r\x0b\x0c"

_SENTENCE_END_TOKENS = frozenset(".?!")
# Tokens that never start a sentence (PunktSentenceTokenizer.PUNCTUATION)
_PUNCTUATION_TOKENS = frozenset(";:,.!?")
# PunktToken's number test, applied to the lower-cased token
_NUMBER_PATTERN = r"-?[\.,]?\d[\d,\.-]*\.?$"
_ASCII_NUMBER = re.compile(_NUMBER_PATTERN)
_UNICODE_NUMBER = regex.compile(_NUMBER_PATTERN)
_UNICODE_LETTER = regex.compile(r"[^\W\d]")  # PunktToken's letter, for initials


class AbbreviationPunkt:
    """Sentence spans exactly as NLTK's ``PunktSentenceTokenizer.span_tokenize`` gives them
    for ``PunktParameters`` whose only content is ``abbrev_types``.

    >>> AbbreviationPunkt({"gen", "u.s"}).span_tokenize("The U.S. Army left. Gen. Smith stayed.")
    [(0, 19), (20, 38)]
    """

    def __init__(self, abbreviations: Iterable[str]) -> None:
        # Lower-case abbreviations without their final period, like ``abbrev_types``
        self.abbreviations = frozenset(abbreviations)

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of each sentence of ``text``, trailing punctuation realigned."""
        return _realign_boundaries(text, self._slices(text))

    def _slices(self, text: str) -> list[tuple[int, int]]:
        # PunktSentenceTokenizer._slices_from_text
        slices = []
        last_break = 0
        for match, context_start in _end_contexts(text):
            if self._context_has_break(text[context_start : match.end("after_tok")]):
                slices.append((last_break, match.end()))
                # the next sentence starts at the next token, or at the punctuation after the mark
                last_break = match.start("next_tok") if match.group("next_tok") else match.end()
        slices.append((last_break, len(text.rstrip())))
        return slices

    def _context_has_break(self, context: str) -> bool:
        # PunktSentenceTokenizer.text_contains_sentbreak: Punkt tokenizes line by line, skips
        # blank lines, and never counts a break after the last token
        if "\n" in context:
            tokens = [
                token
                for line in context.split("\n")
                if line.strip()
                for token in _WORD_TOKEN.findall(line)
            ]
        else:  # one line, never blank: it holds the candidate mark
            tokens = _WORD_TOKEN.findall(context)
        return any(self._breaks_after(tok, nxt) for tok, nxt in pairwise(tokens))

    def _breaks_after(self, token: str, next_token: str) -> bool:
        """Punkt's decision (both annotation passes) whether a sentence ends with ``token``."""
        if token in _SENTENCE_END_TOKENS:
            return True  # a lone "." is neither an initial nor a number
        # An ellipsis, a word ending in "..", or one not ending in a period never breaks
        if not token.endswith(".") or token.endswith(".."):
            return False
        stem = token[:-1].lower()
        if stem in self.abbreviations or stem.split("-")[-1] in self.abbreviations:
            return False  # ex-Gov. counts as Gov.
        # A break unless the next token cannot start a sentence (no orthographic statistics:
        # punctuation or a lower-case start) after an initial or a number; after an initial
        # an upper-case start does not break either (J. Bach)
        first = next_token[0]
        if _is_initial(token):
            return not (next_token in _PUNCTUATION_TOKENS or first.islower() or first.isupper())
        if _is_number(token):
            return not (next_token in _PUNCTUATION_TOKENS or first.islower())
        return True


def _end_contexts(text: str) -> Iterator[tuple[re.Match, int]]:
    """Candidate sentence ends with the start of their context, as
    ``PunktSentenceTokenizer._match_potential_end_contexts`` yields them.

    A candidate's word starts after the last ASCII whitespace between the previous candidate
    and it. Without one the previous candidate's word is reused (also for whitespace that is
    the text's first character: NLTK's index 0 means both "there" and "none"); unless that word
    is empty it then holds the previous mark, and the previous candidate is dropped (``Why?!``
    keeps only ``!``).
    """
    previous = None
    word_start = mark_start = 0
    for match in _END_CONTEXT.finditer(text):
        space = max(text.rfind(char, mark_start, match.start()) for char in _ASCII_SPACE)
        if space > mark_start:
            next_word_start = space + 1
        else:
            next_word_start = word_start
        if previous is not None and mark_start <= next_word_start:
            yield previous, word_start
        previous, word_start, mark_start = match, next_word_start, match.start()
    if previous is not None:
        yield previous, word_start


def _realign_boundaries(text: str, slices: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """PunktSentenceTokenizer._realign_boundaries: closing quotes and brackets at the start of
    a sentence move to the end of the one before; empty sentences are dropped."""
    spans = []
    realign = 0
    for (start, end), following in zip(slices, [*slices[1:], None], strict=True):
        start += realign
        closing = None if following is None else _CLOSING_PUNCTUATION.match(text, *following)
        if closing is None:
            realign = 0
            if start < end:
                spans.append((start, end))
        else:
            spans.append((start, following[0] + len(closing.group().rstrip())))
            realign = closing.end() - following[0]
    return spans


def _is_initial(token: str) -> bool:
    """A letter and a period (PunktToken.is_initial)."""
    return len(token) == 2 and token[1] == "." and _is_letter(token[0])


def _is_letter(char: str) -> bool:
    # regex's [^\W\d]: in ASCII a letter or "_"
    if char.isascii():
        return char.isalpha() or char == "_"
    return _UNICODE_LETTER.match(char) is not None


def _is_number(token: str) -> bool:
    """Whether Punkt types ``token`` as ``##number##`` (PunktToken.type_no_period). Its type
    is also that for the literal word ``##number##.``, but no token starts with ``#``."""
    lowered = token.lower()
    number = _ASCII_NUMBER if lowered.isascii() else _UNICODE_NUMBER
    return number.match(lowered) is not None
