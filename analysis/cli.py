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
    _common(report)
    return p


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workers", type=int, default=1, help="processes to use (0 = all cores)")
    p.add_argument("--quiet", action="store_true", help="no progress bar, warnings only")
    p.add_argument(
        "--no-metonymy",
        action="store_true",
        help="count capitals as cities, not as their governments (travel or city news)",
    )


def _summary(analysis) -> str:
    errors = analysis.errors
    skipped = int((errors["level"] == "error").sum()) if len(errors) else 0
    warned = int((errors["level"] == "warning").sum()) if len(errors) else 0
    parts = [f"{len(analysis.articles)} articles"]
    for t in ("sentences", "entities", "quotes", "timexes", "events"):
        parts.append(f"{len(getattr(analysis, t))} {t}")
    return ", ".join(parts) + f"; {skipped} skipped, {warned} warnings"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command is None:
        _parser().print_help()
        return 2
    logging.basicConfig(
        level=logging.WARNING,
        format="newsnb: %(levelname)s: %(message)s",
    )
    from .articles import CorpusError
    from .pipeline import analyze

    options = {"metonymy": not args.no_metonymy}
    try:
        analysis = analyze(
            args.corpus,
            workers=args.workers,
            progress=False if args.quiet else None,
            **options,
        )
    except CorpusError as exc:
        print(f"newsnb: error: {exc}", file=sys.stderr)
        return 2
    if len(analysis.articles) == 0:
        print(
            f"newsnb: error: no readable article in {args.corpus} "
            f"({len(analysis.errors)} problems, see warnings above)",
            file=sys.stderr,
        )
        return 1
    try:
        if args.command == "parse":
            out = analysis.save(args.out)
            print(f"{_summary(analysis)} -> {out}")
            return 0
        from .report import ReportError, render_reports

        try:
            index = render_reports(
                analysis, args.out, with_code=args.with_code, timeout=args.timeout,
                quiet=args.quiet, workers=args.workers,
            )
        except ReportError as exc:
            print(f"newsnb: error: {exc}", file=sys.stderr)
            return 1
        print(f"{_summary(analysis)} -> {index}")
        return 0
    except OSError as exc:
        print(f"newsnb: error: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
