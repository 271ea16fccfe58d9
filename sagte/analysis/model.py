"""What the analysis produces: statements, mentions and entities, all as offsets.

Spans are `(start, end)` character offsets into the article's normalised text;
text is looked up, never copied (see `Analysis.span_text`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

Span = tuple[int, int]

FORMS = ("direct", "indirect", "mixed", "reported", "free_indirect")
# The quotation dataset's finer types, kept beside the product's form.
FINE_TYPES = ("Direct", "Indirect", "IndirectFreeIndirect", "FreeIndirect", "Reported")
MEDIA = ("Speech", "Writing", "Thought", "SW", "ST", "TW")
ENTITY_KINDS = ("PER", "ORG", "LOC", "OTH", "DESC")
MENTION_KINDS = ("name", "title_name", "pronoun", "descriptor", "other")


@dataclass(slots=True)
class Entity:
    """A person, organisation or place as one article knows it.

    `name` is the canonical form (the fullest name seen, or the descriptor for
    unnamed speakers such as "ein Sprecher des Ministeriums").
    """

    name: str
    kind: str
    gender: str | None = None  # "m", "f" or None; `gender_source` says how it was found
    gender_source: str | None = None
    roles: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.kind not in ENTITY_KINDS:
            raise ValueError(f"Entity kind must be one of {ENTITY_KINDS}, got {self.kind!r}")

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Mention:
    """A span of the text that refers to an entity (by index into `Analysis.entities`)."""

    start: int
    end: int
    kind: str
    entity: int | None = None
    role: str | None = None  # "NATO-Generalsekretär" in "NATO-Generalsekretär Jens Stoltenberg"

    def __post_init__(self) -> None:
        if self.kind not in MENTION_KINDS:
            raise ValueError(f"Mention kind must be one of {MENTION_KINDS}, got {self.kind!r}")
        if self.end <= self.start:
            raise ValueError(f"Mention span must not be empty, got ({self.start}, {self.end})")


def name_spans(mentions: Sequence[Mention]) -> list[Span]:
    """The character spans of the names among `mentions` (a titled name included)."""
    return [(m.start, m.end) for m in mentions if m.kind in ("name", "title_name")]


@dataclass(slots=True)
class Statement:
    """One attributed statement; every role is a list of spans (may be discontinuous)."""

    form: str
    fine_type: str
    message: list[Span]
    cue: list[Span] = field(default_factory=list)
    frame: list[Span] = field(default_factory=list)
    speaker: Span | None = None
    speaker_entity: int | None = None
    addressee: list[Span] = field(default_factory=list)
    medium: str = "Speech"
    confidence: float = 0.5
    rule: str = ""

    def __post_init__(self) -> None:
        if self.form not in FORMS:
            raise ValueError(f"Statement form must be one of {FORMS}, got {self.form!r}")
        if self.fine_type not in FINE_TYPES:
            raise ValueError(f"fine_type must be one of {FINE_TYPES}, got {self.fine_type!r}")
        if self.medium not in MEDIA:
            raise ValueError(f"medium must be one of {MEDIA}, got {self.medium!r}")
        if not self.message:
            raise ValueError("a statement needs a message span")

    @property
    def start(self) -> int:
        return min(s for s, _ in self.message)

    @property
    def end(self) -> int:
        return max(e for _, e in self.message)


@dataclass(slots=True)
class Analysis:
    """Everything the analysis found in one text."""

    text: str
    statements: list[Statement]
    mentions: list[Mention]
    entities: list[Entity]
    extractor: str

    def span_text(self, spans: list[Span] | Span | None, sep: str = " … ") -> str:
        if spans is None:
            return ""
        if isinstance(spans, tuple):
            spans = [spans]
        return sep.join(self.text[s:e] for s, e in sorted(spans))

    def speaker_name(self, statement: Statement) -> str | None:
        if statement.speaker_entity is not None:
            return self.entities[statement.speaker_entity].name
        return self.span_text(statement.speaker) or None
