"""Sentences and tokens with offsets, without downloaded NLTK data."""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.punkt import AbbreviationPunkt
from analysis.text import (
    paragraphs,
    sentence_spans,
    sentence_splitter,
    sentence_tokenizer,
    split_sentences,
    tokenize,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The U.S. Army left. Gen. Smith stayed.", ["The U.S. Army left.", "Gen. Smith stayed."]),
        (
            "It began on Dec. 27 in Ankara. Then it ended.",
            ["It began on Dec. 27 in Ankara.", "Then it ended."],
        ),
        ("“We want peace.” He left.", ["“We want peace.”", "He left."]),
        (
            "Mr. Demir and Dr. Ali met at 3 p.m. on Friday.",
            ["Mr. Demir and Dr. Ali met at 3 p.m. on Friday."],
        ),
        ("One.\n\nTwo without stop\n\nThree.", ["One.", "Two without stop", "Three."]),
    ],
)
def test_sentences(text, expected):
    sents = split_sentences(text)
    assert [s["text"] for s in sents] == expected
    for s in sents:
        assert text[s["start"] : s["end"]] == s["text"]


def test_seed_header_not_glued_to_first_sentence(seed_analysis):
    first = seed_analysis.sentences.iloc[0]
    assert first.text.startswith("Turkish Presidency of Defence Industries head Ismail Demir")
    assert "Azernews\n" not in first.text and "Hasanova" not in first.text


def test_seed_sentences_point_into_text(seed_analysis):
    text = seed_analysis.articles.text.iloc[0]
    assert len(seed_analysis.sentences) == 15
    for row in seed_analysis.sentences.itertuples():
        assert text[row.start : row.end] == row.text


def test_paragraphs_are_stripped_spans():
    text = "  a b \n\n\n c\n \nd  "
    assert [text[s:e] for s, e in paragraphs(text)] == ["a b", "c", "d"]


@pytest.mark.parametrize(
    "text, tokens",
    [
        (
            "Russia's S-400, the U.S. said.",
            ["Russia", "'s", "S-400", ",", "the", "U.S.", "said", "."],
        ),
        ("Washington-led F-35 program", ["Washington-led", "F-35", "program"]),
        ("Türkiye’s 3,000 troops", ["Türkiye", "’s", "3,000", "troops"]),
    ],
)
def test_tokens(text, tokens):
    got = tokenize(text)
    assert [t for _, _, t in got] == tokens
    assert all(text[s:e] == t for s, e, t in got)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "....", "“" * 500, "A" * 10_000])
def test_odd_text_never_raises(text):
    for s in split_sentences(text):
        assert text[s["start"] : s["end"]] == s["text"]


def test_tokenize_memo_returns_fresh_lists_per_text():
    filler = " Then nothing happened." * 40  # long enough to be memoised
    text = "Russia's S-400 arrived. Turkey paid." + filler
    first = tokenize(text, 0, 23)
    first.append((0, 0, "junk"))  # a caller changing its list does not change the memo
    expected = [
        (0, 6, "Russia"),
        (6, 8, "'s"),
        (9, 14, "S-400"),
        (15, 22, "arrived"),
        (22, 23, "."),
    ]
    assert tokenize(text, 0, 23) == expected
    other = "Greece's jets arrived. Turkey paid." + filler  # another text, same offsets
    assert [t for _, _, t in tokenize(other, 0, 22)][:2] == ["Greece", "'s"]
    for k in range(10):  # other texts in between (phrases, other articles) ...
        tokenize(f"A phrase {k}.")
        tokenize(f"Article {k}." + filler, 0, 20)
    assert tokenize(text, 0, 23) == expected  # ... never give a text another text's tokens


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Gen.", "Smith", "said", "U.S.", "it", "3.5%", "?", "!", ".", "\n\n"]),
        max_size=20,
    )
)
def test_split_sentences_equals_punkt_paragraph_by_paragraph(words):
    text = " ".join(words)
    expected = [
        (ps + s, ps + e)
        for ps, pe in paragraphs(text)
        for s, e in sentence_tokenizer().span_tokenize(text[ps:pe])
    ]
    assert [(s["start"], s["end"]) for s in split_sentences(text)] == expected


def test_sentence_spans_without_sentence_ends_skip_punkt():
    for chunk in ["We have learned our lessons,", "Done.", "Why?!", "Is it? Yes.", "U.S. aid"]:
        assert sentence_spans(chunk) == list(sentence_tokenizer().span_tokenize(chunk))


@pytest.mark.parametrize(
    "chunk, expected",
    [
        ("He spoke in Washington D.C. He left.", ["He spoke in Washington D.C.", "He left."]),
        ("It ended at 5 p.m. The senator left.", ["It ended at 5 p.m.", "The senator left."]),
        ("Gov. John Kasich spoke to Dr. Smith.", ["Gov. John Kasich spoke to Dr. Smith."]),
        ("Das Volk vs. The State.", ["Das Volk vs. The State."]),
        ('Trey Gowdy (R-S.C.): "I have not." He left.',
         ['Trey Gowdy (R-S.C.): "I have not."', "He left."]),
    ],
)  # fmt: skip
def test_sentence_breaks_after_an_abbreviation_before_a_sentence_opener(chunk, expected):
    assert [chunk[s:e] for s, e in sentence_spans(chunk)] == expected


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
