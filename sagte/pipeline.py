"""The per-article work, shared by every entry point: raw document → stored record.

This module sits between the analysis layers and the store: it calls ingest,
text, analysis and identity, and returns what the store writes.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from functools import cache, partial

from sagte.analysis import Analysis, Mode, extract_statements
from sagte.errors import Errors, InputError
from sagte.ingest import RawDocument
from sagte.store import ArticleRecord
from sagte.text import Doc, normalise, segment

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
    doc: RawDocument, mode: Mode = "auto", reuse: Reuse | None = None
) -> tuple[ArticleRecord, Analysis | None]:
    """Normalise, detect the language and, for German, analyse one article.

    `mode` picks the statement extractor (see `sagte.analysis.extract`). `reuse`
    may supply the analysis of a copy from stored articles (see
    `sagte.store.stories.StoryIndex.probe`); only what it cannot supply is analysed.

    Raises:
        InputError: nothing is left of the article after removing boilerplate.
    """
    norm = normalise(doc.raw, doc.body_start)
    if not norm.text.strip():
        raise InputError(Errors.S015, doc.source)
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
    record = ArticleRecord(
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
        published=doc.published,
        language=language,
        analysed=analysis is not None,
        encoding=doc.encoding,
    )
    return record, analysis
