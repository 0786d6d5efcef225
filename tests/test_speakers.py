"""Speaker index: the fast paths of its construction answer as the plain readings they replace."""

import bisect
from itertools import compress
from operator import itemgetter

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


RUN_TEXTS = [
    *TEXTS.values(),
    "Charles de Gaulle met Bank of America chiefs and Abu Bakr al-Baghdadi, Secretary of"
    " Defense Ash Carter Monday. Prime Minister Theresa May Tuesday told Van Der Berg of NASA"
    " Friday: “de facto.” Ministry Of Truth, Juan Carlos de la Vega, Said Al Du Saturday.",
]


@pytest.mark.parametrize("text", RUN_TEXTS)
def test_word_marks_answer_the_questions_they_stand_for(text):
    tokens = sp.ArticleTokens(_doc(text))
    for word, mark in zip(tokens.words, tokens.marks, strict=True):
        assert bool(mark & sp._RUN_START) == sp._starts_run(word), word
        assert bool(mark & sp._SENTENCE_END) == (word in (".", "!", "?")), word
        assert bool(mark & sp._CUE_START) == (word.lower() in sp.CUE_WORDS), word
        capitalised = sp.is_capitalised(word)
        assert bool(mark & sp._NAME_WORD) == (capitalised and word.lower() not in sp._WEEKDAYS)
        assert bool(mark & sp._MAY_JOIN) == (word.lower() in sp._CONNECTORS or word == "of")
    lows = [w.lower() for w in tokens.words]
    for start in range(len(text)):
        for end in range(start + 1, min(len(text), start + 60) + 1, 3):
            cut = tokens._cut(start, end)
            expected = cut is None or not sp.CUE_WORDS.isdisjoint(lows[cut[0] : cut[1]])
            assert tokens.may_have_cue(start, end) == expected, (start, end)


@pytest.mark.parametrize("text", RUN_TEXTS)
def test_run_ends_read_from_the_marks_are_those_of_the_rules_in_full(text):
    tokens = sp.ArticleTokens(_doc(text))
    toks, marks = tokens.toks, tokens.marks
    starts = [k for k, mark in enumerate(marks) if mark & sp._RUN_START]
    assert len(starts) > 5
    for k in starts:
        assert sp._run_end(toks, marks, k) == sp._cap_run_right(toks, k, len(toks)), k


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


# Texts with people, records and pronouns, analysed by the steps before quotes: subjects and
# objects, speakers and titles, more than a pronoun's window (`PRONOUN_WINDOW`) long.
_NAMES = ["John Smith", "Mary Lee", "Bill Jones", "Anna Ruiz", "Peter Hall", "Susan Park"]
_PATTERNS = [
    "{a} said the plan would fail.",
    "Reporters asked {a} about the vote, and she said nothing.",
    "The crowd waited for {a} and {b} in the rain while he spoke.",
    "In a long speech, {a} praised the deal, which he said was fair.",
    "“It is over,” {a} told {b}, who said she agreed.",
    "The weather was cold and the streets were empty for most of the long afternoon.",
    "Critics of {a} say he has never explained the plan to {b}.",
    "Mr. {last} said she was wrong, according to {b}.",
]
PEOPLE_TEXTS = [
    "Senator John Smith said on Monday that he would run. Mrs. Clinton, the former secretary,"
    " told CNN she agreed. “We will win,” he said. The minister said it was over.\n\nHer father,"
    " Brad, 39, said he was proud. Smith added that she had called. The IMF said it would lend."
    " Ultimately, Dr. Jane Doe hopes he is right, she said. Clinton replied that he was not.",
    "Angela Merkel met Emmanuel Macron in Paris. She said he was “a friend.” Macron, the French"
    " president, said she had been clear. The Times wrote that it was a deal. Merkel's office"
    " said she would return. He said nothing. Demonstrators said they would stay.",
    # (a subject beyond the window of a pronoun, an object and a person not sure within it)
    "John Smith said the plan would fail. "
    + "The weather was cold and the streets were empty. " * 32
    + "The crowd waited for Bill Jones in the rain. Zorblat Quimby arrived late. He left.",
    " ".join(
        _PATTERNS[n % 8].format(a=_NAMES[n % 6], b=_NAMES[(n + 2) % 6], last=_NAMES[n % 6][-5:])
        + ("\n\n" if n % 5 == 4 else "")
        for n in range(40)
    ),
]


def _analysed(text: str) -> Document:
    from analysis import pipeline

    doc = Document(text=text)
    for name, step in pipeline.STEPS:
        if name == "quotes":
            break
        doc.tables.update(step(doc))
    return doc


