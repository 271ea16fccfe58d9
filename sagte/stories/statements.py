"""One statement, many outlets: cluster the same statement of the same speaker.

"Wir sind das stärkste Bündnis der Welt" is quoted by dozens of outlets the same
day, trimmed differently, and rendered indirectly by others ("die NATO sei das
stärkste Bündnis der Welt"). Statements of the same canonical speaker whose
word stems (pronouns, articles and forms of sein/haben left out) mostly coincide become
one *statement cluster*. Inside a cluster every distinct wording is a *variant*,
related to the cluster's first-seen wording as:

* ``same``: identical after normalising case, punctuation and white space;
* ``trimmed``: one wording is contained in the other (a shorter cut of a quote);
* ``edited``: the same form with small changes of wording;
* ``paraphrase``: a different form (a direct quote and its indirect rendering):
  linked, never merged into one wording.

Only statements with a resolved speaker entity take part: "ein Sprecher" in two
articles is not known to be the same person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Protocol

from sagte.stories.features import stem
from sagte.stories.timing import EventTime

__all__ = [
    "RELATIONS",
    "MemoryStatementState",
    "StatementClusterer",
    "StatementInput",
    "StatementState",
    "SCluster",
    "normalise_message",
]

RELATIONS = ("same", "trimmed", "edited", "paraphrase")
MIN_CONTENT = 3  # shorter messages ("Ja", "Das stimmt") are too common to match
MATCH = 0.75  # share of the shorter message's content words found in the other
MIN_SHARE_OF_LONGER = 0.3  # and a fair part of the longer one
WINDOW_DAYS = 14.0
RECENT_PER_SPEAKER = 50
MAX_VARIANTS = 12  # variants kept for matching (all are kept as members)
_NOISE = re.compile(r"[^\w\s]+")
_WORD = re.compile(r"[^\W\d_]+")
_ELLIPSIS = re.compile(r"\(\s*(?:\.\.\.|…)\s*\)|\[\s*(?:\.\.\.|…)\s*\]|…|\.\.\.")


@cache
def _ignored() -> frozenset[str]:
    """The packaged words left out of message comparison (`statement_stopwords_de.txt`)."""
    path = resources.files("sagte").joinpath("data/statement_stopwords_de.txt")
    words: set[str] = set()
    for line in path.read_text("utf-8").splitlines():
        words.update(line.split("#", 1)[0].split())
    return frozenset(words)


def message_stems(text: str) -> list[str]:
    """The stems a message is compared on: pronouns, articles, sein/haben left out.

    >>> message_stems("Wir werden nicht zahlen") == message_stems("sie werde nicht zahlen")
    True
    """
    ignored = _ignored()
    words = [w for w in _WORD.findall(text.casefold()) if w not in ignored]
    return sorted({stem(w) for w in words})


def normalise_message(text: str) -> str:
    """Case-folded words of a message: quotes, punctuation and ellipses removed."""
    text = _ELLIPSIS.sub(" ", text)
    return " ".join(_NOISE.sub(" ", text.casefold()).split())


@dataclass(slots=True)
class StatementInput:
    """A stored statement, as the statement clusterer needs it."""

    statement_id: int
    speaker_key: str
    speaker_name: str
    form: str
    text: str
    article_id: str
    time: EventTime
    outlet: str | None = None


@dataclass(slots=True)
class Variant:
    """One wording of a statement cluster."""

    norm: str
    stems: list[str]
    form: str
    text: str
    relation: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "norm": self.norm,
            "stems": self.stems,
            "form": self.form,
            "text": self.text,
            "relation": self.relation,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Variant:
        return cls(data["norm"], list(data["stems"]), data["form"], data["text"], data["relation"])


@dataclass(slots=True)
class SCluster:
    """A statement cluster: a speaker, the wordings seen, and when."""

    speaker_key: str
    speaker_name: str
    id: int | None = None
    variants: list[Variant] = field(default_factory=list)
    size: int = 0
    lo: float | None = None
    hi: float | None = None

    def stretch(self, t: EventTime) -> None:
        if t.lo is not None and t.hi is not None:
            self.lo = t.lo if self.lo is None else min(self.lo, t.lo)
            self.hi = t.hi if self.hi is None else max(self.hi, t.hi)


class StatementState(Protocol):
    """Where statement clusters live (memory or the SQLite store)."""

    def statement_candidates(
        self, speaker_key: str, lo: float | None, hi: float | None, recent: int
    ) -> list[SCluster]:
        """The speaker's clusters whose time meets ``[lo, hi]`` plus their `recent` newest."""

    def save_statement_cluster(self, cluster: SCluster) -> int:
        """Insert or update a cluster; return its id."""


