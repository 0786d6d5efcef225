"""Events and the chronology they form (filled by the time and events issue)."""

from __future__ import annotations

from .document import Document


def event_step(doc: Document) -> dict[str, list[dict]]:
    """Event records for one article (see ``SCHEMAS['events']``)."""
    return {"events": []}
