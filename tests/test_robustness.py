"""Hostile and broken input: nothing escapes, nothing is lost, nothing is clobbered."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis
from analysis.articles import decode_bytes, normalize_text
from analysis.cli import main
from analysis.document import Document
from analysis.pipeline import analyze_document
from analysis.tables import SCHEMAS

SPAN_TABLES = [t for t, cols in SCHEMAS.items() if {"start", "end", "text"} <= set(cols)]
GOOD = "date 2023-01-09 By Wire\n\nJane Roe\n\n“We will win,” Jane Roe said on Monday in Paris.\n"


def check_document(text, date=None):
    """Every step runs without a problem and every span is the slice it points at."""
    doc = Document(text=text, date=date)
    tables, problems = analyze_document(doc)
    assert problems == []
    for name in SPAN_TABLES:
        for r in tables.get(name, []):
            assert 0 <= r["start"] <= r["end"] <= len(text), (name, r)
            assert text[r["start"] : r["end"]] == r["text"], (name, r)


news_alphabet = st.sampled_from(
    list("abcdefghij ABCDEFG .,;:!?'\"“”‘’«»-—()\n0123456789")
    + ["Monday", "said", "Turkey", "U.S.", " in 2019", "April", "he ", "NATO", "\n\n", "Mr. "]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(news_alphabet, max_size=80).map("".join))
def test_newsy_text_never_breaks_a_step(text):
    check_document(text, date=None)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300), st.dates())
def test_arbitrary_unicode_never_breaks_a_step(text, date):
    check_document(normalize_text(text), date=date)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_decode_or_are_refused(data):
    try:
        text, _, _ = decode_bytes(data)
    except ValueError:
        return
    check_document(normalize_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "“" * 5000,
        '"' * 5000 + "said he",
        "A" * 20000,
        "The " + "Big " * 3000 + "Company said.",
        "1" * 20000,
        "In 2019 " * 2000,
        "“Unclosed quote that never ends. " * 500,
        "he said: " * 2000,
        "\u202e\u0301\u200d🙂\x00" * 500,
    ],
)
def test_pathological_input_is_handled(text):
    check_document(normalize_text(text))


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory):
    """The bad cases of the issue, with good articles among them."""
    d = tmp_path_factory.mktemp("bad")
    (d / "good1.txt").write_text(GOOD, encoding="utf-8")
    (d / "good2.txt").write_text(GOOD.replace("Paris", "Rome"), encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.dat").write_bytes(os.urandom(4096) + b"\x00" * 100)
    (d / "latin1.txt").write_bytes(
        "date 2022-05-01 By X\n\nCafé au lait in Zürich.".encode("latin-1")
    )
    (d / "utf16.txt").write_bytes(
        "date 2022-05-02 By Y\n\nText in UTF-16 from Berlin.".encode("utf-16")
    )
    with (d / "huge.txt").open("w") as fh:  # 50 MB, one paragraph
        fh.write("date 2022-05-03 By Z\n\n")
        chunk = "word " * 200_000
        for _ in range(50):
            fh.write(chunk)
    (d / "page.html").write_text(
        "<html><head><title>Page</title></head><body><p>Officials met in Oslo.</p>"
        "<script>alert(1)</script></body></html>"
    )
    (d / "unbalanced.txt").write_text(
        "date 2022-05-04 By W\n\n“This quote never closes, he said.\n\nNext paragraph.\n\n"
        + "More text. " * 200
    )
    (d / "baddate.txt").write_text("date 2023-02-30 By V\n\nAn article with an impossible date.")
    (d / "zz_duplicate.txt").write_text(GOOD, encoding="utf-8")
    (d / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": "A fine JSON article.", "date": "2021-01-01"})
        + "\n{broken json\n"
        + json.dumps({"id": "j2", "text": "Another fine one.", "date": "2021-01-02"})
        + "\n"
    )
    return d


def test_bad_corpus_keeps_every_good_article(bad_corpus):
    a = analysis.analyze(bad_corpus, progress=False)
    loaded = set(a.articles.article_id)
    assert loaded == {
        "good1",
        "good2",
        "latin1",
        "utf16",
        "page",
        "unbalanced",
        "baddate",
        "j1",
        "j2",
    }
    errors = a.errors
    skipped = {os.path.basename(p) for p in errors[errors.level == "error"].path}
    assert skipped == {"empty.txt", "binary.dat", "huge.txt", "zz_duplicate.txt", "feed.jsonl"}
    reasons = " ".join(errors.reason)
    for words in (
        "empty",
        "binary",
        "too large",
        "duplicate",
        "malformed JSON",
        "impossible date",
        "Windows-1252",
        "UTF-16",
        "HTML",
    ):
        assert words in reasons
    # the unclosed quote does not swallow the rest of the article
    q = a.quotes[a.quotes.article_id == "unbalanced"]
    assert (q.end - q.start).max() < 2000 if len(q) else True


def test_cli_reports_how_many_were_skipped(bad_corpus, tmp_path, capsys):
    assert main(["parse", str(bad_corpus), "--out", str(tmp_path / "o"), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("9 articles") and "5 skipped" in out


def test_interrupted_parse_leaves_previous_output(tmp_path, seed_dir):
    out = tmp_path / "out"
    assert main(["parse", str(seed_dir), "--out", str(out), "--quiet", "--no-cache"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    big = tmp_path / "big"
    big.mkdir()
    text = (seed_dir / "000_aa2e1e8bda0eac39.txt").read_text()
    for i in range(400):  # long enough (~1 M words) that the run is caught before it ends
        (big / f"{i:03d}.txt").write_text("\n\n".join([text] * 10) + f"\n\nArticle {i}.")
    # Ctrl-C as at a terminal, whatever this process inherited (a job started in the
    # background by a non-interactive shell ignores SIGINT, and so would the child)
    run_cli = (
        "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
        "from analysis.cli import main; sys.exit(main())"
    )
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            run_cli,
            "parse",
            str(big),
            "--out",
            str(out),
            "--quiet",
            "--no-cache",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not any(p.name.startswith(".out.tmp-") for p in tmp_path.iterdir()):
        assert proc.poll() is None and time.monotonic() < deadline, "parse ended too soon"
        time.sleep(0.01)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and b"interrupted" in err and b"Traceback" not in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.tmp-")]
