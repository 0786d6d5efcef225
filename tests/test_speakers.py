"""Speaker index: the fast paths of its construction answer as the plain readings they replace."""

import bisect
from itertools import compress

import pytest

from analysis import speakers as sp
from analysis.document import Document
from analysis.text import split_sentences

TEXTS = {
    "titles-and-marks": (
        'Mr. Smith, the U.S. envoy, said Obama\'s plan was "dead." Gen. F. Kerry (R-Ky.)'
        " replied: “It isn't.”\n\nRussia’s S-400, the Washington-led talks, 3.5 percent.)Next:"
        " al-Assad said."
    ),
    "headline-and-line-breaks": (
        "Hillary Clinton Reassures House Democrats On Trade\nBy Jane Doe\n\nSenator John\nSmith"
        " SAID on Monday that Prime Minister Theresa May, Her father, Brad, 39, agreed! Did he?"
        " Delegates questioned it. The delegates left. In Washington, Secretary of State John"
        " Kerry told CNBC Saturday: “No.”"
    ),
    "unicode": (
        "Straße Tür İstanbul ǅemal said\nΣΟΦΙΑ ΟΔΟΣ. Ultimately, Dr. Jones of the Sierra Club says."
    ),
}
over_texts = pytest.mark.parametrize("text", list(TEXTS.values()), ids=list(TEXTS))


def _doc(text: str) -> Document:
    doc = Document(text=text)
    doc.tables["sentences"] = split_sentences(text)
    return doc


def _reference_runs(index: sp.SpeakerIndex) -> list[tuple[int, int, int]]:
    """The runs as they were read before the single sweep: a bisect per run into the sorted
    sentence breaks (`.`, `!`, `?` and line breaks)."""
    toks, starts, words = index.tokens.toks, index.tokens.starts, index.tokens.words
    if not toks:
        return []
    breaks = [k + 1 for k, w in enumerate(words) if w in (".", "!", "?")]
    newline = index.text.find("\n", starts[0])
    while newline >= 0:
        k = bisect.bisect_right(starts, newline)
        if k < len(toks):
            breaks.append(k)
        newline = index.text.find("\n", starts[k] if k < len(toks) else len(index.text))
    breaks.sort()
    out = []
    sentence_start = next_run = 0
    for k in (k for k, w in enumerate(words) if sp._starts_run(w)):
        if k < next_run:
            continue
        b = bisect.bisect_right(breaks, k)
        if b and breaks[b - 1] >= next_run:
            sentence_start = breaks[b - 1]
        j = sp._cap_run_right(toks, k, len(toks))
        next_run = max(j, k + 1)
        if k == 0 and j >= 4 and index._title_line(toks, j):
            continue
        out.append((k, j, sentence_start))
    return out


@over_texts
def test_runs_sweep_finds_the_runs_and_sentence_starts_of_a_bisect_per_run(text):
    index = sp.SpeakerIndex(_doc(text))
    assert list(index._runs()) == _reference_runs(index)


@over_texts
def test_word_marks_answer_the_questions_they_stand_for(text):
    tokens = sp.ArticleTokens(_doc(text))
    for word, mark in zip(tokens.words, tokens.marks, strict=True):
        assert bool(mark & sp._RUN_START) == sp._starts_run(word), word
        assert bool(mark & sp._SENTENCE_END) == (word in (".", "!", "?")), word
        assert bool(mark & sp._CUE_START) == (word.lower() in sp.CUE_WORDS), word
    lows = [w.lower() for w in tokens.words]
    for start in range(len(text)):
        for end in range(start + 1, min(len(text), start + 60) + 1, 3):
            cut = tokens._cut(start, end)
            expected = cut is None or not sp.CUE_WORDS.isdisjoint(lows[cut[0] : cut[1]])
            assert tokens.may_have_cue(start, end) == expected, (start, end)


@over_texts
def test_in_lower_case_is_membership_in_the_lower_case_words(text):
    tokens = sp.ArticleTokens(_doc(text))
    lower_case = frozenset(filter(str.islower, tokens.words))
    for word in [*tokens.words, "Delegates", "STRASSE", "İ", "ǅ", "ΟΔΟΣ", "Said", "S"]:
        assert tokens.in_lower_case(word) == (word.lower() in lower_case), word


@pytest.mark.parametrize(
    "items", [[], ["a"], ["."], [".", "."], ["a", ".", "b", ".", "."], list("..x.y..")]
)
def test_indexes_are_those_of_the_item(items):
    assert sp._indexes(items, ".") == list(compress(range(len(items)), map(".".__eq__, items)))


@over_texts
def test_periods_joined_with_the_words_at_hand_keep_them_in_step(text):
    toks = sp.tokenize(text)
    words = [t[2] for t in toks]
    assert sp._join_periods(toks, words) == sp.word_tokens(text)
    assert words == [t[2] for t in toks]


@over_texts
def test_starts_clause_reads_the_sentence_as_a_backward_scan_does(text):
    index = sp.SpeakerIndex(_doc(text))
    toks = index.tokens.toks
    for i in range(len(toks) + 1):
        k = bisect.bisect_right(index.sentence_starts, toks[i][0] if i < len(toks) else 0) - 1
        first = index.sentence_starts[k] if k >= 0 else 0
        j = i
        while j > 0 and toks[j - 1][0] >= first and sp._plain(toks, j - 1):
            j -= 1
        expected = j == 0 or toks[j - 1][0] < first
        assert index._starts_clause(toks, i) == expected, i
