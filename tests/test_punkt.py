"""Punkt reimplemented for abbreviation-only parameters: NLTK's own tokenizer is the reference."""

import random

import pytest

from analysis.punkt import AbbreviationPunkt
from analysis.text import sentence_splitter, sentence_tokenizer

# Where Punkt's rules, quirks and Unicode classes show; NLTK's tokenizer is the reference
_PUNKT_TRICKY = [
    "",
    " ",
    "Done.",
    "Why?! Yes.",
    "Very bad acting!!! I promise.",
    " .!! x",
    "\t?!. A",
    "J. Bach left. A. b. C. 5. d.",
    "It was 1999. and 2000. The end. -5. x ,5. y 5.. z",
    "ex-Gov. Smith spoke. Ex-Sen. Jones left. Hi ex-Foo. Bar.",
    "(He left.) Then she did. [Yes!] {No?} ok.",
    "\"Go!\" he said. 'Now.' “Yes.” ‘No.’ «Maybe.» Fine.",
    "Wait... What? No -- never. One. . . two. Three",
    "A.B.C. D. U.S. Army. p.m. The end. Dec. 5. No. 5. Yes.",
    "first line.\nsecond line.\n\nthird.\n \nfourth.  ",
    "x.\n\x1c\nY. Go.\x1c Now. a.\x1cb. C",
    "done.\u2028Next. done.\xa0Next. done.\x85Next.",
    "É. Zola left. He got ². Then x ٣. y x \U00010d40. y x é. 5",
    "Trey Gowdy (R-S.C.): “I have not.” He left.",
    "x ##number##. y _. X",
]


def _nltk_spans(text):
    return list(sentence_tokenizer().span_tokenize(text))


@pytest.mark.parametrize("text", _PUNKT_TRICKY)
def test_punkt_reimplementation_equals_nltk_on_tricky_text(text):
    assert sentence_splitter().span_tokenize(text) == _nltk_spans(text)


_FUZZ_PIECES = [
    *"aZxQ",
    *"J. é. Ş. ². _. 5. 3.5 -1. ,5. 1999".split(),
    *". ! ? .. ... -- - , ; : ' \" “ ” ‘ ’ « » ( ) [ ] { } # * @ &".split(),
    *"U.S. Gen. Dec. p.m. ex-Gov. Mr. vs. No. Word word The it é Ş ǅ".split(),
    ". . .",
    *[" "] * 6,
    *["\t", "\n", "\n\n", "\x0b", "\x1c", "\xa0", "\u2028", "\u0301"],
]


def test_punkt_reimplementation_equals_nltk_on_random_text():
    rng = random.Random(20240607)
    for _ in range(2_000):
        text = "".join(rng.choices(_FUZZ_PIECES, k=rng.randint(0, 16)))
        assert sentence_splitter().span_tokenize(text) == _nltk_spans(text), repr(text)


def _sentences(text, abbreviations=frozenset({"gov", "dr"})):
    return [text[s:e] for s, e in AbbreviationPunkt(abbreviations).span_tokenize(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a mark next to the previous one (no space between) drops the previous candidate ...
        ("Very bad acting!!! I promise.", ["Very bad acting!!!", "I promise."]),
        (".!!", [".", "!", "!"]),  # ... unless the previous candidate's word is empty ...
        (" .!!", [" .!", "!"]),  # ... and whitespace at the very start is no word boundary
        ("J. Bach left.", ["J. Bach left."]),  # an initial breaks only before a caseless word
        ("J. 5 left.", ["J.", "5 left."]),
        ("It was 1999. and then", ["It was 1999. and then"]),  # a number: unless lower case
        ("It was 1999. Then", ["It was 1999.", "Then"]),
        ("ex-Gov. Smith left.", ["ex-Gov. Smith left."]),  # the part after a hyphen counts
        ("(He left.) Then.", ["(He left.)", "Then."]),  # closing brackets move back
        ("Wait... What?", ["Wait... What?"]),  # an ellipsis never breaks
        ("x.\n\x1c\nY", ["x.\n\x1c\nY"]),  # a line Python strips to nothing is skipped
        ("Go.\x1c Now", ["Go.\x1c Now"]),  # \x1c is not whitespace to Punkt's regex engine
        ("He got ². Then", ["He got ².", "Then"]),  # nor is ² a letter (an initial) to it
        ("É. Zola left.", ["É. Zola left."]),
    ],
)
def test_punkt_quirks(text, expected):
    assert _sentences(text) == expected
