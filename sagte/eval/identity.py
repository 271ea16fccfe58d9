"""The identity test set: pairs of mentions that must or must not be one entity.

A case (tests/data/identity_pairs.json) is a few short articles and two mentions,
each an (article index, text) pair; the articles are stored in order in an empty
database, and the case holds when the two mentions' entities are the same exactly
when `merge` says so. `score` gives merge precision and recall over cases, with a
merge as the positive class.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sagte.analysis import Mode
from sagte.api import Database
from sagte.ingest import RawDocument, parse_date
from sagte.pipeline import process


def load_cases(path: str | Path) -> list[dict[str, Any]]:
    return list(json.loads(Path(path).read_text("utf-8")))


def entity_of(db: Database, article_id: str, mention: str) -> int | None:
    """The entity of the first occurrence of `mention` in a stored article: the shortest
    mention covering it, else the statement speaker covering it, else the shortest
    mention overlapping it."""
    conn = db.store.conn
    text = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
    start = text.find(mention)
    if start < 0:
        return None
    end = start + len(mention)
    queries = (
        'SELECT entity_id FROM mentions WHERE article_id = ? AND start <= ? AND "end" >= ? '
        'AND entity_id IS NOT NULL ORDER BY "end" - start LIMIT 1',
        "SELECT speaker_id FROM statements WHERE article_id = ? AND speaker_start <= ? "
        "AND speaker_end >= ? AND speaker_id IS NOT NULL LIMIT 1",
    )
    for sql in queries:
        row = conn.execute(sql, (article_id, start, end)).fetchone()
        if row:
            return int(row[0])
    row = conn.execute(
        'SELECT entity_id FROM mentions WHERE article_id = ? AND start < ? AND "end" > ? '
        'AND entity_id IS NOT NULL ORDER BY "end" - start LIMIT 1',
        (article_id, end, start),
    ).fetchone()
    return int(row[0]) if row else None


def run_case(
    case: dict[str, Any], db_path: str | Path, mode: Mode = "auto"
) -> tuple[bool, int | None, int | None]:
    """(same entity?, entity of a, entity of b) for one case, in a new database."""
    ids = []
    with Database(db_path, mode=mode) as db:
        for i, article in enumerate(case["articles"]):
            doc = RawDocument(
                source=f"{case['id']}-{i}.txt",
                raw=article["text"],
                format="text",
                outlet=article.get("outlet"),
                published=parse_date(article.get("published")),
            )
            event = db.add(*process(doc, mode))
            ids.append(event.article_id)
        a = entity_of(db, ids[case["a"]["article"]], case["a"]["mention"])
        b = entity_of(db, ids[case["b"]["article"]], case["b"]["mention"])
    return a is not None and a == b, a, b


def score(results: Iterable[tuple[bool, bool]]) -> dict[str, float]:
    """Merge precision, recall and F1 from (expected merge, predicted merge) pairs."""
    pairs: Sequence[tuple[bool, bool]] = list(results)
    tp = sum(1 for gold, pred in pairs if gold and pred)
    fp = sum(1 for gold, pred in pairs if pred and not gold)
    fn = sum(1 for gold, pred in pairs if gold and not pred)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    correct = sum(1 for gold, pred in pairs if gold == pred)
    return {
        "precision": p,
        "recall": r,
        "f1": f,
        "accuracy": correct / len(pairs) if pairs else 1.0,
    }
