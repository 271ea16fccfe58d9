"""The JSON shapes of the REST API (they are its OpenAPI documentation too)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class ErrorBody(BaseModel):
    status: int = Field(description="The HTTP status code.")
    code: str = Field(description="A stable code: S0xx from sagte's catalogue, or 'validation'.")
    message: str = Field(description="What went wrong and how to fix it.")
    details: list[str] = Field(default_factory=list, description="One line per invalid field.")


class ErrorOut(BaseModel):
    """Every error the API returns has this shape."""

    error: ErrorBody


class SpeakerRef(BaseModel):
    id: int
    name: str
    kind: str = Field(description="PER, ORG, LOC, OTH or DESC (an unnamed speaker).")


class Context(BaseModel):
    start: int
    end: int
    text: str = Field(description="The sentence(s) around the statement.")


class StatementOut(BaseModel):
    """A statement with its provenance; offsets index the article's normalised text."""

    id: int
    article_id: str
    article_title: str | None
    source: str
    outlet: str | None
    url: str | None
    published: str | None = Field(
        description="ISO date prefix: 2022, 2022-03, 2022-03-24 or a timestamp."
    )
    published_precision: str | None
    form: str = Field(description="direct, indirect, mixed, reported or free_indirect.")
    fine_type: str
    text: str = Field(description="The message (discontinuous parts joined by ' … ').")
    start: int
    end: int
    message_spans: list[list[int]]
    cue: str | None
    cue_spans: list[list[int]]
    speaker: SpeakerRef | None
    speaker_mention: str | None
    speaker_span: list[int] | None
    role: str | None
    medium: str
    confidence: float
    rule: str | None
    extractor: str
    context: Context


class StatementPage(BaseModel):
    items: list[StatementOut]
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null on the last."
    )


class SpeakerSummary(BaseModel):
    id: int
    name: str
    kind: str
    statements: int
    articles: int
    last_published: str | None
    roles: list[str]


class SpeakerPage(BaseModel):
    items: list[SpeakerSummary]
    total: int
    next_cursor: str | None


class Variant(BaseModel):
    text: str
    count: int


class RoleOut(BaseModel):
    role: str
    first: str | None
    last: str | None
    articles: int


class OutletCount(BaseModel):
    outlet: str | None
    statements: int


class Week(BaseModel):
    week: str = Field(description="The Monday of the ISO week.")
    outlets: dict[str, int]


class Topic(BaseModel):
    word: str
    count: int


class SpeakerProfile(BaseModel):
    id: int
    name: str
    kind: str
    statements: int
    articles: int
    first: str | None
    last: str | None
    variants: list[Variant]
    roles: list[RoleOut]
    outlets: list[OutletCount]
    weekly: list[Week]
    undated: int = Field(description="Statements without a day-precise date (not in `weekly`).")
    topics: list[Topic]
    latest: list[StatementOut]


class StoryRef(BaseModel):
    id: int
    title: str | None


class ArticleSummary(BaseModel):
    id: str
    source: str
    outlet: str | None
    title: str | None
    url: str | None
    published: str | None
    published_precision: str | None
    language: str | None
    analysed: bool
    statements: int
    lead: str


class ArticlePage(BaseModel):
    items: list[ArticleSummary]
    next_cursor: str | None


class ArticleOut(BaseModel):
    id: str
    source: str
    format: str
    external_id: str | None
    url: str | None
    outlet: str | None
    title: str | None
    author: str | None
    published: str | None
    published_precision: str | None
    language: str | None
    analysed: bool
    text: str = Field(description="The normalised text; every offset points here.")
    raw_text: str | None = Field(description="The text as read (with `include_raw=true`).")
    alignment: list[list[int]] | None = Field(
        description="[[norm_start, raw_start, length, copied], …] (with `include_raw=true`)."
    )
    body_start: int
    extractor: str | None
    ingested_at: str
    statements: list[StatementOut]
    stories: list[StoryRef]


class StorySummary(BaseModel):
    id: int
    title: str | None
    articles: int
    outlets: int
    first: str | None
    last: str | None
    statements: int


class StoryPage(BaseModel):
    items: list[StorySummary]
    next_cursor: str | None


class StoryArticle(BaseModel):
    id: str
    title: str | None
    source: str
    outlet: str | None
    url: str | None
    published: str | None
    published_precision: str | None
    statements: int


class SpeakerGroup(BaseModel):
    speaker: SpeakerRef | None
    mention: str | None
    statements: list[StatementOut]


class StoryOut(BaseModel):
    id: int
    title: str | None
    articles: list[StoryArticle]
    speakers: list[SpeakerGroup]


class Outlet(BaseModel):
    outlet: str
    articles: int


class ArticleIn(BaseModel):
    """An article to ingest (the fields of a JSON Lines record)."""

    text: str = Field(min_length=1, description="The article text (plain text).")
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = Field(None, description="YYYY, YYYY-MM, YYYY-MM-DD or ISO 8601.")
    id: str | None = Field(None, description="Your id for the article (kept as external_id).")


class IngestOut(BaseModel):
    article_id: str
    stored: bool = Field(description="False if the same article was already stored.")
    analysed: bool
    statements: int