@dataclass(slots=True)
class Membership:
    """Where one statement went: its cluster, its variant and how it relates."""

    statement_id: int
    cluster: int
    variant: int
    relation: str
    similarity: float
    new_cluster: bool


def _overlap(a: set[str], b: set[str]) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if len(small) < MIN_CONTENT:
        return 0.0
    inter = len(small & large)
    if inter / len(large) < MIN_SHARE_OF_LONGER:
        return 0.0
    return inter / len(small)


def _relation(new: Variant, old: Variant) -> str:
    if (new.form == "direct") != (old.form == "direct"):
        return "paraphrase"
    if new.norm in old.norm or old.norm in new.norm:
        return "trimmed"
    return "edited"


class StatementClusterer:
    """Put statements into statement clusters, one at a time.

    >>> c = StatementClusterer(MemoryStatementState())
    >>> t = EventTime(19075.0, 19076.0, "published", "day")
    >>> a = StatementInput(1, "PER:jens stoltenberg", "Jens Stoltenberg", "direct",
    ...     "Wir sind das stärkste Bündnis der Welt", "a1", t)
    >>> b = StatementInput(2, "PER:jens stoltenberg", "Jens Stoltenberg", "indirect",
    ...     "die NATO sei das stärkste Bündnis der Welt", "a2", t)
    >>> [(m.cluster, m.relation) for m in c.add_all([a, b])]
    [(1, 'same'), (1, 'paraphrase')]
    """

    def __init__(self, state: StatementState) -> None:
        self.state = state

    def add(self, s: StatementInput) -> Membership:
        norm = normalise_message(s.text)
        stems = message_stems(s.text)
        variant = Variant(norm, stems, s.form, s.text, "same")
        lo = s.time.lo - WINDOW_DAYS if s.time.lo is not None else None
        hi = s.time.hi + WINDOW_DAYS if s.time.hi is not None else None
        best: SCluster | None = None
        best_variant, best_sim = -1, 0.0
        best_rank: tuple[float, float, int] = (0.0, 0.0, 0)
        mine = set(stems)
        for cluster in self.state.statement_candidates(s.speaker_key, lo, hi, RECENT_PER_SPEAKER):
            for i, v in enumerate(cluster.variants[:MAX_VARIANTS]):
                theirs = set(v.stems)
                sim = 1.0 if v.norm == norm else _overlap(mine, theirs)
                if sim < MATCH:
                    continue
                # Ties go to the closer wording (Jaccard), then to the older cluster.
                jaccard = len(mine & theirs) / len(mine | theirs) if mine | theirs else 1.0
                rank = (sim, jaccard, -(cluster.id or 0))
                if best is None or rank > best_rank:
                    best, best_variant, best_sim, best_rank = cluster, i, sim, rank
        if best is None:
            cluster = SCluster(s.speaker_key, s.speaker_name, variants=[variant], size=1)
            cluster.stretch(s.time)
            cid = self.state.save_statement_cluster(cluster)
            return Membership(s.statement_id, cid, 0, "same", 1.0, True)
        best.size += 1
        best.stretch(s.time)
        matched = best.variants[best_variant]
        if matched.norm == norm:
            index, relation = best_variant, matched.relation
        else:
            variant.relation = _relation(variant, best.variants[0])
            best.variants.append(variant)
            index, relation = len(best.variants) - 1, variant.relation
        cid = self.state.save_statement_cluster(best)
        return Membership(s.statement_id, cid, index, relation, best_sim, False)

    def add_all(self, statements: Iterable[StatementInput]) -> list[Membership]:
        return [self.add(s) for s in statements]


class MemoryStatementState:
    """A `StatementState` in dictionaries."""

    def __init__(self) -> None:
        self.clusters: dict[int, SCluster] = {}
        self.by_speaker: dict[str, list[int]] = {}

    def statement_candidates(
        self, speaker_key: str, lo: float | None, hi: float | None, recent: int
    ) -> list[SCluster]:
        ids = self.by_speaker.get(speaker_key, [])
        found = {i: self.clusters[i] for i in ids[-recent:]}
        if lo is not None and hi is not None:
            for i in ids:
                c = self.clusters[i]
                if c.lo is not None and c.hi is not None and c.lo <= hi and c.hi >= lo:
                    found[i] = c
        return list(found.values())

    def save_statement_cluster(self, cluster: SCluster) -> int:
        if cluster.id is None:
            cluster.id = len(self.clusters) + 1
            self.by_speaker.setdefault(cluster.speaker_key, []).append(cluster.id)
        self.clusters[cluster.id] = cluster
        return cluster.id
