"""Entity frequency and co-occurrence tables (and their charts)."""

import matplotlib
import pandas as pd
import pytest

from analysis import cooccurrence, entity_frequency, find_entities
from analysis.tables import Analysis, frame

matplotlib.use("Agg")

TEXTS = {
    "a1": "Turkey and NATO met. Ankara said Turkiye would stay. Ismail Demir spoke.",
    "a2": "Türkiye thanked NATO. Later, Ismail Demir and Joe Biden met. Demir left.",
    "a3": "Canada sold drones.",
}
DATES = {"a1": "2023-01-05", "a2": "2023-02-10", "a3": "2023-02-11"}


@pytest.fixture(scope="module")
def analysis():
    ents = []
    for aid, text in TEXTS.items():
        df = find_entities(text)
        df["article_id"] = aid
        ents.append(df)
    articles = frame(
        "articles",
        [
            {"article_id": a, "text": t, "date": DATES[a], "body_start": 0, "n_chars": len(t)}
            for a, t in TEXTS.items()
        ],
    )
    return Analysis(
        articles=articles, entities=frame("entities", pd.concat(ents).to_dict("records"))
    )


def test_aliases_are_counted_as_one_entity(analysis):
    freq = entity_frequency(analysis)
    top = freq.iloc[0]
    assert (top["entity_id"], top["canonical_name"], top["mentions"], top["articles"]) == (
        "gpe:TUR",
        "Türkiye",
        4,
        2,
    )
    demir = freq[freq["entity_id"] == "person:ismail-demir"].iloc[0]
    assert (demir["mentions"], demir["articles"]) == (3, 2)


def test_frequency_is_sorted_deterministically(analysis):
    freq = entity_frequency(analysis)
    keys = list(zip(-freq["mentions"], -freq["articles"], freq["entity_id"], strict=True))
    assert keys == sorted(keys)
    pd.testing.assert_frame_equal(freq, entity_frequency(analysis))


def test_frequency_by_label_article_and_month(analysis):
    persons = entity_frequency(analysis, labels="PERSON")
    assert set(persons["label"]) == {"PERSON"}
    per_article = entity_frequency(analysis, by="article")
    assert set(per_article["article_id"]) == set(TEXTS)
    assert per_article[per_article["entity_id"] == "gpe:TUR"]["mentions"].tolist() == [3, 1]
    per_month = entity_frequency(analysis, by="month")
    tur = per_month[per_month["entity_id"] == "gpe:TUR"]
    assert dict(zip(tur["month"], tur["mentions"], strict=True)) == {"2023-01": 3, "2023-02": 1}
    with pytest.raises(ValueError, match="by must be"):
        entity_frequency(analysis, by="week")


def test_cooccurrence_pairs_per_sentence(analysis):
    pairs = cooccurrence(analysis)
    assert (pairs["entity_a"] < pairs["entity_b"]).all()
    row = pairs[(pairs["entity_a"] == "gpe:TUR") & (pairs["entity_b"] == "org:nato")].iloc[0]
    assert (row["count"], row["articles"]) == (2, 2)
    # Demir and Biden share a sentence in a2 only
    pair = pairs[pairs["entity_b"] == "person:joe-biden"]
    assert "person:ismail-demir" in set(pair["entity_a"])
    by_article = cooccurrence(analysis, window="article", min_count=2)
    assert set(by_article["count"]) == {2}
    assert cooccurrence(analysis, labels="LAW").empty


def test_empty_tables_give_empty_frames():
    empty = Analysis()
    assert entity_frequency(empty).empty
    assert cooccurrence(empty).empty


def test_charts_draw(analysis):
    from analysis.plots import plot_cooccurrence, plot_top_entities

    ax = plot_top_entities(entity_frequency(analysis), n=5)
    assert ax.get_title() and ax.get_xlabel() == "mentions"
    ax = plot_top_entities(entity_frequency(analysis), n=2, by_label=True)
    assert len(ax.patches) >= 2
    ax = plot_cooccurrence(cooccurrence(analysis), n=5)
    assert ax.get_title()
    plot_cooccurrence(cooccurrence(Analysis()))
