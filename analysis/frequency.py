"""Counting entities: how often each canonical entity is mentioned, and which ones co-occur.

Both functions work on canonical ``entity_id``s, so aliases are already collapsed (``Turkey``,
``Türkiye`` and the metonym ``Ankara`` count once, for ``gpe:TUR``). Results are sorted
deterministically: by count (descending), then by ``entity_id``.
"""

from __future__ import annotations

import pandas as pd

from .tables import Analysis, conform

_BY = (None, "article", "month")
_WINDOWS = ("sentence", "article")


def _entities(analysis: Analysis | pd.DataFrame, labels) -> pd.DataFrame:
    df = analysis.entities if isinstance(analysis, Analysis) else conform("entities", analysis)
    if labels is not None:
        labels = [labels] if isinstance(labels, str) else list(labels)
        df = df[df["label"].isin(labels)]
    return df


def _names(df: pd.DataFrame) -> pd.DataFrame:
    """One row per entity_id: its most frequent canonical name, label and country."""
    cols = ["entity_id", "canonical_name", "label", "country"]
    counts = df.groupby(cols, dropna=False, sort=True).size().reset_index(name="n")
    counts = counts.sort_values(["entity_id", "n", "canonical_name"], ascending=[True, False, True])
    return counts.drop_duplicates("entity_id")[cols].reset_index(drop=True)


def entity_frequency(
    analysis: Analysis | pd.DataFrame,
    by: str | None = None,
    *,
    labels: str | list[str] | None = None,
) -> pd.DataFrame:
    """Mentions and articles per canonical entity.

    ``analysis`` is an :class:`Analysis` (or its entities table). ``by`` adds a grouping:
    ``None`` (whole corpus), ``"article"`` (per ``article_id``) or ``"month"`` (per publication
    month, ``YYYY-MM``, from ``analysis.articles.date``; needs an :class:`Analysis`).
    ``labels`` keeps only those labels (``"PERSON"`` or ``["GPE", "NORP"]``).

    Columns: [article_id | month,] entity_id, canonical_name, label, country, mentions,
    articles.

    >>> entity_frequency(a).head(3)  # doctest: +SKIP
    """
    if by not in _BY:
        raise ValueError(f"by must be one of {_BY}, not {by!r}")
    df = _entities(analysis, labels)
    keys: list[str] = []
    if by == "article":
        keys = ["article_id"]
    elif by == "month":
        if not isinstance(analysis, Analysis):
            raise ValueError("by='month' needs an Analysis (the article dates)")
        dates = analysis.articles[["article_id", "date"]]
        df = df.merge(dates, on="article_id", how="left")
        df["month"] = df["date"].dt.strftime("%Y-%m").astype("string")
        keys = ["month"]
    out_cols = [*keys, "entity_id", "canonical_name", "label", "country", "mentions", "articles"]
    if df.empty:
        return pd.DataFrame(
            {
                c: pd.Series(dtype="int64" if c in ("mentions", "articles") else "string")
                for c in out_cols
            }
        )
    grouped = df.groupby([*keys, "entity_id"], dropna=False, sort=True)
    counts = grouped.agg(mentions=("start", "size"), articles=("article_id", "nunique"))
    counts = counts.reset_index().merge(_names(df), on="entity_id", how="left")
    order = [*keys, "mentions", "articles", "entity_id"]
    asc = [True] * len(keys) + [False, False, True]
    counts = counts.sort_values(order, ascending=asc, kind="mergesort")
    counts[["mentions", "articles"]] = counts[["mentions", "articles"]].astype("int64")
    return counts[out_cols].reset_index(drop=True)


def cooccurrence(
    analysis: Analysis | pd.DataFrame,
    window: str = "sentence",
    *,
    labels: str | list[str] | None = None,
    min_count: int = 1,
) -> pd.DataFrame:
    """Pairs of canonical entities mentioned in the same sentence (or article), with counts.

    ``count`` is the number of windows holding both (repeated mentions in one window count
    once); ``articles`` the number of articles where they share a window. Each pair appears
    once, with ``entity_a < entity_b``.

    Columns: entity_a, entity_b, name_a, name_b, label_a, label_b, count, articles.
    """
    if window not in _WINDOWS:
        raise ValueError(f"window must be one of {_WINDOWS}, not {window!r}")
    df = _entities(analysis, labels)
    keys = ["article_id", "sentence_id"] if window == "sentence" else ["article_id"]
    cols = ["entity_a", "entity_b", "name_a", "name_b", "label_a", "label_b", "count", "articles"]
    types = {c: "string" for c in cols[:6]} | {"count": "int64", "articles": "int64"}
    df = df.dropna(subset=["entity_id"])
    if df.empty:
        return pd.DataFrame(columns=cols).astype(types)
    # every window's distinct entities as integer codes (category codes follow string order),
    # joined with themselves: one row per pair of entities sharing a window
    one = df[[*keys, "entity_id"]].drop_duplicates()
    entity = one["entity_id"].astype("string").astype("category")
    base = pd.DataFrame(
        {
            "window": one.groupby(keys, sort=False).ngroup().to_numpy(),
            "article": one["article_id"].astype("category").cat.codes.to_numpy(),
            "e": entity.cat.codes.to_numpy(),
        }
    )
    pairs = base.merge(base[["window", "e"]], on="window", suffixes=("_a", "_b"))
    pairs = pairs[pairs["e_a"] < pairs["e_b"]]
    counts = pairs.groupby(["e_a", "e_b"], sort=False).agg(
        count=("window", "size"), articles=("article", "nunique")
    )
    counts = counts[counts["count"] >= min_count].reset_index()
    ids = entity.cat.categories
    names = _names(df).set_index("entity_id")
    out = pd.DataFrame(
        {
            "entity_a": ids[counts["e_a"].to_numpy()],
            "entity_b": ids[counts["e_b"].to_numpy()],
        }
    )
    for side in ("a", "b"):
        found = names.reindex(out[f"entity_{side}"])
        out[f"name_{side}"] = found["canonical_name"].to_numpy()
        out[f"label_{side}"] = found["label"].to_numpy()
    out["count"] = counts["count"].to_numpy()
    out["articles"] = counts["articles"].to_numpy()
    out = out[cols].astype(types)
    out = out.sort_values(
        ["count", "articles", "entity_a", "entity_b"],
        ascending=[False, False, True, True],
        kind="mergesort",
    )
    return out.reset_index(drop=True)
