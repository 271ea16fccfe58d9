"""A copy's analysis reuses its original's unchanged paragraphs (own German texts)."""

from __future__ import annotations

from sagte.analysis import extract_statements
from sagte.stories.reuse import reuse_analysis
from sagte.text import normalise, segment

ORIGINAL = (
    "Die Stadtverwaltung von Marstadt ist nach einem Hackerangriff weitgehend lahmgelegt. "
    "Bürgerbüro und Standesamt bleiben geschlossen.\n\n"
    "„Wir haben alle Systeme vorsorglich vom Netz genommen“, sagte Oberbürgermeister Frank "
    "Steiner am Donnerstag. Die Polizei ermittelt.\n\n"
    "Er sagte, ob Daten abgeflossen seien, sei noch unklar. „Wir werden nicht zahlen“, "
    "fügte er hinzu."
)
COPY = (
    "Ein Cyberangriff hat das Rathaus von Marstadt lahmgelegt.\n\n"
    "„Wir haben alle Systeme vorsorglich vom Netz genommen“, sagte Oberbürgermeister Frank "
    "Steiner am Donnerstag. Die Polizei ermittelt.\n\n"
    "Er sagte, ob Daten abgeflossen seien, sei noch unklar. „Wir werden nicht zahlen“, "
    "fügte er hinzu.\n\n"
    "Das Landeskriminalamt teilte mit, es prüfe Hinweise auf eine bekannte Tätergruppe."
)


def _analyse(text: str):
    norm = normalise(text)
    return norm, extract_statements(segment(norm.text, norm.paragraphs), "fast")


def _summary(analysis):
    return sorted(
        (analysis.span_text(s.message), s.form, analysis.speaker_name(s))
        for s in analysis.statements
    )


def test_reuse_copy_gives_the_same_statements_as_a_full_analysis() -> None:
    src, src_analysis = _analyse(ORIGINAL)
    dst, full = _analyse(COPY)
    reused, stats = reuse_analysis(
        dst.text,
        dst.paragraphs,
        src.text,
        src.paragraphs,
        src_analysis,
        "orig",
        analyse=lambda doc: extract_statements(doc, "fast"),
    )
    assert (stats.reused, stats.analysed) == (2, 2)
    assert _summary(reused) == _summary(full)
    for s in reused.statements:  # offsets point into the copy
        for a, b in s.message:
            assert dst.text[a:b] in COPY
    assert reused.text == dst.text


def test_reuse_falls_back_to_a_full_analysis_when_most_paragraphs_changed() -> None:
    src, src_analysis = _analyse(ORIGINAL)
    other, full = _analyse("Ganz anderer Text.\n\n„Das stimmt nicht“, sagte Anna Berg.")
    reused, stats = reuse_analysis(
        other.text,
        other.paragraphs,
        src.text,
        src.paragraphs,
        src_analysis,
        analyse=lambda doc: extract_statements(doc, "fast"),
    )
    assert stats.reused == 0 and _summary(reused) == _summary(full)
