"""Matplotlib figures used by the notebooks. Each function returns the ``Axes`` it drew on.

Every figure has a title and labelled axes. Functions take the analysis tables (or tables
derived from them by the helpers in ``analysis``) and an optional ``ax``.
"""

from __future__ import annotations

import matplotlib.pyplot as plt

# --- entities ---------------------------------------------------------------------------------

_LABEL_COLOURS = {
    "PERSON": "tab:blue",
    "ORG": "tab:orange",
    "GPE": "tab:green",
    "LOC": "tab:olive",
    "NORP": "tab:purple",
    "PRODUCT": "tab:red",
    "LAW": "tab:brown",
    "EVENT": "tab:pink",
}


def plot_top_entities(freq, n: int = 15, *, by_label: bool = False, ax=None, title=None):
    """Horizontal bars of the ``n`` most mentioned entities, coloured by label.

    ``freq`` is :func:`analysis.entity_frequency` output. With ``by_label=True`` the top ``n``
    of each label are drawn (grouped by label) instead of the overall top ``n``.
    """
    if by_label:
        top = freq.groupby("label", sort=True, group_keys=False).head(n)
        top = top.sort_values(["label", "mentions"], ascending=[False, True], kind="mergesort")
    else:
        top = freq.head(n).iloc[::-1]
    ax = _axes(ax, figsize=(8, max(3.0, 0.3 * len(top) + 1.2)))
    colours = [_LABEL_COLOURS.get(lab, "tab:gray") for lab in top["label"]]
    ax.barh([_plain(x) for x in top["canonical_name"]], top["mentions"], color=colours)
    for lab in dict.fromkeys(top["label"]):
        ax.bar(0, 0, color=_LABEL_COLOURS.get(lab, "tab:gray"), label=lab)
    if len(top):
        ax.legend(title="label", loc="lower right")
    ax.set_xlabel("mentions")
    ax.set_ylabel("entity")
    ax.set_title(title or f"Most mentioned entities (top {n})")
    return ax


def plot_cooccurrence(pairs, n: int = 12, *, ax=None, title=None):
    """A heat map of how often the ``n`` most connected entities share a window.

    ``pairs`` is :func:`analysis.cooccurrence` output; the diagonal is left blank.
    """
    import numpy as np

    ax = _axes(ax, figsize=(7.5, 6.5))
    weight: dict[str, int] = {}
    names: dict[str, str] = {}
    for row in pairs.itertuples(index=False):
        for eid, name in ((row.entity_a, row.name_a), (row.entity_b, row.name_b)):
            weight[eid] = weight.get(eid, 0) + int(row.count)
            names[eid] = _plain(name)
    ids = sorted(weight, key=lambda e: (-weight[e], e))[:n]
    index = {e: i for i, e in enumerate(ids)}
    matrix = np.zeros((len(ids), len(ids)))
    for row in pairs.itertuples(index=False):
        if row.entity_a in index and row.entity_b in index:
            a, b = index[row.entity_a], index[row.entity_b]
            matrix[a, b] = matrix[b, a] = row.count
    if not ids:
        ax.text(0.5, 0.5, "no entities share a window", ha="center", transform=ax.transAxes)
        ax.set_title(title or "Entities mentioned together")
        return ax
    image = ax.imshow(matrix, cmap="Blues")
    labels = [names[e] for e in ids]
    ax.set_xticks(range(len(ids)), labels, rotation=60, ha="right")
    ax.set_yticks(range(len(ids)), labels)
    ax.figure.colorbar(image, ax=ax, label="windows shared")
    ax.set_xlabel("entity")
    ax.set_ylabel("entity")
    ax.set_title(title or "Entities mentioned together")
    return ax


# --- quotes and sentiment ---------------------------------------------------------------------


def plot_speaker_sentiment(by_speaker, n: int = 15, *, ax=None, title=None):
    """Mean VADER compound score per speaker (bars, ± one standard deviation), most quoted on
    top; takes :func:`analysis.sentiment_by_speaker`. Each bar is labelled with its quote count.
    """
    top = by_speaker.head(n)
    ax = _axes(ax, figsize=(8, max(2.5, 0.35 * len(top) + 1)))
    if len(top):
        labels = [_plain(s) for s in top["speaker"]][::-1]
        means = list(top["mean"])[::-1]
        spread = [0.0 if s != s else s for s in top["std"]][::-1]  # one quote: no spread
        colours = ["tab:green" if m >= 0.05 else "tab:red" if m <= -0.05 else "grey" for m in means]
        # the spread is clipped to the score's range [-1, 1]
        xerr = [[min(s, m + 1) for m, s in zip(means, spread, strict=True)],
                [min(s, 1 - m) for m, s in zip(means, spread, strict=True)]]  # fmt: skip
        ax.barh(labels, means, xerr=xerr, color=colours, capsize=3)
        for y, (m, k) in enumerate(zip(means, list(top["n_quotes"])[::-1], strict=True)):
            ax.annotate(f"n={k}", (m, y), xytext=(4 if m >= 0 else -4, 0),
                        textcoords="offset points", ha="left" if m >= 0 else "right",
                        va="center", fontsize=8)  # fmt: skip
        ax.axvline(0, color="black", linewidth=0.8)
        ax.set_xlim(-1.05, 1.05)
    else:
        _no_data(ax)
    ax.set(title=title or "Tone of each speaker's statements", xlabel="mean VADER compound",
           ylabel="speaker")  # fmt: skip
    return ax


