"""The chronology of a corpus: its events merged across articles and put in time order.

Ordering rule (granularity respected): a dated event covers the interval of its time
expression (`2019` is 2019-01-01..2019-12-31, not January 1st). Dated events are ordered by
interval start, then interval end, so a finer interval starting on the same day comes before
a coarser one (`2019-01` before `2019`) and a coarser one before finer ones starting later
inside it (`2019` before `2019-10-09`). Ties keep the order of the ``after``/``before``
constraints, then corpus order.

Placement (column ``placement``):

* ``dated``: the event has a date (its own time expression or its article's date);
* ``ordered``: no date, but `after`/`before`/`following` ties it to other events. When one of
  them is dated it is placed beside it (`A after B`: right after B), else its group of tied
  events follows the dated ones, in constraint order;
* ``undated``: neither; listed last, in corpus order.

Merging: the same event reported by several articles (same class, actors and time interval;
undated ones also need the same targets) becomes one row with its ``sources`` (article ids)
and ``n_reports``. Events without actors are never merged.
"""

from __future__ import annotations

import heapq
from collections import defaultdict

import pandas as pd

from .tables import Analysis, conform

COLUMNS = [
    "chrono_id",
    "placement",
    "when",
    "timex_value",
    "interval_start",
    "interval_end",
    "event_class",
    "action",
    "cameo",
    "quad_class",
    "actor_names",
    "target_names",
    "label",
    "actors",
    "targets",
    "dated_by",
    "after",
    "before",
    "sources",
    "n_reports",
    "article_id",
    "event_id",
    "sentence",
]

_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def time_label(start, end) -> str:
    """A reader's name for an interval: `27 December 2021`, `April 2021`, `2019`, `Q1 2023`."""
    if pd.isna(start) and pd.isna(end):
        return ""
    if pd.isna(start):
        return f"by {time_label(end, end)}"
    if pd.isna(end):
        return f"from {time_label(start, start)}"
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    if s == e:
        return f"{s.day} {_MONTHS[s.month - 1]} {s.year}"
    whole_months = s.day == 1 and (e + pd.Timedelta(days=1)).day == 1
    if whole_months and s.year == e.year:
        if s.month == 1 and e.month == 12:
            return str(s.year)
        if s.month == e.month:
            return f"{_MONTHS[s.month - 1]} {s.year}"
        if (s.month - 1) % 3 == 0 and e.month == s.month + 2:
            return f"Q{(s.month - 1) // 3 + 1} {s.year}"
    if (
        whole_months
        and s.month == 1
        and e.month == 12
        and e.year - s.year == 9
        and s.year % 10 == 0
    ):
        return f"{s.year}s"
    return f"{s.date()} – {e.date()}"


def event_label(actor_names, action, target_names) -> str:
    """`France, United Kingdom, Germany – suspend – Türkiye` (missing parts left out)."""

    def names(value) -> str:
        return "" if value is None or pd.isna(value) else ", ".join(str(value).split("|"))

    parts = [names(actor_names), "" if pd.isna(action) else str(action), names(target_names)]
    return " – ".join(p for p in parts if p)


def _merge_key(row) -> tuple | None:
    if pd.isna(row.actors) or not row.actors:
        return None
    actors = frozenset(str(row.actors).split("|"))
    start = None if pd.isna(row.interval_start) else pd.Timestamp(row.interval_start)
    end = None if pd.isna(row.interval_end) else pd.Timestamp(row.interval_end)
    key = (row.event_class, actors, start, end, bool(row.negated is True))
    if row.dated_by in ("none", "ordering") or start is None or end is None:
        targets = frozenset(str(row.targets).split("|")) if not pd.isna(row.targets) else None
        key += (targets,)
    return key


