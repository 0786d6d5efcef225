"""Sentences and tokens with offsets, without downloaded NLTK data."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.text import (
    paragraphs,
    sentence_spans,
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


def _regex_tokens(text, start, end):
    """The tokenizer's definition: ``TOKEN_RE`` read left to right through the whitespace,
    possessive ``'s`` split off (what ``tokenize`` gives, word by word, faster)."""
    import re

    from analysis.text import TOKEN_RE

    out, pos = [], start
    for space, tok in re.compile(rf"(\s*)({TOKEN_RE.pattern})").findall(text, start, end):
        s = pos + len(space)
        pos = s + len(tok)
        if len(tok) > 2 and tok[-2:] in ("'s", "'S", "’s", "’S"):
            out += [(s, pos - 2, tok[:-2]), (pos - 2, pos, tok[-2:])]
        else:
            out.append((s, pos, tok))
    return out


_TRICKY_WORDS = [
    "U.S.", "U.S.'s", "a.", "A.B.C", "a.b.", "e.g.", "i.e.,", "Obama's", "it’s", "X's's",
    "O'Neill's", "abc's.", "'s", "’S", "'", "s", "S-400", "F-35s", "3.5", "3,000", "x_y",
    "pro-Russian", "Washington-led", "Kim Jong\u2011un", "(AP)", "—", "--", "“Hi,”", "..",
    "Türkiye’s", "cafe\u0301", "soft\u00adhyphen", "٣٤", "x²",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_TRICKY_WORDS),
            st.text(alphabet="aZs.,'’-\u2010_(é \n\t\u00a0\u2009\u200b", max_size=6),
        ),
        max_size=12,
    ),
    st.sampled_from([" ", "  ", "\n", " \u00a0", ""]),
    st.integers(0, 4),
    st.integers(0, 4),
)
def test_tokenize_equals_the_regular_expression(words, space, cut_start, cut_end):
    text = space.join(words)
    for start, end in [(0, len(text)), (cut_start, len(text) - cut_end), (cut_start, cut_start)]:
        assert tokenize(text, start, end) == _regex_tokens(text, start, end), (text, start, end)


def test_tokenize_word_by_word_rests_on_these_unicode_facts():
    import re
    import sys

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    spaces = "".join(c for c in every if c.isspace())
    # re's \s is str.isspace, and the space is the only printable one: a printable text has
    # no whitespace but spaces, which ``str.split(" ")`` parts exactly as \s does
    assert "".join(re.findall(r"\s", every)) == spaces
    assert [c for c in spaces if c.isprintable()] == [" "]
    # a word of ``str.isalnum`` characters is \w characters only: one token
    assert re.fullmatch(r"\w*", "".join(c for c in every if c.isalnum()))


def test_edge_marks_are_tokens_of_their_own():
    import re

    from analysis.text import _EDGE_MARKS, TOKEN_RE

    assert all(re.fullmatch(r"[^\w\s]", c) and TOKEN_RE.fullmatch(c) for c in _EDGE_MARKS)


def _regex_word_tokens(word):
    return [tok for _, _, tok in _regex_tokens(word, 0, len(word))]


@pytest.mark.parametrize(
    "word",
    _TRICKY_WORDS
    + ["said,", "Sept.", "“The", "(AP)", "“jobs,”", "a.", ".U.", "'90s", "dogs'", "’s,", "x_,"]
    + ["U.S.,", "it’s.”", "(U.N.)", "$200", "!", "", "3.5.", "word.'s", "F-35,", "Kim’s”"],
)
def test_word_tokens_equal_the_regular_expression(word):
    from analysis.text import _word_tokens

    assert list(_word_tokens(word)) == _regex_word_tokens(word)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="\"'“”‘’()[],.:;!?aZs9é_²-\u2010$", max_size=8))
def test_word_tokens_equal_the_regular_expression_on_generated_words(word):
    from analysis.text import _word_tokens

    assert list(_word_tokens(word)) == _regex_word_tokens(word)
