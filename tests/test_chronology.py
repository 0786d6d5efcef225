"""The chronology: time order with granularity, ordering constraints, merging across articles,
and the timeline plot."""

import datetime as dt

import matplotlib
import pandas as pd
import pytest
from event_fixtures import SEED_ENTITIES, SEED_TIMEXES, analysis_of, make_doc, seed_doc

from analysis import chronology
from analysis.chronology import COLUMNS, time_label
from analysis.tables import Analysis

matplotlib.use("Agg")

# (label fragment, placement) of the seed's key events, in the order the issue asks for
SEED_ORDER = [
    ("Türkiye – launch operation – YPG", "ordered"),
    ("France, United Kingdom, Germany – suspend – Türkiye", "dated"),
    ("Canada – cancel – Türkiye", "dated"),
    ("Joe Biden – authorize – National Defense Authorization Act", "dated"),
    ("Ismail Demir – invite – Azerbaijan", "dated"),
]


def _check_seed(chrono: pd.DataFrame) -> None:
    labels = chrono["label"].tolist()
    positions = [labels.index(label) for label, _ in SEED_ORDER]
    assert positions == sorted(positions)
    for label, placement in SEED_ORDER:
        assert chrono.loc[labels.index(label), "placement"] == placement
    when = dict(zip(chrono["label"], chrono["when"], strict=True))
    assert when["France, United Kingdom, Germany – suspend – Türkiye"] == "2019"
    assert when["Canada – cancel – Türkiye"] == "April 2021"
    assert when["Joe Biden – authorize – National Defense Authorization Act"] == "27 December 2021"
    assert when["Ismail Demir – invite – Azerbaijan"] == "9 January 2023"
    # the US sanctions and the F-35 removal follow the S-400 purchase, off the time axis
    rows = {r.action: r for r in chrono.itertuples() if r.actor_names}
    purchase = rows["buy"]
    assert purchase.placement == "ordered"
    for action in ("sanction", "remove"):
        assert rows[action].placement == "ordered"
        assert rows[action].after == purchase.chrono_id
        assert rows[action].chrono_id > purchase.chrono_id
    # the NATO embargo is undated and listed apart, after everything placed
    embargo = rows["introduce embargo"]
    assert embargo.placement == "undated"
    assert embargo.chrono_id == chrono["chrono_id"].max()


def test_seed_chronology_hand_built():
    _check_seed(chronology(analysis_of(seed_doc())))


def test_seed_chronology_end_to_end(seed_analysis):
    """The acceptance test of the issue, on the real entity and time steps."""
    chrono = chronology(seed_analysis)
    _check_seed(chrono)
    assert set(chrono["sources"]) == {"000_aa2e1e8bda0eac39"}


REPORT_A = "On March 3, 2022, France sanctioned Russia over the war in Ukraine."
REPORT_B = "France imposed sanctions on Russia on March 3, 2022, officials said on Friday."
TIMEX_MARCH = {
    "March 3, 2022": ("DATE", "2022-03-03", "2022-03-03", "2022-03-03"),
    "on Friday": ("DATE", "2022-03-04", "2022-03-04", "2022-03-04"),
}
ENTS = {k: SEED_ENTITIES[k] for k in ("France", "Russia")} | {
    "Ukraine": ("GPE", "gpe:UKR", "Ukraine")
}


def test_one_event_reported_by_two_articles_is_merged():
    a = make_doc(REPORT_A, ENTS, TIMEX_MARCH, date=dt.date(2022, 3, 4), article_id="a")
    b = make_doc(REPORT_B, ENTS, TIMEX_MARCH, date=dt.date(2022, 3, 5), article_id="b")
    chrono = chronology(analysis_of(a, b))
    sanctions = chrono[chrono["event_class"] == "sanction"]
    assert len(sanctions) == 1
    row = sanctions.iloc[0]
    assert (row["sources"], row["n_reports"], row["when"]) == ("a|b", 2, "3 March 2022")
    unmerged = chronology(analysis_of(a, b), merge=False)
    assert (unmerged["event_class"] == "sanction").sum() == 2


