"""newsnb: analyse English news articles — entities, quotes and sentiment, time and events.

>>> import analysis
>>> a = analysis.analyze("seeds")          # doctest: +SKIP
>>> a.articles, a.sentences, a.entities    # doctest: +SKIP
"""

__version__ = "0.1.0"

from .articles import CorpusError, load_corpus
from .pipeline import analyze
from .tables import SCHEMAS, Analysis
from .text import split_sentences, tokenize

__all__ = [
    "Analysis",
    "CorpusError",
    "SCHEMAS",
    "analyze",
    "load_corpus",
    "split_sentences",
    "tokenize",
]
