"""Headless reports: run the notebooks with papermill and export them as stand-alone HTML.

:func:`render_reports` saves the analysed corpus as Parquet once, runs every notebook of the
notebooks folder on it (each in its own process and kernel, several at a time where cores
allow), exports each executed notebook to HTML with nbconvert and writes an ``index.html``
with the corpus summary and links::

    <out>/index.html              corpus summary, notebook status, links
    <out>/01_entities.html        one HTML export per notebook (code hidden unless with_code)
    <out>/notebooks/*.ipynb       the executed notebooks (re-runnable in JupyterLab)
    <out>/data/*.parquet          the tables the notebooks read (``analysis.analyze("../data")``)
    <out>/report.json             what was rendered, when, and how each notebook went

Everything is written into a temporary folder beside ``<out>`` and moved into place only when
every notebook succeeded, so a failed or interrupted run never replaces a good report. When a
notebook fails, the whole new render (its executed copy shows the error, its HTML shows where)
is kept in ``<out>.failed/`` and :class:`ReportError` names the notebook and the cell.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd

from .tables import TABLES, Analysis, atomic_replace_dir

#: The notebooks rendered by default: the project's ``notebooks/`` folder.
NOTEBOOKS_DIR = Path(__file__).resolve().parents[1] / "notebooks"

#: The kernel every notebook runs in. Its spec is written per run and pinned to this
#: interpreter, so a ``python3`` spec of another Python (user-level, system) cannot be picked up.
KERNEL_NAME = "python3"

#: Marks a folder as a newsnb report: only such folders (or empty ones) are ever replaced.
MARKER = "report.json"

#: Files kept from a previous report folder (the committed ``reports/README.md``).
KEEP = ("README.md",)

# nbconvert's lab template with the CDN scripts removed: the reports need no JavaScript
# (figures are base64 PNG, tables are HTML), so each HTML file reads offline as it is.
_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
"""


class ReportError(Exception):
    """A report could not be rendered: the message names the notebook, the cell and the fix."""


@dataclass
class NotebookRun:
    """How one notebook went: where its outputs are and, if it failed, where and why."""

    name: str
    notebook: str  # executed copy, relative to the report folder
    html: str  # HTML export, relative to the report folder ("" if the export failed too)
    ok: bool
    seconds: float
    cell: str = ""  # e.g. "In [4]: a.quotes.groupby(...)"
    error: str = ""  # e.g. "KeyError: 'speaker'"


# --------------------------------------------------------------------------------------------
# The public entry point


def render_reports(
    analysis: Analysis,
    out_dir: str | Path,
    *,
    notebooks: str | Path | None = None,
    with_code: bool = False,
    timeout: int = 600,
    quiet: bool = False,
    workers: int = 0,
) -> Path:
    """Render every notebook on ``analysis`` into ``out_dir``; return the path of index.html.

    ``notebooks`` is the folder of ``*.ipynb`` to run (default: the project's ``notebooks/``);
    each must have a cell tagged ``parameters`` defining ``corpus``. ``with_code`` shows the
    code cells in the HTML; ``timeout`` is seconds per cell. Notebooks run in parallel, one
    process each, up to the number of cores, or up to ``workers`` when it is above 1.
    A progress line per notebook goes to stderr unless ``quiet``.

    Raises :class:`ReportError` when a notebook fails (the previous ``out_dir`` is left as it
    was and the failed render is kept in ``<out_dir>.failed``) or ``out_dir`` is a folder
    that is not a report.

    >>> index = render_reports(analysis.analyze("seeds"), "reports")  # doctest: +SKIP
    """
    out = Path(out_dir).expanduser().resolve()
    sources = notebook_paths(notebooks)
    kept = out.with_name(out.name + ".failed")
    _check_replaceable(out)
    _check_replaceable(kept)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    kernels = Path(tempfile.mkdtemp(prefix="newsnb-kernel-"))
    try:
        analysis.save(tmp / "data")
        _make_readable(tmp, tmp / "data")
        (tmp / "notebooks").mkdir()
        _write_kernel_spec(kernels)
        jobs = [
            {
                "source": str(src),
                "report_dir": str(tmp),
                "stem": _html_name(src, sources),
                "with_code": with_code,
                "timeout": timeout,
                "kernel_path": str(kernels),
            }
            for src in sources
        ]
        runs = _run_all(jobs, _processes(len(jobs), workers), quiet)
        index = write_index(analysis, runs, tmp)
        (tmp / MARKER).write_text(json.dumps(_manifest(runs, with_code), indent=1) + "\n")
        failed = [r for r in runs if not r.ok]
        if failed:
            atomic_replace_dir(tmp, kept)
            raise ReportError(_failure_message(failed, kept, out))
        for name in KEEP:
            if (out / name).is_file() and not (tmp / name).exists():
                shutil.copy2(out / name, tmp / name)
        atomic_replace_dir(tmp, out)
        shutil.rmtree(kept, ignore_errors=True)  # an older failed render is now stale
        return out / index.name
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(kernels, ignore_errors=True)