def plot_sentiment_over_time(over_time, *, ax=None, title=None):
    """Mean VADER compound score of the statements per period (line) with its ± one standard
    deviation band; takes :func:`analysis.sentiment_over_time`."""
    ax = _axes(ax)
    if len(over_time):
        x, mean = over_time["period"], over_time["mean"].astype(float)
        spread = over_time["std"].astype(float).fillna(0.0)
        ax.plot(x, mean, marker="o")
        ax.fill_between(x, mean - spread, mean + spread, alpha=0.2)
        ax.axhline(0, color="black", linewidth=0.8)
        ax.set_ylim(-1.05, 1.05)
        ax.tick_params(axis="x", labelrotation=30)
    else:
        _no_data(ax)
    ax.set(title=title or "Tone of quoted statements over time", xlabel="publication period",
           ylabel="mean VADER compound")  # fmt: skip
    return ax


def plot_quote_sentiment(quotes, *, ax=None, title=None):
    """Histogram of the VADER compound scores of the quotes, one series per kind."""
    ax = _axes(ax)
    if len(quotes):
        kinds = [k for k in ("direct", "partial", "indirect") if (quotes["kind"] == k).any()]
        data = [quotes.loc[quotes["kind"] == k, "compound"].astype(float) for k in kinds]
        ax.hist(data, bins=20, range=(-1, 1), label=kinds, stacked=True)
        ax.legend(title="kind")
    else:
        _no_data(ax)
    ax.set(title=title or "Tone of the quotes", xlabel="VADER compound", ylabel="quotes")
    return ax


# --- chronology -------------------------------------------------------------------------------


def plot_timeline(
    chrono,
    *,
    ax=None,
    title: str = "Chronology of events",
    max_label: int = 70,
    max_events: int = 40,
):
    """A timeline of :func:`analysis.chronology` rows: one line per event, top to bottom.

    Day events are points, longer intervals (`2019`, `April 2021`) horizontal bars over the
    days they cover; labels read actor – action – target. Events without both interval ends
    (undated, or only bounded by an ordering) are listed apart, to the right of the axis.
    At most ``max_events`` of each are drawn (the first ones, in chronological order); the
    title says how many were left out.
    """
    import matplotlib.dates as mdates
    import pandas as pd

    ax = _axes(ax, figsize=(11, 5))
    if chrono is None or len(chrono) == 0:
        _no_data(ax)
        ax.set(title=title)
        return ax

    def short(text) -> str:
        text = "" if text is None or pd.isna(text) else _plain(text)
        return text if len(text) <= max_label else text[: max_label - 1] + "…"

    both = chrono["interval_start"].notna() & chrono["interval_end"].notna()
    placed, apart = chrono[both], chrono[~both]
    left_out = max(0, len(placed) - max_events) + max(0, len(apart) - max_events)
    placed, apart = placed.head(max_events), apart.head(max_events)
    if left_out:
        title = f"{title} (first {max_events} shown, {left_out} more in the table)"
    for y, row in enumerate(placed.itertuples(index=False)):
        start, end = pd.Timestamp(row.interval_start), pd.Timestamp(row.interval_end)
        color = f"C{int(row.quad_class) if pd.notna(row.quad_class) else 0}"
        if start == end:
            ax.plot([start], [y], "o", color=color)
        else:
            width = end + pd.Timedelta(days=1) - start
            ax.barh(y, width, left=start, height=0.5, color=color, alpha=0.6)
        ax.annotate(
            f"{row.when}: {short(row.label)}",
            (start, y),
            xytext=(4, 6),
            textcoords="offset points",
            fontsize=8,
        )
    ax.set_ylim(len(placed) - 0.5, -0.8)
    ax.set_yticks([])
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.set(title=title, xlabel="date (points: a day; bars: the interval a date covers)")
    if len(apart):
        lines = [
            (f"after #{r.after}: " if pd.notna(r.after) else "") + short(r.label)
            for r in apart.itertuples(index=False)
        ]
        ax.text(
            1.02,
            1.0,
            "Not on the time axis:\n" + "\n".join(f"• {line}" for line in lines),
            transform=ax.transAxes,
            va="top",
            fontsize=8,
        )
    return ax


# --- helpers ---------------------------------------------------------------------------------


def _plain(text) -> str:
    """Text from an article as a label: ``$`` would start matplotlib's math mode."""
    return str(text).replace("$", r"\$")


def _no_data(ax) -> None:
    ax.text(0.5, 0.5, "no data", ha="center", va="center", transform=ax.transAxes, color="grey")
    ax.set_xticks([])
    ax.set_yticks([])


def _axes(ax=None, figsize=(8, 4.5)):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax
