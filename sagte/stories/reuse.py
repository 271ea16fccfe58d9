"""Analyse a syndicated copy once: reuse its original's analysis, re-analyse only changed paragraphs.

A copy of an agency text usually differs from the text already stored by a
headline, a lead or an added paragraph. Paragraphs that are byte-identical to a
paragraph of the original keep the original's statements and mentions (offsets
shifted to where the paragraph sits in the copy). A changed paragraph is
analysed with up to `CONTEXT` preceding paragraphs of the copy as context, so a
pronoun ("sagte er") still finds the speaker named just before it; only
statements and mentions inside the changed paragraph are kept from that run.

When more than half of the paragraphs changed, the whole copy is analysed: the
window runs would cost as much and see less context.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace

from sagte.analysis import Analysis, Entity, Mention, Statement, extract_statements
from sagte.stories.dedup import paragraph_hashes
from sagte.text import Doc, segment

__all__ = ["ReuseStats", "reuse_analysis"]

logger = logging.getLogger(__name__)

CONTEXT = 2  # preceding paragraphs analysed with a changed one
MAX_CHANGED_SHARE = 0.5

Span = tuple[int, int]


@dataclass(slots=True)
class ReuseStats:
    """How a copy's analysis was made: paragraphs reused and paragraphs analysed."""

    reused: int
    analysed: int
    source: str | None = None


