"""The seeds check of shared/tools/check-seeds, on the bundled copy of the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from sagte.analysis.extract import Mode
from sagte.api import statements_of
from sagte.ingest import read_paths
from sagte.pipeline import process
from tests.conftest import SEEDS, covers, load_gold, same_speaker

GOLD = load_gold("seeds.gold.json")


def _extract(path: Path, mode: Mode) -> list[dict]:
    (doc,) = list(read_paths([path]))
    _, analysis = process(doc, mode)
    assert analysis is not None
    return [s.as_dict() for s in statements_of(analysis, path.name)]


@pytest.fixture(scope="module", params=["accurate", "fast"])
def predictions(request: pytest.FixtureRequest) -> dict[str, list[dict]]:
    return {p.name: _extract(p, request.param) for p in SEEDS}


def test_seeds_are_bundled() -> None:
    assert [p.name for p in SEEDS] == sorted(GOLD["documents"])


def test_seeds_required_statements_found_with_right_speaker(predictions) -> None:
    missing, total = [], 0
    for doc, gold in GOLD["documents"].items():
        for q in (q for q in gold["quotes"] if q["required"]):
            total += 1
            hit = any(
                covers(q["text"], p["text"]) and same_speaker(q["speaker"], p["speaker"])
                for p in predictions[doc]
            )
            if not hit:
                missing.append(f"{doc}: {q['speaker']}: {q['text'][:80]}")
    share = 1 - len(missing) / total
    # The bar of the foundation issue is 90 %; the statement-extraction issue raises it to 95 %.
    assert share >= 0.95, "missing:\n" + "\n".join(missing)


def test_seeds_not_quotes_are_not_extracted(predictions) -> None:
    for doc, gold in GOLD["documents"].items():
        for sentence in gold["not_quotes"]:
            bad = [
                p["text"]
                for p in predictions[doc]
                if covers(sentence, p["text"]) or covers(p["text"], sentence)
            ]
            assert not bad, f"{doc}: extracted a non-statement: {bad}"


def test_seeds_every_extracted_statement_is_in_gold_with_its_speaker(predictions) -> None:
    """Precision: what the extractor finds is a gold statement (required or not) of that speaker."""
    for doc, gold in GOLD["documents"].items():
        for p in predictions[doc]:
            match = [q for q in gold["quotes"] if covers(q["text"], p["text"])]
            if match:
                assert any(same_speaker(q["speaker"], p["speaker"]) for q in match), p


def test_seeds_offsets_point_at_the_message(predictions) -> None:
    for path in SEEDS:
        (doc,) = list(read_paths([path]))
        record, _ = process(doc)
        for p in predictions[path.name]:
            spans = p["message_spans"]
            assert " … ".join(record.text[s:e] for s, e in spans) == p["text"]
            assert p["start"] == spans[0][0] and p["end"] == spans[-1][1]
