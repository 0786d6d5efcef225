"""analyze(): the corpus-level entry point."""

import pandas as pd
import pytest

import analysis
from analysis import pipeline


def test_seed_article_row(seed_analysis):
    row = seed_analysis.articles.iloc[0]
    assert (row.article_id, row.source, row.author) == (
        "000_aa2e1e8bda0eac39",
        "Azernews",
        "Fatima Hasanova",
    )
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


def _corpus(tmp_path, seed_dir, n):
    text = (seed_dir / "000_aa2e1e8bda0eac39.txt").read_text()
    for i in range(n):
        (tmp_path / f"{i:02d}.txt").write_text(text.replace("Canada", f"Canada and Peru{i}"))
    return tmp_path


def test_parse_streams_the_same_tables_as_analyze(tmp_path, seed_dir):
    (tmp_path / "c").mkdir()
    corpus = _corpus(tmp_path / "c", seed_dir, 7)
    rows = pipeline.parse(corpus, tmp_path / "out", chunk_size=3, progress=False)
    back = analysis.Analysis.load(tmp_path / "out")
    ref = analysis.analyze(corpus, progress=False)
    assert rows["articles"] == 7
    for name, df in ref.tables().items():
        pd.testing.assert_frame_equal(getattr(back, name), df, check_dtype=True)


def test_parse_without_articles_keeps_previous_output(tmp_path, seed_dir):
    out = tmp_path / "out"
    pipeline.parse(seed_dir, out, progress=False)
    before = (out / "articles.parquet").read_bytes()
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "empty.txt").write_text("")
    with pytest.raises(analysis.CorpusError, match="no readable article"):
        pipeline.parse(tmp_path / "bad", out, progress=False)
    assert (out / "articles.parquet").read_bytes() == before


def test_parse_is_byte_identical_across_runs_and_workers(tmp_path, seed_dir):
    (tmp_path / "c").mkdir()
    corpus = _corpus(tmp_path / "c", seed_dir, 5)
    pipeline.parse(corpus, tmp_path / "a", chunk_size=2, progress=False)
    pipeline.parse(corpus, tmp_path / "b", chunk_size=2, workers=2, progress=False)
    for name in analysis.Analysis().tables():
        f = f"{name}.parquet"
        assert (tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes(), name


def test_cache_reanalyses_only_changed_articles(tmp_path, seed_dir, monkeypatch):
    (tmp_path / "c").mkdir()
    corpus = _corpus(tmp_path / "c", seed_dir, 4)
    calls = []
    real = pipeline._raw_result
    monkeypatch.setattr(
        pipeline, "_raw_result", lambda a, o: calls.append(a.article_id) or real(a, o)
    )
    first = analysis.analyze(corpus, cache=tmp_path / "cache", progress=False)
    assert len(calls) == 4
    (corpus / "02.txt").write_text((corpus / "02.txt").read_text().replace("Biden", "Bidden"))
    calls.clear()
    second = analysis.analyze(corpus, cache=tmp_path / "cache", progress=False)
    assert calls == ["02"]
    keep = first.sentences.article_id != "02"
    pd.testing.assert_frame_equal(
        second.sentences[keep].reset_index(drop=True), first.sentences[keep].reset_index(drop=True)
    )
    calls.clear()
    analysis.analyze(corpus, cache=tmp_path / "cache", metonymy=False, progress=False)
    assert len(calls) == 4  # other options, other results


def test_worker_processes_fill_and_reuse_the_cache(tmp_path, seed_dir, caplog):
    (tmp_path / "c").mkdir()
    corpus = _corpus(tmp_path / "c", seed_dir, 3)
    cache = tmp_path / "cache"
    first = analysis.analyze(corpus, workers=2, cache=cache, progress=False)
    assert len(list(cache.rglob("*.pkl"))) == 3  # written by the workers
    with caplog.at_level("INFO", logger="analysis.pipeline"):
        second = analysis.analyze(corpus, workers=2, cache=cache, progress=False)
    assert "cache: 3 reused, 0 analysed" in caplog.text
    for name, df in first.tables().items():
        pd.testing.assert_frame_equal(getattr(second, name), df, obj=name)


def test_dask_local_cluster_gives_the_local_result(tmp_path, seed_dir):
    pytest.importorskip("distributed")
    from distributed import Client, LocalCluster

    (tmp_path / "c").mkdir()
    corpus = _corpus(tmp_path / "c", seed_dir, 5)
    ref = analysis.analyze(corpus, progress=False)
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            got = analysis.analyze(corpus, scheduler=client, chunk_size=2, progress=False)
            pipeline.parse(corpus, tmp_path / "out", scheduler=client, chunk_size=2, progress=False)
    for name, df in ref.tables().items():
        pd.testing.assert_frame_equal(getattr(got, name), df)
    pd.testing.assert_frame_equal(analysis.Analysis.load(tmp_path / "out").entities, ref.entities)


def test_objects_and_thresholds_are_given_back_to_the_garbage_collector(seed_dir):
    # the analysis keeps what existed before it out of full collections (gc.freeze), and
    # gives it back at the end, also when the caller stops reading chunks early
    import gc

    before = gc.get_threshold()
    assert gc.get_freeze_count() == 0
    analysis.analyze(seed_dir)
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before
    chunks = pipeline.iter_analysis(seed_dir, chunk_size=1)
    next(chunks)
    assert gc.get_freeze_count() > 0  # frozen while the corpus is read
    assert gc.get_threshold()[0] == max(pipeline.GC_YOUNG, before[0])
    chunks.close()
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before
