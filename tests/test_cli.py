"""The newsnb command line."""

import subprocess
import sys

import pandas as pd
import pytest

from analysis.cli import main


def test_parse_writes_tables(seed_dir, tmp_path, capsys):
    assert main(["parse", str(seed_dir), "--out", str(tmp_path / "t"), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "1 articles" in out and "0 skipped" in out
    articles = pd.read_parquet(tmp_path / "t" / "articles.parquet")
    assert articles.source.tolist() == ["Azernews"]


def test_missing_corpus_is_one_line_no_traceback(tmp_path, capsys):
    assert main(["parse", str(tmp_path / "nope"), "--out", str(tmp_path / "t")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsnb: error: no such file") and "Traceback" not in err


def test_unreadable_corpus_exits_nonzero(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("")
    assert main(["parse", str(tmp_path), "--out", str(tmp_path / "t")]) == 1
    assert "no readable article" in capsys.readouterr().err


def test_skipped_files_are_counted(seed_dir, tmp_path, capsys):
    (tmp_path / "good.txt").write_text((seed_dir / "000_aa2e1e8bda0eac39.txt").read_text())
    (tmp_path / "empty.txt").write_text("")
    assert main(["parse", str(tmp_path), "--out", str(tmp_path / "t"), "--quiet"]) == 0
    assert "1 skipped" in capsys.readouterr().out


@pytest.mark.parametrize("args", [["--help"], ["parse", "--help"], ["report", "--help"]])
def test_help_via_python_m(args):
    done = subprocess.run(
        [sys.executable, "-m", "analysis", *args], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and "usage: newsnb" in done.stdout
