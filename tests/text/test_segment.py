"""Sentences and tokens with character offsets."""

from __future__ import annotations

import importlib
import subprocess
import sys
from itertools import pairwise

import pytest

from sagte.text import segment

TEXT = (
    "„Wir sind das stärkste Bündnis der Welt“, sagte der Norweger am Donnerstag. "
    '"Solange wir zusammenstehen, sind wir sicher." Etwa 100.000 US-Soldaten sind in Europa.'
)


def test_segment_sentences_keep_quotes_together() -> None:
    doc = segment(TEXT)
    assert [s.text for s in doc.sentences] == [
        "„Wir sind das stärkste Bündnis der Welt“, sagte der Norweger am Donnerstag.",
        '"Solange wir zusammenstehen, sind wir sicher."',
        "Etwa 100.000 US-Soldaten sind in Europa.",
    ]


def test_segment_token_offsets_index_the_text() -> None:
    doc = segment(TEXT)
    assert "100.000" in [t.text for t in doc.tokens]
    assert "US-Soldaten" in [t.text for t in doc.tokens]
    for tok in doc.tokens:
        assert TEXT[tok.start : tok.end] == tok.text


def test_token_range_modes() -> None:
    doc = segment("Der Norweger sagte nichts.")
    start = doc.text.index("Norweger")
    assert doc.token_range(start, start + 8, "strict") == (1, 2)
    assert doc.token_range(start + 1, start + 8, "strict") is None
    assert doc.token_range(start + 1, start + 8, "contract") is None
    assert doc.token_range(start + 1, start + 8, "expand") == (1, 2)
    assert doc.token_range(0, len(doc.text), "contract") == (0, 5)


def test_segment_paragraphs_are_sentence_boundaries() -> None:
    text = "Erster Absatz ohne Punkt\n\nZweiter Absatz."
    doc = segment(text, [(0, 24), (26, len(text))])
    assert [s.paragraph for s in doc.sentences] == [0, 1]


