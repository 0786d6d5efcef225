"""Draw the README's pictures from the seed corpus: ``python docs/make_figures.py``.

Three of the figures the reports show, for ``seeds/``: the most mentioned entities, the tone of
the quotes and the chronology of events. Written to ``docs/*.png``.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import analysis  # noqa: E402
from analysis import plots  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(__file__).resolve().parent


def main() -> None:
    a = analysis.analyze(ROOT / "seeds", progress=False)
    figures = {
        "entities.png": plots.plot_top_entities(analysis.entity_frequency(a), n=12),
        "quotes.png": plots.plot_quote_sentiment(a.quotes),
        "chronology.png": plots.plot_timeline(analysis.chronology(a), max_events=12),
    }
    for name, ax in figures.items():
        ax.figure.savefig(OUT / name, dpi=80)
        print(OUT / name)


if __name__ == "__main__":
    main()
