"""Shared fixtures: the seed corpus and the gold-data location (never copied into the repo)."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
EVAL = Path(os.environ.get("NEWSNB_EVAL", ROOT.parent / "shared" / "eval"))


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_analysis():
    """The full analysis of the seed, computed once per test session."""
    import analysis

    return analysis.analyze(SEEDS, progress=False)


def eval_path(*parts: str) -> Path:
    """A path into the development gold data, or skip the test when it is absent."""
    path = EVAL.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"gold data not found at {path} (set NEWSNB_EVAL to ../shared/eval)")
    return path


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Keep the CLI's result cache out of the user's home during tests."""
    mp = pytest.MonkeyPatch()
    mp.setenv("NEWSNB_CACHE", str(tmp_path_factory.mktemp("cache")))
    yield
    mp.undo()
