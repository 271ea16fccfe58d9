"""The identity test set: German sentence pairs that must or must not be one entity.

tests/data/identity_pairs.json: each case is a few short articles, ingested in order
into an empty database, and two mentions (article, text); the case passes when the
two mentions' entities are the same exactly when `merge` says so.
`bench/entities.py` prints merge precision and recall over the same cases.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sagte.api import Database
from sagte.eval.identity import entity_of, load_cases, run_case
from tests.conftest import DATA

CASES = load_cases(DATA / "identity_pairs.json")


def test_the_identity_set_is_big_and_balanced() -> None:
    assert len(CASES) >= 60
    assert sum(not c["merge"] for c in CASES) >= 25
    categories = {c["category"] for c in CASES}
    assert {"transliteration", "namesake", "descriptor", "role_change"} <= categories


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_identity_pair(case: dict[str, Any], tmp_path: Path) -> None:
    same, a, b = run_case(case, tmp_path / "pair.db")
    assert a is not None, f"no mention {case['a']['mention']!r} found"
    assert b is not None, f"no mention {case['b']['mention']!r} found"
    assert same == case["merge"], case["why"]


def test_entity_of_finds_the_mention_entity(tmp_path: Path) -> None:
    text = "„Wir bleiben“, sagte Außenministerin Annalena Baerbock in Berlin."
    with Database(tmp_path / "one.db", mode="fast") as db:
        event = db.add(*_record(text))
        assert entity_of(db, event.article_id, "Annalena Baerbock") is not None
        assert entity_of(db, event.article_id, "Olaf Scholz") is None


def _record(text: str) -> Any:
    from sagte.ingest import RawDocument
    from sagte.pipeline import process

    return process(RawDocument(source="mem.txt", raw=text, format="text"), "fast")