def _make_readable(*folders: Path) -> None:
    """Give folders made by mkdtemp (mode 0700) the usual permissions a report folder has."""
    umask = os.umask(0)
    os.umask(umask)
    for folder in folders:
        folder.chmod(0o777 & ~umask)


def notebook_paths(notebooks: str | Path | None = None) -> list[Path]:
    """The notebooks a report renders, in name order (checkpoints and hidden files skipped)."""
    folder = Path(notebooks) if notebooks is not None else NOTEBOOKS_DIR
    if not folder.is_dir():
        raise ReportError(
            f"no notebooks folder at {folder}: pass the folder holding the *.ipynb to render"
        )
    found = sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))
    if not found:
        raise ReportError(f"no *.ipynb notebook in {folder}")
    return found


# --------------------------------------------------------------------------------------------
# Output folder safety


def _check_replaceable(out: Path) -> None:
    """Refuse to replace a folder that is neither empty nor a report (``--out .`` or ``~``)."""
    if not out.exists():
        return
    if not out.is_dir():
        raise ReportError(f"{out} exists and is not a folder: choose another --out")
    if (out / MARKER).is_file():
        return
    other = [p.name for p in out.iterdir() if p.name not in KEEP]
    if other:
        raise ReportError(
            f"{out} is not a newsnb report folder (it holds {', '.join(sorted(other)[:3])}"
            f"{', ...' if len(other) > 3 else ''}); choose an empty or new --out folder"
        )


_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def _html_name(src: Path, all_sources: list[Path]) -> str:
    """A safe, unique file stem for a notebook's outputs."""
    stem = _UNSAFE_NAME.sub("_", src.stem).strip("._-") or "notebook"
    if stem in {"index", "report", "data", "notebooks"}:
        stem = f"nb_{stem}"
    return f"{all_sources.index(src):02d}_{stem}" if _clashes(stem, all_sources) else stem


def _clashes(stem: str, sources: list[Path]) -> bool:
    stems = [_UNSAFE_NAME.sub("_", s.stem).strip("._-") or "notebook" for s in sources]
    return stems.count(stem) > 1


# --------------------------------------------------------------------------------------------
# Running the notebooks


def _processes(n_notebooks: int, workers: int) -> int:
    cores = os.cpu_count() or 1
    cap = workers if workers > 1 else cores
    return max(1, min(n_notebooks, cap))


def _run_all(jobs: list[dict], processes: int, quiet: bool) -> list[NotebookRun]:
    """Run the jobs in ``processes`` worker processes; a progress line as each one ends.

    Each worker runs one notebook at a time, each with its own kernel: parallel kernels in one
    process clash over ZMQ ports. Workers are plain subprocesses fed jobs one by one, not
    multiprocessing, which would re-import the caller's ``__main__`` script.
    """
    say = (lambda msg: None) if quiet else (lambda msg: print(msg, file=sys.stderr, flush=True))
    say(f"newsnb: rendering {len(jobs)} notebooks ({processes} at a time)")
    pending: queue.SimpleQueue = queue.SimpleQueue()
    for job in jobs:
        pending.put(job)
    finished: queue.SimpleQueue = queue.SimpleQueue()
    env = _worker_env(jobs[0]["kernel_path"])
    stop = threading.Event()  # set on Ctrl-C: workers take no new notebook
    runs: dict[str, NotebookRun] = {}
    with ThreadPoolExecutor(max_workers=processes) as pool:
        for _ in range(processes):
            pool.submit(_serve, pending, finished, env, stop)
        try:
            for done in range(1, len(jobs) + 1):
                run = finished.get()
                runs[run.name] = run
                if run.ok:
                    status = f"ok in {run.seconds:.1f} s"
                else:
                    status = f"FAILED at {run.cell}"
                say(f"newsnb: [{done}/{len(jobs)}] {run.name}: {status}")
        except BaseException:
            stop.set()
            raise
    return [runs[Path(job["source"]).name] for job in jobs]


