"""The notebooks: committed clean, and rendered end to end by ``newsnb report`` with papermill.

Each report run starts kernels (a few seconds), so every rendered report is built once per
module and shared by the tests that read it.
"""

import contextlib
import io
import json
import re
from pathlib import Path

import nbformat
import pytest

import analysis
from analysis.cli import main
from analysis.report import MARKER, NOTEBOOKS_DIR

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
NAMES = ["01_entities", "02_quotes", "03_chronology"]
HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)"]


# --------------------------------------------------------------------------------------------
# The committed notebooks


def test_the_three_notebooks_are_there():
    assert [p.stem for p in NOTEBOOKS] == NAMES


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_notebook_has_no_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_shape_title_parameters_import(path):
    cells = nbformat.read(path, as_version=4).cells
    assert cells[0].cell_type == "markdown" and cells[0].source.startswith("# ")
    params = cells[1]
    assert "parameters" in params.metadata.get("tags", [])
    assert 'corpus: str = "../seeds"  # ' in params.source
    # every parameter is typed and documented by a trailing comment
    for line in params.source.strip().splitlines():
        assert re.fullmatch(r"\w+: (str|int|float|bool) = .+  # .+", line), line
    assert cells[2].source.startswith("import analysis")
    assert sum("tags" in c.metadata and "parameters" in c.metadata.tags for c in cells) == 1


# --------------------------------------------------------------------------------------------
# Rendering: the seed, and a small multi-article corpus built here


def _text_article(date: str, source: str, body: str) -> str:
    return f"date {date} By {source}\n\nJane Writer\n\n{body}\n"


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "bridge.txt").write_text(
        _text_article(
            "2022-03-15",
            "Daily Planet",
            "Mayor Anna Kowalski opened the new bridge in Warsaw on Tuesday.\n\n"
            "“We promised this bridge in 2019 and we kept our word,” Anna Kowalski said.",
        )
    )
    (folder / "port.txt").write_text(
        _text_article(
            "2022-04-02",
            "Harbour Gazette",
            "The port of Gdansk reported record traffic in March 2022.\n\n"
            "“Exports are growing faster than ever,” said port director Piotr Nowak.",
        )
    )
    records = [
        {
            "id": "hostile-1",
            "date": "2022-05-01",
            "source": HOSTILE[0],
            "title": HOSTILE[1],
            "text": f"Officials met in Berlin on Monday. {HOSTILE[0]} {HOSTILE[1]}\n\n"
            f"“Visit {HOSTILE[2]} for details,” the spokesman said.",
        }
    ]
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    return folder


def _render(corpus: Path, out: Path, *extra: str) -> Path:
    assert main(["report", str(corpus), "--out", str(out), "--quiet", *extra]) == 0
    return out


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory, seed_dir) -> Path:
    return _render(seed_dir, tmp_path_factory.mktemp("seed") / "reports")


@pytest.fixture(scope="module")
def small_report(tmp_path_factory, small_corpus) -> Path:
    return _render(small_corpus, tmp_path_factory.mktemp("small") / "reports", "--with-code")


def _html(report: Path) -> dict[str, str]:
    return {p.name: p.read_text() for p in sorted(report.glob("*.html"))}


@pytest.mark.parametrize("which", ["seed_report", "small_report"])
def test_report_has_every_notebook_html_and_executed_copy(request, which):
    report = request.getfixturevalue(which)
    assert sorted(_html(report)) == sorted([f"{n}.html" for n in NAMES] + ["index.html"])
    for name in NAMES:
        nb = nbformat.read(report / "notebooks" / f"{name}.ipynb", as_version=4)
        injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert injected and 'corpus = "../data"' in injected[0].source
    # the executed notebooks read the Parquet saved beside them
    assert len(analysis.analyze(report / "data").articles) >= 1


@pytest.mark.parametrize("which", ["seed_report", "small_report"])
def test_every_index_link_resolves(request, which):
    report = request.getfixturevalue(which)
    hrefs = re.findall(r'href="([^"]+)"', (report / "index.html").read_text())
    assert {f"{n}.html" for n in NAMES} <= set(hrefs)
    for href in hrefs:
        assert (report / href).is_file(), href


@pytest.mark.parametrize("which", ["seed_report", "small_report"])
def test_each_notebook_html_embeds_its_figures(request, which):
    pages = _html(request.getfixturevalue(which))
    for name in NAMES:
        assert re.search(r'<img [^>]*src="data:image/png;base64,', pages[f"{name}.html"]), name


SEED_EXPECTED = [
    ("index.html", "000_aa2e1e8bda0eac39"),
    ("index.html", "Azernews"),
    ("index.html", "2023-01-09"),
    ("01_entities.html", "Azernews"),
    ("01_entities.html", "Ismail Demir"),
    ("01_entities.html", "Türkiye"),
    ("02_quotes.html", "Ismail Demir"),
    ("02_quotes.html", "We offer our products"),
    ("03_chronology.html", "April 2021"),
    ("03_chronology.html", "2021-04"),
]


@pytest.mark.parametrize("page, text", SEED_EXPECTED)
def test_seed_report_shows_entities_quotes_and_dates(seed_report, page, text):
    assert text in (seed_report / page).read_text()


