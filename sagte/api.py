"""The Python API: `sagte.open(path)` for a database, `sagte.extract(text)` without one."""

from __future__ import annotations

import builtins
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sagte.analysis import Analysis, Mode, extract_statements
from sagte.errors import InputError
from sagte.ingest import RawDocument, parse_date, read_paths
from sagte.ingest.dates import PublishedDate
from sagte.ingest.units import Unit, plan, read_unit
from sagte.parallel import check_workers, process_units
from sagte.pipeline import process
from sagte.store import ArticleRecord, Store, story_views
from sagte.store.stories import StoryIndex
from sagte.text import normalise, segment

logger = logging.getLogger(__name__)

# Stored article ids sent to parallel workers so they skip re-analysing them.
SKIP_LIMIT = 500_000


@dataclass(slots=True)
class ExtractedStatement:
    """One statement as `sagte extract` reports it; offsets index the normalised text."""

    article: str
    form: str
    fine_type: str
    text: str
    speaker: str | None
    speaker_mention: str | None
    cue: str | None
    start: int
    end: int
    confidence: float
    medium: str
    message_spans: list[list[int]] = field(default_factory=list)
    extractor: str = ""
    rule: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def statements_of(analysis: Analysis, article: str) -> list[ExtractedStatement]:
    """Flatten an analysis into `ExtractedStatement` records."""
    out = []
    for s in analysis.statements:
        out.append(
            ExtractedStatement(
                article=article,
                form=s.form,
                fine_type=s.fine_type,
                text=analysis.span_text(s.message),
                speaker=analysis.speaker_name(s),
                speaker_mention=analysis.span_text(s.speaker) or None,
                cue=analysis.span_text(s.cue, sep=" ") or None,
                start=s.start,
                end=s.end,
                confidence=round(s.confidence, 3),
                medium=s.medium,
                message_spans=[list(span) for span in s.message],
                extractor=analysis.extractor,
                rule=s.rule,
            )
        )
    return out


def analyse_text(text: str, mode: Mode = "auto") -> Analysis:
    """Normalise and analyse a text; offsets index the normalised text."""
    norm = normalise(text)
    return extract_statements(segment(norm.text, norm.paragraphs), mode)


def extract(
    text: str, published: str | None = None, article: str = "<text>", mode: Mode = "auto"
) -> list[ExtractedStatement]:
    """Statements in a German text, without a database.

    Args:
        text: the article (plain text; hard-wrapped lines and boilerplate are handled).
        published: its date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD` or ISO 8601), checked here
            and kept for later use; it does not change the extraction.
        article: the name to report as each statement's `article`.
        mode: "auto" (accurate where installed, else the rules), "accurate" (neural
            tagger and entity tagger) or "fast" (rules).
    Returns:
        The statements in text order.
    """
    if published is not None:
        parse_date(published)  # raises ValueError for a malformed date
    return statements_of(analyse_text(text, mode), article)


@dataclass(slots=True)
class IngestEvent:
    """What happened to one input: stored, duplicate, or error (with its message)."""

    path: str
    kind: str
    source: str
    message: str = ""
    article_id: str | None = None
    statements: int = 0


