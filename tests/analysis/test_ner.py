"""The entity tagger: decoding without weights, and the shipped model on German text."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch", reason="the entity tagger needs torch==2.13.0")

from sagte.analysis.ner import (  # noqa: E402
    TAGS,
    chunks,
    join_tokens,
    load_ner,
    repair,
    spans_of,
)


def test_tags_cover_the_twelve_germeval_classes() -> None:
    assert len(TAGS) == 25 and TAGS[0] == "O"
    assert {"B-LOCderiv", "I-ORGpart", "B-OTH"} <= set(TAGS)


def test_repair_and_spans_read_bio_as_conlleval_does() -> None:
    assert repair(["I-PER", "I-PER", "O", "I-LOC", "I-ORG"]) == [
        "B-PER",
        "I-PER",
        "O",
        "B-LOC",
        "B-ORG",
    ]
    assert spans_of(["B-PER", "I-PER", "O", "B-LOCderiv"]) == [(0, 2, "PER"), (3, 4, "LOCderiv")]


def test_join_tokens_and_chunks() -> None:
    text, spans = join_tokens(["Jens", "Stoltenberg", "sagte", "."])
    assert text == "Jens Stoltenberg sagte ." and text[spans[1][0] : spans[1][1]] == "Stoltenberg"
    assert chunks(600) == [(0, 254), (254, 508), (508, 600)]


RUNTIME = load_ner()
needs_model = pytest.mark.skipif(RUNTIME is None, reason="entity tagger weights not installed")


@needs_model
def test_the_shipped_tagger_finds_people_places_and_organisations() -> None:
    assert RUNTIME is not None
    sentence = [
        "NATO-Generalsekretär",
        "Jens",
        "Stoltenberg",
        "warnte",
        "in",
        "Brüssel",
        "vor",
        "einem",
        "russischen",
        "Angriff",
        "auf",
        "die",
        "Ukraine",
        ",",
        "sagte",
        "ein",
        "Sprecher",
        "der",
        "Bundesregierung",
        ".",
    ]
    [tags] = RUNTIME.tag([join_tokens(sentence)])
    found = {(" ".join(sentence[a:b]), kind) for a, b, kind in spans_of(tags)}
    assert ("Jens Stoltenberg", "PER") in found
    assert ("Brüssel", "LOC") in found and ("Ukraine", "LOC") in found
    assert ("russischen", "LOCderiv") in found
    assert not any(text == "Sprecher" for text, _ in found)


@needs_model
def test_ner_names_reach_the_article_entities() -> None:
    import sagte.api

    analysis = sagte.api.analyse_text(
        "Der Konzern Siemens Energy kündigte am Montag in München neue Stellen an. "
        "„Wir wachsen“, sagte Vorstandschef Christian Bruch.",
        "accurate",
    )
    kinds = {(e.name, e.kind) for e in analysis.entities}
    assert ("Christian Bruch", "PER") in kinds
    assert ("München", "LOC") in kinds
    assert any(kind == "ORG" and "Siemens" in name for name, kind in kinds)
    assert "sagte.ner.v1" in analysis.extractor
