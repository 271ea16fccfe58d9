"""Batch output: partitioned Parquet of articles, statements, mentions and entities.

`sagte batch` writes one partition per work unit; `sagte load` reads them back
into a store. Every row keeps its provenance: the article id, character offsets
into the article's normalised text, and the extractor's version. Layout::

    OUT/articles/<partition>.parquet
    OUT/statements/<partition>.parquet
    OUT/mentions/<partition>.parquet
    OUT/entities/<partition>.parquet
    OUT/errors/<partition>.parquet      inputs that could not be read
    OUT/_done/<partition>.json          written last: the partition is complete

A partition counts as finished only once its `_done` marker exists, and every
file is written to a temporary name and renamed, so a partition cut short by a
crash or a killed worker is simply written again by the next run, never half-read.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from sagte.analysis.model import Analysis, Entity, Mention, Statement
from sagte.errors import Errors, InputError, StoreError
from sagte.ingest.dates import PublishedDate
from sagte.store.sqlite import ArticleRecord

TABLES = ("articles", "statements", "mentions", "entities", "errors")
DONE = "_done"

_SPANS = pa.list_(pa.list_(pa.int32()))
SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("article_id", pa.string()),
            ("partition", pa.string()),
            ("position", pa.int32()),  # order within the partition (the input's order)
            ("source", pa.string()),
            ("format", pa.string()),
            ("external_id", pa.string()),
            ("url", pa.string()),
            ("outlet", pa.string()),
            ("title", pa.string()),
            ("author", pa.string()),
            ("published", pa.string()),
            ("published_precision", pa.string()),
            ("language", pa.string()),
            ("analysed", pa.bool_()),
            ("extractor", pa.string()),
            ("encoding", pa.string()),
            ("body_start", pa.int32()),
            ("raw_text", pa.string()),
            ("text", pa.string()),
            ("alignment", pa.string()),  # JSON, as in the store
            ("removed", pa.string()),  # JSON
            ("crawled", pa.string()),
            ("crawled_precision", pa.string()),
            ("summary_only", pa.bool_()),
            ("source_meta", pa.string()),  # JSON
        ]
    ),
    "statements": pa.schema(
        [
            ("article_id", pa.string()),
            ("index", pa.int32()),
            ("form", pa.string()),
            ("fine_type", pa.string()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("message", _SPANS),
            ("cue", _SPANS),
            ("frame", _SPANS),
            ("addressee", _SPANS),
            ("speaker_start", pa.int32()),
            ("speaker_end", pa.int32()),
            ("speaker_entity", pa.int32()),
            ("speaker", pa.string()),  # the entity's name, for reading the file alone
            ("text", pa.string()),  # the message as it stands in the text, likewise
            ("medium", pa.string()),
            ("confidence", pa.float64()),
            ("rule", pa.string()),
            ("extractor", pa.string()),
        ]
    ),
    "mentions": pa.schema(
        [
            ("article_id", pa.string()),
            ("index", pa.int32()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("kind", pa.string()),
            ("entity", pa.int32()),
            ("role", pa.string()),
            ("extractor", pa.string()),
        ]
    ),
    "entities": pa.schema(
        [
            ("article_id", pa.string()),
            ("index", pa.int32()),
            ("name", pa.string()),
            ("kind", pa.string()),
            ("gender", pa.string()),
            ("gender_source", pa.string()),
            ("roles", pa.list_(pa.string())),
            ("extractor", pa.string()),
        ]
    ),
    "errors": pa.schema([("source", pa.string()), ("message", pa.string())]),
}

Processed = tuple[ArticleRecord, Analysis | None]


def finished(out: str | os.PathLike[str]) -> set[str]:
    """Names of the partitions in `out` that were written completely."""
    done = Path(out) / DONE
    return {p.stem for p in done.glob("*.json")} if done.is_dir() else set()


def write_partition(
    out: str | os.PathLike[str],
    name: str,
    results: list[Processed | InputError],
    meta: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Write one partition's results (articles in input order, errors beside them).

    Returns the counts recorded in the partition's `_done` marker.
    """
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    for position, result in enumerate(results):
        if isinstance(result, InputError):
            rows["errors"].append({"source": result.source, "message": result.args[0]})
        else:
            _rows_of(*result, name, position, rows)
    root = Path(out)
    for table in TABLES:
        target = root / table / f"{name}.parquet"
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{name}.{os.getpid()}.tmp")
        pq.write_table(pa.Table.from_pylist(rows[table], schema=SCHEMAS[table]), tmp)
        os.replace(tmp, target)
    counts = {table: len(rows[table]) for table in TABLES} | (meta or {})
    marker = root / DONE / f"{name}.json"
    marker.parent.mkdir(parents=True, exist_ok=True)
    tmp = marker.with_name(f".{name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(counts), "utf-8")
    os.replace(tmp, marker)
    return counts


def count_articles(out: str | os.PathLike[str]) -> int:
    """How many articles the finished partitions in `out` hold.

    Raises:
        StoreError: `out` holds no finished partition ([S042]).
    """
    root = Path(out)
    names = finished(root)
    if not names:
        raise StoreError(Errors.S042.format(path=root))
    return sum(int(_marker(root, name).get("articles", 0)) for name in names)


def read_partitions(
    out: str | os.PathLike[str], order: list[str] | None = None
) -> Iterator[Processed | InputError]:
    """The results of every finished partition, in `order` (default: the markers' order).

    Raises:
        StoreError: `out` holds no finished partition ([S042]).
    """
    root = Path(out)
    names = finished(root)
    if not names:
        raise StoreError(Errors.S042.format(path=root))
    if order is None:
        order = sorted(names, key=lambda n: _marker(root, n).get("seq", 0))
    for name in order:
        if name in names:
            yield from _read_partition(root, name)


def _marker(root: Path, name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((root / DONE / f"{name}.json").read_text("utf-8"))
    return data


def _read_partition(root: Path, name: str) -> Iterator[Processed | InputError]:
    tables = {t: pq.read_table(root / t / f"{name}.parquet").to_pylist() for t in TABLES}
    by_article: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for table in ("statements", "mentions", "entities"):
        for row in tables[table]:
            by_article.setdefault(row["article_id"], {}).setdefault(table, []).append(row)
    for row in tables["errors"]:
        yield InputError(row["message"], row["source"])
    for row in sorted(tables["articles"], key=lambda r: r["position"]):
        record = _record_of(row)
        parts = by_article.get(record.id, {})
        analysis = None
        if row["analysed"]:
            analysis = _analysis_of(record.text, row["extractor"], parts)
        yield record, analysis


def _rows_of(
    record: ArticleRecord,
    analysis: Analysis | None,
    partition: str,
    position: int,
    rows: dict[str, list[dict[str, Any]]],
) -> None:
    published = record.published
    extractor = analysis.extractor if analysis else None
    rows["articles"].append(
        {
            "article_id": record.id,
            "partition": partition,
            "position": position,
            "source": record.source,
            "format": record.format,
            "external_id": record.external_id,
            "url": record.url,
            "outlet": record.outlet,
            "title": record.title,
            "author": record.author,
            "published": published.value if published else None,
            "published_precision": published.precision if published else None,
            "language": record.language,
            "analysed": analysis is not None,
            "extractor": extractor,
            "encoding": record.encoding,
            "body_start": record.body_start,
            "raw_text": record.raw_text,
            "text": record.text,
            "alignment": json.dumps(record.alignment),
            "removed": json.dumps(record.removed),
            "crawled": record.crawled.value if record.crawled else None,
            "crawled_precision": record.crawled.precision if record.crawled else None,
            "summary_only": record.summary_only,
            "source_meta": json.dumps(record.source_meta, ensure_ascii=False, sort_keys=True),
        }
    )
    if analysis is None:
        return
    for i, s in enumerate(analysis.statements):
        rows["statements"].append(
            {
                "article_id": record.id,
                "index": i,
                "form": s.form,
                "fine_type": s.fine_type,
                "start": s.start,
                "end": s.end,
                "message": [list(span) for span in s.message],
                "cue": [list(span) for span in s.cue],
                "frame": [list(span) for span in s.frame],
                "addressee": [list(span) for span in s.addressee],
                "speaker_start": s.speaker[0] if s.speaker else None,
                "speaker_end": s.speaker[1] if s.speaker else None,
                "speaker_entity": s.speaker_entity,
                "speaker": analysis.speaker_name(s),
                "text": analysis.span_text(s.message),
                "medium": s.medium,
                "confidence": s.confidence,
                "rule": s.rule,
                "extractor": extractor,
            }
        )
    for i, m in enumerate(analysis.mentions):
        rows["mentions"].append(
            {
                "article_id": record.id,
                "index": i,
                "start": m.start,
                "end": m.end,
                "kind": m.kind,
                "entity": m.entity,
                "role": m.role,
                "extractor": extractor,
            }
        )
    for i, e in enumerate(analysis.entities):
        rows["entities"].append(
            {
                "article_id": record.id,
                "index": i,
                "name": e.name,
                "kind": e.kind,
                "gender": e.gender,
                "gender_source": e.gender_source,
                "roles": list(e.roles),
                "extractor": extractor,
            }
        )


def _record_of(row: dict[str, Any]) -> ArticleRecord:
    published = _date(row["published"], row["published_precision"])
    return ArticleRecord(
        id=row["article_id"],
        source=row["source"],
        format=row["format"],
        raw_text=row["raw_text"],
        text=row["text"],
        alignment=json.loads(row["alignment"]),
        body_start=row["body_start"],
        removed=[tuple(r) for r in json.loads(row["removed"])],
        external_id=row["external_id"],
        url=row["url"],
        outlet=row["outlet"],
        title=row["title"],
        author=row["author"],
        published=published,
        language=row["language"],
        analysed=row["analysed"],
        encoding=row["encoding"],
        crawled=_date(row["crawled"], row["crawled_precision"]),
        summary_only=row["summary_only"],
        source_meta=json.loads(row["source_meta"]),
    )


def _date(value: str | None, precision: Any) -> PublishedDate | None:
    return PublishedDate(value, precision) if value else None


def _analysis_of(text: str, extractor: str, parts: dict[str, list[dict[str, Any]]]) -> Analysis:
    def spans(value: list[list[int]]) -> list[tuple[int, int]]:
        return [(a, b) for a, b in value]

    statements = [
        Statement(
            form=r["form"],
            fine_type=r["fine_type"],
            message=spans(r["message"]),
            cue=spans(r["cue"]),
            frame=spans(r["frame"]),
            speaker=(r["speaker_start"], r["speaker_end"])
            if r["speaker_start"] is not None
            else None,
            speaker_entity=r["speaker_entity"],
            addressee=spans(r["addressee"]),
            medium=r["medium"],
            confidence=r["confidence"],
            rule=r["rule"],
        )
        for r in sorted(parts.get("statements", []), key=lambda r: r["index"])
    ]
    mentions = [
        Mention(r["start"], r["end"], r["kind"], r["entity"], r["role"])
        for r in sorted(parts.get("mentions", []), key=lambda r: r["index"])
    ]
    entities = [
        Entity(r["name"], r["kind"], r["gender"], r["gender_source"], list(r["roles"]))
        for r in sorted(parts.get("entities", []), key=lambda r: r["index"])
    ]
    return Analysis(text, statements, mentions, entities, extractor)