class _Merger:
    """Collects entities from several analyses, merging the same name and kind."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._index: dict[tuple[str, str], int] = {}

    def add(self, entity: Entity) -> int:
        key = (entity.kind, entity.name.casefold())
        if key not in self._index and entity.kind == "PER" and " " not in entity.name:
            # "Stoltenberg" from a window run is the "Jens Stoltenberg" already known.
            for kind, name in self._index:
                if kind == "PER" and name.rsplit(" ", 1)[-1] == key[1]:
                    key = (kind, name)
                    break
        i = self._index.get(key)
        if i is None:
            i = len(self.entities)
            self._index[key] = i
            self.entities.append(replace(entity, roles=list(entity.roles)))
        else:
            known = self.entities[i]
            known.roles.extend(r for r in entity.roles if r not in known.roles)
            if known.gender is None and entity.gender is not None:
                known.gender, known.gender_source = entity.gender, entity.gender_source
        return i


def _shift(span: Span | None, mapping: _OffsetMap) -> Span | None:
    if span is None:
        return None
    start = mapping(span[0], False)
    end = mapping(span[1], True)
    if start is None or end is None or end <= start:
        return None
    return (start, end)


class _OffsetMap:
    """Source offsets inside reused paragraphs → offsets in the copy."""

    def __init__(self, pairs: list[tuple[Span, Span]]) -> None:
        self.pairs = pairs  # (source paragraph, copy paragraph)

    def __call__(self, offset: int, is_end: bool) -> int | None:
        for (s0, s1), (c0, _c1) in self.pairs:
            if s0 <= offset < s1 or (is_end and offset == s1):
                return c0 + offset - s0
        return None


def _map_spans(spans: list[Span], mapping: _OffsetMap) -> list[Span] | None:
    out = []
    for span in spans:
        moved = _shift(span, mapping)
        if moved is None:
            return None
        out.append(moved)
    return out


def reuse_analysis(
    text: str,
    paragraphs: list[Span],
    source_text: str,
    source_paragraphs: list[Span],
    source: Analysis,
    source_id: str | None = None,
    analyse: Callable[[Doc], Analysis] = extract_statements,
) -> tuple[Analysis, ReuseStats]:
    """The analysis of `text`, reusing `source` (the analysis of `source_text`) where it can.

    Args:
        text: the copy's normalised text.
        paragraphs: its paragraph spans.
        source_text: the original's normalised text.
        source_paragraphs: the original's paragraph spans.
        source: the original's analysis (offsets into `source_text`).
        source_id: the original's article id, reported in the stats.
        analyse: the extractor to run on changed paragraphs (and on the whole copy
            when most of it changed).
    Returns:
        The copy's analysis (offsets into `text`) and what was reused.
    """
    src_hashes = paragraph_hashes(source_text, source_paragraphs)
    free: dict[str, list[int]] = {}
    for j, h in enumerate(src_hashes):
        free.setdefault(h, []).append(j)
    pairs: list[tuple[Span, Span]] = []
    changed: list[int] = []
    for i, h in enumerate(paragraph_hashes(text, paragraphs)):
        if free.get(h):
            pairs.append((source_paragraphs[free[h].pop(0)], paragraphs[i]))
        else:
            changed.append(i)
    if not pairs or len(changed) > MAX_CHANGED_SHARE * len(paragraphs):
        analysis = analyse(segment(text, paragraphs))
        return analysis, ReuseStats(0, len(paragraphs), source_id)

    merger = _Merger()
    mapping = _OffsetMap(pairs)
    statements: list[Statement] = []
    mentions: list[Mention] = []
    entity_map = {i: merger.add(e) for i, e in enumerate(source.entities)}
    for m in source.mentions:
        moved = _shift((m.start, m.end), mapping)
        if moved is not None:
            entity = entity_map.get(m.entity) if m.entity is not None else None
            mentions.append(replace(m, start=moved[0], end=moved[1], entity=entity))
    for s in source.statements:
        message = _map_spans(s.message, mapping)
        if message is None:
            continue  # its paragraph changed: the window run below finds it again
        statements.append(
            replace(
                s,
                message=message,
                cue=_map_spans(s.cue, mapping) or [],
                frame=_map_spans(s.frame, mapping) or [],
                addressee=_map_spans(s.addressee, mapping) or [],
                speaker=_shift(s.speaker, mapping),
                speaker_entity=entity_map.get(s.speaker_entity)
                if s.speaker_entity is not None
                else None,
            )
        )
    for i in changed:
        first = max(0, i - CONTEXT)
        w0, w1 = paragraphs[first][0], paragraphs[i][1]
        window = [(s - w0, e - w0) for s, e in paragraphs[first : i + 1]]
        part = analyse(segment(text[w0:w1], window))
        lo = paragraphs[i][0] - w0
        local = {k: merger.add(e) for k, e in enumerate(part.entities)}
        for m in part.mentions:
            if m.start >= lo:
                entity = local.get(m.entity) if m.entity is not None else None
                mentions.append(replace(m, start=m.start + w0, end=m.end + w0, entity=entity))
        for s in part.statements:
            if s.start < lo:
                continue
            statements.append(
                replace(
                    s,
                    message=[(a + w0, b + w0) for a, b in s.message],
                    cue=[(a + w0, b + w0) for a, b in s.cue],
                    frame=[(a + w0, b + w0) for a, b in s.frame],
                    addressee=[(a + w0, b + w0) for a, b in s.addressee],
                    speaker=(s.speaker[0] + w0, s.speaker[1] + w0) if s.speaker else None,
                    speaker_entity=local.get(s.speaker_entity)
                    if s.speaker_entity is not None
                    else None,
                )
            )
    statements.sort(key=lambda s: (s.start, s.end))
    mentions.sort(key=lambda m: (m.start, m.end))
    entities, statements, mentions = _compact(merger.entities, statements, mentions)
    analysis = Analysis(text, statements, mentions, entities, source.extractor)
    return analysis, ReuseStats(len(pairs), len(changed), source_id)


def _compact(
    entities: list[Entity], statements: list[Statement], mentions: list[Mention]
) -> tuple[list[Entity], list[Statement], list[Mention]]:
    """Drop entities nothing in the copy refers to (their paragraphs were cut)."""
    used = sorted(
        {m.entity for m in mentions if m.entity is not None}
        | {s.speaker_entity for s in statements if s.speaker_entity is not None}
    )
    new = {old: i for i, old in enumerate(used)}
    return (
        [entities[i] for i in used],
        [
            replace(s, speaker_entity=new[s.speaker_entity]) if s.speaker_entity is not None else s
            for s in statements
        ],
        [replace(m, entity=new[m.entity]) if m.entity is not None else m for m in mentions],
    )
