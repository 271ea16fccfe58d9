"""The per-article work, shared by every entry point: raw document → stored record.

This module sits between the analysis layers and the store: it calls ingest,
text, analysis and identity, and returns what the store writes.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Container
from functools import cache, partial

from sagte.analysis import Analysis, Mode, extract_statements
from sagte.errors import Errors, InputError
from sagte.ingest import RawDocument
from sagte.ingest.units import Unit, read_unit
from sagte.store import ArticleRecord
from sagte.text import Doc, dateline_date, normalise, segment
from sagte.text.normalise import Normalised

# (article id, normalised text, paragraph spans, extractor) → an analysis built from
# stored ones (an identical or near-duplicate text), or None to analyse in full.
Reuse = Callable[[str, str, list[tuple[int, int]], Callable[[Doc], Analysis]], Analysis | None]

logger = logging.getLogger(__name__)

# lingua keeps a model per language in memory; a handful covers what German
# news sites publish besides German, at about 100 MB instead of over 1 GB.
LANGUAGES = ("GERMAN", "ENGLISH", "FRENCH", "ITALIAN", "SPANISH", "DUTCH", "POLISH", "TURKISH")


@cache
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language among `LANGUAGES`, or None if unsure."""
    sample = text[:3000]
    if len(sample.split()) < 3:
        return None
    language = _detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language is not None else None


def article_id(text: str) -> str:
    """Stable content hash of the normalised text: the same article is stored once."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def process(
    doc: RawDocument,
    mode: Mode = "auto",
    reuse: Reuse | None = None,
    skip: Container[str] = (),
) -> tuple[ArticleRecord, Analysis | None]:
    """Normalise, detect the language and, for German, analyse one article.

    `mode` picks the statement extractor (see `sagte.analysis.extract`). `reuse`
    may supply the analysis of a copy from stored articles (see
    `sagte.store.stories.StoryIndex.probe`); only what it cannot supply is analysed.
    An article whose id is in `skip` (already stored) is only normalised.

    Raises:
        InputError: nothing is left of the article after removing boilerplate.
    """
    norm = normalise(doc.raw, doc.body_start)
    if not norm.text.strip():
        raise InputError(Errors.S015, doc.source)
    if article_id(norm.text) in skip:
        return _record(doc, norm, None, None), None
    language = detect_language(norm.text)
    analysis = None
    if language in ("de", None):
        analyse = partial(extract_statements, mode=mode)
        if reuse is not None:
            analysis = reuse(article_id(norm.text), norm.text, norm.paragraphs, analyse)
        if analysis is None:
            analysis = analyse(segment(norm.text, norm.paragraphs))
    else:
        logger.warning("%s: language %s, stored but not analysed", doc.source, language)
    return _record(doc, norm, language, analysis), analysis


def _record(
    doc: RawDocument, norm: Normalised, language: str | None, analysis: Analysis | None
) -> ArticleRecord:
    return ArticleRecord(
        id=article_id(norm.text),
        source=doc.source,
        format=doc.format,
        raw_text=doc.raw,
        text=norm.text,
        alignment=norm.alignment.as_list(),
        body_start=doc.body_start,
        removed=norm.removed,
        external_id=doc.external_id,
        url=doc.url,
        outlet=doc.outlet,
        title=doc.title,
        author=doc.author,
        published=doc.published or dateline_date(norm.text, norm.paragraphs),
        language=language,
        analysed=analysis is not None,
        encoding=doc.encoding,
        crawled=doc.crawled,
        summary_only=doc.summary_only,
        source_meta=doc.extra,
    )


Processed = tuple[ArticleRecord, Analysis | None]


def process_unit(
    unit: Unit, mode: Mode = "auto", skip: Container[str] = ()
) -> list[Processed | InputError]:
    """Read and analyse one unit of the input (`sagte.ingest.units`).

    The same function does the per-article work for `sagte ingest --workers N`
    (in a process pool) and for `sagte batch` (on Dask). Bad articles come back as
    `InputError` values in their place; nothing raises for bad input.
    """
    results: list[Processed | InputError] = []
    for item in read_unit(unit):
        if isinstance(item, InputError):
            results.append(item)
            continue
        try:
            results.append(process(item, mode, skip=skip))
        except InputError as err:
            results.append(err)
    return results


def warm_up(mode: Mode = "auto") -> None:
    """Load what the analysis needs (models, word lists) before the first article.

    Runs once in every pool or Dask worker, so the first unit's time is not
    spent importing, and one thread per process: the processes are the parallelism.
    """
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:  # pragma: no cover - a declared dependency
        pass
    text = "„Wir sind bereit“, sagte die Ministerin am Montag in Berlin. Er sei zufrieden."
    process(RawDocument(source="<warm-up>", raw=text, format="text"), mode)
