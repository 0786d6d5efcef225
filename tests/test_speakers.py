"""Speaker index: the fast paths of its construction answer as the plain readings they replace."""

import bisect
from itertools import compress
from operator import itemgetter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# --- the miss paths of the per-word and per-run memos, against the readings they replace ---


def _reference_name_in_run(words: tuple[str, ...], after: str | None = None):
    """:func:`sp._name_in_run` as it was before its plain-run path: every rule, for every run."""
    toks = [(0, 0, w) for w in words]
    if after is not None:
        toks.append((0, 0, after))
    i, j = 0, len(words)
    while i < j and toks[i][2].lower() in sp._FUNCTION_CAPS:
        i += 1
    if i < j - 1 and toks[i][2].lower() in sp._PARTY_WORDS and sp._given_name(toks[i + 1][2]):
        i += 1
    role = None
    while i < j - 1:
        r = sp.role_at(toks, i)
        low = toks[i][2].lower()
        if r and sp.is_capitalised(toks[i][2]):
            role, n = r
            i += n
            if sp.lower_at(toks, i) == "of" and i + 2 < j:
                i = sp._after_complement(toks, i + 1, j)
        elif sp._honorific(low):
            i += 1
        elif sp._looks_like_qualifier(toks[i][2]) and i + 1 < j and sp.role_at(toks, i + 1):
            i += 1
        else:
            break
    for k in range(j - 2, i - 1, -1):
        r = sp.role_at(toks, k)
        if (
            r
            and k + r[1] < j
            and sp.is_capitalised(toks[k][2])
            and sp.lower_at(toks, k + r[1]) not in sp._NAME_PARTS
        ):
            role, i = r[0], k + r[1]
            if sp.lower_at(toks, i) == "of" and i + 2 < j:
                i += 2
            while i < j - 1 and sp._honorific(toks[i][2]):
                i += 1
            break
        t = toks[k][2]
        if k > i and t.endswith(".") and sp._honorific(t) and t.lower() not in sp._NAME_PARTS:
            i = k + 1
            break
    while j > i and toks[j - 1][2] in ("'s", "’s"):
        j -= 1
    if i >= j:
        return None
    label = "PERSON"
    for w in words[i:j]:
        if w.lower().strip(".") in sp._ORG_WORDS:
            label = "ORG"
            break
    return i, j, role, label


# words that the rules of a name run read: function words, parties, roles (of two words too),
# titles with and without periods, organisation words, name parts, connectors, `'s`, odd case
_RUN_WORDS = [
    "The", "But", "Democrat", "Republican", "Hillary", "Bernie", "Sanders", "Ismail", "Demir",
    "Prime", "Minister", "minister", "President", "Secretary", "of", "State", "John", "Kerry",
    "Foreign", "US", "South", "Korean", "Park", "Geun-hye", "Gov.", "Gov", "Mr.", "Mr", "MR..",
    "Dr.", "Sen.", "Jr.", "St.", "Sr", "King", "Luther", "Martin", "F.", "U.S.", "'s", "’s",
    "House", "Party", "Department", "Post.", "NATO", "al-Assad", "El-Sisi", "de", "Van",
    "Chairman", "Spokesman", "spokeswoman", "Chief", "Executive", "İstanbul", "ǅemal", "ΟΔΟΣ",
    "Straße", "Monday", "Saturday", "Of", ".", "!", "?", "said", "Said", "",
]  # fmt: skip
_run_words = st.one_of(
    st.sampled_from(_RUN_WORDS), st.text(alphabet="aZsM.'’-İǅΣé", min_size=1, max_size=5)
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_run_words, max_size=7), st.one_of(st.none(), _run_words))
def test_name_in_run_answers_as_every_rule_read_in_turn(words, after):
    run = tuple(words)
    assert sp._name_in_run.__wrapped__(run, after) == _reference_name_in_run(run, after)


def _reference_word_marks(word: str) -> int:
    """:func:`sp._word_marks` as it was: each mark asked on its own."""
    low = word.lower()
    capitalised = sp.is_capitalised(word)
    return (
        (sp._RUN_START if capitalised and low not in sp._FUNCTION_CAPS else 0)
        | (sp._SENTENCE_END if word in sp._SENTENCE_ENDS else 0)
        | (sp._CUE_START if low in sp.CUE_WORDS else 0)
        | (sp._NAME_WORD if capitalised and low not in sp._WEEKDAYS else 0)
        | (sp._MAY_JOIN if low in sp._CONNECTORS or word == "of" else 0)
    )


@settings(max_examples=500, deadline=None)
@given(st.one_of(_run_words, st.text(max_size=4), st.sampled_from(sorted(sp.CUE_WORDS))))
def test_word_marks_are_each_mark_asked_on_its_own(word):
    for w in (word, word.upper(), word.title()):
        assert sp._word_marks(w) == _reference_word_marks(w), w


_names = st.one_of(
    st.lists(_run_words, max_size=5).map(" ".join),
    st.text(alphabet="aB .\u00a0\t\u2009é\u00a8İ", max_size=8),
)


@settings(max_examples=500, deadline=None)
@given(_names)
def test_index_keys_and_gender_cut_the_key_as_a_split_does(name):
    words = sp._key(name).split()
    expected = None
    if len(words) >= 2:
        ends = (words[0],) if words[0] == words[-1] else (words[0], words[-1])
        expected = (" ".join(words), ends)
    assert sp._index_keys(name) == expected
    gender = sp.first_name_genders().get(words[0]) if words else None
    assert sp._gender_of.__wrapped__(name) == gender


def _reference_record_name(name: str, label: str) -> tuple[str, str | None, str]:
    """:func:`sp._read_record_name` as it was: reading the name mention itself."""
    toks = sp.word_tokens(name)
    m = sp._name_mention(name, toks, 0, len(toks)) if toks else None
    if m is not None and m.name != name and m.label == "PERSON" and (m.role or " " in m.name):
        return m.name, m.role, "PERSON"
    inner = sp._given_name_in(toks)
    if inner is not None:
        return name[toks[inner[0]][0] : toks[inner[1] - 1][1]], None, "PERSON"
    if set(sp._key(name).split()) & sp._ORG_WORDS:
        return name, None, "ORG"
    if label == "ORG" and sp._gender_of(name):
        return name, None, "PERSON"
    return name, None, label


@settings(max_examples=500, deadline=None)
@given(_names, st.sampled_from(["PERSON", "ORG"]))
def test_record_names_read_from_the_span_are_those_of_the_mention(name, label):
    assert sp._read_record_name.__wrapped__(name, label) == _reference_record_name(name, label)


def _reference_given_name_in(toks: list[sp.Token]) -> tuple[int, int] | None:
    """:func:`sp._given_name_in` as it was: the first `of` found by a generator."""
    genders = sp.first_name_genders()
    n = len(toks)
    for k in range(n - 1):
        if sp._key(toks[k][2]) in genders and sp.is_capitalised(toks[k + 1][2]):
            end = next((e for e in range(k + 1, n) if toks[e][2] == "of"), n)
            if (
                (k > 0 or end < n)
                and 2 <= end - k <= 3
                and all(sp.is_capitalised(t[2]) for t in toks[k:end])
            ):
                return k, end
            return None
    return None


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_run_words, st.sampled_from(["Dianne", "Meenakshi", "Of"])), max_size=7))
def test_given_name_in_finds_the_first_of_as_a_generator_does(words):
    toks = [(0, 0, w) for w in words]
    assert sp._given_name_in(toks) == _reference_given_name_in(toks)
