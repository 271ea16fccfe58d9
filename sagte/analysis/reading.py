"""The entity tagger's pass over a whole article.

The entity tagger (`sagte.analysis.ner`) reads each sentence on its own, as it was
trained on GermEval's sentences. Over an article:

1. the text is split into pieces once (`Tokenizer.encode`); the statement tagger
   reads the same pieces (`TaggerRuntime.predict(pieces=…)`), so an article is
   tokenised once for both models;
2. the pieces are cut into segments at sentence starts (at most `SEGMENT` pieces
   each), and the segments are read side by side in rows of up to `ner.PACK`
   pieces, each attending only to itself (`NerRuntime.logits`,
   `encoder.pack_rows`): padding every sentence to the longest of a batch of 32
   doubled the work on a 500-word article, and batches of similar length still
   took a sixth more time than packed rows;
3. each word is read from its first piece, and the tags are decoded segment by
   segment (`ner.best_paths`).

The names are the same as `NerRuntime.tag` finds sentence by sentence (a test
checks it).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import torch

from sagte.analysis.encoder import pieces_from
from sagte.analysis.model import Span
from sagte.analysis.ner import (
    MAX_PIECES,
    TAGS,
    NerRuntime,
    best_paths,
    first_pieces,
    word_scores,
)

SEGMENT = MAX_PIECES  # pieces per segment, without <s> and </s>


@dataclass(slots=True)
class Reading:
    """The entity tagger's pass over one text."""

    ids: list[int]
    offsets: list[Span]  # per piece: its span in the text
    segments: list[tuple[int, int]]  # piece ranges [start, end), in order, covering all pieces
    entity_logits: torch.Tensor  # [pieces, tags]


def piece_segments(
    offsets: Sequence[Span], sentences: Sequence[Span], limit: int = SEGMENT
) -> list[tuple[int, int]]:
    """Consecutive piece ranges covering every piece: a new one at the first piece of
    each sentence and after `limit` pieces."""
    n = len(offsets)
    bounds = sorted({0, n, *pieces_from(offsets, (start for start, _ in sentences))})
    out: list[tuple[int, int]] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        out.extend((s, min(b, s + limit)) for s in range(a, b, limit))
    return out


def read(runtime: NerRuntime, text: str, sentences: Sequence[Span]) -> Reading:
    """The pass described above over `text` with its `sentences` (character spans)."""
    ids, offsets = runtime.tokenizer.encode(text)
    segments = piece_segments(offsets, sentences)
    found = runtime.logits([ids[s:e] for s, e in segments])
    logits = torch.cat(found) if found else torch.zeros(0, len(TAGS))
    return Reading(ids, offsets, segments, logits)


def word_tags(reading: Reading, words: Sequence[Span]) -> list[str]:
    """The entity tag of each word (sorted spans), read from its first piece ("O" for a
    word no piece starts in) and decoded segment by segment as `NerRuntime.tag`
    decodes sentence by sentence (`best_paths`: a name is never broken in two)."""
    first = first_pieces(reading.offsets, words)
    scores = word_scores(reading.entity_logits, first)
    starts = [s for s, _ in reading.segments]
    segment, group = 0, []  # a word without a piece stays in the segment before it
    for i in first:
        if i >= 0:
            segment = bisect.bisect_right(starts, i) - 1
        group.append(segment)
    bounds = [0, *(w for w in range(1, len(first)) if group[w] != group[w - 1]), len(first)]
    paths = best_paths([scores[a:b] for a, b in pairwise(bounds)], TAGS)
    return [TAGS[t] for path in paths for t in path]
