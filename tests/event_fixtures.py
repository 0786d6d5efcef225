"""Hand-built documents for the event and chronology tests: entity and timex records written in
code (the shapes of ``doc.entities`` and ``doc.timexes``), so the event rules are tested on
their own, whatever the entity and time steps do."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from analysis.document import Document
from analysis.text import split_sentences

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_aa2e1e8bda0eac39.txt"

# surface -> (label, entity_id, canonical_name); every whole-word occurrence is a mention.
SEED_ENTITIES = {
    "Turkish Presidency of Defence Industries": ("ORG", "org:ssb", "Defence Industries"),
    "Ismail Demir": ("PERSON", "person:ismail-demir", "Ismail Demir"),
    "Demir": ("PERSON", "person:ismail-demir", "Ismail Demir"),
    "Azerbaijan": ("GPE", "gpe:AZE", "Azerbaijan"),
    "Azerbaijani": ("NORP", "norp:AZE", "Azerbaijani"),
    "Azernews": ("ORG", "org:azernews", "Azernews"),
    "Indonesia": ("GPE", "gpe:IDN", "Indonesia"),
    "Pakistan": ("GPE", "gpe:PAK", "Pakistan"),
    "Malaysia": ("GPE", "gpe:MYS", "Malaysia"),
    "Turkiye": ("GPE", "gpe:TUR", "Türkiye"),
    "Turkey": ("GPE", "gpe:TUR", "Türkiye"),
    "Ankara": ("GPE", "gpe:TUR", "Türkiye"),
    "Turkish": ("NORP", "norp:TUR", "Turkish"),
    "NATO": ("ORG", "org:nato", "NATO"),
    "US": ("GPE", "gpe:USA", "United States"),
    "Washington": ("GPE", "gpe:USA", "United States"),
    "American": ("NORP", "norp:USA", "American"),
    "F-35": ("PRODUCT", "product:f-35", "F-35"),
    "Russia": ("GPE", "gpe:RUS", "Russia"),
    "S-400": ("PRODUCT", "product:s-400", "S-400"),
    "Canada": ("GPE", "gpe:CAN", "Canada"),
    "Armenian": ("NORP", "norp:ARM", "Armenian"),
    "Karabakh": ("LOC", "loc:karabakh", "Karabakh"),
    "France": ("GPE", "gpe:FRA", "France"),
    "Britain": ("GPE", "gpe:GBR", "United Kingdom"),
    "Germany": ("GPE", "gpe:DEU", "Germany"),
    "Syria": ("GPE", "gpe:SYR", "Syria"),
    "YPG": ("ORG", "org:ypg", "YPG"),
    "Joe Biden": ("PERSON", "person:joe-biden", "Joe Biden"),
    "National Defense Authorization Act": (
        "LAW", "law:national-defense-authorization-act", "National Defense Authorization Act"
    ),
}  # fmt: skip

# surface -> (type, value, interval_start, interval_end)
SEED_TIMEXES = {
    "2023": ("DATE", "2023", "2023-01-01", "2023-12-31"),
    "April 2021": ("DATE", "2021-04", "2021-04-01", "2021-04-30"),
    "2019": ("DATE", "2019", "2019-01-01", "2019-12-31"),
    "December 27, 2021": ("DATE", "2021-12-27", "2021-12-27", "2021-12-27"),
}


def _mentions(text: str, body_start: int, table: dict) -> list[tuple[int, int, str]]:
    """Whole-word matches of the surfaces, longest first, never overlapping."""
    taken: list[tuple[int, int, str]] = []
    for surface in sorted(table, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", text[body_start:]):
            s, e = m.start() + body_start, m.end() + body_start
            if not any(s < te and e > ts for ts, te, _ in taken):
                taken.append((s, e, surface))
    return sorted(taken)


def make_doc(
    text: str,
    entities: dict | None = None,
    timexes: dict | None = None,
    *,
    date: dt.date | None = None,
    body_start: int = 0,
    article_id: str = "a",
    quotes: list[dict] | None = None,
) -> Document:
    """A Document with sentences and hand-written entity/timex records."""
    doc = Document(text=text, article_id=article_id, body_start=body_start, date=date)
    doc.tables["sentences"] = split_sentences(text, body_start)
    ents = []
    for s, e, surface in _mentions(text, body_start, entities or {}):
        label, eid, name = entities[surface]
        ents.append(
            {"sentence_id": doc.sentence_at(s), "start": s, "end": e, "text": text[s:e],
             "label": label, "entity_id": eid, "canonical_name": name}
        )  # fmt: skip
    doc.tables["entities"] = ents
    txs = []
    for s, e, surface in _mentions(text, body_start, timexes or {}):
        typ, value, i0, i1 = timexes[surface]
        txs.append(
            {"timex_id": len(txs), "sentence_id": doc.sentence_at(s), "start": s, "end": e,
             "text": text[s:e], "type": typ, "value": value, "granularity": None,
             "interval_start": pd.Timestamp(i0) if i0 else pd.NaT,
             "interval_end": pd.Timestamp(i1) if i1 else pd.NaT}
        )  # fmt: skip
    doc.tables["timexes"] = txs
    doc.tables["quotes"] = quotes or []
    return doc


def seed_doc(article_id: str = "000_aa2e1e8bda0eac39") -> Document:
    """The seed article with hand-written entities and timexes (its header holds the date)."""
    text = SEED.read_text("utf-8")
    body_start = text.index("\n") + 1
    return make_doc(
        text, SEED_ENTITIES, SEED_TIMEXES, date=dt.date(2023, 1, 9), body_start=body_start,
        article_id=article_id,
    )  # fmt: skip


def analysis_of(*docs: Document):
    """An :class:`Analysis` holding the sentences and events of hand-built documents."""
    from analysis.events import event_step
    from analysis.tables import Analysis, frame

    sentences, events = [], []
    for doc in docs:
        sentences += [{"article_id": doc.article_id, **s} for s in doc.sentences]
        events += [{"article_id": doc.article_id, **e} for e in event_step(doc)["events"]]
    return Analysis(sentences=frame("sentences", sentences), events=frame("events", events))
