"""The entity tagger's pass over a whole article.

The entity tagger (`sagte.analysis.ner`) reads each sentence on its own, as it was
trained on GermEval's sentences. Over an article:

1. the text is split into pieces once (`Tokenizer.encode`); the statement tagger
   reads the same pieces (`TaggerRuntime.predict(pieces=…)`), so an article is
   tokenised once for both models;
2. the pieces are cut into segments at sentence starts (at most `SEGMENT` pieces
   each), and the segments are read in batches of similar length
   (`NerRuntime.logits`): padding every sentence to the longest of a batch of 32
   doubled the work on a 500-word article;
3. each word takes the tag of its first piece.

The names are the same as `NerRuntime.tag` finds sentence by sentence (a test
checks it).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import torch

from sagte.analysis.model import Span
from sagte.analysis.ner import MAX_PIECES, TAGS, NerRuntime, first_pieces

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
    starts = [s for s, _ in offsets]
    bounds = sorted({0, n, *(bisect.bisect_left(starts, start) for start, _ in sentences)})
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
    """The entity tag of each word (sorted spans): that of its first piece ("O" for a
    word no piece starts in)."""
    best = reading.entity_logits.argmax(-1).tolist()
    return [TAGS[best[i]] if i >= 0 else "O" for i in first_pieces(reading.offsets, words)]
