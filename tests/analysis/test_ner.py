"""The entity tagger: decoding without weights, and the shipped model on German text."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch", reason="the entity tagger needs torch==2.13.0")

from sagte.analysis.adapters import resolve_precision  # noqa: E402
from sagte.analysis.bio import repair, spans_of  # noqa: E402
from sagte.analysis.ner import (  # noqa: E402
    TAGS,
    best_paths,
    chunks,
    join_tokens,
    load_ner,
    tag_bigrams,
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


def scores(*words: dict[str, float]) -> np.ndarray:
    """Log-probabilities per word from {tag: probability}; other tags share what is left."""
    rows = []
    for probs in words:
        rest = (1 - sum(probs.values())) / (len(TAGS) - len(probs))
        rows.append([probs.get(t, rest) for t in TAGS])
    return np.log(np.array(rows))


def test_best_paths_keep_a_name_whole_where_each_word_alone_would_break_it() -> None:
    sentences = [
        # "Wall Street": the second word's best tag alone (I-ORG) would open a span of
        # its own; the best whole reading is one span (0.6 x 0.45 against 0.35 x 0.5)
        scores({"B-LOC": 0.6, "B-ORG": 0.35}, {"I-ORG": 0.5, "I-LOC": 0.45}),
        scores({"B-LOC": 0.2, "B-ORG": 0.7}, {"I-ORG": 0.5, "I-LOC": 0.45}),
        # "Freiburg im Breisgau": "im" leans to O, but the name goes on
        scores({"B-LOC": 0.9}, {"O": 0.5, "I-LOC": 0.45}, {"I-LOC": 0.9}),
        # a sentence never starts inside a name; two names may follow each other
        scores({"I-PER": 0.6, "B-PER": 0.3}),
        scores({"B-PER": 0.9}, {"B-LOC": 0.9}),
        np.zeros((0, len(TAGS))),
    ]
    assert [[TAGS[t] for t in path] for path in best_paths(sentences, TAGS)] == [
        ["B-LOC", "I-LOC"],
        ["B-ORG", "I-ORG"],
        ["B-LOC", "I-LOC", "I-LOC"],
        ["B-PER"],
        ["B-PER", "B-LOC"],
        [],
    ]
    assert best_paths([], TAGS) == []


def test_best_paths_weigh_in_the_tag_bigrams_of_the_training_data() -> None:
    # A two-word name where the second word leans to O: in the training data a
    # person's first name is almost always followed by the rest of the name.
    gold = [["B-PER", "I-PER", "O"]] * 20 + [["B-PER", "O", "O"]] * 2
    prior = tag_bigrams(gold)
    after_first_name = prior["next"][TAGS.index("B-PER")]
    assert after_first_name[TAGS.index("I-PER")] > after_first_name[TAGS.index("O")] + 1.5
    sentence = [scores({"B-PER": 0.9}, {"O": 0.52, "I-PER": 0.46}, {"O": 0.9})]
    read = [[TAGS[t] for t in path] for path in best_paths(sentence, TAGS, prior)]
    assert [[TAGS[t] for t in path] for path in best_paths(sentence, TAGS)] == [["B-PER", "O", "O"]]
    assert read == [["B-PER", "I-PER", "O"]]


def test_join_tokens_and_chunks() -> None:
    text, spans = join_tokens(["Jens", "Stoltenberg", "sagte", "."])
    assert text == "Jens Stoltenberg sagte ." and text[spans[1][0] : spans[1][1]] == "Stoltenberg"
    assert chunks(600) == [(0, 254), (254, 508), (508, 600)]


RUNTIME = load_ner()
needs_model = pytest.mark.skipif(RUNTIME is None, reason="entity tagger weights not installed")


@needs_model
def test_shipped_entity_tagger_carries_the_tag_bigrams() -> None:
    assert RUNTIME is not None and RUNTIME.prior is not None
    assert np.asarray(RUNTIME.prior["next"]).shape == (len(TAGS), len(TAGS))


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
def test_bfloat16_and_float32_find_the_same_entities() -> None:
    """The default precision on a CPU with native bfloat16 changes no entity here."""
    sentence = [
        "Der",
        "ukrainische",
        "Präsident",
        "Wolodymyr",
        "Selenskyj",
        "sprach",
        "am",
        "Mittwoch",
        "per",
        "Video",
        "vor",
        "dem",
        "Bundestag",
        "in",
        "Berlin",
        ",",
        "Bundeskanzler",
        "Olaf",
        "Scholz",
        "(",
        "SPD",
        ")",
        "hörte",
        "zu",
        ".",
    ]
    found = []
    for precision in ("float32", "bfloat16"):
        runtime = load_ner.__wrapped__(precision=precision)
        [tags] = runtime.tag([join_tokens(sentence)])
        found.append(spans_of(tags))
    assert found[0] == found[1]
    assert {(1, 2, "LOCderiv"), (3, 5, "PER"), (14, 15, "LOC"), (17, 19, "PER")} <= set(found[1])


def test_precision_is_chosen_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAGTE_PRECISION", "float32")
    assert resolve_precision() == "float32"
    assert resolve_precision("int8") == "int8"
    monkeypatch.setenv("SAGTE_PRECISION", "half")
    with pytest.raises(ValueError, match="precision must be one of"):
        resolve_precision()


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
    assert "sagte.ner.v6" in analysis.extractor


@needs_model
def test_names_of_one_type_side_by_side_are_one_speaker() -> None:
    """In this article the tagger reads „Gewerkschaft Verdi“ as B-ORG B-ORG."""
    import json

    import sagte.api

    path = Path(__file__).parent.parent / "data" / "web_articles.jsonl"
    articles = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    article = next(a["text"] for a in articles if "zusätzlicher Belastung" in a["text"])
    analysis = sagte.api.analyse_text(article, "accurate")
    warnings = [s for s in analysis.statements if "Belastung" in analysis.text[s.start : s.end]]
    assert [analysis.speaker_name(s) for s in warnings] == ["Gewerkschaft Verdi"]


@needs_model
def test_eval_flags_a_score_on_the_taggers_own_training_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tagger trained on GermEval dev scores near-perfectly on it: `sagte eval ner`
    must say so when the file scored is one its training run recorded, and only then."""
    import json

    from click.testing import CliRunner

    from sagte.analysis.ner import model_path
    from sagte.cli import cli
    from sagte.eval.ner import fingerprint
    from tests.conftest import DATA

    sample = tmp_path / "sample.tsv"
    sample.write_bytes((DATA / "ner_sample.tsv").read_bytes())
    other = tmp_path / "other.tsv"
    other.write_bytes(sample.read_bytes().replace(b"Stoltenberg", b"Stoltenberg-Plan"))
    saved = torch.load(model_path(), map_location="cpu", weights_only=True)
    saved["data_sha256"] = {"sample.tsv": fingerprint(sample)}
    model = tmp_path / "ner.pt"
    torch.save(saved, model)
    monkeypatch.setenv("SAGTE_NER", str(model))

    seen = CliRunner().invoke(cli, ["eval", "ner", str(sample)])
    assert seen.exit_code == 0, seen.output
    assert "all" in seen.stdout and "training data, not a measurement" in seen.stderr
    unseen = CliRunner().invoke(cli, ["eval", "ner", str(other), "--format", "json"])
    assert unseen.exit_code == 0, unseen.output
    assert json.loads(unseen.stdout)["trained_on_this_file"] is False
    assert "not a measurement" not in unseen.stderr


