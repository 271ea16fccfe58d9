"""The bundled example articles (examples/) against their hand-made gold.

The gold is tests/data/examples.gold.json: for each example document its statements
(form, canonical speaker, mention, cue, message text, `required`), the `not_quotes`
that must never come out as statements, and the speakers. The articles 101-104 are
invented texts written for this project; the two seed articles in examples/ are
extracted too (they must not break) but are scored elsewhere.

Matching is the rule of the project's seed checker (`covers` and `same_speaker` in
conftest), so both report the same misses: a gold statement counts as found when a
predicted statement of the same article covers at least 60% of its words, at least
half of the predicted words are in it, and the predicted speaker contains the gold
speaker's last name (the part before a hyphen). A `not_quotes` entry is violated when it and a predicted text cover each
other in either direction.

The statements come from the same code path as `sagte extract`: `read_paths`, then
`pipeline.process`, then `api.statements_of`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from sagte.analysis.extract import Mode
from sagte.api import ExtractedStatement, statements_of
from sagte.errors import InputError
from sagte.ingest import RawDocument, read_paths
from sagte.pipeline import process
from sagte.store import ArticleRecord
from tests.conftest import EXAMPLES, covers, load_gold, same_speaker


@dataclass(slots=True)
class Example:
    """One example article as read, processed and extracted."""

    doc: RawDocument
    record: ArticleRecord
    statements: list[ExtractedStatement] | None  # None: not analysed (not German)


def article_name(doc: RawDocument) -> str:
    """The name `sagte extract` reports, reduced to its base name as the seed checker does."""
    return Path(doc.source).name


@cache
def gold() -> dict[str, Any]:
    return load_gold("examples.gold.json")


@cache
def _extract_examples(mode: Mode = "auto") -> tuple[dict[str, Example], tuple[str, ...]]:
    examples: dict[str, Example] = {}
    errors: list[str] = []
    for item in read_paths([EXAMPLES]):
        if isinstance(item, InputError):
            errors.append(str(item))
            continue
        try:
            record, analysis = process(item, mode)
        except InputError as err:
            errors.append(str(err))
            continue
        name = article_name(item)
        statements = statements_of(analysis, name) if analysis is not None else None
        examples[name] = Example(item, record, statements)
    return examples, tuple(errors)


def examples(mode: Mode = "auto") -> dict[str, Example]:
    return _extract_examples(mode)[0]


def predictions(name: str, mode: Mode) -> list[ExtractedStatement]:
    example = examples(mode).get(name)
    assert example is not None, f"{name}: no such example article in {EXAMPLES}"
    assert example.statements is not None, f"{name}: not analysed (language not German?)"
    return example.statements


def gold_documents() -> list[str]:
    return list(gold()["documents"])


def describe(s: ExtractedStatement) -> str:
    return f"{s.speaker!r} via {s.rule} (mention {s.speaker_mention!r}, cue {s.cue!r})"


def test_examples_every_file_is_read_and_analysed() -> None:
    found, errors = _extract_examples()
    assert not errors, "example files that could not be read:\n" + "\n".join(errors)
    unanalysed = [name for name, ex in found.items() if ex.statements is None]
    assert not unanalysed, f"example articles not analysed as German: {unanalysed}"
    files = {p.name for p in EXAMPLES.iterdir() if p.is_file() and not p.name.startswith(".")}
    read_from = {
        Path(ex.doc.source.rsplit(":", 1)[0] if ex.doc.format == "jsonl" else ex.doc.source).name
        for ex in found.values()
    }
    assert files <= read_from, f"example files not read: {sorted(files - read_from)}"


def test_examples_gold_is_well_formed() -> None:
    data = gold()
    forms = set(data["forms"])
    missing_docs = [name for name in data["documents"] if name not in examples()]
    assert not missing_docs, f"gold documents without an example article: {missing_docs}"
    for name, document in data["documents"].items():
        assert document["quotes"], f"{name}: no gold statements"
        for quote in document["quotes"]:
            assert quote["form"] in forms, (name, quote)
            assert quote["speaker"] in data["speakers"], (name, quote["speaker"])
            assert isinstance(quote["required"], bool), (name, quote)
            assert quote["text"].strip(), (name, quote)


@pytest.mark.parametrize("mode", ["accurate", "fast"])
@pytest.mark.parametrize("name", gold_documents())
def test_examples_required_statements_found(name: str, mode: Mode) -> None:
    preds = predictions(name, mode)
    missing = []
    required = [q for q in gold()["documents"][name]["quotes"] if q["required"]]
    for quote in required:
        near = [p for p in preds if covers(quote["text"], p.text)]
        if any(same_speaker(quote["speaker"], p.speaker) for p in near):
            continue
        why = (
            "found with another speaker: " + "; ".join(describe(p) for p in near)
            if near
            else "not found"
        )
        missing.append(f"MISSING [{quote['form']}] {quote['speaker']}: {quote['text']!r} ({why})")
    assert not missing, (
        f"{name}: {len(missing)} of {len(required)} required statements missed\n"
        + "\n".join(missing)
    )


@pytest.mark.parametrize("mode", ["accurate", "fast"])
@pytest.mark.parametrize("name", gold_documents())
def test_examples_no_not_quotes_extracted(name: str, mode: Mode) -> None:
    preds = predictions(name, mode)
    wrong = [
        f"NOT A STATEMENT but extracted: {text!r} as {p.text!r} by {describe(p)}"
        for text in gold()["documents"][name]["not_quotes"]
        for p in preds
        if covers(text, p.text) or covers(p.text, text)
    ]
    assert not wrong, f"{name}:\n" + "\n".join(wrong)


# Metadata that `sagte statements` shows for each example: (outlet, published, precision).
METADATA = {
    "101_bundestag_heizung.html": ("Hauptstadt-Anzeiger", "2023-04-19", "day"),
    "102_feed.jsonl:1": ("Hallberger Tagblatt", "2023-05-11T19:05:00+02:00", "datetime"),
    "102_feed.jsonl:2": ("Wellinger Rundschau", "2023-05-20", "day"),
    "102_feed.jsonl:3": ("Südbote", "2023-05", "month"),
    "103_swiss_quotes.txt": (None, "2023-06-02", "day"),
}


@pytest.mark.parametrize(("name", "expected"), METADATA.items())
def test_examples_metadata(name: str, expected: tuple[str | None, str, str]) -> None:
    outlet, published, precision = expected
    record = examples()[name].record
    assert record.outlet == outlet
    assert record.published is not None
    assert (record.published.value, record.published.precision) == (published, precision)


def test_examples_html_page_chrome_is_not_article_text() -> None:
    ex = examples()["101_bundestag_heizung.html"]
    assert ex.doc.title == "Heizungsgesetz: Koalition ringt im Bundestag um Übergangsfristen"
    assert ex.doc.author == "Julia Brenner"
    for chrome in ("Cookies", "Alle akzeptieren", "Impressum", "Lieferzeiten", "Startseite"):
        assert chrome not in ex.record.text, chrome


def test_examples_text_header_is_not_article_text() -> None:
    record = examples()["103_swiss_quotes.txt"].record
    assert record.text.startswith("Felssturzgefahr:"), record.text[:40]


BOILERPLATE_104 = (
    "Verfolgen Sie alle Entwicklungen zum Thema in unserem Liveblog.",
    "Mehr zum Thema",
    "Lesen Sie mehr auf tagesschau.de",
    "Jetzt den Newsletter kostenlos abonnieren",
    "Wir nutzen Cookies",
)


@pytest.mark.parametrize("line", BOILERPLATE_104)
def test_examples_liveblog_boilerplate_removed(line: str) -> None:
    record = examples()["104_liveblog.txt"].record
    assert line in record.raw_text  # kept in the stored raw text ...
    assert line not in record.text  # ... but not analysed


def test_examples_liveblog_hard_wraps_rejoined() -> None:
    text = examples()["104_liveblog.txt"].record.text
    assert "sagte Verdi-Verhandlungsführer Markus Ohlendorf am frühen Morgen" in text
    assert "des Kommunalen Arbeitgeberverbands NRW, Petra Lindqvist." in text
