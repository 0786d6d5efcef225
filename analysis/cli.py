"""The ``newsnb`` command line: a thin layer over :func:`analysis.analyze`."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from . import __version__

log = logging.getLogger("analysis")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="newsnb",
        description="Analyse English news articles: entities, quotes and sentiment, "
        "time expressions and events. CORPUS is a file, a folder or a glob "
        "(.txt with a 'date YYYY-MM-DD By SOURCE' header, .jsonl, .json or .csv).",
    )
    p.add_argument("--version", action="version", version=f"newsnb {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    parse = sub.add_parser(
        "parse",
        help="analyse a corpus and write its tables as Parquet",
        description="Analyse CORPUS and write one Parquet file per table to --out.",
    )
    parse.add_argument("corpus", help="file, folder or glob of articles")
    parse.add_argument("--out", required=True, type=Path, help="folder for the Parquet tables")
    _common(parse)

    report = sub.add_parser(
        "report",
        help="analyse a corpus and render the notebooks as HTML reports",
        description="Analyse CORPUS once, run every notebook with papermill and export HTML "
        "reports plus an index.html to --out.",
    )
    report.add_argument("corpus", help="file, folder or glob of articles, or a parsed folder")
    report.add_argument("--out", type=Path, default=Path("reports"), help="report folder")
    report.add_argument("--with-code", action="store_true", help="show code cells in the HTML")
    report.add_argument("--timeout", type=int, default=600, help="seconds per notebook cell")
    report.add_argument(
        "--notebooks", type=Path, default=None, help="folder of notebooks to render (default: ours)"
    )
    _common(report)
    return p


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workers", type=int, default=1, help="processes to use (0 = all cores)")
    p.add_argument("--quiet", action="store_true", help="no progress bar, warnings only")
    p.add_argument("--no-cache", action="store_true", help="re-analyse every article")
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on a Dask cluster (tcp://host:8786); needs pip install 'newsnb[dask]'",
    )
    p.add_argument(
        "--no-metonymy",
        action="store_true",
        help="count capitals as cities, not as their governments (travel or city news)",
    )


def _summary(rows: dict[str, int], errors) -> str:
    skipped = int((errors["level"] == "error").sum()) if len(errors) else 0
    warned = int((errors["level"] == "warning").sum()) if len(errors) else 0
    parts = [f"{rows['articles']} articles"]
    parts += [f"{rows[t]} {t}" for t in ("sentences", "entities", "quotes", "timexes", "events")]
    return ", ".join(parts) + f"; {skipped} skipped, {warned} warnings"


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    logging.basicConfig(level=logging.WARNING, format="newsnb: %(levelname)s: %(message)s")
    from .articles import CorpusError
    from .tables import Analysis

    run = {
        "workers": args.workers,
        "progress": False if args.quiet else None,
        "cache": False if args.no_cache else True,
        "scheduler": args.scheduler,
        "engine": "dask" if args.scheduler else "local",
        "metonymy": not args.no_metonymy,
    }
    try:
        if args.command == "parse":
            from .pipeline import parse

            rows = parse(args.corpus, args.out, **run)
            errors = Analysis.load(args.out).errors
            print(f"{_summary(rows, errors)} -> {args.out}")
            return 0
        from .pipeline import analyze
        from .report import ReportError, render_reports

        analysis = analyze(args.corpus, **run)
        if len(analysis.articles) == 0:
            raise CorpusError(f"no readable article in {args.corpus}")
        try:
            index = render_reports(
                analysis,
                args.out,
                notebooks=args.notebooks,
                with_code=args.with_code,
                timeout=args.timeout,
                quiet=args.quiet,
                workers=args.workers,
            )
        except ReportError as exc:
            print(f"newsnb: error: {exc}", file=sys.stderr)
            return 1
        rows = {t: len(getattr(analysis, t)) for t in analysis.tables()}
        print(f"{_summary(rows, analysis.errors)} -> {index}")
        return 0
    except KeyboardInterrupt:
        print(f"newsnb: interrupted; {args.out} left as it was", file=sys.stderr)
        return 130
    except CorpusError as exc:
        print(f"newsnb: error: {exc}", file=sys.stderr)
        return 2 if "no such file" in str(exc) or "no files match" in str(exc) else 1
    except RuntimeError as exc:  # e.g. the dask extra missing
        print(f"newsnb: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"newsnb: error: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
