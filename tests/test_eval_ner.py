"""`sagte eval ner`: the GermEval layout read and written back, and strict span scores."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from sagte.errors import InputError
from sagte.eval.ner import NerScore, chunks, evaluate_file, read_sentences
from tests.conftest import DATA

SAMPLE = DATA / "ner_sample.tsv"


def test_read_sentences_keeps_tokens_gold_and_every_line() -> None:
    blocks = list(read_sentences(SAMPLE))
    sentences = [s for s in blocks if s.rows]  # the final blank line is a block of its own
    assert [s.tokens[:3] for s in sentences] == [
        ["NATO-Generalsekretär", "Jens", "Stoltenberg"],
        ["Die", "Deutsche", "Bahn"],
    ]
    assert sentences[0].gold[8] == "B-LOCderiv"
    written = "".join(line + "\n" for s in blocks for line in s.lines)
    assert written == SAMPLE.read_text("utf-8")


def test_chunks_are_strict_outer_spans() -> None:
    assert chunks(["B-PER", "I-PER", "O", "B-LOC"]) == {(0, 2, "PER"), (3, 4, "LOC")}
    # an I- without its B- opens a span (conlleval), a class change closes one
    assert chunks(["I-ORG", "I-LOC", "O"]) == {(0, 1, "ORG"), (1, 2, "LOC")}


def test_scores_count_partial_spans_as_wrong() -> None:
    score = NerScore()
    score.add(["B-PER", "I-PER", "O", "B-LOC"], ["B-PER", "O", "O", "B-LOC"])
    p, r, f = score.total()
    assert (p, r) == (0.5, 0.5) and f == pytest.approx(0.5)
    assert score.by_class()["LOC"][:3] == (1.0, 1.0, 1.0)


def test_evaluate_file_writes_predictions_in_the_same_layout(tmp_path: Path) -> None:
    def tagger(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        # runs of capitalised words after the first are persons: a stand-in with known errors
        out = []
        for s in sentences:
            tags = ["O"] * len(s)
            for i in range(1, len(s)):
                if s[i][:1].isupper():
                    tags[i] = "I-PER" if tags[i - 1] != "O" else "B-PER"
            out.append(tags)
        return out

    out = tmp_path / "pred.tsv"
    score = evaluate_file(SAMPLE, tagger, out)
    original = SAMPLE.read_text("utf-8").splitlines()
    predicted = out.read_text("utf-8").splitlines()
    assert len(original) == len(predicted)
    for a, b in zip(original, predicted, strict=True):
        ca, cb = a.split("\t"), b.split("\t")
        assert ca[:2] == cb[:2] and ca[3:] == cb[3:]
    assert "3\tStoltenberg\tI-PER\tO" in predicted
    # right: Jens Stoltenberg; wrong: Brüssel, Grenze, Deutsche Bahn as persons
    assert (score.tp["PER"], score.fp["PER"], sum(score.fn.values())) == (1, 3, 4)


def test_a_broken_line_names_the_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("1\tHallo\tO\tO\n2 Welt O O\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.tsv: \[S050\] Line 2"):
        list(read_sentences(bad))
