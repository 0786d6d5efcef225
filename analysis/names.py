"""Name normalisation shared by every table that refers to entities.

Entity ids are ``<kind>:<key>``: ``gpe:TUR`` for countries (ISO 3166 alpha-3), otherwise the
lower-case label and a slug of the canonical name (``person:ismail-demir``, ``org:nato``).
Accents are stripped consistently so that ``François`` and ``Francois`` are one entity.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def strip_accents(text: str) -> str:
    """``Türkiye`` -> ``Turkiye``; other characters unchanged."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def slug(name: str) -> str:
    """Lower-case ASCII words joined by ``-``: ``Ismail Demir`` -> ``ismail-demir``."""
    s = strip_accents(name).lower().replace("’", "'").replace("'", "")
    return _NOT_SLUG.sub("-", s).strip("-") or "x"


_NOT_SLUG = re.compile(r"[^a-z0-9]+")  # compiled once: ``re.sub`` looks it up on every call


def make_entity_id(label: str, name: str, country: str | None = None) -> str:
    """The stable id of a canonical entity.

    >>> make_entity_id("GPE", "Türkiye", "TUR")
    'gpe:TUR'
    >>> make_entity_id("PERSON", "Ismail Demir")
    'person:ismail-demir'
    """
    if label in ("GPE", "NORP") and country and name_is_country(name, country):
        return f"gpe:{country}" if label == "GPE" else f"norp:{country}"
    return f"{label.lower()}:{slug(name)}"


def name_is_country(name: str, country: str) -> bool:
    # A GPE whose canonical name is the country itself (not a city in it).
    # Filled in by the entity gazetteer; by default every GPE/NORP with a code is the country.
    return True
