"""What the story clusterer compares: stemmed terms, entities, a lead embedding, a time.

Terms are lower-cased, stop-word-free words reduced with the Snowball German
stemmer ("Chemiewaffen", "Chemiewaffe" → ``chemiewaff``), counted sub-linearly
(``1 + log n``); a headline's words count twice, as in most news clusterers
(headline words name the event). Entities are the analysis's named speakers and
organisations plus acronyms (NATO, EU), keyed with the identity layer's
canonical keys so "Nato" and "NATO" are one entity.
"""

from __future__ import annotations

import heapq
import logging
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from sagte.analysis.model import Analysis
from sagte.identity import canonical_key
from sagte.ingest.dates import PublishedDate
from sagte.stories.timing import EventTime, event_time

__all__ = [
    "ArticleFeatures",
    "build_features",
    "content_words",
    "lead_text",
    "stem",
    "stopwords",
    "terms_of",
]

logger = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W\d_]+")  # letters only: "NATO-Gipfel" → NATO, Gipfel
_ACRONYM = re.compile(r"\b[A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,5}\b")  # NATO, EU, G7, CDU
_SENTENCE_END = re.compile(r"(?<=[.!?“\"])\s+(?=[A-ZÄÖÜ„\"])")
HEADLINE_WEIGHT = 2.0
LEAD_CHARS = 600  # the embedded lead: headline and first sentences, about 80 words
MIN_WORD = 3


@cache
def stopwords() -> frozenset[str]:
    """The packaged German stop words (`sagte/data/story_stopwords_de.txt`)."""
    text = resources.files("sagte").joinpath("data/story_stopwords_de.txt").read_text("utf-8")
    words: set[str] = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        words.update(line.split())
    return frozenset(words)


@cache
def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("german")


def stem(word: str) -> str:
    """The Snowball German stem of a lower-cased word."""
    return str(_stemmer().stemWord(word.casefold()))


def content_words(text: str) -> list[tuple[str, str]]:
    """(stem, surface) pairs of the words that carry content, in text order."""
    stop = stopwords()
    words = [w for w in _WORD.findall(text) if len(w) >= MIN_WORD and w.casefold() not in stop]
    stems = _stemmer().stemWords([w.casefold() for w in words])
    return list(zip(stems, words, strict=True))


def terms_of(text: str, title: str | None = None) -> tuple[dict[str, float], dict[str, str]]:
    """Sub-linear term weights of a text (headline words count twice) and a surface form each.

    Returns:
        ``({stem: 1 + log(count)}, {stem: most frequent surface form})``
    """
    counts: dict[str, float] = {}
    surfaces: dict[str, Counter[str]] = {}
    for weight, part in ((HEADLINE_WEIGHT, title or ""), (1.0, text)):
        for s, w in content_words(part):
            counts[s] = counts.get(s, 0.0) + weight
            surfaces.setdefault(s, Counter())[w] += 1
    tf = {s: 1.0 + math.log(c) for s, c in counts.items()}
    surface = {s: c.most_common(1)[0][0] for s, c in surfaces.items()}
    return tf, surface


def lead_text(text: str, title: str | None = None, limit: int = LEAD_CHARS) -> str:
    """Headline and the first sentences, cut at a sentence end near `limit` characters."""
    out = (title.strip() + ". ") if title else ""
    for i, sentence in enumerate(_SENTENCE_END.split(text.strip())):
        if i and len(out) + len(sentence) > limit:
            break  # the first sentence always goes in
        out += sentence.strip() + " "
    return out.strip()[: limit * 2]


@dataclass(slots=True)
class ArticleFeatures:
    """One article as the clusterer sees it."""

    article_id: str
    tf: dict[str, float]
    surface: dict[str, str]
    entities: dict[str, float]
    entity_names: dict[str, str]
    time: EventTime
    embedding: np.ndarray | None = None
    outlet: str | None = None
    title: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def top_terms(self, idf: dict[str, float], k: int) -> list[str]:
        """The `k` terms with the highest TF-IDF weight."""
        return top_weighted(self.tf, idf, k)


def entities_of(analysis: Analysis | None, text: str) -> tuple[dict[str, float], dict[str, str]]:
    """Named entities (not descriptors) with mention counts, plus acronyms in the text."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    if analysis is not None:
        per_entity = Counter(m.entity for m in analysis.mentions if m.entity is not None)
        for i, entity in enumerate(analysis.entities):
            if entity.kind == "DESC":
                continue
            key = canonical_key(entity.name, entity.kind)
            counts[key] += max(1, per_entity.get(i, 0))
            names.setdefault(key, entity.name)
    for acronym in _ACRONYM.findall(text):
        key = canonical_key(acronym, "ORG")
        counts[key] += 1
        names.setdefault(key, acronym)
    return {k: 1.0 + math.log(c) for k, c in counts.items()}, names


def build_features(
    article_id: str,
    text: str,
    *,
    title: str | None = None,
    analysis: Analysis | None = None,
    published: PublishedDate | None = None,
    outlet: str | None = None,
    embedder: Any = None,
) -> ArticleFeatures:
    """Everything the clusterer needs from one article.

    Args:
        article_id: the stored article's id.
        text: its normalised text.
        title: its headline, if known.
        analysis: the statement analysis (for named entities); None for unanalysed text.
        published: the publication date with its precision (see `timing.event_time`).
        outlet: where it appeared.
        embedder: an object with ``encode(list[str]) -> ndarray`` (see `embed.Embedder`),
            or None to cluster without embeddings.
    """
    tf, surface = terms_of(text, title)
    entities, names = entities_of(analysis, text)
    embedding = None
    if embedder is not None:
        embedding = np.asarray(embedder.encode([lead_text(text, title)])[0], dtype=np.float32)
    return ArticleFeatures(
        article_id=article_id,
        tf=tf,
        surface=surface,
        entities=entities,
        entity_names=names,
        time=event_time(published, text),
        embedding=embedding,
        outlet=outlet,
        title=title,
    )


def cosine(a: dict[str, float], b: dict[str, float], idf: dict[str, float] | None = None) -> float:
    """Cosine of two sparse vectors, each weighted by `idf` when given."""
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    w = idf or {}
    dot = sum(v * b[t] * w.get(t, 1.0) ** 2 for t, v in a.items() if t in b)
    if dot == 0.0:
        return 0.0
    na = math.sqrt(sum((v * w.get(t, 1.0)) ** 2 for t, v in a.items()))
    nb = math.sqrt(sum((v * w.get(t, 1.0)) ** 2 for t, v in b.items()))
    return dot / (na * nb) if na and nb else 0.0


def top_weighted(
    vector: dict[str, float], idf: dict[str, float], k: int, exclude: Sequence[str] = ()
) -> list[str]:
    """The `k` keys with the highest ``value * idf`` (ties by key, for stable output)."""
    skip = set(exclude)
    keys = (t for t in vector if t not in skip)
    return heapq.nsmallest(k, keys, key=lambda t: (-vector[t] * idf.get(t, 1.0), t))