# (not ``-m analysis.report``: the package imports this module first, and runpy warns)
_WORKER = "import sys; from analysis.report import _worker_main; sys.exit(_worker_main())"


def _worker_env(kernel_path: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)  # figures must go to the inline backend, not Agg
    env["JUPYTER_PATH"] = os.pathsep.join(  # our kernel spec first
        p for p in (kernel_path, env.get("JUPYTER_PATH", "")) if p
    )
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # debugpy start-up warnings
    return env


def _serve(
    pending: queue.SimpleQueue, finished: queue.SimpleQueue, env: dict, stop: threading.Event
) -> None:
    """Feed jobs to one worker process until none is left (a new worker if one dies).

    Every job taken gets exactly one result in ``finished``, even if the worker fails.
    """
    proc: subprocess.Popen | None = None
    try:
        while not stop.is_set():
            try:
                job = pending.get_nowait()
            except queue.Empty:
                return
            started = time.perf_counter()
            try:
                if proc is None or proc.poll() is not None:
                    proc = subprocess.Popen(
                        [sys.executable, "-c", _WORKER],
                        stdin=subprocess.PIPE,
                        stdout=subprocess.PIPE,
                        env=env,
                        text=True,
                    )
                proc.stdin.write(json.dumps(job) + "\n")
                proc.stdin.flush()
                run = NotebookRun(**json.loads(proc.stdout.readline()))
            except (OSError, ValueError, TypeError):  # the worker died: say so, go on
                run = _crashed(job, proc, time.perf_counter() - started)
            if run.ok:
                _log_path(job).unlink(missing_ok=True)
            finished.put(run)
    finally:
        if proc is not None and proc.poll() is None:
            proc.stdin.close()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


def _log_path(job: dict) -> Path:
    """Where a notebook's kernel and worker output goes (kept only if the notebook fails)."""
    return Path(job["report_dir"]) / "notebooks" / f"{job['stem']}.log"


def _crashed(job: dict, proc: subprocess.Popen | None, seconds: float) -> NotebookRun:
    log = _log_path(job)
    tail = log.read_text(errors="replace").strip().splitlines()[-3:] if log.exists() else []
    code: int | str = "not started"
    if proc is not None:
        try:
            code = proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = "killed"
    return NotebookRun(
        name=Path(job["source"]).name,
        notebook=f"notebooks/{job['stem']}.ipynb",
        html="",
        ok=False,
        seconds=round(seconds, 2),
        cell="(worker)",
        error=f"worker process died (exit code {code}): {' | '.join(tail)}"[:500],
    )


