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

import itertools
import math
import string
from functools import lru_cache
from importlib import resources

import pandas as pd
from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

from .text import WordMemo

SCORE_KEYS = ("neg", "neu", "pos", "compound")


_PUNCTUATION = string.punctuation  # what VaderConstants.REGEX_REMOVE_PUNCTUATION removes
_PUNCTUATION_CHARS = frozenset(_PUNCTUATION)
_MARKS = frozenset(VaderConstants.PUNC_LIST)  # punctuation NLTK strips off a word's ends
_NEGATE = frozenset(VaderConstants.NEGATE)
# Function words of idioms and two-word boosters, too common to hint at one nearby.
_COMMON_IDIOM_WORDS = frozenset({"the", "of", "to"})
# The words of the idioms and two-word boosters NLTK's ``_idioms_check`` looks for around a
# word (``words[i - 3 : i + 3]``), but the common ones: every such phrase has another word
# (`the shit`, `kiss of death`, `kind of`), so where none of these occurs, no phrase does and
# ``_idioms_check`` leaves the valence as it is.
_IDIOM_WORDS = frozenset(
    part
    for phrase in itertools.chain(VaderConstants.SPECIAL_CASE_IDIOMS, VaderConstants.BOOSTER_DICT)
    if " " in phrase
    for part in phrase.split(" ")
    if part not in _COMMON_IDIOM_WORDS
)
#: Texts of up to this many words find a word's first index with ``list.index``.
_SCAN_WORDS = 64
#: The scores of a text with words, none of them in the lexicon: NLTK's ``score_valence`` of
#: zeros (no sum to amplify, every word neutral).
_NEUTRAL = {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}


def _words_and_emoticons(text: str) -> list[str]:
    """The words of ``text`` as NLTK's ``SentiText`` finds them, faster.

    NLTK strips punctuation glued to a word (``cat,`` -> ``cat``) by building a dictionary of
    every word of the text joined to every one of 17 punctuation marks, before and after:
    most of VADER's time on a long quote. Those words are the text's tokens with all
    punctuation removed, so what NLTK keeps of a token depends on the token alone
    (:func:`_vader_word`), remembered per token.
    """
    return list(filter(None, map(_VADER_WORDS.__getitem__, text.split())))


def _vader_word(we: str) -> str:
    """What NLTK's ``SentiText`` keeps of the whitespace token ``we`` ("": nothing).

    NLTK drops a token of one character, and a token is a key of its punctuation dictionary
    exactly when its trailing (or else leading) run of punctuation is one of the marks and the
    rest is two characters or more without punctuation: then the rest is kept.
    """
    if len(we) <= 1:
        return ""
    if we[-1] in _PUNCTUATION_CHARS:
        word = we.rstrip(_PUNCTUATION)
        if we[len(word) :] in _MARKS and _is_bare_word(word):
            return word
    if we[0] in _PUNCTUATION_CHARS:
        word = we.lstrip(_PUNCTUATION)
        if we[: len(we) - len(word)] in _MARKS and _is_bare_word(word):
            return word
    return we  # never "": a token of punctuation only is kept whole


_VADER_WORDS = WordMemo(_vader_word)


def _is_bare_word(word: str) -> bool:
    """Two characters or more, none of them punctuation: a word NLTK's dictionary holds."""
    return len(word) > 1 and _PUNCTUATION_CHARS.isdisjoint(word)


def _negated(low: str) -> bool:
    """NLTK's ``VaderConstants.negated([word])`` of a lower-cased word."""
    return low in _NEGATE or "n't" in low


def _modifies(low: str) -> bool:
    """Whether the lower-cased word, one of the three before a word of the lexicon, may change
    that word's valence in NLTK's ``sentiment_valence``: a booster (``scalar_inc_dec``), a
    negation, `never`, `so` or `this` (``_never_check``), or `least` (``_least_check``)."""
    return low in VaderConstants.BOOSTER_DICT or _negated(low) or low in _NEVER_CHECK_WORDS


