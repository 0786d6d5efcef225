"""Time of the full HTML report (``newsnb report``), split into parse time and notebook time.

Prints, for the seed (``seeds/``) and for the PolNeAR corpus
(``../shared/eval/corpus_polnear_train_dev.jsonl``, skipped if absent):
- parse: reading and analysing the corpus (``analysis.analyze``, no result cache);
- notebooks: :func:`analysis.report.render_reports` (Parquet save, every notebook run by
  papermill in its own process and kernel, HTML export, index page), with the slowest
  notebook's execution time;
- total and the size of the report folder.

Each corpus runs in a fresh interpreter, as the command does.

    python benchmarks/bench_report.py [--workers 0] [--skip-polnear]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("NEWSNB_EVAL", ROOT.parent / "shared" / "eval"))
POLNEAR = EVAL / "corpus_polnear_train_dev.jsonl"

CHILD = r"""
import json, sys, tempfile, time
from pathlib import Path
t0 = time.perf_counter()
import analysis
from analysis.report import render_reports
corpus, workers = sys.argv[1], int(sys.argv[2])
a = analysis.analyze(corpus, workers=workers, progress=False, cache=False)
t1 = time.perf_counter()
with tempfile.TemporaryDirectory() as d:
    index = render_reports(a, Path(d) / "reports", quiet=True, workers=workers)
    t2 = time.perf_counter()
    report = json.loads((index.parent / "report.json").read_text())
    size = sum(p.stat().st_size for p in index.parent.rglob("*") if p.is_file())
    html = sum(p.stat().st_size for p in index.parent.glob("*.html"))
print(json.dumps({
    "articles": len(a.articles), "entities": len(a.entities), "quotes": len(a.quotes),
    "parse": t1 - t0, "notebooks": t2 - t1, "total": t2 - t0,
    "slowest": max(r["seconds"] for r in report["notebooks"]),
    "ok": all(r["ok"] for r in report["notebooks"]),
    "mb": size / 1e6, "html_mb": html / 1e6,
}))
"""


def run(corpus: Path, workers: int) -> dict | str:
    """The figures of one report, or the last line of the error when it fails."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(corpus), str(workers)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines() or [f"exit code {done.returncode}"]
        return lines[-1]
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--workers", type=int, default=0, help="parse workers (0 = all cores)")
    p.add_argument("--skip-polnear", action="store_true", help="the seed only")
    args = p.parse_args()
    corpora = [("seed", ROOT / "seeds")]
    if args.skip_polnear:
        pass
    elif POLNEAR.exists():
        corpora.append(("polnear train+dev", POLNEAR))
    else:
        print(f"(PolNeAR corpus not found at {POLNEAR}; set NEWSNB_EVAL to ../shared/eval)")
    print(f"newsnb report timings, {os.cpu_count()} cores, workers={args.workers}")
    head = (
        f"{'corpus':<18} {'articles':>8} {'entities':>9} {'quotes':>7} {'parse s':>8} "
        f"{'notebooks s':>12} {'slowest nb s':>13} {'total s':>8} {'report MB':>10} "
        f"{'HTML MB':>8} {'ok':>3}"
    )
    print(head)
    print("-" * len(head))
    for name, corpus in corpora:
        r = run(corpus, args.workers)
        if isinstance(r, str):
            print(f"{name:<18} FAILED: {r}")
            continue
        print(
            f"{name:<18} {r['articles']:>8} {r['entities']:>9} {r['quotes']:>7} "
            f"{r['parse']:>8.1f} {r['notebooks']:>12.1f} {r['slowest']:>13.1f} "
            f"{r['total']:>8.1f} {r['mb']:>10.1f} {r['html_mb']:>8.2f} "
            f"{'yes' if r['ok'] else 'NO':>3}"
        )
    print("target: the seed's report in under 20 s on 2 cores")


if __name__ == "__main__":
    main()
