"""Loading corpora: formats, headers, decoding, and bad input that must not stop a corpus."""

import json
import logging

import pandas as pd
import pytest

from analysis.articles import (
    CorpusError,
    decode_bytes,
    load_articles,
    load_corpus,
    parse_date,
    parse_header,
    safe_id,
)

SEED_LIKE = (
    " date 2023-01-09 By Azernews\n\nFatima Hasanova\n\n"
    "Turkish officials met in Ankara on Monday.\n\nThey talked.\n"
)


def write(path, content, mode="w"):
    if mode == "wb":
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_seed_header_is_parsed(seed_dir):
    articles, errors = load_corpus(seed_dir)
    assert len(articles) == 1 and errors.empty
    row = articles.iloc[0]
    assert row.date == pd.Timestamp("2023-01-09")
    assert row.source == "Azernews"
    assert row.author == "Fatima Hasanova"
    assert row.text[row.body_start :].startswith("Turkish Presidency of Defence Industries")


@pytest.mark.parametrize(
    "text, date, source, author",
    [
        (SEED_LIKE, "2023-01-09", "Azernews", "Fatima Hasanova"),
        ("date 2020-02-29 by Reuters\n\nBody sentence here.", "2020-02-29", "Reuters", None),
        (
            "DATE 2021-7-4 BY The Guardian\nJane Doe\nA body.\nMore.",
            "2021-07-04",
            "The Guardian",
            "Jane Doe",
        ),
    ],
)
def test_header_variants(text, date, source, author):
    h = parse_header(text)
    assert h.date_text is not None and parse_date(h.date_text) == pd.Timestamp(date)
    assert h.source == source
    assert h.author == author
    assert text[h.body_start :].strip()


def test_no_header_means_unknown_date_with_warning(tmp_path, caplog):
    write(tmp_path / "plain.txt", "Just a story about Paris.\n\nAnother paragraph.")
    with caplog.at_level(logging.WARNING):
        articles, errors = load_corpus(tmp_path)
    assert len(articles) == 1
    assert pd.isna(articles.date.iloc[0]) and pd.isna(articles.source.iloc[0])
    assert errors.level.tolist() == ["warning"]
    assert "plain.txt" in caplog.text and "header" in caplog.text


def test_jsonl_csv_json_with_field_aliases(tmp_path):
    write(
        tmp_path / "a.jsonl",
        json.dumps(
            {
                "id": "x1",
                "headline": "H",
                "body": "Text one.",
                "publication_date": "2016-09-12",
                "publisher": "breitbart",
                "author": "A",
            }
        )
        + "\n"
        + json.dumps({"article_id": "x2", "content": "Text two.", "date": "2016-09-13"})
        + "\n",
    )
    pd.DataFrame(
        {"title": ["T"], "text": ["Text three."], "date": ["2020-01-02"], "source": ["S"]}
    ).to_csv(tmp_path / "b.csv", index=False)
    write(tmp_path / "c.json", json.dumps([{"text": "Text four.", "date": "2020-01-03"}]))
    articles, errors = load_corpus(tmp_path)
    assert articles.article_id.tolist() == ["x1", "x2", "b-1", "c-1"]
    assert articles.title.tolist()[:1] == ["H"]
    assert articles.source.tolist()[0] == "breitbart"
    assert articles.date.tolist()[2] == pd.Timestamp("2020-01-02")
    assert errors.empty


def test_glob_and_list_and_missing(tmp_path):
    write(tmp_path / "a.txt", SEED_LIKE)
    write(tmp_path / "b.md", SEED_LIKE.replace("They talked", "They left"))
    assert len(load_articles(str(tmp_path / "*.txt")).articles) == 1
    assert len(load_articles([tmp_path / "a.txt", tmp_path / "b.md"]).articles) == 2
    with pytest.raises(CorpusError, match="no such file"):
        load_articles(tmp_path / "missing")
    with pytest.raises(CorpusError, match="no files match"):
        load_articles(str(tmp_path / "*.nothing"))