_NEVER_CHECK_WORDS = frozenset({"never", "so", "this", "least"})
_MODIFIES = WordMemo(_modifies)


def _scalar_inc_dec(
    c: VaderConstants, word: str, low: str, valence: float, is_cap_diff: bool
) -> float:
    """NLTK's ``VaderConstants.scalar_inc_dec``, given the word lower-cased too."""
    scalar = 0.0
    if low in c.BOOSTER_DICT:
        scalar = c.BOOSTER_DICT[low]
        if valence < 0:
            scalar *= -1
        # check if booster/dampener word is in ALLCAPS (while others aren't)
        if word.isupper() and is_cap_diff:
            if valence > 0:
                scalar += c.C_INCR
            else:
                scalar -= c.C_INCR
    return scalar


class LexiconAnalyzer(SentimentIntensityAnalyzer):
    """NLTK's analyser fed with lexicon text we read ourselves, scoring the same, faster.

    NLTK's constructor loads the lexicon through ``nltk.data.load``, which only reads files
    under NLTK's data folders; we read the ``vaderSentiment`` file and keep NLTK's scoring.
    ``polarity_scores`` is NLTK's own, step for step and with the same arithmetic, except that
    it finds the words with :func:`_words_and_emoticons`, lower-cases each word once, and
    works on the words of the lexicon only: NLTK gives every other word a valence of 0
    (``sentiment_valence`` only reads the neighbours of a word it finds in the lexicon), and a
    0 changes none of the sums, only the count of neutral words (see :meth:`_scores`). It
    calls NLTK's ``_idioms_check`` only when a word of an idiom is near, and sums the scores
    up without NLTK's helper calls. ``tests/test_sentiment.py`` checks both give the same
    scores.
    """

    def __init__(self, lexicon_text: str) -> None:  # noqa: D107 - see class docstring
        self.lexicon_file = lexicon_text.strip("\n")
        self.lexicon = self.make_lex_dict()
        self.constants = VaderConstants()
        # whether a word's lower case is in the lexicon, per word: most texts are news, their
        # words come back, and a third of them have none in the lexicon (asked of every word)
        self._in_lexicon = WordMemo(lambda word: word.lower() in self.lexicon)

    def polarity_scores(self, text: str) -> dict[str, float]:
        words = _words_and_emoticons(text)
        if not words:
            return self._scores([], 0, text)
        hits = list(itertools.compress(itertools.count(), map(self._in_lexicon.__getitem__, words)))
        if not hits:  # no word of the lexicon (a third of quoted sentences): all neutral
            return dict(_NEUTRAL)
        lowers = list(map(str.lower, words))
        positions, valences = self._valences(words, lowers, hits)
        if "but" in lowers:  # NLTK's _but_check
            bi = lowers.index("but")
            valences = [
                v * 0.5 if pos < bi else v * 1.5 if pos > bi else v
                for pos, v in zip(positions, valences, strict=True)
            ]
        return self._scores(valences, len(words), text)

    def _valences(
        self, words: list[str], lowers: list[str], hits: list[int]
    ) -> tuple[list[int], list[float]]:
        """The positions and valences of the words of the lexicon (``hits``: their positions)
        that NLTK gives a valence: not boosters, nor the `kind` of `kind of`."""
        allcaps = sum(map(str.isupper, words))
        is_cap_diff = 0 < len(words) - allcaps < len(words)  # NLTK's allcap_differential
        last = len(words) - 1
        boosters = self.constants.BOOSTER_DICT
        # each word's first index: NLTK reads around it. ``words.index`` scans a short text
        # quickly; on a long one, a dict of the first indexes (the last one written wins), as
        # a scan per hit would take quadratic time on a huge unbalanced quote
        if len(words) <= _SCAN_WORDS:
            first_index = words.index
        else:
            first_index = dict(zip(reversed(words), range(last, -1, -1), strict=True)).__getitem__
        positions = []
        valences = []
        for pos in hits:
            low = lowers[pos]
            i = first_index(words[pos])
            if (i < last and low == "kind" and lowers[i + 1] == "of") or low in boosters:
                continue  # NLTK's valence 0
            positions.append(pos)
            valences.append(self._valence(words, lowers, i, is_cap_diff))
        return positions, valences

    def score_valence(self, sentiments: list, text: str) -> dict[str, float]:
        """NLTK's ``score_valence``: the scores of the valences of all the words of ``text``."""
        return self._scores([s for s in sentiments if s], len(sentiments), text)

    @staticmethod
    def _scores(valences: list[float], n_words: int, text: str) -> dict[str, float]:
        """NLTK's ``score_valence`` of ``n_words`` words, given the valences of those that
        have one (in the order of the words: the others have a valence of 0).

        NLTK's helpers (``_punctuation_emphasis``, ``_sift_sentiment_scores``, ``normalize``)
        are inlined with the same arithmetic in the same order: the calls cost more than the
        sums on a short sentence. The zeros left out change no sum: adding 0 to a float gives
        it back exactly (``sum`` never holds -0.0, as it starts from the integer 0), and a 0
        counts as a neutral word, which ``neu_count`` counts from ``n_words``.
        """
        if not n_words:
            return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
        sum_s = float(sum(valences))
        # emphasis from exclamation points (up to 4) and question marks (2 or 3+)
        qm_count = text.count("?")
        qm_amplifier = 0
        if qm_count > 1:
            qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
        punct_emph_amplifier = min(text.count("!"), 4) * 0.292 + qm_amplifier
        if sum_s > 0:
            sum_s += punct_emph_amplifier
        elif sum_s < 0:
            sum_s -= punct_emph_amplifier
        compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
        pos_sum = 0.0
        neg_sum = 0.0
        neu_count = n_words
        for sentiment_score in valences:
            if sentiment_score > 0:
                pos_sum += float(sentiment_score) + 1  # a neutral word counts 1
                neu_count -= 1
            elif sentiment_score < 0:
                neg_sum += float(sentiment_score) - 1
                neu_count -= 1
        if pos_sum > math.fabs(neg_sum):
            pos_sum += punct_emph_amplifier
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= punct_emph_amplifier
        total = pos_sum + math.fabs(neg_sum) + neu_count
        return {
            "neg": _round(math.fabs(neg_sum / total), 1e3),
            "neu": _round(math.fabs(neu_count / total), 1e3),
            "pos": _round(math.fabs(pos_sum / total), 1e3),
            "compound": _round(compound, 1e4),
        }

    def _valence(self, words: list[str], lowers: list[str], i: int, is_cap_diff: bool) -> float:
        """NLTK's ``sentiment_valence`` of the lexicon word ``words[i]`` (``lowers``: the
        words lower-cased), with its checks of the words before inlined."""
        c = self.constants
        lexicon = self.lexicon
        valence = lexicon[lowers[i]]
        # check if sentiment laden word is in ALL CAPS (while others aren't)
        if words[i].isupper() and is_cap_diff:
            if valence > 0:
                valence += c.C_INCR
            else:
                valence -= c.C_INCR
        if _plain_before(words, lowers, i):
            # NLTK's checks below change nothing: they add a scalar of 0.0 per word before
            # (x + 0.0 is x, or 0.0 for x = -0.0, which scores the same), multiply nothing
            return valence
        for start_i in range(0, 3):
            k = i - (start_i + 1)
            if i > start_i and lowers[k] not in lexicon:
                # dampen the scalar modifier of preceding words by their distance
                s = _scalar_inc_dec(c, words[k], lowers[k], valence, is_cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = self._never(valence, words, lowers, start_i, i)
                if start_i == 2 and not _IDIOM_WORDS.isdisjoint(words[i - 3 : i + 3]):
                    valence = self._idioms_check(valence, words, i)
        # NLTK's _least_check: negation by a preceding "least" (not "at least", "very least")
        if i > 0 and lowers[i - 1] == "least" and "least" not in lexicon:
            if i == 1 or (lowers[i - 2] != "at" and lowers[i - 2] != "very"):
                valence = valence * c.N_SCALAR
        return valence

    def _never(
        self, valence: float, words: list[str], lowers: list[str], start_i: int, i: int
    ) -> float:
        """NLTK's ``_never_check``, its negation test reading ``lowers``."""
        n_scalar = self.constants.N_SCALAR
        if start_i == 0:
            if _negated(lowers[i - 1]):
                valence = valence * n_scalar
        if start_i == 1:
            if words[i - 2] == "never" and (words[i - 1] == "so" or words[i - 1] == "this"):
                valence = valence * 1.5
            elif _negated(lowers[i - 2]):
                valence = valence * n_scalar
        if start_i == 2:
            if (
                words[i - 3] == "never"
                and (words[i - 2] == "so" or words[i - 2] == "this")
                or (words[i - 1] == "so" or words[i - 1] == "this")
            ):
                valence = valence * 1.25
            elif _negated(lowers[i - 3]):
                valence = valence * n_scalar
        return valence


def _round(x: float, scale: float) -> float:
    """``round(x, 3)`` for ``scale`` 1e3, ``round(x, 4)`` for 1e4, in a third of the time.

    ``round(x, d)`` rounds the exact value of ``x`` (a score: ``|x| <= 1``) to the nearest
    multiple of ``10 ** -d`` (ties to even) and reads that decimal back: the double nearest
    to ``n / scale``, for the integer ``n`` nearest to ``x * scale``. Computed in floats,
    ``x * scale`` is within half an ulp (< 1e-12) of the exact product, so the nearest
    integer ``n`` is the same unless the product is (nearly) halfway between two integers:
    then ``round`` decides. ``n / scale`` is that nearest double too (``n`` and ``scale``
    are exact doubles, and IEEE division rounds correctly), and an ``x`` rounding to zero
    keeps its sign, as with ``round`` (``-0.0``). ``tests/test_sentiment.py`` compares both
    on halfway cases.
    """
    y = x * scale
    n = round(y)
    if abs(abs(y - n) - 0.5) < 1e-6:  # (nearly) halfway: let round decide
        return round(x, 3 if scale == 1e3 else 4)
    return n / scale if n else math.copysign(0.0, x)


def _plain_before(words: list[str], lowers: list[str], i: int) -> bool:
    """Whether NLTK's checks of the words before ``words[i]`` leave its valence as it is: none
    of the three words before modifies it (:func:`_modifies`), and no idiom is near (NLTK
    only looks for idioms from the fourth word on)."""
    return not any(map(_MODIFIES.__getitem__, lowers[max(0, i - 3) : i])) and (
        i < 3 or _IDIOM_WORDS.isdisjoint(words[i - 3 : i + 3])
    )


def lexicon_text() -> str:
    """The text of the ``vader_lexicon.txt`` shipped by the ``vaderSentiment`` package."""
    return resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")


@lru_cache(maxsize=1)
def analyzer() -> LexiconAnalyzer:
    """The VADER analyser, built once per process."""
    return LexiconAnalyzer(lexicon_text())


def score_sentiment(text: str) -> dict[str, float]:
    """VADER scores of ``text``: ``{"neg", "neu", "pos", "compound"}``.

    >>> score_sentiment("We offer our products to friendly countries.")["compound"] > 0.3
    True
    >>> score_sentiment("")
    {'neg': 0.0, 'neu': 0.0, 'pos': 0.0, 'compound': 0.0}
    """
    if not text or text.isspace():
        return dict.fromkeys(SCORE_KEYS, 0.0)
    return analyzer().polarity_scores(text)  # a new dict of floats, keys in SCORE_KEYS order


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
