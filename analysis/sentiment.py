"""VADER sentiment scores (neg, neu, pos, compound) with NLTK's analyser, and their summaries.

The scoring code is NLTK's ``nltk.sentiment.vader.SentimentIntensityAnalyzer``; the lexicon is
the ``vader_lexicon.txt`` shipped inside the installed ``vaderSentiment`` package (C.J. Hutto's
reference implementation, v3.3.2, MIT licence), read from that package's folder, so nothing is
ever downloaded (no ``nltk.download('vader_lexicon')``).

That lexicon differs slightly from the copy in NLTK's data package (7,506 vs 7,502 entries):
it adds ``heart``, ``hearts``, ``flawed`` and ``:P``, and rates ``badass`` +1.4 (NLTK: -0.6)
and ``:p`` +1.0 (NLTK: +1.4). Scores of news text are therefore the same as with NLTK's copy
except where these words occur (measured in ``benchmarks/eval_quotes.py``).
"""

from __future__ import annotations

import string
from functools import lru_cache
from importlib import resources

import pandas as pd
from nltk.sentiment.vader import SentimentIntensityAnalyzer, SentiText, VaderConstants

SCORE_KEYS = ("neg", "neu", "pos", "compound")


class _SentiText(SentiText):
    """NLTK's ``SentiText`` finding the same words faster.

    NLTK strips punctuation glued to a word (``cat,`` -> ``cat``) by building a dictionary of
    every word of the text joined to every one of 17 punctuation marks, before and after:
    most of VADER's time on a long quote. A word of the text has no punctuation in it, so a
    token is such a key exactly when its leading or trailing run of punctuation is one of the
    marks and the rest is a word of the text: checked token by token here, same result.
    """

    def _words_and_emoticons(self) -> list[str]:
        text = self.text
        words_only = {w for w in self.REGEX_REMOVE_PUNCTUATION.sub("", text).split() if len(w) > 1}
        marks = frozenset(self.PUNC_LIST)
        out = []
        for we in text.split():
            if len(we) <= 1:
                continue
            word = we.rstrip(_PUNCTUATION)
            if word != we and we[len(word) :] in marks and word in words_only:
                out.append(word)
                continue
            word = we.lstrip(_PUNCTUATION)
            if word != we and we[: len(we) - len(word)] in marks and word in words_only:
                out.append(word)
                continue
            out.append(we)
        return out


_PUNCTUATION = string.punctuation  # what VaderConstants.REGEX_REMOVE_PUNCTUATION removes


class LexiconAnalyzer(SentimentIntensityAnalyzer):
    """NLTK's analyser fed with lexicon text we read ourselves.

    NLTK's constructor loads the lexicon through ``nltk.data.load``, which only reads files
    under NLTK's data folders; we read the ``vaderSentiment`` file and keep NLTK's scoring.
    ``polarity_scores`` is NLTK's own, line for line, except that it builds the faster
    :class:`_SentiText` and appends a word's 0 itself when the lexicon lacks the word (NLTK's
    ``sentiment_valence`` only reads neighbours of a word it finds in the lexicon):
    ``tests/test_sentiment.py`` checks both give the same scores.
    """

    def __init__(self, lexicon_text: str) -> None:  # noqa: D107 - see class docstring
        self.lexicon_file = lexicon_text.strip("\n")
        self.lexicon = self.make_lex_dict()
        self.constants = VaderConstants()

    def polarity_scores(self, text: str) -> dict[str, float]:
        sentitext = _SentiText(
            text, self.constants.PUNC_LIST, self.constants.REGEX_REMOVE_PUNCTUATION
        )
        sentiments: list = []
        words_and_emoticons = sentitext.words_and_emoticons
        first_index: dict[str, int] = {}
        for idx, token in enumerate(words_and_emoticons):
            if token not in first_index:
                first_index[token] = idx
        lexicon = self.lexicon
        for item in words_and_emoticons:
            if item.lower() not in lexicon:
                # what NLTK's checks below and `sentiment_valence` give a word without valence
                sentiments.append(0)
                continue
            valence = 0
            i = first_index[item]
            if (
                i < len(words_and_emoticons) - 1
                and item.lower() == "kind"
                and words_and_emoticons[i + 1].lower() == "of"
            ) or item.lower() in self.constants.BOOSTER_DICT:
                sentiments.append(valence)
                continue
            sentiments = self.sentiment_valence(valence, sentitext, item, i, sentiments)
        sentiments = self._but_check(words_and_emoticons, sentiments)
        return self.score_valence(sentiments, text)


