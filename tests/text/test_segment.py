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


def test_emoji_skip_leaves_somajo_tokens_as_they_were() -> None:
    # SoMaJo as it comes, against the instance segment() uses, which looks for emoji
    # only in text that has an emoji character.
    from somajo import SoMaJo

    from sagte.text.segment import _tokenizer

    assert "_split_emojis" in vars(_tokenizer()._tokenizer)  # the check is in place
    plain = SoMaJo("de_CMC", split_camel_case=False, split_sentences=True, character_offsets=True)
    texts = [
        TEXT,
        "Super gemacht👍🏽 Danke❤️ an alle!!! Das war ☺ und :-) zugleich.",
        "Die Flagge 🇺🇦 wehte; ✌️Frieden✌️, sagte sie. Ein Herz: ♥‿♥ – und ©2022 ™.",
        "Nur Text ohne Emoji, aber mit „Anführungszeichen“ und 3,5 Prozent.",
    ]
    for text in texts:
        doc = segment(text)
        expected = [
            (t.text, t.token_class, t.character_offset)
            for sentence in plain.tokenize_text([text])
            for t in sentence
        ]
        assert [(t.text, t.kind, (t.start, t.end)) for t in doc.tokens] == expected
    emoji = [t.text for t in segment(texts[1]).tokens if t.kind == "emoticon"]
    assert emoji == ["👍🏽", "❤️", "☺", ":-)"]