def execute_notebook(
    source: str,
    report_dir: str,
    *,
    stem: str,
    with_code: bool = False,
    timeout: int = 600,
    **_: object,
) -> NotebookRun:
    """Run one notebook with papermill into ``report_dir`` and export it to HTML.

    The notebook's ``corpus`` parameter is set to ``../data`` and its working directory is
    ``report_dir/notebooks``, so the executed copy can be re-run in place. Errors in the
    notebook are returned in the :class:`NotebookRun`, not raised.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    report = Path(report_dir)
    executed = report / "notebooks" / f"{stem}.ipynb"
    started = time.perf_counter()
    cell = error = ""
    try:
        papermill.execute_notebook(
            source,
            executed,
            parameters={"corpus": "../data"},
            kernel_name=KERNEL_NAME,
            language="python",  # notebooks without kernel metadata still take parameters
            cwd=executed.parent,
            progress_bar=False,
            request_save_on_cell_execute=True,  # so a timeout still leaves the executed copy
            execution_timeout=timeout,
        )
    except PapermillExecutionError as exc:
        first_line = next((ln for ln in exc.source.splitlines() if ln.strip()), "").strip()
        cell = f"In [{exc.exec_count}]: {first_line[:80]}"
        error = f"{exc.ename}: {exc.evalue}".strip(": ")[:500]
    except Exception as exc:  # kernel died, timeout, bad notebook: report it, render the rest
        error = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"[:500]
        cell = _mark_failed_cell(executed, error)
    seconds = time.perf_counter() - started
    html_path: Path | None = report / f"{stem}.html"
    try:
        export_html(executed if executed.exists() else Path(source), html_path, with_code=with_code)
    except Exception as exc:  # the executed notebook is still there to look at
        html_path = None
        error = error or f"HTML export failed: {type(exc).__name__}: {exc}"
    return NotebookRun(
        name=Path(source).name,
        notebook=f"notebooks/{executed.name}",
        html=html_path.name if html_path else "",
        ok=not error,
        seconds=round(seconds, 2),
        cell=cell or ("(HTML export)" if error else ""),
        error=error,
    )


def _mark_failed_cell(notebook: Path, error: str) -> str:
    """Name the cell where a timeout or a dead kernel struck, and flag it in the notebook.

    papermill flags only cells that raised; otherwise the last cell started is the one that
    was running. A markdown note goes before it, so the HTML shows where execution stopped.
    Returns the cell's description.
    """
    if not notebook.exists():
        return "(before the first cell)"
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    meta = [nb.cells[i].metadata.get("papermill", {}) for i in code]
    failed = [i for i, m in zip(code, meta, strict=True) if m.get("exception")]
    started = [i for i, m in zip(code, meta, strict=True) if m.get("start_time")]
    where = failed[0] if failed else started[-1] if started else None
    if where is None:
        return "(before the first cell)"
    plain = error.replace("`", "'")  # a code span shows the message as text
    note = nbformat.v4.new_markdown_cell(f"**Execution stopped in the next cell:** `{plain}`")
    nb.cells.insert(where, note)
    nbformat.write(nb, notebook)
    source = next((ln.strip() for ln in nb.cells[where + 1].source.splitlines() if ln.strip()), "")
    return f"code cell {code.index(where) + 1}: {source[:80]}"


def _write_kernel_spec(root: Path) -> None:
    """A ``python3`` kernel spec for this interpreter, found first through ``JUPYTER_PATH``."""
    spec_dir = root / "kernels" / KERNEL_NAME
    spec_dir.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec, indent=1))


# --------------------------------------------------------------------------------------------
# HTML


def export_html(notebook: Path, dest: Path, *, with_code: bool = False) -> Path:
    """Export a notebook to one stand-alone HTML file (figures inline, no CDN scripts).

    Code cells are hidden unless ``with_code``; markdown, tables, figures and errors show.
    Outputs are not sanitised (nbconvert's sanitiser mangles headings and tables): article
    text reaches the HTML only through pandas tables and plain text, which escape it.
    """
    import nbformat
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    nb = nbformat.read(notebook, as_version=4)
    exporter = HTMLExporter(
        extra_loaders=[DictLoader({"newsnb_report.html.j2": _TEMPLATE})],
        template_file="newsnb_report.html.j2",
        exclude_input=not with_code,
        exclude_input_prompt=not with_code,
        exclude_output_prompt=not with_code,
        embed_images=True,
    )
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": _title(nb)}})
    dest.write_text(body, encoding="utf-8")
    return dest


def _title(nb) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return "newsnb report"


_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 64em; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25em 0.8em; text-align: left; }
.ok { color: #1a7f37; } .failed { color: #cf222e; font-weight: bold; }
.muted { color: #666; }
"""

#: Articles listed in the index; a larger corpus gets a count of the rest.
INDEX_ARTICLES = 200


def write_index(analysis: Analysis, runs: list[NotebookRun], report_dir: Path) -> Path:
    """Write ``index.html``: corpus summary, table sizes, loading problems and the reports.

    Every string that comes from the articles is escaped: the index has no active content.
    """
    e = html.escape
    arts = analysis.articles
    dates = arts["date"].dropna()
    span = f"{dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}" if len(dates) else "no dates"
    sources = arts["source"].fillna("(unknown)").value_counts()
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>newsnb report</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>newsnb report</h1>",
        f'<p class="muted">Generated {e(dt.datetime.now().strftime("%Y-%m-%d %H:%M"))}.</p>',
        "<h2>Reports</h2>",
        _runs_table(runs),
        "<h2>Corpus</h2>",
        f"<p>{len(arts)} articles, {e(span)}, {len(sources)} sources.</p>",
        _table(["source", "articles"], [[s, n] for s, n in sources.items()]),
        "<h2>Tables</h2>",
        _table(["table", "rows"], [[t, len(getattr(analysis, t))] for t in TABLES]),
        "<h2>Articles</h2>",
        _table(
            ["article", "date", "source", "title", "characters"],
            [
                [r.article_id, _date(r.date), r.source, r.title, r.n_chars]
                for r in arts.head(INDEX_ARTICLES).itertuples()
            ],
        ),
    ]
    if len(arts) > INDEX_ARTICLES:
        parts.append(f'<p class="muted">and {len(arts) - INDEX_ARTICLES} more.</p>')
    parts += ["<h2>Problems while reading</h2>"]
    if len(analysis.errors):
        err = analysis.errors
        parts.append(_table(["file", "record", "level", "reason"], err.values.tolist()))
    else:
        parts.append("<p>None.</p>")
    parts.append("</body></html>\n")
    index = report_dir / "index.html"
    index.write_text("\n".join(parts), encoding="utf-8")
    return index


