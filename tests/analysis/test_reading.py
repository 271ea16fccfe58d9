"""The entity tagger's pass over an article: one tokenisation, sentence segments in
length batches, and the same names as sentence by sentence."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch", reason="the neural models need torch==2.13.0")

from sagte.analysis import reading  # noqa: E402
from sagte.analysis.bio import spans_of  # noqa: E402
from sagte.analysis.encoder import length_batches  # noqa: E402
from sagte.analysis.extract import read_entities, tag_names  # noqa: E402
from sagte.analysis.ner import load_ner  # noqa: E402
from sagte.text.normalise import normalise  # noqa: E402
from sagte.text.segment import segment  # noqa: E402

TEXT = (
    "Nato-Generalsekretär Jens Stoltenberg warnte am Mittwoch in Brüssel vor einem "
    "Einsatz chemischer Waffen. „Das wäre ein Kriegsverbrechen“, sagte der Norweger. "
    "Der ukrainische Präsident Wolodymyr Selenskyj forderte in Kiew mehr Unterstützung "
    "durch die Europäische Union.\n\nEin Sprecher des Kremls wies die Vorwürfe zurück."
)


def test_length_batches_keep_similar_lengths_together_within_the_budget() -> None:
    lengths = [5, 120, 7, 118, 6, 60]
    batches = length_batches(lengths, budget=256)
    assert sorted(i for b in batches for i in b) == list(range(6))
    assert [sorted(lengths[i] for i in b) for b in batches] == [[5, 6, 7], [60], [118, 120]]
    for b in batches:
        assert max(lengths[i] + 2 for i in b) * len(b) <= 256


def test_piece_segments_start_at_sentences_and_cover_every_piece() -> None:
    offsets = [(0, 3), (4, 8), (8, 9), (10, 13), (14, 15), (16, 20), (20, 21)]
    sentences = [(0, 9), (10, 21)]
    assert reading.piece_segments(offsets, sentences) == [(0, 3), (3, 7)]
    assert reading.piece_segments(offsets, sentences, limit=2) == [(0, 2), (2, 3), (3, 5), (5, 7)]


def test_word_tags_decode_each_segment_whole() -> None:
    """The article pass decodes its tags as the sentence tagger does: a name is not
    broken by one word's best tag alone, and each segment (sentence) starts afresh."""
    from sagte.analysis.ner import TAGS

    def piece(probs: dict[str, float]) -> list[float]:
        rest = (1 - sum(probs.values())) / (len(TAGS) - len(probs))
        return [probs.get(t, rest) for t in TAGS]

    # "Wall Street ." | "Berlin" ("Berlin" leans to going on with the name before it)
    text_pieces = [(0, 4), (5, 11), (12, 13), (14, 20)]
    logits = torch.tensor(
        [
            piece({"B-LOC": 0.6, "B-ORG": 0.35}),
            piece({"I-ORG": 0.5, "I-LOC": 0.45}),
            piece({"O": 0.9}),
            piece({"I-LOC": 0.6, "B-LOC": 0.3}),
        ]
    ).log()
    found = reading.Reading([5, 6, 7, 8], text_pieces, [(0, 3), (3, 4)], logits)
    words = [*text_pieces, (21, 22)]  # the last word has no piece of its own
    assert reading.word_tags(found, words) == ["B-LOC", "I-LOC", "O", "B-LOC", "O"]


RUNTIME = load_ner()
needs_model = pytest.mark.skipif(RUNTIME is None, reason="entity tagger weights not installed")


@needs_model
def test_one_pass_gives_the_names_of_the_sentence_by_sentence_tagger() -> None:
    assert RUNTIME is not None
    doc = segment(normalise(TEXT).text)
    found = read_entities(doc)
    assert found is not None
    assert found.segments[0][0] == 0 and found.segments[-1][1] == len(found.ids)
    assert all(a[1] == b[0] for a, b in zip(found.segments, found.segments[1:], strict=False))
    assert len(found.segments) == len(doc.sentences)

    by_sentence = []
    for sentence in doc.sentences:
        tokens = doc.tokens[sentence.first : sentence.last]
        base = tokens[0].start
        words = [(t.start - base, t.end - base) for t in tokens]
        by_sentence.append((doc.text[base : tokens[-1].end], words))
    expected = {
        (s.first + a, s.first + b, kind)
        for s, tags in zip(doc.sentences, RUNTIME.tag(by_sentence), strict=True)
        for a, b, kind in spans_of(tags)
    }
    names_found = tag_names(doc, found)
    assert set(names_found) == expected

    def names(kind: str) -> set[str]:
        return {
            doc.text[doc.tokens[a].start : doc.tokens[b - 1].end]
            for a, b, k in names_found
            if k == kind
        }

    assert {"Jens Stoltenberg", "Wolodymyr Selenskyj"} <= names("PER")
    assert {"Brüssel", "Kiew"} <= names("LOC")
    assert "Europäische Union" in names("ORG")