# Raw text against its sentences and tokens. Sources: the quotation dataset's web text
# (quotation marks glued to words, scores, years at a sentence's end) and SoMaJo's
# guidelines for ordinals and abbreviations.
@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        pytest.param(
            "Er sagte:„Das ist gut.“ Dann ging er.",
            [["Er", "sagte", ":", "„", "Das", "ist", "gut", ".", "“"], ["Dann", "ging", "er", "."]],
            id="glued-opening-quote",
        ),
        pytest.param(
            "Er sagte,„wir kommen“.Dann ging er.",
            [["Er", "sagte", ",", "„", "wir", "kommen", "“", "."], ["Dann", "ging", "er", "."]],
            id="glued-closing-quote",
        ),
        pytest.param(
            "„Wir bleiben“, sagte sie. „Das ist sicher.“ Dann ging sie.",
            [
                ["„", "Wir", "bleiben", "“", ",", "sagte", "sie", "."],
                ["„", "Das", "ist", "sicher", ".", "“"],
                ["Dann", "ging", "sie", "."],
            ],
            id="closing-quote-ends-its-sentence",
        ),
        pytest.param(
            "Das war im Jahr 2004. Danach kam er am 3. März zurück.",
            [
                ["Das", "war", "im", "Jahr", "2004", "."],
                ["Danach", "kam", "er", "am", "3.", "März", "zurück", "."],
            ],
            id="year-ends-sentence-ordinal-does-not",
        ),
        pytest.param(
            "N’Golo Kanté und D’Alema trafen O'Brien.",
            [["N’Golo", "Kanté", "und", "D’Alema", "trafen", "O'Brien", "."]],
            id="apostrophe-in-names",
        ),
        pytest.param(
            "Das Spiel endete 1:0. Die Fans jubelten.",
            [["Das", "Spiel", "endete", "1:0", "."], ["Die", "Fans", "jubelten", "."]],
            id="score-ends-sentence",
        ),
        pytest.param(
            "Christian Lindner (FDP): „Wir prüfen das.“",
            [["Christian", "Lindner", "(", "FDP", ")", ":", "„", "Wir", "prüfen", "das", ".", "“"]],
            id="a-bracket-before-a-colon-is-no-emoticon",
        ),
        pytest.param(
            "Das schrieb Merz auf der Plattform X. Wer arbeite, müsse mehr haben.",
            [
                ["Das", "schrieb", "Merz", "auf", "der", "Plattform", "X", "."],
                ["Wer", "arbeite", ",", "müsse", "mehr", "haben", "."],
            ],
            id="a-capital-and-its-stop-before-a-sentence-opener-end-a-sentence",
        ),
        pytest.param(
            "Das sagte Jens X. Müller am Montag.",
            [["Das", "sagte", "Jens", "X.", "Müller", "am", "Montag", "."]],
            id="an-initial-before-a-surname-keeps-its-stop",
        ),
        pytest.param(
            "Das sagte Prof. Dr. med. Anna Schmidt von der Charité.",
            [
                [
                    "Das",
                    "sagte",
                    "Prof.",
                    "Dr.",
                    "med.",
                    "Anna",
                    "Schmidt",
                    "von",
                    "der",
                    "Charité",
                    ".",
                ]
            ],
            id="an-academic-titles-stop-ends-no-sentence",
        ),
        pytest.param(
            "09.12 Uhr: Lars Klingbeil verteidigt den Etat.",
            [["09.12", "Uhr", ":"], ["Lars", "Klingbeil", "verteidigt", "den", "Etat", "."]],
            id="a-live-tickers-time-is-a-sentence-of-its-own",
        ),
        pytest.param(
            "12.30 Euro kostet das.",
            [["12.30", "Euro", "kostet", "das", "."]],
            id="a-number-opening-a-paragraph-is-no-time",
        ),
        pytest.param(
            "Am 12. Dezember sagte z.B. Dr. Müller, es koste 3,5 Mio. Euro.",
            [
                [
                    "Am",
                    "12.",
                    "Dezember",
                    "sagte",
                    "z.B.",
                    "Dr.",
                    "Müller",
                    ",",
                    "es",
                    "koste",
                    "3,5",
                    "Mio.",
                    "Euro",
                    ".",
                ]
            ],
            id="abbreviations-keep-their-dot",
        ),
    ],
)
def test_segment_news_text(text: str, sentences: list[list[str]]) -> None:
    doc = segment(text)
    assert [[t.text for t in s.tokens] for s in doc.sentences] == sentences


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Berlin (dpa) – Angela Merkel sagte, es gebe Fragen.", "Berlin (dpa) –"),
        ("Kiew/Brüssel - Die Nato warnt Russland.", "Kiew/Brüssel -"),
        ("Frankfurt am Main (dpa/AFP) – Die Börse fiel.", "Frankfurt am Main (dpa/AFP) –"),
        (
            "Jakarta (Indonesien), 12.03.2010 – Der Direktor sagte …",
            "Jakarta (Indonesien), 12.03.2010 –",
        ),
        ("12. März 2022 – „Wir bleiben“, sagte er.", "12. März 2022 –"),
        # no datelines: several words without brackets or date, a pronoun, a time, a result
        ("Die Bundesregierung – Kanzlerin Merkel an der Spitze – hat entschieden.", None),
        ("Er – und das ist neu – sagte nichts.", None),
        ("Momentan - 16:01 Uhr - liegt der Preis bei 80 Dollar.", None),
        ("Ghana - Australien: 1:1 (1:1)", None),
    ],
)
def test_a_dateline_is_a_sentence_of_its_own(text: str, first: str | None) -> None:
    sentences = [
        s.text for s in segment(f"Titel\n\n{text}", [(0, 5), (7, 7 + len(text))]).sentences
    ]
    assert sentences[0] == "Titel"
    if first is None:
        assert sentences[1:] == [text]
    else:
        assert sentences[1:] == [first, text[len(first) + 1 :]]


