"""The report machinery without kernels: index page, HTML export, output folder safety.

The end-to-end runs (papermill on the real notebooks) are in ``test_notebooks.py``.
"""

import base64
import json

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from analysis import report
from analysis.cli import main
from analysis.report import NotebookRun, ReportError, export_html, render_reports, write_index
from analysis.tables import Analysis, frame

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><a href="javascript:alert(1)">x</a>',
]

# a 1x1 PNG, enough for nbconvert to embed
PNG = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f9d0000000049454e44ae426082"
    )
).decode()


def _analysis(source: str, title: str, reason: str = "odd bytes") -> Analysis:
    articles = frame(
        "articles",
        [
            {
                "article_id": "a1",
                "path": "x.jsonl",
                "record": "line 1",
                "source": source,
                "date": pd.Timestamp("2022-03-15"),
                "author": None,
                "title": title,
                "body_start": 0,
                "n_chars": 4,
                "encoding": "utf-8",
                "sha1": "0",
                "text": "text",
            }
        ],
    )
    errors = frame(
        "errors", [{"path": "bad.txt", "record": "", "level": "error", "reason": reason}]
    )
    return Analysis(articles=articles, errors=errors)


def _runs(ok: bool = True) -> list[NotebookRun]:
    return [
        NotebookRun(
            "01_entities.ipynb", "notebooks/01_entities.ipynb", "01_entities.html", True, 1
        ),
        NotebookRun(
            "02_quotes.ipynb",
            "notebooks/02_quotes.ipynb",
            "02_quotes.html",
            ok,
            1,
            cell="" if ok else "In [4]: a.quotes",
            error="" if ok else "KeyError: '<b>x</b>'",
        ),
    ]


# --------------------------------------------------------------------------------------------
# index.html


@pytest.mark.parametrize("hostile", HOSTILE)
def test_index_escapes_article_strings(tmp_path, hostile):
    index = write_index(_analysis(hostile, hostile, reason=hostile), _runs(ok=False), tmp_path)
    page = index.read_text()
    assert hostile not in page
    assert page.count("&lt;") >= 3  # source, title and reason shown as text
    assert "<script" not in page and "<img" not in page and 'href="javascript' not in page
    assert "&lt;b&gt;x&lt;/b&gt;" in page  # a notebook's error message is escaped too


def test_index_summarises_corpus_and_links_reports(tmp_path):
    page = write_index(_analysis("Daily Planet", "Bridge"), _runs(), tmp_path).read_text()
    for text in ["1 articles", "2022-03-15", "Daily Planet", "Bridge", "odd bytes", "bad.txt"]:
        assert text in page
    for href in ["01_entities.html", "02_quotes.html", "notebooks/01_entities.ipynb"]:
        assert f'href="{href}"' in page


def test_index_marks_a_failed_notebook(tmp_path):
    page = write_index(_analysis("S", "T"), _runs(ok=False), tmp_path).read_text()
    assert "failed" in page and "In [4]: a.quotes" in page


def test_index_of_an_empty_analysis(tmp_path):
    page = write_index(Analysis(), [], tmp_path).read_text()
    assert "0 articles" in page and "no dates" in page


# --------------------------------------------------------------------------------------------
# HTML export


def _executed_notebook(path):
    nb = new_notebook(
        cells=[
            new_markdown_cell("# How many bridges?\n\nSome words."),
            new_code_cell(
                "plot_bridges()",
                execution_count=1,
                outputs=[
                    new_output("display_data", data={"image/png": PNG, "text/plain": "<Figure>"})
                ],
            ),
        ]
    )
    nbformat.write(nb, path)
    return path


@pytest.mark.parametrize("with_code", [False, True])
def test_export_is_standalone_and_hides_code_by_default(tmp_path, with_code):
    nb = _executed_notebook(tmp_path / "n.ipynb")
    page = export_html(nb, tmp_path / "n.html", with_code=with_code).read_text()
    assert f'src="data:image/png;base64,{PNG}' in page
    assert "<title>How many bridges?</title>" in page
    assert "<script src=" not in page  # no require.js / MathJax from a CDN
    assert ("plot_bridges" in page) is with_code


# --------------------------------------------------------------------------------------------
# Output folder safety


def test_refuses_to_replace_a_folder_that_is_not_a_report(tmp_path, seed_dir, capsys):
    (tmp_path / "precious.txt").write_text("keep me")
    assert main(["report", str(seed_dir), "--out", str(tmp_path), "--quiet"]) == 1
    assert "not a newsnb report folder" in capsys.readouterr().err
    assert (tmp_path / "precious.txt").read_text() == "keep me"


def test_missing_notebooks_folder_is_a_report_error(tmp_path):
    with pytest.raises(ReportError, match="no notebooks folder"):
        render_reports(Analysis(), tmp_path / "out", notebooks=tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ReportError, match=r"no \*\.ipynb"):
        render_reports(Analysis(), tmp_path / "out", notebooks=tmp_path / "empty")


def test_interrupted_run_leaves_previous_report_and_no_temporary_folder(tmp_path, monkeypatch):
    out = tmp_path / "reports"
    out.mkdir()
    (out / "index.html").write_text("good")
    (out / report.MARKER).write_text(json.dumps({"format": "newsnb-report"}))
    (tmp_path / "nb").mkdir()
    nbformat.write(new_notebook(), tmp_path / "nb" / "a.ipynb")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(report, "_run_all", interrupted)
    with pytest.raises(KeyboardInterrupt):
        render_reports(Analysis(), out, notebooks=tmp_path / "nb", quiet=True)
    assert (out / "index.html").read_text() == "good"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nb", "reports"]


@pytest.mark.parametrize(
    "names, expected",
    [
        (["01_entities.ipynb"], ["01_entities"]),
        (["a b<script>.ipynb"], ["a_b_script"]),
        (["index.ipynb"], ["nb_index"]),
        (["x y.ipynb", "x&y.ipynb"], ["01_x_y", "00_x_y"]),
    ],
)
def test_output_names_are_safe_and_unique(tmp_path, names, expected):
    paths = sorted(tmp_path / n for n in names)
    stems = [report._html_name(p, paths) for p in paths]
    assert sorted(stems) == sorted(expected)
