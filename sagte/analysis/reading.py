"""The entity tagger's pass over a whole article.

The entity tagger (`sagte.analysis.ner`) reads each sentence on its own, as it was
trained on GermEval's sentences. Over an article:

1. the text is split into pieces once (`Tokenizer.encode`); the statement tagger
   reads the same pieces (`TaggerRuntime.predict(pieces=…)`), so an article is
   tokenised once for both models;
2. the pieces are cut into segments at sentence starts (at most `SEGMENT` pieces
   each), and the segments are read as ``<s> … </s>`` in batches of similar length
   (`length_batches`): padding every sentence to the longest of a batch of 32
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

from sagte.analysis.encoder import length_batches
from sagte.analysis.model import Span
from sagte.analysis.ner import MAX_PIECES, TAGS, NerRuntime

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


@torch.no_grad()
def read(runtime: NerRuntime, text: str, sentences: Sequence[Span]) -> Reading:
    """The pass described above over `text` with its `sentences` (character spans)."""
    ids, offsets = runtime.tokenizer.encode(text)
    segments = piece_segments(offsets, sentences)
    logits = torch.zeros(len(ids), len(TAGS))
    for batch in length_batches([e - s for s, e in segments], runtime.budget):
        x, mask = runtime.tokenizer.pad([ids[slice(*segments[k])] for k in batch])
        out = runtime.model(x, mask).float()
        for i, k in enumerate(batch):
            s, e = segments[k]
            logits[s:e] = out[i, 1 : 1 + e - s]
    return Reading(ids, offsets, segments, logits)


def word_tags(reading: Reading, words: Sequence[Span]) -> list[str]:
    """The entity tag of each word: that of its first piece ("O" for a word no piece
    starts in)."""
    best = reading.entity_logits.argmax(-1).tolist()
    starts = [s for s, _ in reading.offsets]
    out = []
    for start, end in words:
        i = bisect.bisect_left(starts, start)
        while i < len(starts) and reading.offsets[i][0] == reading.offsets[i][1]:
            i += 1  # a lone "▁" piece
        out.append(TAGS[best[i]] if i < len(starts) and starts[i] < end else "O")
    return out
