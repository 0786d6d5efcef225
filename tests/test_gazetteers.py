"""Gazetteer look-ups: the fast paths of ``key`` and ``derived_demonym`` give the answers of the
plain implementations they replaced, for listed names, corpus-like words and generated text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import gazetteers as gz
from analysis.names import strip_accents


def _plain_key(text: str) -> str:
    """``gz.key`` as first written, with no ASCII fast path."""
    s = text if text.isascii() else strip_accents(text).replace("’", "'")
    s = s.lower().replace(".", "")
    if s.isalnum():
        return s
    return " ".join(s.replace("\u2010", "-").replace("\u2011", "-").split())


def _plain_derived_demonym(word: str) -> str | None:
    """``gz.derived_demonym`` as first written, with no test of the last letter first."""
    if len(word) < 5 or not word[:1].isupper() or not word[1:].islower():
        return None
    aliases = gz.country_aliases()
    for ending, restore in gz._DEMONYM_ENDINGS:
        if not word.endswith(ending):
            continue
        stem = word[: -len(ending)]
        for extra in restore:
            for candidate in (stem + extra, stem[:-1] + extra if stem.endswith("n") else None):
                if candidate and len(candidate) >= 4 and _plain_key(candidate) in aliases:
                    return aliases[_plain_key(candidate)]
    return None


_KEY_ALPHABET = "aZ .,-'’\u2010\u2011é\u0301ü \t\n\u00a0İ1"


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=_KEY_ALPHABET, max_size=12) | st.text(max_size=8))
def test_key_equals_the_plain_key(text):
    assert gz.key(text) == _plain_key(text)


def test_key_of_every_listed_name_equals_the_plain_key():
    rows = gz.tsv_rows("countries.tsv") + gz.tsv_rows("organizations.tsv")
    written = [alias for row in rows for cell in row[1:] for alias in cell.split("|")]
    written += [entry.canonical for entry in gz.names().values()]
    for text in written + ["U.S.", "Türkiye", "Kim Jong\u2011un", " New  York ", "O’Neill"]:
        assert gz.key(text) == _plain_key(text), text


def _demonym_like_words() -> list[str]:
    """Country names with each regular demonym ending put on, dropped or doubled."""
    words = []
    for name in gz.country_names().values():
        for stem in (name, name[:-1], name[:-2]):
            words += [stem + end for end in ("", "n", "an", "ian", "i", "ns", "is", "s")]
    return words


def test_derived_demonym_equals_the_plain_one_on_country_based_words():
    words = _demonym_like_words()
    found = [w for w in words if gz.derived_demonym(w) is not None]
    assert len(found) > 100  # (the test reaches the look-up, not just the first tests)
    for word in words:
        assert gz.derived_demonym(word) == _plain_derived_demonym(word), word


@settings(max_examples=2000, deadline=None)
@given(
    st.sampled_from(["Rwand", "Zair", "Panam", "Om", "Costa ric", "Kuwa", "Isra", "Ira"]),
    st.text(alphabet="ainse ", max_size=4),
)
def test_derived_demonym_equals_the_plain_one_on_generated_words(stem, ending):
    word = stem + ending
    assert gz.derived_demonym(word) == _plain_derived_demonym(word)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="AaNnIiSsÉé -.", max_size=9))
def test_derived_demonym_equals_the_plain_one_on_any_text(word):
    assert gz.derived_demonym(word) == _plain_derived_demonym(word)
