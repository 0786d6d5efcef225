"""Consistency of the curated entity data files in analysis/data/."""

from collections import Counter

import pycountry
import pytest

from analysis import gazetteers as gz

ISO3 = {c.alpha_3 for c in pycountry.countries}
LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "PRODUCT", "LAW", "EVENT"}
FILES = [
    "countries.tsv",
    "demonyms.tsv",
    "capitals.tsv",
    "organizations.tsv",
    "regions.tsv",
    "entity_cues.tsv",
    "titles.txt",
    "first_names.txt",
    "common_words.txt",
]


@pytest.mark.parametrize("name", FILES)
def test_file_is_documented_at_the_top(name):
    from importlib import resources

    text = resources.files("analysis").joinpath(f"data/{name}").read_text("utf-8")
    assert text.startswith("# "), f"{name} must start with a comment saying what it holds"


def _dupes(items):
    return sorted(k for k, n in Counter(items).items() if n > 1)


def _conflicts(pairs):
    """Lookup keys that point to more than one entity (U.S. and US may share one)."""
    seen: dict[str, set] = {}
    for k, target in pairs:
        seen.setdefault(k, set()).add(target)
    return sorted(k for k, targets in seen.items() if len(targets) > 1)


def test_countries_file():
    rows = gz.tsv_rows("countries.tsv")
    assert all(len(r) == 2 for r in rows)
    assert not _dupes(r[0] for r in rows)
    assert {r[0] for r in rows} <= ISO3
    aliases = [(gz.key(a), r[0]) for r in rows for a in r[1].split("|")]
    assert not _conflicts(aliases)
    assert not [a for a, _ in aliases if a.startswith("the ")]


def test_demonyms_file():
    rows = gz.tsv_rows("demonyms.tsv")
    assert all(len(r) == 2 for r in rows)
    assert not _dupes(r[0] for r in rows)
    assert {r[0] for r in rows} <= ISO3
    assert not _conflicts((gz.key(d), r[0]) for r in rows for d in r[1].split("|"))


def test_capitals_file():
    rows = gz.tsv_rows("capitals.tsv")
    assert all(len(r) == 2 for r in rows)
    assert not _dupes(gz.key(r[0]) for r in rows)
    assert {r[1] for r in rows} <= ISO3  # every capital maps to an existing country


def test_organizations_and_regions_files():
    for name in ("organizations.tsv", "regions.tsv"):
        rows = [(r + [""] * 4)[:4] for r in gz.tsv_rows(name)]
        assert not _dupes(r[0] for r in rows), name
        assert {r[1] for r in rows} <= LABELS, name
        assert {r[2] for r in rows if r[2]} <= ISO3, name
        keys = [(gz.key(a), r[0]) for r in rows for a in [r[0], *r[3].split("|")] if a]
        assert not _conflicts(keys), name


def test_people_file():
    rows = [(r + [""] * 3)[:3] for r in gz.tsv_rows("people.tsv")]
    assert not _dupes(r[0] for r in rows)
    assert {r[1] for r in rows if r[1]} <= ISO3
    keys = [(gz.key(a), r[0]) for r in rows for a in [r[0], *r[2].split("|")] if a]
    assert not _conflicts(keys)  # a surname names one figure only
    assert gz.public_figure("Putin").canonical == "Vladimir Putin"
    assert gz.public_figure("XI") is None  # all caps: a cricket XI, a headline


def test_cues_file():
    rows = gz.tsv_rows("entity_cues.tsv")
    assert {r[0] for r in rows} == {"last", "head", "gov"}
    assert {r[1] for r in rows} <= LABELS
    for position, _, words in rows:
        assert not _dupes(words.split()), position


def test_word_lists():
    assert not _dupes(gz.data_lines("titles.txt"))
    names = [w for line in gz.data_lines("first_names.txt") for w in line.split()]
    assert all(w[:1].isupper() for w in names)
    words = [w for line in gz.data_lines("common_words.txt") for w in line.split()]
    assert all(w == w.lower() for w in words)


def test_names_that_must_not_be_shadowed():
    # Weaker sources (cities) must never override countries, demonyms or organisations.
    names = gz.names()
    assert names["turkey"].kind == "country"
    assert names["georgia"].kind == "country"
    assert names["turkish"].kind == "demonym"
    assert names["nato"].kind == "org"
    assert gz.country_names()["TUR"] == "Türkiye"
    assert gz.country_names()["GBR"] == "United Kingdom"


def test_compound_demonyms_and_state_abbreviations():
    assert gz.entry("Mexican-American").label == "NORP"
    assert gz.entry("Jean-Claude") is None  # a hyphenated given name is no group
    assert gz.entry("Calif.").canonical == "California"
    assert gz.entry("D.C.").label == "GPE"


def test_more_given_names_and_titles():
    for name in ("Len", "Carly", "Newt", "Loretta"):
        assert name in gz.first_names()
    for title in ("majority leader", "first lady", "sens"):
        assert title in gz.titles()
