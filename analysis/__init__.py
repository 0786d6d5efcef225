"""newsnb: analyse English news articles — entities, quotes and sentiment, time and events.

>>> import analysis
>>> a = analysis.analyze("seeds")          # doctest: +SKIP
>>> a.articles, a.sentences, a.entities    # doctest: +SKIP
"""

__version__ = "0.1.0"

from .articles import CorpusError, load_corpus
from .chronology import chronology
from .entities import find_entities
from .events import find_events
from .frequency import cooccurrence, entity_frequency
from .pipeline import analyze
from .quotes import find_quotes
from .report import ReportError, render_reports
from .sentiment import (
    score_sentiment,
    sentiment_by_article,
    sentiment_by_speaker,
    sentiment_over_time,
)
from .tables import SCHEMAS, Analysis
from .text import split_sentences, tokenize
from .timex import find_timexes, interval_of

__all__ = [
    "Analysis",
    "CorpusError",
    "ReportError",
    "SCHEMAS",
    "analyze",
    "chronology",
    "cooccurrence",
    "entity_frequency",
    "find_events",
    "find_entities",
    "find_quotes",
    "find_timexes",
    "interval_of",
    "load_corpus",
    "render_reports",
    "score_sentiment",
    "sentiment_by_article",
    "sentiment_by_speaker",
    "sentiment_over_time",
    "split_sentences",
    "tokenize",
]
