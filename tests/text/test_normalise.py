"""Normalised text, its alignment to the raw text, and boilerplate removal."""

from __future__ import annotations

import pytest

from sagte.ingest import read_paths
from sagte.text import normalise, segment
from tests.conftest import SEEDS


def test_normalise_rejoins_hard_wrapped_lines() -> None:
    raw = "Die Nato-Staaten hatten den Angriff\nbereits kurz nach dem Beginn\nverurteilt.\n\nNeuer Absatz."
    norm = normalise(raw)
    assert norm.text == (
        "Die Nato-Staaten hatten den Angriff bereits kurz nach dem Beginn verurteilt.\n\nNeuer Absatz."
    )
    assert len(norm.paragraphs) == 2


def test_normalise_copies_a_line_whole_and_collapses_only_odd_white_space() -> None:
    raw = "Stoltenberg  warnte\tvor Chemiewaffen, sagte\u00a0er."
    norm = normalise(raw)
    assert norm.text == "Stoltenberg warnte vor Chemiewaffen, sagte er."
    # the single spaces are copied with the words around them; the double space,
    # the tab and the no-break space are replaced
    copied = [norm.text[a : a + n] for a, _, n, was_copied in norm.alignment.segments if was_copied]
    assert copied == ["Stoltenberg", "warnte", "vor Chemiewaffen, sagte", "er."]
    assert norm.alignment.span_to_raw(19, 39) == (20, 40)  # „vor Chemiewaffen, sagte“
    plain = normalise("Er sagte, die Lage sei ernst.")
    assert len(plain.alignment.segments) == 1


def test_normalise_removes_boilerplate_but_keeps_raw_spans() -> None:
    raw = (
        "Stoltenberg warnte vor Chemiewaffen.\n\n"
        "Verfolgen Sie alle Entwicklungen zum Angriff Russlands auf die Ukraine in unserem Liveblog.\n\n"
        "Mehr zum Thema\n\n"
        "Jetzt den Newsletter kostenlos abonnieren!\n\n"
        "Wir verwenden Cookies. Mit Klick auf Akzeptieren stimmen Sie zu.\n\n"
        "Lesen Sie mehr auf Quelle"
    )
    norm = normalise(raw)
    assert norm.text == "Stoltenberg warnte vor Chemiewaffen."
    removed = [raw[a:b] for a, b in norm.removed]
    assert removed[0].startswith("Verfolgen Sie") and removed[-1] == "Lesen Sie mehr auf Quelle"
    assert len(removed) == 5


def test_normalise_keeps_article_paragraphs_that_mention_cookies() -> None:
    long = "Die Verbraucherzentrale kritisiert, dass viele Seiten Cookies setzen. " * 6
    assert normalise(long).text == long.strip()


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_alignment_maps_every_token_back_to_raw(path) -> None:
    (doc,) = list(read_paths([path]))
    norm = normalise(doc.raw, doc.body_start)
    tokens = segment(norm.text, norm.paragraphs).tokens
    assert tokens
    for tok in tokens:
        start, end = norm.alignment.span_to_raw(tok.start, tok.end)
        assert doc.raw[start:end] == tok.text


NAUGHTY = [
    "",
    "   ",
    "\u00a0\u00a0geschützte\u00a0Leerzeichen\u00a0",
    "Soft\u00adhyphen und Null\u200bbreite",
    "<script>alert('x')</script> sagte er.",
    '"><img src=x onerror=alert(1)>',
    "Emoji 🇩🇪👩‍👩‍👧 und Zalgo Z̷̢͎a̶l̵g̸o",
    "\r\nWindows\r\nZeilen\r\n\r\nAbsatz",
    "ﾟ･✿ヾ╲(｡◕‿◕｡)╱✿･ﾟ",
    "Ünïcödé ß ẞ ﬁ",
]


@pytest.mark.parametrize("raw", NAUGHTY)
def test_normalise_naughty_strings_keep_copied_text_aligned(raw: str) -> None:
    norm = normalise(raw)
    for norm_start, raw_start, length, copied in norm.alignment.segments:
        if copied:
            assert (
                norm.text[norm_start : norm_start + length] == raw[raw_start : raw_start + length]
            )
    doc = segment(norm.text, norm.paragraphs)
    for tok in doc.tokens:
        assert norm.text[tok.start : tok.end] == tok.text
