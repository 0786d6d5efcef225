"""Time expressions and their normalisation (filled by the time and events issue)."""

from __future__ import annotations

from .document import Document


def timex_step(doc: Document) -> dict[str, list[dict]]:
    """Time-expression records for one article (see ``SCHEMAS['timexes']``)."""
    return {"timexes": []}