class Database:
    """A sagte database.

    >>> db = Database(":memory:")
    >>> db.statements()
    []
    """

    def __init__(
        self, path: str | os.PathLike[str] = "sagte.db", readonly: bool = False, mode: Mode = "auto"
    ) -> None:
        self.store = Store(path, readonly=readonly)
        self._story_index: StoryIndex | None = None
        self.mode = mode

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ingest_iter(
        self, paths: Iterable[str | os.PathLike[str]], workers: int = 1, reuse: bool = True
    ) -> Iterator[IngestEvent]:
        """Ingest files and directories, one transaction per article, yielding events.

        With `workers` > 1 the articles are read and analysed in that many processes
        (`sagte.parallel`) while this one writes. A single process reuses the
        analysis of stored near-duplicates for their unchanged paragraphs
        (`sagte.stories.reuse`) unless `reuse` is False; parallel workers cannot
        see the store and analyse every new text in full, as `reuse=False` does.
        """
        self.cluster_pending()
        check_workers(workers)
        units: list[Unit] = []
        if workers > 1:
            paths = builtins.list(paths)
            units, errors = plan(paths)
            for err in errors:
                yield _error_event(err)
        if len(units) < 2 or any(unit.reads_stdin for unit in units):
            # nothing to share out, or standard input, which only this process can read
            for item in read_paths(paths) if workers == 1 else _read_units(units):
                if isinstance(item, InputError):
                    yield _error_event(item)
                    continue
                try:
                    probe = self.story_index.probe if reuse else None
                    record, analysis = process(item, self.mode, reuse=probe)
                except InputError as err:
                    yield _error_event(err)
                    continue
                yield self.add(record, analysis)
            return
        # Workers only normalise articles already stored (a resumed run), up to a
        # size of the id set worth sending to every worker.
        stored = self.store.article_ids() if self.store.count("articles") <= SKIP_LIMIT else ()
        for _unit, results in process_units(units, workers, self.mode, frozenset(stored)):
            for result in results:
                yield _error_event(result) if isinstance(result, InputError) else self.add(*result)

    def add(self, record: ArticleRecord, analysis: Analysis | None) -> IngestEvent:
        """Store one processed article and cluster it, in one transaction."""
        index = self.story_index
        try:
            with self.store.atomic():
                stored = self.store.add_article(record, analysis)
                if stored:
                    index.add(
                        record.id,
                        record.text,
                        title=record.title,
                        outlet=record.outlet,
                        published=record.published,
                        analysis=analysis,
                    )
                else:
                    index.sighting(record.id, record.source, record)
        except BaseException:
            index.state.forget()  # cached clusters may hold the rolled-back changes
            raise
        count = len(analysis.statements) if analysis else 0
        kind = ("stored" if analysis else "stored_unanalysed") if stored else "duplicate"
        return IngestEvent(
            _file_of(record.source), kind, record.source, "", record.id, count if stored else 0
        )

    @property
    def story_index(self) -> StoryIndex:
        """Stories, copies and statement clusters of this database (`sagte.store.stories`)."""
        if self._story_index is None:
            self._story_index = StoryIndex(self.store.conn)
        return self._story_index

    def cluster_pending(self) -> int:
        """Cluster articles stored before stories existed (migration 0003); return how many."""
        index = self.story_index
        done = 0
        for article_id in index.pending():
            row = self.store.article(article_id)
            with self.store.atomic():
                index.add(
                    article_id,
                    row["text"],
                    title=row["title"],
                    outlet=row["outlet"],
                    published=PublishedDate(row["published"], row["published_precision"])
                    if row["published"]
                    else None,
                    analysis=index.load_analysis(article_id),
                )
            done += 1
        return done

    def ingest(self, paths: Iterable[str | os.PathLike[str]] | str) -> builtins.list[IngestEvent]:
        """Ingest and return every event (see `ingest_iter` for progress)."""
        if isinstance(paths, str | os.PathLike):
            paths = [paths]
        return builtins.list(self.ingest_iter(paths))

    def reprocess(self, mode: Mode | None = None) -> Iterator[str]:
        """Analyse every stored article again (after a model upgrade), one transaction
        each, then replay the entity corrections; yields each article id when done."""
        index = self.story_index
        for article_id in self.store.article_ids():
            row = self.store.article(article_id)
            analysis = analyse_text(row["text"], mode or self.mode)
            published = (
                PublishedDate(row["published"], row["published_precision"])
                if row["published"]
                else None
            )
            with self.store.atomic():
                self.store.replace_analysis(article_id, analysis)
                index.recluster_statements(article_id, row["text"], row["outlet"], published)
            yield article_id
        with self.store.atomic():
            self.store.identities.replay()

    def entity(self, name: str) -> dict[str, Any]:
        """An entity's variants, dated roles and statement counts (`Store.entity_profile`)."""
        return self.store.entity_profile(name)

    def correct_entity(self, op: str, name: str, value: str) -> int:
        """A correction by hand, kept and replayed after re-analysis: op is merge (value:
        the other entity), split (value: an article id), alias (value: the variant) or
        rename (value: the new name). Returns the id of the entity that results."""
        identities = self.store.identities
        actions = {
            "merge": identities.merge,
            "split": identities.split,
            "alias": identities.alias,
            "rename": identities.rename,
        }
        with self.store.atomic():
            return actions[op](name, value)

    def why_merged(self, a: str, b: str) -> dict[str, Any]:
        """Whether `a` and `b` are one entity, with the evidence (`Identities.why_merged`)."""
        return self.store.identities.why_merged(a, b)

    def statements(self, **filters: Any) -> builtins.list[dict[str, Any]]:
        """Statements with provenance; filters: speaker, form, since, until, outlet, contains,
        article, search (German full-text, `Store.statements`)."""
        return self.store.statements(**filters)

    def speakers(self) -> builtins.list[dict[str, Any]]:
        return self.store.speakers()

    def article(self, ref: str) -> dict[str, Any]:
        return self.store.article(ref)

    def articles(self) -> builtins.list[dict[str, Any]]:
        return self.store.articles()

    # -- stories (sagte.store.stories, sagte.store.story_views) -------------
    def stories(
        self,
        since: str | None = None,
        until: str | None = None,
        storyline: int | None = None,
        limit: int | None = None,
    ) -> builtins.list[dict[str, Any]]:
        """Stories (one event over a few days), newest first, with label and counts."""
        return story_views.list_stories(self.store.conn, since, until, storyline, limit)

    def storylines(
        self, since: str | None = None, until: str | None = None
    ) -> builtins.list[dict[str, Any]]:
        """Storylines (a topic over weeks), newest first."""
        return story_views.list_storylines(self.store.conn, since, until)

    def story(self, story_id: int, speaker: str | None = None) -> dict[str, Any]:
        """A story's articles (copies marked), outlets, timeline and top statements.

        Raises:
            NotFound: no such story ([S027]).
        """
        return story_views.story_detail(self.store.conn, story_id, speaker)

    def storyline(self, storyline_id: int, speaker: str | None = None) -> dict[str, Any]:
        """A storyline's stories, articles, timeline and statements (of `speaker`, if given)."""
        return story_views.storyline_detail(self.store.conn, storyline_id, speaker)

    def statement(self, statement_id: int) -> dict[str, Any]:
        """One statement across outlets: wording variants and provenance (outlet, first seen).

        `statement_id` is a statement's id (`statements()`, `story()`); the answer covers
        every statement of the same speaker with the same message (its statement cluster).

        Raises:
            NotFound: no such statement ([S027]).
        """
        return story_views.statement_provenance(self.store.conn, statement_id)


def open(  # noqa: A001
    path: str | os.PathLike[str] = "sagte.db", readonly: bool = False, mode: Mode = "auto"
) -> Database:
    """Open (and create or migrate) a sagte database; `mode` picks the extractor for ingests.

    `path` is a SQLite file, or a ``postgresql://USER@HOST/DATABASE`` URL.
    """
    return Database(path, readonly=readonly, mode=mode)


def _read_units(units: Iterable[Unit]) -> Iterator[RawDocument | InputError]:
    for unit in units:
        yield from read_unit(unit)


def _error_event(err: InputError) -> IngestEvent:
    return IngestEvent(_file_of(err.source), "error", err.source or "", str(err))


def _file_of(source: str | None) -> str:
    if not source:
        return ""
    for mark in (":", "#"):  # news.jsonl:12, crawl.warc.gz#4096, feed.rss#3
        path, _, number = source.rpartition(mark)
        if number.isdigit() and path:
            return path
    return str(Path(source))