def test_different_dates_or_repeats_in_one_article_are_not_merged():
    text = "In 2019, France sanctioned Russia. In 2020, France sanctioned Russia."
    times = {k: SEED_TIMEXES["2019"] for k in ("2019",)} | {
        "2020": ("DATE", "2020", "2020-01-01", "2020-12-31")
    }
    chrono = chronology(analysis_of(make_doc(text, ENTS, times, date=dt.date(2022, 1, 1))))
    assert chrono["when"].tolist() == ["2019", "2020"]
    text = "France said it would act. France said the talks were over."
    chrono = chronology(analysis_of(make_doc(text, ENTS, {}, date=dt.date(2022, 1, 1))))
    assert chrono["n_reports"].tolist() == [1, 1]


def test_granularity_order():
    times = {
        "2019": ("DATE", "2019", "2019-01-01", "2019-12-31"),
        "January 2019": ("DATE", "2019-01", "2019-01-01", "2019-01-31"),
        "October 9, 2019": ("DATE", "2019-10-09", "2019-10-09", "2019-10-09"),
        "2018": ("DATE", "2018", "2018-01-01", "2018-12-31"),
    }
    text = (
        "On October 9, 2019, Russia attacked Ukraine. In 2019, France sanctioned Russia. "
        "In January 2019, Russia met France. In 2018, France met Russia."
    )
    ents = ENTS
    chrono = chronology(analysis_of(make_doc(text, ents, times, date=dt.date(2020, 1, 1))))
    # by start, then end: a finer interval starting the same day first; a day inside a year
    # after the year
    assert chrono["when"].tolist() == ["2018", "January 2019", "2019", "9 October 2019"]


def test_classes_filter_and_empty():
    chrono = chronology(analysis_of(seed_doc()), classes=["statement"])
    assert set(chrono["event_class"]) == {"statement"}
    empty = chronology(Analysis())
    assert empty.empty and list(empty.columns) == COLUMNS


@pytest.mark.parametrize(
    "start, end, label",
    [
        ("2021-12-27", "2021-12-27", "27 December 2021"),
        ("2021-04-01", "2021-04-30", "April 2021"),
        ("2019-01-01", "2019-12-31", "2019"),
        ("2023-01-01", "2023-03-31", "Q1 2023"),
        ("2010-01-01", "2019-12-31", "2010s"),
        ("2021-02-01", "2021-02-07", "2021-02-01 – 2021-02-07"),
        (None, "2019-12-31", "by 31 December 2019"),
        (None, None, ""),
    ],
)
def test_time_label(start, end, label):
    assert (
        time_label(pd.Timestamp(start) if start else pd.NaT, pd.Timestamp(end) if end else pd.NaT)
        == label
    )


def test_timeline_plot():
    from analysis.plots import plot_timeline

    ax = plot_timeline(chronology(analysis_of(seed_doc())))
    assert ax.get_title() and ax.get_xlabel()
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "2019: France, United Kingdom, Germany – suspend – Türkiye" in texts
    assert "NATO – introduce embargo – Türkiye" in texts  # listed apart
    assert plot_timeline(chronology(Analysis())).get_title()


def test_timeline_caps_events_and_draws_dollars_as_text():
    from analysis.plots import plot_timeline

    chrono = chronology(analysis_of(seed_doc()))
    chrono.loc[chrono.index[0], "label"] = "Ankara pays $1.4 billion and $2 more"
    ax = plot_timeline(chrono, max_events=2)
    ax.figure.canvas.draw()  # a "$...$" pair would be parsed as math here and garbled
    texts = [t.get_text() for t in ax.texts]
    assert any(r"\$1.4 billion and \$2" in t for t in texts)
    placed = chrono["interval_start"].notna() & chrono["interval_end"].notna()
    left_out = max(0, placed.sum() - 2) + max(0, (~placed).sum() - 2)
    assert left_out > 0 and f"{left_out} more" in ax.get_title()
    assert len(ax.lines) + len(ax.patches) <= 2  # points and bars of the placed events


def test_merge_end_to_end(tmp_path):
    """Two articles of a small corpus report one sanction: one chronology row, two sources."""
    import analysis

    (tmp_path / "a.txt").write_text(f"date 2022-03-04 By Agency One\n\n{REPORT_A}\n", "utf-8")
    (tmp_path / "b.txt").write_text(f"date 2022-03-05 By Agency Two\n\n{REPORT_B}\n", "utf-8")
    chrono = chronology(analysis.analyze(tmp_path, progress=False))
    row = chrono[chrono["event_class"] == "sanction"].iloc[0]
    assert (row["label"], row["sources"], row["n_reports"]) == (
        "France – sanction – Russia", "a|b", 2,
    )  # fmt: skip
