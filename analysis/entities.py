"""Named entities: recognition and normalisation (filled by the entities issue)."""

from __future__ import annotations

from .document import Document


def entity_step(doc: Document) -> dict[str, list[dict]]:
    """Entity records for one article (see ``SCHEMAS['entities']``)."""
    return {"entities": []}