def lexicon_text() -> str:
    """The text of the ``vader_lexicon.txt`` shipped by the ``vaderSentiment`` package."""
    return resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")


@lru_cache(maxsize=1)
def analyzer() -> SentimentIntensityAnalyzer:
    """The VADER analyser, built once per process."""
    return LexiconAnalyzer(lexicon_text())


def score_sentiment(text: str) -> dict[str, float]:
    """VADER scores of ``text``: ``{"neg", "neu", "pos", "compound"}``.

    >>> score_sentiment("We offer our products to friendly countries.")["compound"] > 0.3
    True
    >>> score_sentiment("")
    {'neg': 0.0, 'neu': 0.0, 'pos': 0.0, 'compound': 0.0}
    """
    if not text or not text.strip():
        return dict.fromkeys(SCORE_KEYS, 0.0)
    scores = analyzer().polarity_scores(text)
    return {k: float(scores[k]) for k in SCORE_KEYS}


# --- summaries for the notebooks ----------------------------------------------------------

#: Quote kinds that are statements: only these count in the summaries by default.
STATEMENT_KINDS = ("direct",)


def _statements(quotes: pd.DataFrame, kinds: tuple[str, ...]) -> pd.DataFrame:
    return quotes[quotes["kind"].isin(kinds)]


def _summary(groups) -> pd.DataFrame:
    out = groups["compound"].agg(["count", "mean", "std", "min", "max"])
    return out.rename(columns={"count": "n_quotes"}).reset_index()


def sentiment_by_speaker(
    quotes: pd.DataFrame, *, kinds: tuple[str, ...] = STATEMENT_KINDS, min_quotes: int = 1
) -> pd.DataFrame:
    """Compound score per speaker: ``n_quotes``, ``n_articles``, ``mean``, ``std``, ``min``,
    ``max`` (most quoted first). Quotes without a speaker are left out.

    >>> a = analyze("seeds")                          # doctest: +SKIP
    >>> sentiment_by_speaker(a.quotes)                # doctest: +SKIP
    """
    q = _statements(quotes, kinds).dropna(subset=["speaker_id"])
    cols = ["speaker_id", "speaker", "n_quotes", "n_articles", "mean", "std", "min", "max"]
    if q.empty:
        return pd.DataFrame(columns=cols)
    out = _summary(q.groupby(["speaker_id", "speaker"], observed=True))
    arts = q.groupby("speaker_id", observed=True)["article_id"].nunique().rename("n_articles")
    out = out.merge(arts, on="speaker_id")
    out = out[out["n_quotes"] >= min_quotes]
    return out[cols].sort_values(["n_quotes", "mean"], ascending=[False, False], ignore_index=True)


def sentiment_by_article(analysis, *, kinds: tuple[str, ...] = STATEMENT_KINDS) -> pd.DataFrame:
    """Compound score per article (``n_quotes``, ``mean``, ``std``, ``min``, ``max``), with the
    article's date, source and title; articles without statements have ``n_quotes`` 0."""
    q = _statements(analysis.quotes, kinds)
    out = analysis.articles[["article_id", "date", "source", "title"]].merge(
        _summary(q.groupby("article_id", observed=True)), on="article_id", how="left"
    )
    out["n_quotes"] = out["n_quotes"].fillna(0).astype("int64")
    return out


def sentiment_over_time(
    analysis, *, freq: str = "W", kinds: tuple[str, ...] = STATEMENT_KINDS
) -> pd.DataFrame:
    """Compound score of the statements per period of publication (``freq``: ``D``, ``W``,
    ``MS``, ...): ``period``, ``n_quotes``, ``mean``, ``std``, ``min``, ``max``. Articles without
    a date are left out."""
    q = _statements(analysis.quotes, kinds).merge(
        analysis.articles[["article_id", "date"]], on="article_id"
    )
    q = q.dropna(subset=["date"])
    cols = ["period", "n_quotes", "mean", "std", "min", "max"]
    if q.empty:
        return pd.DataFrame(columns=cols)
    out = _summary(q.groupby(pd.Grouper(key="date", freq=freq)))
    out = out.rename(columns={"date": "period"})
    return out[out["n_quotes"] > 0][cols].reset_index(drop=True)