def test_bad_input_never_stops_the_corpus(tmp_path, caplog):
    write(tmp_path / "good.txt", SEED_LIKE)
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "binary.bin", bytes(range(256)) * 10, "wb")
    write(
        tmp_path / "latin1.txt",
        "date 2022-05-01 By X\n\nCaf\xe9 in M\xfcnchen.".encode("latin-1"),
        "wb",
    )
    write(
        tmp_path / "utf16.txt", "date 2022-05-02 By Y\n\nUTF sixteen text.".encode("utf-16"), "wb"
    )
    write(tmp_path / "bad_date.txt", "date 2023-02-30 By Z\n\nAn impossible day.")
    write(tmp_path / "zz_dup.txt", SEED_LIKE)
    write(
        tmp_path / "page.html",
        "<!DOCTYPE html><html><head><title>T</title>"
        "<script>x()</script></head><body><p>Hello &amp; welcome.</p></body></html>",
    )
    write(
        tmp_path / "broken.jsonl",
        '{"text": "Fine one.", "date": "2020-01-01"}\n{oops\n{"title": "no text"}\n',
    )
    with caplog.at_level(logging.WARNING):
        result = load_articles(tmp_path)
    by_path = {a.path.rsplit("/", 1)[-1]: a for a in result.articles}
    assert set(by_path) == {
        "good.txt",
        "latin1.txt",
        "utf16.txt",
        "bad_date.txt",
        "page.html",
        "broken.jsonl",
    }
    assert "Café in München." in by_path["latin1.txt"].text
    assert by_path["bad_date.txt"].date is None
    assert by_path["page.html"].text == "Hello & welcome." and by_path["page.html"].title == "T"
    reasons = {(i.path.rsplit("/", 1)[-1], i.record): (i.level, i.reason) for i in result.issues}
    assert reasons[("empty.txt", "")] == ("error", "empty file")
    assert reasons[("binary.bin", "")][0] == "error"
    assert "binary" in reasons[("binary.bin", "")][1]
    assert "Windows-1252" in reasons[("latin1.txt", "")][1]
    assert "impossible date" in reasons[("bad_date.txt", "")][1]
    assert "duplicate of article good" in reasons[("zz_dup.txt", "")][1]
    assert "malformed JSON" in reasons[("broken.jsonl", "line 2")][1]
    assert "no text field" in reasons[("broken.jsonl", "line 3")][1]
    # every problem is logged with the file name
    for name in ("empty.txt", "binary.bin", "zz_dup.txt", "broken.jsonl"):
        assert name in caplog.text


def test_too_large_file_is_reported(tmp_path):
    write(tmp_path / "big.txt", "word " * 1000)
    write(tmp_path / "small.txt", SEED_LIKE)
    result = load_articles(tmp_path, max_bytes=1000)
    assert [a.path.rsplit("/", 1)[-1] for a in result.articles] == ["small.txt"]
    assert "too large" in result.issues[0].reason


@pytest.mark.parametrize(
    "data, text, encoding",
    [
        ("Türkiye “quoted”".encode(), "Türkiye “quoted”", "utf-8"),
        (b"\xef\xbb\xbfBOM text", "BOM text", "utf-8-sig"),
        ("smart \x93quotes\x94".encode("latin-1"), "smart “quotes”", "cp1252"),
    ],
)
def test_decoding(data, text, encoding):
    got, enc, _ = decode_bytes(data)
    assert (got, enc) == (text, encoding)


def test_newlines_and_nfc_are_normalised(tmp_path):
    write(
        tmp_path / "crlf.txt",
        "date 2020-01-01 By X\r\n\r\nT\u0308rkiye said.\r\nMore.".encode(),
        "wb",
    )
    (article,) = load_articles(tmp_path).articles
    assert "\r" not in article.text and "T̈rkiye" in article.text


@pytest.mark.parametrize("value", ["2023-02-30", "2021-13-01", "not a date"])
def test_impossible_dates_raise_value_error(value):
    with pytest.raises(ValueError):
        parse_date(value)


@pytest.mark.parametrize(
    "raw, safe", [("../../etc/passwd", "etc_passwd"), ("a b\x00c", "a_b_c"), ("", "article")]
)
def test_safe_ids(raw, safe):
    assert safe_id(raw) == safe