def _reference_pronoun(index: sp.SpeakerIndex, m: sp.Mention) -> sp.Person | None:
    """A he/she as it was resolved before reading subjects late: lists of every person
    before it, filtered, then the latest of them."""
    gender = sp.PRONOUNS[m.text.lower()]
    window = m.start - sp.PRONOUN_WINDOW
    k = bisect.bisect_right(index.sentence_starts, m.start) - 1
    sent_start = index.sentence_starts[k] if k >= 0 else 0
    before = index._before(m.start)
    own = [
        p
        for p in before
        if sent_start <= p.start and index._is_subject(p) and p.label == "PERSON" and p.sure
    ]
    own = [p for p in own if index.gender(p) in (None, gender)]
    if own:
        return own[0]
    recent = list(index._recent_speakers(window, m.start))
    recent += [(p.start, p) for p in before if window <= p.start and index._is_subject(p)]
    others = [(p.start, p) for p in before]
    for pool in (recent, others):
        fits = [
            (o, p)
            for o, p in pool
            if p.label == "PERSON" and p.sure and index.gender(p) in (None, gender)
        ]
        if fits:
            return max(fits, key=lambda c: c[0])[1]
    return None


@pytest.mark.parametrize("text", PEOPLE_TEXTS)
@pytest.mark.parametrize("noted", ["no speakers", "speakers"])
def test_pronouns_resolve_as_the_lists_they_replace(text, noted):
    index = sp.SpeakerIndex(_analysed(text))
    assert index.people
    if noted == "speakers":  # recent speakers, some as late as another person (ties)
        for n, p in enumerate(index.people):
            index.note_speaker(p.start + n % 2, index.people[n - 1])
    for start, end, _ in index.tokens.toks:
        for word in ("he", "she"):
            m = sp.Mention(start, end, word, "pronoun")
            assert index.resolve(m) is _reference_pronoun(index, m), (start, word)


@pytest.mark.parametrize("text", PEOPLE_TEXTS + list(TEXTS.values()))
def test_subjects_read_late_are_as_read_at_once(text):
    doc = _analysed(text)
    at_once = sp.SpeakerIndex(doc)
    subjects = [at_once._is_subject(p) for p in at_once.people]
    late = sp.SpeakerIndex(doc)
    for p in late.people:  # resolving and noting speakers change people (sure, gender)
        late.note_speaker(p.start, p)
    for start, end, _ in late.tokens.toks:
        late.resolve(sp.Mention(start, end, "she", "pronoun"))
    assert [late._is_subject(p) for p in late.people] == subjects


def test_subjects_are_the_people_opening_their_clause_or_speaking():
    index = sp.SpeakerIndex(_analysed(PEOPLE_TEXTS[-1]))
    people = {}  # the people of each pattern, by the pattern's first word
    for p in index.people:
        k = bisect.bisect_right(index.sentence_starts, p.start) - 1
        first = index.text[index.sentence_starts[k] : p.start].split(" ")[0]
        people.setdefault(first, []).append(index._is_subject(p))
    assert people["The"] == [False] * 10  # `The crowd waited for X and Y`
    assert people["In"] == [True] * 5  # `In a long speech, X praised`
    assert people["Reporters"] == [True] * 5  # `asked X`: a cue before a name
    assert people["“It"] == [True, False] * 5  # `“It is over,” X told Y`


def test_a_record_whose_start_opens_its_sentence_is_a_subject():
    index = sp.SpeakerIndex(_analysed(PEOPLE_TEXTS[0]))
    imf = next(p for p in index.people if p.name == "International Monetary Fund")
    assert not imf.runs and index._is_subject(imf)  # `The IMF said`: no run of its own
    cnn = next(p for p in index.people if p.name == "CNN")
    assert not index._is_subject(cnn)  # `told CNN`


def test_entity_records_of_plain_values_are_the_clean_records_with_a_start():
    import numpy as np
    import pandas as pd

    plain = [
        {"start": 5, "end": 9, "label": "PERSON", "text": "Bob", "role": None},
        {"start": None, "end": 3, "label": "ORG"},
        {"start": 0, "end": 2, "label": "ORG", "sure": True},
        {"start": 5, "end": 7, "label": "GPE"},  # (same start: kept in order)
        {"end": 1},
    ]
    messy = plain + [
        {"start": float("nan"), "end": 4},
        {"start": pd.NA, "end": 4},
        {"start": 7, "end": 8, "role": float("nan"), "entity_id": pd.NA},
        {"start": np.int64(2), "end": 3},
    ]
    for records in ([], plain, messy):
        expected = sorted(
            map(sp._clean_record, filter(sp._has_start, records)), key=itemgetter("start")
        )
        assert sp._entity_records(records) == expected
    assert all(
        a is b
        for a, b in zip(sp._entity_records(plain), [plain[2], plain[0], plain[3]], strict=True)
    )