def test_seed_report_hides_code(seed_report):
    for page in _html(seed_report).values():
        assert "hl-ipython3" not in page and "analysis.analyze" not in page


SMALL_EXPECTED = [
    ("index.html", "3 articles"),
    ("index.html", "Daily Planet"),
    ("index.html", "Harbour Gazette"),
    ("index.html", "hostile-1"),
    ("index.html", "2022-03-15 to 2022-05-01"),
    ("01_entities.html", "bridge"),
    ("01_entities.html", "Anna Kowalski"),
    ("02_quotes.html", "We promised this bridge"),
    ("02_quotes.html", "Exports are growing faster"),
    ("03_chronology.html", "Tuesday"),
    ("03_chronology.html", "March 2022"),
]


@pytest.mark.parametrize("page, text", SMALL_EXPECTED)
def test_small_report_shows_every_article(small_report, page, text):
    assert text in (small_report / page).read_text()


def test_with_code_shows_code(small_report):
    assert "hl-ipython3" in (small_report / "01_entities.html").read_text()


def test_article_markup_renders_as_text_never_as_active_content(small_report):
    pages = _html(small_report)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages["index.html"]
    for name, page in pages.items():
        assert "<script>alert" not in page, name
        assert "<img src=x" not in page and "onerror=alert" not in page.replace(
            "onerror=alert(1)&gt;", ""
        ), name
        assert not re.search(r"""(href|src)\s*=\s*["']?\s*javascript:""", page, re.I), name


# --------------------------------------------------------------------------------------------
# A failing notebook


GOOD = [
    nbformat.v4.new_markdown_cell("# Good"),
    nbformat.v4.new_code_cell('corpus: str = "../seeds"  # corpus'),
    nbformat.v4.new_code_cell("import analysis\nprint(len(analysis.analyze(corpus).articles))"),
]
BROKEN = [
    nbformat.v4.new_markdown_cell("# Broken"),
    nbformat.v4.new_code_cell('corpus: str = "../seeds"  # corpus'),
    nbformat.v4.new_code_cell("x = 1"),
    nbformat.v4.new_code_cell('raise ValueError("the broken cell")'),
    nbformat.v4.new_code_cell('print("never reached")'),
]


def _write_notebook(path: Path, cells: list) -> None:
    nb = nbformat.v4.new_notebook(cells=[c.copy() for c in cells])
    nb.cells[1].metadata["tags"] = ["parameters"]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, path)


@pytest.fixture(scope="module")
def failed_run(tmp_path_factory, seed_dir):
    """A run with a broken notebook over a previous good report (a stand-in: no kernels)."""
    root = tmp_path_factory.mktemp("failing")
    notebooks = root / "notebooks"
    notebooks.mkdir()
    _write_notebook(notebooks / "good.ipynb", GOOD)
    _write_notebook(notebooks / "broken.ipynb", BROKEN)
    out = root / "reports"
    (out / "notebooks").mkdir(parents=True)
    (out / "README.md").write_text("how to make the reports")
    (out / "index.html").write_text("<p>the good report</p>")
    (out / "good.html").write_text("<p>good</p>")
    (out / "notebooks" / "good.ipynb").write_text("{}")
    (out / MARKER).write_text('{"format": "newsnb-report"}')
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    err = io.StringIO()  # capsys is function-scoped
    with contextlib.redirect_stderr(err):
        code = main(["report", str(seed_dir), "--out", str(out), "--notebooks", str(notebooks)])
    return {"out": out, "before": before, "code": code, "err": err.getvalue()}


def test_failing_notebook_exits_nonzero_naming_notebook_and_cell(failed_run):
    assert failed_run["code"] == 1
    message = failed_run["err"]
    assert "broken.ipynb" in message and "In [" in message and "the broken cell" in message
    assert "good.ipynb failed" not in message


def test_failing_notebook_leaves_the_previous_report_untouched(failed_run):
    out = failed_run["out"]
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == failed_run["before"]
    assert (out / "README.md").read_text() == "how to make the reports"
    assert not list(out.parent.glob(".reports.tmp-*"))


def test_failed_render_is_kept_beside_showing_where_it_failed(failed_run):
    kept = failed_run["out"].with_name("reports.failed")
    page = (kept / "broken.html").read_text()
    assert "ValueError" in page and "the broken cell" in page
    assert "never reached" not in page
    assert (kept / "good.html").is_file()  # the other notebook still rendered
    nb = nbformat.read(kept / "notebooks" / "broken.ipynb", as_version=4)
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"
    ]
    assert errors and errors[0].ename == "ValueError"
    assert "failed" in (kept / "index.html").read_text()


# --------------------------------------------------------------------------------------------
# Empty tables: the cells themselves, run in this process (no kernel needed)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_cells_run_on_a_corpus_where_nothing_is_found(path, tmp_path, monkeypatch):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    (tmp_path / "quiet.txt").write_text("date 2022-01-01 By Nobody\n\nnothing to see here\n")
    saved = analysis.analyze(tmp_path / "quiet.txt", progress=False)
    saved.save(tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "code":
            exec(cell.source, namespace)  # our own committed notebook
            if "parameters" in cell.metadata.get("tags", []):
                namespace["corpus"] = "data"
    assert len(namespace["a"].articles) == 1
    plt.close("all")
