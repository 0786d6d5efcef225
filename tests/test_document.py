"""The per-article working object."""

from analysis.document import Document


def test_sentence_at_finds_the_sentence_holding_an_offset():
    doc = Document(text="x" * 30)
    assert doc.sentence_at(5) == 0  # no sentences yet
    doc.tables["sentences"] = [
        {"sentence_id": 0, "start": 3},
        {"sentence_id": 1, "start": 10},
        {"sentence_id": 2, "start": 20},
    ]
    assert [doc.sentence_at(o) for o in (0, 3, 9, 10, 19, 20, 99)] == [0, 0, 0, 1, 1, 2, 2]
    doc.tables["sentences"] = [{"sentence_id": 0, "start": 0}, {"sentence_id": 1, "start": 5}]
    assert doc.sentence_at(7) == 1  # a new sentence list is seen
