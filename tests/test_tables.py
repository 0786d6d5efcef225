"""Table schemas and the Parquet round trip."""

import pandas as pd
import pytest

from analysis.tables import SCHEMAS, Analysis, frame, schema_markdown


@pytest.mark.parametrize("table", list(SCHEMAS))
def test_empty_tables_have_schema_columns_and_dtypes(table):
    df = frame(table)
    assert list(df.columns) == list(SCHEMAS[table])
    for col, (dtype, _) in SCHEMAS[table].items():
        assert df[col].dtype == pd.api.types.pandas_dtype(dtype), col


def test_parquet_round_trip(seed_analysis, tmp_path):
    seed_analysis.save(tmp_path / "tables")
    back = Analysis.load(tmp_path / "tables")
    for name, df in seed_analysis.tables().items():
        pd.testing.assert_frame_equal(getattr(back, name), df, check_dtype=True)


def test_save_is_atomic_and_replaces(seed_analysis, tmp_path, monkeypatch):
    out = tmp_path / "tables"
    seed_analysis.save(out)
    before = (out / "articles.parquet").read_bytes()

    def boom(self, *a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_parquet", boom)
    with pytest.raises(RuntimeError):
        Analysis().save(out)
    assert (out / "articles.parquet").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["tables"]  # no temporary leftovers


def test_load_missing_folder_is_clear(tmp_path):
    with pytest.raises(FileNotFoundError, match="no saved analysis"):
        Analysis.load(tmp_path / "nope")


def test_schema_markdown_lists_every_column():
    md = schema_markdown("sentences")
    assert all(f"`{c}`" in md for c in SCHEMAS["sentences"])


def test_readme_documents_the_current_schemas():
    from pathlib import Path

    from analysis.tables import schemas_markdown

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert schemas_markdown() in readme, "run `make readme` to refresh README.md"


def test_dates_outside_the_nanosecond_range_become_nat():
    import datetime as dt

    df = frame(
        "timexes",
        [
            {
                "article_id": "a",
                "timex_id": 0,
                "sentence_id": 0,
                "start": 0,
                "end": 4,
                "text": "1523",
                "type": "DATE",
                "value": "1523",
                "interval_start": dt.date(1523, 1, 1),
                "interval_end": dt.date(1523, 12, 31),
            }
        ],
    )
    assert df.interval_start.isna().all() and str(df.interval_start.dtype) == "datetime64[ns]"


@pytest.mark.filterwarnings("ignore:The inplace keyword")  # inside dask, not ours
def test_load_reads_tables_written_as_dask_partitions(seed_analysis, tmp_path):
    """A folder of part files per table (as ``dask.dataframe.to_parquet`` writes) loads back."""
    dd = pytest.importorskip("dask.dataframe")
    seed_analysis.save(tmp_path / "a")
    for name, df in seed_analysis.tables().items():
        dd.from_pandas(df, npartitions=2).to_parquet(tmp_path / "a" / f"{name}.parquet.d")
        (tmp_path / "a" / f"{name}.parquet").unlink()
        (tmp_path / "a" / f"{name}.parquet.d").rename(tmp_path / "a" / f"{name}.parquet")
    assert len(list((tmp_path / "a" / "entities.parquet").glob("*.parquet"))) >= 1
    loaded = Analysis.load(tmp_path / "a")
    for name, df in seed_analysis.tables().items():
        pd.testing.assert_frame_equal(getattr(loaded, name), df, obj=name)
