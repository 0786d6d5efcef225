"""VADER scores (NLTK's analyser, vaderSentiment's lexicon) and the notebook summaries."""

import matplotlib
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import plots
from analysis.sentiment import (
    SCORE_KEYS,
    _round,
    analyzer,
    score_sentiment,
    sentiment_by_article,
    sentiment_by_speaker,
    sentiment_over_time,
)

matplotlib.use("Agg")


@pytest.mark.parametrize(
    "text, sign",
    [
        ("We want to carry out large projects jointly with friendly countries.", 1),
        ("We reject becoming dependent on any of the critical products.", -1),
        ("The meeting is on Tuesday.", 0),
    ],
)
def test_score_sign(text, sign):
    scores = score_sentiment(text)
    assert set(scores) == set(SCORE_KEYS)
    compound = scores["compound"]
    assert (compound > 0.05) - (compound < -0.05) == sign


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "“”", "\u200b"])
def test_empty_text_scores_zero_without_error(text):
    scores = score_sentiment(text)
    assert set(scores) == set(SCORE_KEYS)
    assert -1 <= scores["compound"] <= 1


def test_lexicon_is_vadersentiments_and_built_once():
    lexicon = analyzer().lexicon
    assert analyzer() is analyzer()
    # entries only the vaderSentiment copy has (NLTK's vader_lexicon.zip lacks them)
    assert "flawed" in lexicon and "heart" in lexicon
    assert lexicon["badass"] == pytest.approx(1.4)
    assert len(lexicon) > 7000


def test_seed_statements_positive_then_negative(seed_analysis):
    statements = seed_analysis.quotes[seed_analysis.quotes["kind"] == "direct"]
    first, second = statements["compound"].tolist()
    assert first > 0.5 and second < -0.3
    parts = seed_analysis.quote_sentences
    assert set(parts["quote_id"]) >= set(statements["quote_id"])
    assert parts["compound"].between(-1, 1).all()


def test_summaries_on_the_seed(seed_analysis):
    by_speaker = sentiment_by_speaker(seed_analysis.quotes)
    assert by_speaker[["speaker", "n_quotes", "n_articles"]].values.tolist() == [
        ["Ismail Demir", 2, 1]
    ]
    assert by_speaker["mean"].iloc[0] == pytest.approx(seed_analysis.quotes.query(
        "kind == 'direct'")["compound"].mean())  # fmt: skip
    by_article = sentiment_by_article(seed_analysis)
    assert by_article["n_quotes"].tolist() == [2]
    over_time = sentiment_over_time(seed_analysis, freq="MS")
    assert over_time["period"].tolist() == [pd.Timestamp("2023-01-01")]
    assert over_time["n_quotes"].tolist() == [2]


def test_summaries_and_plots_on_empty_tables(seed_analysis):
    empty = seed_analysis.quotes.iloc[0:0]
    assert sentiment_by_speaker(empty).empty
    axes = [
        plots.plot_speaker_sentiment(sentiment_by_speaker(empty)),
        plots.plot_quote_sentiment(empty),
        plots.plot_sentiment_over_time(sentiment_over_time(seed_analysis).iloc[0:0]),
    ]
    assert all(ax.get_title() for ax in axes)


def test_plots_on_the_seed(seed_analysis):
    ax = plots.plot_speaker_sentiment(sentiment_by_speaker(seed_analysis.quotes))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Ismail Demir"]
    assert ax.get_xlabel() and ax.get_ylabel()
    ax = plots.plot_sentiment_over_time(sentiment_over_time(seed_analysis))
    assert ax.get_title()
    ax = plots.plot_quote_sentiment(seed_analysis.quotes)
    assert ax.get_legend() is not None


def _nltk_analyser():
    """NLTK's own analyser (its SentiText and polarity_scores) with the same lexicon."""
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    nltk_own = SentimentIntensityAnalyzer.__new__(SentimentIntensityAnalyzer)
    nltk_own.lexicon = analyzer().lexicon
    nltk_own.constants = analyzer().constants
    return nltk_own


@pytest.mark.parametrize(
    "text",
    [
        'He said: "This is a GREAT, great deal!!!" -- not bad, at least.',
        "Awful?! Really?!? 'Horrible' deal... kind of good, but bad.",
        "cat, ,cat cat!!! !!!cat ?!?cat cat?!?! \"cat\" -cat- :) :-( <3 don't, 'tis",
        "NOT good!!   Very   BAD!?!?  ",
        "",
        "x",
    ],
)
def test_scores_equal_nltks_own_analyser(text):
    assert analyzer().polarity_scores(text) == _nltk_analyser().polarity_scores(text)


_MARKS = ["", "", ".", ",", "!", "!!!", "?!?", "?!", "'", '"', "-", ":", "\u201c"]
_WORDS = ["good", "GOOD", "bad", "Bad", "kind", "of", "not", "but", "very", "great", "x", ":)"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_MARKS), st.sampled_from(_WORDS), st.sampled_from(_MARKS)),
        max_size=12,
    )
)
def test_scores_equal_nltks_own_analyser_on_any_text(tokens):
    text = " ".join(before + word + after for before, word, after in tokens)
    assert analyzer().polarity_scores(text) == _nltk_analyser().polarity_scores(text)


@pytest.mark.parametrize("digits", [3, 4])
def test_round_is_pythons_round(digits):
    """``_round`` gives ``round``'s double, sign of zero included, on the halfway points of
    ``[-1, 1]`` (where ``round`` decides), next to them, and between them."""
    scale = 10.0**digits
    halves = [k / (2 * scale) for k in range(-2 * int(scale) - 1, 2 * int(scale) + 2)]
    values = [h + e for h in halves for e in (0.0, 1e-17, -1e-17, 1e-13, -1e-13, 1e-7, -1e-7)]
    values += [0.0, -0.0, 1e-300, -1e-300, 0.1 + 0.2, -2 / 3, 1 / 3]
    for x in values:
        assert repr(_round(x, scale)) == repr(round(x, digits)), x
