"""Quotes, their kinds and speakers (filled by the quotes issue)."""

from __future__ import annotations

from .document import Document


def quote_step(doc: Document) -> dict[str, list[dict]]:
    """Quote records for one article (see ``SCHEMAS['quotes']`` and ``['quote_sentences']``)."""
    return {"quotes": [], "quote_sentences": []}
