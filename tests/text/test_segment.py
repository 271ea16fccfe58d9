"""Sentences and tokens with character offsets."""

from __future__ import annotations

from sagte.text import segment

TEXT = (
    "„Wir sind das stärkste Bündnis der Welt“, sagte der Norweger am Donnerstag. "
    '"Solange wir zusammenstehen, sind wir sicher." Etwa 100.000 US-Soldaten sind in Europa.'
)


def test_segment_sentences_keep_quotes_together() -> None:
    doc = segment(TEXT)
    assert [s.text for s in doc.sentences] == [
        "„Wir sind das stärkste Bündnis der Welt“, sagte der Norweger am Donnerstag.",
        '"Solange wir zusammenstehen, sind wir sicher."',
        "Etwa 100.000 US-Soldaten sind in Europa.",
    ]


def test_segment_token_offsets_index_the_text() -> None:
    doc = segment(TEXT)
    assert "100.000" in [t.text for t in doc.tokens]
    assert "US-Soldaten" in [t.text for t in doc.tokens]
    for tok in doc.tokens:
        assert TEXT[tok.start : tok.end] == tok.text


def test_token_range_modes() -> None:
    doc = segment("Der Norweger sagte nichts.")
    start = doc.text.index("Norweger")
    assert doc.token_range(start, start + 8, "strict") == (1, 2)
    assert doc.token_range(start + 1, start + 8, "strict") is None
    assert doc.token_range(start + 1, start + 8, "contract") is None
    assert doc.token_range(start + 1, start + 8, "expand") == (1, 2)
    assert doc.token_range(0, len(doc.text), "contract") == (0, 5)


def test_segment_paragraphs_are_sentence_boundaries() -> None:
    text = "Erster Absatz ohne Punkt\n\nZweiter Absatz."
    doc = segment(text, [(0, 24), (26, len(text))])
    assert [s.paragraph for s in doc.sentences] == [0, 1]
