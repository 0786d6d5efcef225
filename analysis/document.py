"""The per-article working object that the analysis steps read from and add to."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Document:
    """One article on its way through the pipeline.

    ``text`` is the article text all offsets index; ``body_start`` skips any header; ``date`` is
    the publication date (``None`` if unknown: relative time expressions then stay unresolved).
    ``tables`` maps a table name to the records earlier steps produced for this article
    (without ``article_id``; the pipeline adds it), so later steps can use them: quotes read
    ``entities``, events read ``entities`` and ``timexes``.
    """

    text: str
    article_id: str = "text"
    body_start: int = 0
    date: dt.date | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    tables: dict[str, list[dict]] = field(default_factory=dict)
    _starts_of: list | None = field(default=None, init=False, repr=False, compare=False)
    _starts: list[int] = field(default_factory=list, init=False, repr=False, compare=False)

    @property
    def sentences(self) -> list[dict]:
        return self.tables.get("sentences", [])

    @property
    def entities(self) -> list[dict]:
        return self.tables.get("entities", [])

    @property
    def timexes(self) -> list[dict]:
        return self.tables.get("timexes", [])

    @property
    def quotes(self) -> list[dict]:
        return self.tables.get("quotes", [])

    def sentence_at(self, offset: int) -> int:
        """The ``sentence_id`` of the sentence containing ``offset`` (nearest before, else 0)."""
        sentences = self.sentences
        if not sentences:
            return 0
        if self._starts_of is not sentences:  # sentence starts, rebuilt when the list changes
            self._starts_of, self._starts = sentences, [s["start"] for s in sentences]
        i = bisect_right(self._starts, offset)
        return sentences[i - 1]["sentence_id"] if i else 0