@needs_model
def test_sentences_read_side_by_side_score_as_if_read_alone() -> None:
    """`NerRuntime.logits` packs short sentences into shared rows; each still sees only
    itself (the encoder's packed mask), so its scores are those it gets alone."""
    runtime = load_ner()
    assert runtime is not None
    texts = [
        "Nato-Generalsekretär Jens Stoltenberg warnte am Mittwoch in Brüssel.",
        "„Das wäre ein Kriegsverbrechen“, sagte der Norweger.",
        "Ein Sprecher des Kremls wies die Vorwürfe zurück.",
        "Die Europäische Union und die Vereinten Nationen beraten in Genf über "
        "humanitäre Hilfe für die Ukraine, die Republik Moldau und Georgien, "
        "teilte das Auswärtige Amt in Berlin am Donnerstag mit.",
    ]
    rows = [runtime.tokenizer.encode(t)[0] for t in texts]
    found = runtime.logits(rows)
    for row, logits in zip(rows, found, strict=True):
        with torch.no_grad():
            alone = runtime.model(*runtime.tokenizer.pad([row]))[0, 1:-1].float()
        assert logits.shape == alone.shape
        assert torch.equal(logits.argmax(-1), alone.argmax(-1))
        assert torch.allclose(logits, alone, atol=0.3)


def test_names_side_by_side_are_joined_within_a_sentence_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sagte.analysis.reading
    from sagte.analysis.extract import tag_names
    from sagte.text.normalise import normalise
    from sagte.text.segment import segment

    # a headline without a full stop, then a sentence that opens with the same name
    norm = normalise("Streik bei Verdi\n\nVerdi ruft die Gewerkschaft Verdi zum Streik auf.")
    doc = segment(norm.text, norm.paragraphs)
    words = [doc.text[t.start : t.end] for t in doc.tokens]
    tags = ["B-ORG" if w in ("Verdi", "Gewerkschaft") else "O" for w in words]
    monkeypatch.setattr(sagte.analysis.reading, "word_tags", lambda reading, spans: tags)
    names = [" ".join(words[a:b]) for a, b, _ in tag_names(doc, reading=object())]
    assert len(doc.sentences) == 2
    assert names == ["Verdi", "Verdi", "Gewerkschaft Verdi"]