def _runs_table(runs: list[NotebookRun]) -> str:
    e = html.escape
    rows = []
    for r in runs:
        title = e(r.name)
        link = f'<a href="{e(r.html)}">{title}</a>' if r.html else title
        status = (
            f'<span class="ok">ok</span> ({r.seconds:.1f} s)'
            if r.ok
            else f'<span class="failed">failed</span> at {e(r.cell)}: {e(r.error)}'
        )
        rows.append(
            f'<tr><td>{link}</td><td>{status}</td><td><a href="{e(r.notebook)}">notebook</a></td>'
            "</tr>"
        )
    return (
        "<table><tr><th>report</th><th>status</th><th>executed</th></tr>"
        + "".join(rows)
        + ("</table>")
    )


def _table(header: list[str], rows: list[list]) -> str:
    e = html.escape
    head = "".join(f"<th>{e(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{e(_cell(v))}</td>" for v in row) + "</tr>" for row in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _cell(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _date(value) -> str:
    return "" if pd.isna(value) else f"{value:%Y-%m-%d}"


def _manifest(runs: list[NotebookRun], with_code: bool) -> dict:
    return {
        "format": "newsnb-report",
        "version": 1,
        "generated": dt.datetime.now().isoformat(timespec="seconds"),
        "with_code": with_code,
        "notebooks": [asdict(r) for r in runs],
    }


def _failure_message(failed: list[NotebookRun], kept: Path, out: Path) -> str:
    what = "; ".join(f"{r.name} failed at {r.cell}: {r.error.rstrip('.')}" for r in failed)
    return f"{what}. The executed notebooks and their HTML are in {kept}; {out} was left unchanged."


def _worker_main() -> int:
    """A worker process: run each job read from stdin (a JSON line), answer with a JSON line.

    Answers go to a private copy of stdout; fd 1 and 2, which the kernels inherit, go to the
    current notebook's log, so nothing a kernel prints can garble an answer or the terminal.
    """
    answers = os.fdopen(os.dup(1), "w")
    for line in sys.stdin:
        if not line.strip():
            continue
        job = json.loads(line)
        with open(_log_path(job), "w") as log:
            os.dup2(log.fileno(), 1)
            os.dup2(log.fileno(), 2)
        run = execute_notebook(**job)
        answers.write(json.dumps(asdict(run)) + "\n")
        answers.flush()
    return 0