def test_a_datelines_date_dates_an_article_without_one() -> None:
    from sagte.ingest import PublishedDate
    from sagte.ingest.readers import read_text
    from sagte.pipeline import process

    text = (
        "Erdbeben auf Sumatra\n\nJakarta (Indonesien), 12.03.2010 – Der Direktor der "
        "Rettungsagentur sagte, es gebe noch viele Vermisste.\n"
    )
    record, _ = process(read_text(text.encode(), "sumatra.txt"), "fast")
    assert record.published == PublishedDate("2010-03-12", "day")
    # the article's own date wins; a date that is none, or one outside a dateline, is not read
    record, _ = process(read_text(f"date 2010-03\n{text}".encode(), "sumatra.txt"), "fast")
    assert record.published == PublishedDate("2010-03", "month")
    for other in (
        text.replace("12.03.2010", "31.02.2010"),
        "Erdbeben auf Sumatra\n\nAm 12.03.2010 sagte der Direktor, es gebe noch Vermisste.\n",
    ):
        record, _ = process(read_text(other.encode(), "sumatra.txt"), "fast")
        assert record.published is None


def test_segment_token_kinds() -> None:
    doc = segment(
        "Am 3. März schrieb Dr. Müller 17.000 Mails an info@example.org, siehe https://example.org/a."
    )
    kinds = {t.text: t.kind for t in doc.tokens}
    assert kinds["3."] == "ordinal"
    assert kinds["17.000"] == "number"
    assert kinds["Dr."] == "abbreviation"
    assert kinds["Müller"] == "regular"
    assert kinds["info@example.org"] == "email"
    assert kinds["https://example.org/a"] == "URL"
    assert kinds[","] == "symbol"


@pytest.mark.parametrize(
    "text",
    [
        "Super gemacht👍🏽 Danke❤️ an alle!!! Das war ☺ und :-) zugleich.",
        "Geschützte\u00a0Leerzeichen, Tabulator\tund\u200bNullbreite  doppelt.",
        "Kombinierte Zeichen: Zoe\u0308 und ein Wort, das sehr lang ist: " + "x" * 5000 + ".",
        "\u202eRückwärts\u202c und 𝕳𝖔𝖈𝖍 und <script>alert(1)</script> sowie '; DROP TABLE--",
    ],
)
def test_segment_odd_text_keeps_offsets(text: str) -> None:
    doc = segment(text)
    assert doc.tokens
    for tok in doc.tokens:
        assert text[tok.start : tok.end] == tok.text and not tok.text.isspace()
    assert all(a.end <= b.start for a, b in pairwise(doc.tokens))


def test_segment_rebuilds_tokenizer_past_string_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    module = importlib.import_module("sagte.text.segment")  # the package exports the function

    before = segment(TEXT)
    tokenizer = module._tools()[0]
    monkeypatch.setattr(module, "MAX_STRINGS", 1)
    after = segment(TEXT)
    assert module._tools()[0] is not tokenizer  # its vocabulary had grown past the limit
    assert [(t.start, t.end, t.kind) for t in after.tokens] == [
        (t.start, t.end, t.kind) for t in before.tokens
    ]


def test_segment_leaves_torch_unimported() -> None:
    # spaCy's thinc imports torch whenever it is installed; the tokenizer needs none of
    # it (1.4 s and 250 MB at the start of `sagte extract --fast`).
    code = (
        "import sys\n"
        "from sagte.text import segment\n"
        "assert segment('„Wir kommen“, sagte er.').sentences\n"
        "assert 'spacy' in sys.modules and 'torch' not in sys.modules\n"
        "import torch\n"  # still importable afterwards, for the neural taggers
        "assert float(torch.ones(2).sum()) == 2.0\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_torch_is_refused_to_thinc_alone() -> None:
    module = importlib.import_module("sagte.text.segment")
    finder = module._TorchHiddenFromThinc()
    assert finder.find_spec("torch") is None  # any other importer gets torch
    thinc_compat = {"__name__": "thinc.compat", "finder": finder}
    with pytest.raises(ImportError):
        exec("finder.find_spec('torch.utils.dlpack')", thinc_compat)
