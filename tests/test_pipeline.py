"""analyze(): the corpus-level entry point."""

import pandas as pd

import analysis
from analysis import pipeline


def test_seed_article_row(seed_analysis):
    row = seed_analysis.articles.iloc[0]
    assert (row.article_id, row.source, row.author) == (
        "000_aa2e1e8bda0eac39", "Azernews", "Fatima Hasanova")
    assert row.date == pd.Timestamp("2023-01-09")


def test_every_span_points_into_its_article(seed_analysis):
    texts = dict(zip(seed_analysis.articles.article_id, seed_analysis.articles.text, strict=True))
    for name in ("sentences", "entities", "quotes", "timexes"):
        for row in getattr(seed_analysis, name).itertuples():
            assert texts[row.article_id][row.start : row.end] == row.text, (name, row)


def test_a_failing_step_is_reported_and_the_rest_goes_on(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("date 2020-01-01 By X\n\nFirst article. It is fine.")
    (tmp_path / "b.txt").write_text("date 2020-01-02 By X\n\nSecond article. Also fine.")

    def broken(doc):
        if "Second" in doc.text:
            raise RuntimeError("boom")
        return {"entities": []}

    steps = [(n, broken if n == "entities" else f) for n, f in pipeline.STEPS]
    monkeypatch.setattr(pipeline, "STEPS", steps)
    a = analysis.analyze(tmp_path, progress=False)
    assert len(a.articles) == 2
    assert a.sentences.article_id.unique().tolist() == ["a", "b"]
    (err,) = a.errors.itertuples()
    assert err.path.endswith("b.txt") and "entities step failed: RuntimeError: boom" in err.reason


def test_workers_give_identical_tables(tmp_path, seed_dir):
    for i in range(5):
        text = (seed_dir / "000_aa2e1e8bda0eac39.txt").read_text()
        (tmp_path / f"{i}.txt").write_text(text.replace("Canada", f"Canada{i}"))
    one = analysis.analyze(tmp_path, progress=False)
    two = analysis.analyze(tmp_path, workers=2, progress=False)
    for name, df in one.tables().items():
        pd.testing.assert_frame_equal(getattr(two, name), df)


def test_saved_folder_is_loaded_not_reparsed(seed_analysis, tmp_path):
    seed_analysis.save(tmp_path / "parsed")
    again = analysis.analyze(tmp_path / "parsed")
    pd.testing.assert_frame_equal(again.sentences, seed_analysis.sentences)