def chronology(
    analysis: Analysis, *, classes: list[str] | None = None, merge: bool = True
) -> pd.DataFrame:
    """Events of ``analysis`` in time order, merged across articles (see the module notes).

    ``classes`` keeps only those event classes (e.g. leave statements out); ``merge=False``
    keeps one row per reported event. Columns: ``placement`` (dated, ordered, undated),
    ``when`` (`2019`, `April 2021`, `27 December 2021`), the interval, class, action, actors
    and targets (ids and names), ``label`` (actor – action – target), ``after``/``before``
    (``chrono_id`` of the event it follows or precedes), ``sources`` (`|`-separated article
    ids) and ``n_reports``, and the first report's ``article_id``, ``event_id`` and sentence.

    >>> chronology(analyze("seeds"))[["when", "label"]]   # doctest: +SKIP
    """
    events = conform("events", analysis.events)
    if classes is not None:
        events = events[events["event_class"].isin(classes)]
    events = events.reset_index(drop=True)
    if events.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})
    sentences = _sentence_texts(analysis)

    # 1. merge reports of one event: node per merged event
    node_of: dict[tuple[str, int], int] = {}
    nodes: list[list[int]] = []  # row indexes of the reports
    by_key: dict[tuple, list[int]] = defaultdict(list)
    articles_of: list[set[str]] = []
    for i, row in enumerate(events.itertuples(index=False)):
        key = _merge_key(row) if merge else None
        # one report per article: two statements in one article are two events
        candidates = [n for n in by_key.get(key, []) if row.article_id not in articles_of[n]]
        if key is not None and candidates:
            node = candidates[0]
            nodes[node].append(i)
        else:
            node = len(nodes)
            nodes.append([i])
            articles_of.append(set())
            if key is not None:
                by_key[key].append(node)
        articles_of[node].add(row.article_id)
        node_of[(row.article_id, int(row.event_id))] = node

    # 2. ordering constraints between nodes: edges early -> late
    succ: dict[int, set[int]] = defaultdict(set)
    pred: dict[int, set[int]] = defaultdict(set)
    for row in events.itertuples(index=False):
        me = node_of[(row.article_id, int(row.event_id))]
        for col, forward in (("after_event", False), ("before_event", True)):
            other = getattr(row, col)
            if pd.isna(other) or (row.article_id, int(other)) not in node_of:
                continue
            them = node_of[(row.article_id, int(other))]
            if them == me:
                continue
            early, late = (me, them) if forward else (them, me)
            succ[early].add(late)
            pred[late].add(early)

    records = events.to_dict("records")  # plain dicts: row access by position is slow
    first = [records[rows[0]] for rows in nodes]
    dated = [r["dated_by"] in ("timex", "article_date") for r in first]
    linked = [bool(succ[n] or pred[n]) for n in range(len(nodes))]

    # 3. a sort key per node: dated by its interval; ordered ones borrow a linked dated key
    def own_key(n: int) -> tuple:
        r = first[n]
        start, end = r["interval_start"], r["interval_end"]
        start = pd.Timestamp.min if pd.isna(start) else pd.Timestamp(start)
        return (0, start, pd.Timestamp.max if pd.isna(end) else pd.Timestamp(end))

    keys: dict[int, tuple] = {n: own_key(n) for n in range(len(nodes)) if dated[n]}
    component = _components(len(nodes), succ, pred)
    for n in range(len(nodes)):
        if n in keys:
            continue
        if linked[n]:
            anchor = _nearest_dated(n, succ, pred, dated)
            keys[n] = keys[anchor] if anchor is not None else (1, component[n], component[n])
        else:
            keys[n] = (2, n, n)

    order = _topological(len(nodes), succ, pred, keys)
    chrono_id = {n: k for k, n in enumerate(order)}

    rows = []
    for n in order:
        reports = nodes[n]
        r = first[n]
        sources = list(dict.fromkeys(str(records[i]["article_id"]) for i in reports))
        placement = "dated" if dated[n] else ("ordered" if linked[n] else "undated")
        after = [chrono_id[p] for p in pred[n]]
        before = [chrono_id[s] for s in succ[n]]
        rows.append(
            {
                "chrono_id": chrono_id[n],
                "placement": placement,
                "when": time_label(r["interval_start"], r["interval_end"])
                if placement != "undated"
                else "",
                "timex_value": r["timex_value"],
                "interval_start": r["interval_start"],
                "interval_end": r["interval_end"],
                "event_class": r["event_class"],
                "action": r["action"],
                "cameo": r["cameo"],
                "quad_class": r["quad_class"],
                "actor_names": r["actor_names"],
                "target_names": r["target_names"],
                "label": event_label(r["actor_names"], r["action"], r["target_names"]),
                "actors": r["actors"],
                "targets": r["targets"],
                "dated_by": r["dated_by"],
                "after": max(after) if after else None,
                "before": min(before) if before else None,
                "sources": "|".join(sources),
                "n_reports": len(reports),
                "article_id": r["article_id"],
                "event_id": int(r["event_id"]),
                "sentence": sentences.get((r["article_id"], int(r["sentence_id"]))),
            }
        )
    out = pd.DataFrame.from_records(rows, columns=COLUMNS)
    for col in ("after", "before", "quad_class"):
        out[col] = out[col].astype("Int64")
    for col in ("interval_start", "interval_end"):
        out[col] = pd.to_datetime(out[col])
    return out


def _sentence_texts(analysis: Analysis) -> dict[tuple[str, int], str]:
    s = analysis.sentences
    if s is None or s.empty:
        return {}
    return {
        (a, int(i)): t for a, i, t in zip(s["article_id"], s["sentence_id"], s["text"], strict=True)
    }


def _components(n: int, succ: dict, pred: dict) -> list[int]:
    """The smallest node of each node's group of constraint-linked nodes."""
    comp = list(range(n))
    for start in range(n):
        if comp[start] != start:
            continue
        stack = [start]
        while stack:
            x = stack.pop()
            for y in succ[x] | pred[x]:
                if comp[y] == y and y != start and y > start:
                    comp[y] = start
                    stack.append(y)
    return comp


def _nearest_dated(n: int, succ: dict, pred: dict, dated: list[bool]) -> int | None:
    """The dated node closest to ``n`` through constraints (breadth first), if any."""
    seen, frontier = {n}, [n]
    while frontier:
        nxt = []
        for x in frontier:
            for y in sorted(succ[x] | pred[x]):
                if y in seen:
                    continue
                if dated[y]:
                    return y
                seen.add(y)
                nxt.append(y)
        frontier = nxt
    return None


def _topological(n: int, succ: dict, pred: dict, keys: dict[int, tuple]) -> list[int]:
    """Nodes by key, each after its predecessors (Kahn's algorithm); cycles broken by key."""
    indeg = {x: len(pred[x]) for x in range(n)}
    heap = [(keys[x], x) for x in range(n) if indeg[x] == 0]
    heapq.heapify(heap)
    out: list[int] = []
    done: set[int] = set()
    while len(out) < n:
        if not heap:  # a cycle: release the smallest remaining node
            x = min((x for x in range(n) if x not in done), key=lambda x: (keys[x], x))
            heap.append((keys[x], x))
        _, x = heapq.heappop(heap)
        if x in done:
            continue
        done.add(x)
        out.append(x)
        for y in succ[x]:
            indeg[y] -= 1
            if indeg[y] == 0 and y not in done:
                heapq.heappush(heap, (keys[y], y))
    return out
