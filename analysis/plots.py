"""Matplotlib figures used by the notebooks. Each function returns the ``Axes`` it drew on.

Every figure has a title and labelled axes. Functions take the analysis tables (or tables
derived from them by the helpers in ``analysis``) and an optional ``ax``.
"""

from __future__ import annotations

import matplotlib.pyplot as plt

# --- entities ---------------------------------------------------------------------------------

# --- quotes and sentiment ---------------------------------------------------------------------

# --- chronology -------------------------------------------------------------------------------


def _axes(ax=None, figsize=(8, 4.5)):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax
