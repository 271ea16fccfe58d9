"""The neural tagger's pieces that do not need trained weights: windows, adapters, decoding."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch", reason="the neural tagger needs torch==2.13.0")

from sagte.analysis.adapters import LoRALinear  # noqa: E402
from sagte.analysis.tagger import (  # noqa: E402
    MEDIA,
    STRIDE,
    WINDOW,
    Predicted,
    decode,
    paragraph_starts,
    paragraph_windows,
    windows,
)


def test_tagger_windows_cover_every_piece_with_overlap() -> None:
    assert windows(10) == [(0, 10)]
    spans = windows(1000)
    assert spans[0][0] == 0 and spans[-1][1] == 1000
    assert all(e - s == WINDOW for s, e in spans)
    assert all(b[0] - a[0] <= STRIDE for a, b in zip(spans, spans[1:], strict=False))
    # as few windows as the overlap allows, spread evenly (not a last one squeezed in)
    assert windows(872) == [(0, 254), (154, 408), (309, 563), (464, 718), (618, 872)]


@pytest.mark.parametrize("n", [255, 300, 446, 500, 872, 886, 1007, 2000])
def test_trimmed_windows_keep_the_overlap_and_read_fewer_pieces(n: int) -> None:
    spans = windows(n, trim=True)
    assert spans[0][0] == 0 and spans[-1][1] == n
    assert len(spans) == len(windows(n))
    assert all(e - s <= WINDOW for s, e in spans)
    assert all(a[1] - b[0] >= WINDOW - STRIDE for a, b in zip(spans, spans[1:], strict=False))
    assert sum(e - s for s, e in spans) <= sum(e - s for s, e in windows(n))
    assert windows(10, trim=True) == [(0, 10)]
    # 886 pieces, a 500-word article: 5 windows of 227 rather than of 254
    if n == 886:
        assert [e - s for s, e in spans] == [227] * 5


def test_paragraph_windows_pack_whole_paragraphs_without_overlap() -> None:
    # paragraphs of 100, 100, 100 and 30 pieces: two fit a window, the third opens one
    assert paragraph_windows(330, [100, 200, 300]) == [(0, 200), (200, 330)]
    # one window when all fit; breaks at 0 or past the end are ignored
    assert paragraph_windows(200, [0, 50, 120, 200, 500]) == [(0, 200)]
    assert paragraph_windows(0, []) == []


def test_paragraph_windows_read_a_long_paragraph_in_overlapping_windows() -> None:
    spans = paragraph_windows(60 + 600 + 40, [60, 660])
    assert spans[0] == (0, 60) and spans[-1] == (660, 700)
    inner = spans[1:-1]
    assert inner == [(60 + s, 60 + e) for s, e in windows(600, trim=True)]
    assert len(inner) > 1 and all(a[1] > b[0] for a, b in zip(inner, inner[1:], strict=False))


@pytest.mark.parametrize("n", [10, 254, 255, 886, 2000])
def test_paragraph_windows_cover_every_piece_in_order(n: int) -> None:
    starts = list(range(37, n, 37))  # paragraphs of 37 pieces
    spans = paragraph_windows(n, starts)
    assert spans[0][0] == 0 and spans[-1][1] == n
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(0 < e - s <= WINDOW and s % 37 == 0 for s, e in spans)
    assert sum(e - s for s, e in spans) == n  # nothing is read twice


def test_paragraph_starts_are_the_first_pieces_after_line_breaks() -> None:
    text = "Der Minister sagte das.\n\nEr gehe davon aus.\nEnde."
    offsets = _pieces(text)
    starts = paragraph_starts(text, offsets)
    assert [text[offsets[i][0] : offsets[i][1]] for i in starts] == ["Er", "Ende"]


def test_tagger_lora_merge_keeps_the_function() -> None:
    torch.manual_seed(0)
    base = torch.nn.Linear(16, 8)
    lora = LoRALinear(base, rank=4, alpha=8.0)
    torch.nn.init.normal_(lora.b)
    x = torch.randn(3, 16)
    before = lora(x)
    with torch.no_grad():
        base.weight += lora.scale * (lora.b @ lora.a)
    assert torch.allclose(base(x), before, atol=1e-5)


TEXT = "„Wir bleiben hier“, sagte Anna Keller. Es gebe keinen Grund zu gehen."


def _pieces(text: str) -> list[tuple[int, int]]:
    """One piece per word or punctuation mark (stand-in for the subword tokenizer)."""
    import re

    return [m.span() for m in re.finditer(r"\w+|[^\w\s]", text)]


def _tags(text: str, offsets, spans: dict[str, list[tuple[int, int, int]]]) -> dict[str, list[int]]:
    """Per-piece tags: each (start, end, first_tag) span tags its pieces first_tag, then I (2)."""
    out = {name: [0] * len(offsets) for name in ("msg", "speaker", "cue", "frame", "addressee")}
    for name, items in spans.items():
        for start, end, first in items:
            inside = [i for i, (s, e) in enumerate(offsets) if s >= start and e <= end]
            for j, i in enumerate(inside):
                out[name][i] = first if j == 0 else 2
    return out


def test_tagger_decode_builds_statements_and_inherits_the_speaker() -> None:
    offsets = _pieces(TEXT)
    quote_end = TEXT.index("“") + 1
    second = TEXT.index("Es gebe")
    speaker = TEXT.index("Anna Keller")
    cue = TEXT.index("sagte")
    tags = _tags(
        TEXT,
        offsets,
        {
            "msg": [(0, quote_end, 1), (second, len(TEXT), 1)],
            "speaker": [(speaker, speaker + 11, 1)],
            "cue": [(cue, cue + 5, 1)],
            "frame": [(quote_end, TEXT.index(".") + 1, 1)],
        },
    )
    n = len(offsets)
    types = torch.zeros(n, 5)
    types[:, 0] = 1.0  # Direct everywhere …
    types[[i for i, (s, _) in enumerate(offsets) if s >= second], 2] = 2.0  # … but IFI at the end
    media = torch.zeros(n, len(MEDIA))
    media[:, 0] = 1.0
    sentences = [(0, TEXT.index(".") + 1), (second, len(TEXT))]
    out = decode(TEXT, offsets, tags, types, media, [0.9] * n, sentences)
    assert len(out) == 2
    direct, continuation = out
    assert TEXT[slice(*direct.message[0])] == "„Wir bleiben hier“"
    assert direct.fine_type == "Direct" and direct.medium == "Speech"
    assert TEXT[slice(*direct.speaker)] == "Anna Keller"
    assert [TEXT[a:b] for a, b in direct.cue] == ["sagte"]
    assert continuation.fine_type == "IndirectFreeIndirect"
    assert continuation.speaker == direct.speaker and continuation.inherited_speaker
    assert continuation.cue == []


def test_tagger_decode_gives_no_inherited_speaker_to_a_statement_with_its_own_cue() -> None:
    """A continuation without a cue, or with „demnach“ (the source before), takes the
    speaker before it; a statement with a cue of its own whose speaker the tagger
    missed does not."""
    text = (
        "Weitere Streiks seien möglich, sagte Ohlendorf am Montag in Berlin. Ein Streik im Mai "
        "ist demnach nicht ausgeschlossen. Die Verkehrsbetriebe rechnen damit, dass der "
        "Betrieb wieder anläuft."
    )
    offsets = _pieces(text)
    comma = text.index(",")
    demnach = text.index("demnach")
    cue = text.index("rechnen")
    tags = _tags(
        text,
        offsets,
        {
            "msg": [
                (0, comma, 1),
                (text.index("Ein Streik"), demnach - 1, 1),
                (text.index("dass"), len(text) - 1, 1),
            ],
            "speaker": [(text.index("Ohlendorf"), text.index("Ohlendorf") + 9, 1)],
            "cue": [
                (comma + 2, comma + 7, 1),
                (demnach, demnach + 7, 1),
                (cue, cue + len("rechnen damit"), 1),
            ],
        },
    )
    first, second, third = _decode_indirect(text, offsets, tags)
    assert first.speaker is not None and text[slice(*first.speaker)] == "Ohlendorf"
    assert second.speaker == first.speaker and second.inherited_speaker
    assert [text[a:b] for a, b in third.cue] == ["rechnen damit"]
    assert third.speaker is None and not third.inherited_speaker


def _decode_indirect(
    text: str, offsets: list[tuple[int, int]], tags: dict[str, list[int]]
) -> list[Predicted]:
    """`decode` on one sentence whose every piece the heads read as Indirect (type),
    of no particular medium, at a confidence of 0.8."""
    n = len(offsets)
    types = torch.zeros(n, 5)
    types[:, 1] = 1.0  # Indirect
    return decode(
        text, offsets, tags, types, torch.ones(n, len(MEDIA)), [0.8] * n, [(0, len(text))]
    )


def test_tagger_decode_nests_quoted_words_in_indirect_messages() -> None:
    text = "Der Pilot trage die „volle Verantwortung“, sagte der Sprecher."
    offsets = _pieces(text)
    comma = text.index(",")
    tags = _tags(
        text,
        offsets,
        {"msg": [(0, comma, 1)], "speaker": [(text.index("der Sprecher"), len(text) - 1, 1)]},
    )
    out = _decode_indirect(text, offsets, tags)
    assert [s.fine_type for s in out] == ["Indirect", "Direct"]
    nested = out[1]
    assert text[slice(*nested.message[0])] == "„volle Verantwortung“"
    assert nested.nested and nested.speaker == out[0].speaker


def test_tagger_decode_joins_a_message_split_by_its_attribution() -> None:
    text = "Seit Mitternacht wurden nach Armeeangaben 35 Angriffe geflogen."
    offsets = _pieces(text)
    cue = text.index(" nach ") + 1
    speaker = text.index("Armeeangaben")
    rest = text.index("35")
    tags = _tags(
        text,
        offsets,
        {
            "msg": [(0, cue - 1, 1), (rest, len(text) - 1, 1)],  # two B tags
            "cue": [(cue, cue + 4, 1)],
            "speaker": [(speaker, speaker + 12, 1)],
        },
    )
    out = _decode_indirect(text, offsets, tags)
    (statement,) = out
    assert [text[a:b] for a, b in statement.message] == [
        "Seit Mitternacht wurden",
        "35 Angriffe geflogen",
    ]
    assert [text[a:b] for a, b in statement.cue] == ["nach"]
    assert statement.speaker is not None and text[slice(*statement.speaker)] == "Armeeangaben"


def test_tagger_decode_ignores_an_addressee_that_is_only_an_article() -> None:
    text = "Er warf dem Minister Wortbruch vor, sagte die Sprecherin."
    offsets = _pieces(text)
    comma = text.index(",")
    dem = text.index("dem")
    tags = _tags(
        text,
        offsets,
        {
            "msg": [(0, comma, 1)],
            "addressee": [(dem, dem + 3, 1)],
            "cue": [(comma + 2, comma + 7, 1)],
        },
    )
    (statement,) = _decode_indirect(text, offsets, tags)
    assert statement.addressee == [] and [text[a:b] for a, b in statement.cue] == ["sagte"]


def test_tagger_decode_tidies_the_edges_of_a_speaker() -> None:
    """A speaker tagged with the comma that closes its apposition, or without the
    parenthesis it opened, is trimmed or closed."""
    text = "Die Lage sei ernst, sagte Thomas Berg (CDU), der Minister."
    offsets = _pieces(text)
    comma = text.index(",")
    name = text.index("Thomas")
    for speaker_end in (text.index(")"), text.index(")") + 2):  # „…(CDU“, „…(CDU),“
        tags = _tags(
            text,
            offsets,
            {
                "msg": [(0, comma, 1)],
                "speaker": [(name, speaker_end, 1)],
                "cue": [(comma + 2, comma + 7, 1)],
            },
        )
        (statement,) = _decode_indirect(text, offsets, tags)
        assert statement.speaker is not None
        assert text[slice(*statement.speaker)] == "Thomas Berg (CDU)"


def test_tagger_decode_leaves_commas_off_the_edges_of_a_message() -> None:
    """A message tagged with the comma after it („… zu strenge Weisungen,“) ends
    before the comma."""
    text = "Aus Berlin kämen zu strenge Weisungen, sagte die Sprecherin."
    offsets = _pieces(text)
    comma = text.index(",")
    tags = _tags(
        text,
        offsets,
        {"msg": [(0, comma + 1, 1)], "cue": [(comma + 2, comma + 7, 1)]},
    )
    (statement,) = _decode_indirect(text, offsets, tags)
    assert [text[a:b] for a, b in statement.message] == ["Aus Berlin kämen zu strenge Weisungen"]


def test_tagger_decode_cuts_roles_and_messages_at_paragraph_breaks() -> None:
    """The tagger runs a speaker on from a heading into the paragraph below
    („Brüssel\n\nGünther Platter“) and a quotation into the next paragraph's: a role
    is cut at the line break, and a closed quotation and the one after it are two
    statements (with the full stop the tokenizer joins to the closing mark left off);
    a quotation left open runs on as one statement in two pieces."""
    text = (
        "Treffen in Brüssel\n\nGünther Platter sagte: „Wir hatten gute Gespräche“.\n\n"
        "„Ich trete an als Republikaner“, betonte Romney.\n\n"
        "Romney sagte: „Wir kämpfen weiter.\n\nWir geben nicht auf.“"
    )
    offsets = _pieces(text)
    first = text.index("„Wir hatten")
    second = text.index("„Ich")
    third = text.index("„Wir kämpfen")
    tags = _tags(
        text,
        offsets,
        {
            "msg": [(first, text.index(",", second), 1), (third, len(text), 1)],
            "speaker": [(text.index("Brüssel"), text.index(" sagte"), 1)],
        },
    )
    out = [st for st in _decode_indirect(text, offsets, tags) if not st.nested]
    assert [[text[a:b] for a, b in st.message] for st in out] == [
        ["„Wir hatten gute Gespräche“"],
        ["„Ich trete an als Republikaner“"],
        ["„Wir kämpfen weiter.", "Wir geben nicht auf.“"],
    ]
    assert out[0].speaker is not None and text[slice(*out[0].speaker)] == "Günther Platter"


def _merged(
    text: str,
    predicted: list[Predicted],
    names: tuple[tuple[str, str], ...] = (),
    doubted: tuple[str, ...] = (),
) -> list[tuple[str, str, str | None]]:
    """Accurate mode's merge of the rules' statements and `predicted` on `text`:
    (rule, message, speaker entity) in text order. `names`: (name, type) the entity
    tagger finds. The tagger reads each character as a message's (probability 0.9),
    but those of the `doubted` parts (0.1)."""
    from sagte.analysis.extract import _neural
    from sagte.analysis.speakers import People
    from sagte.analysis.tagger import Tagging
    from sagte.text import normalise, segment

    norm = normalise(text)
    assert norm.text == text
    doc = segment(norm.text, norm.paragraphs)
    tagged = []
    for name, kind in names:
        first, last = doc.token_range(*_span(text, name), "expand")  # type: ignore[misc]
        tagged.append((first, last, kind))
    in_message = [0.9] * len(text)
    for part in doubted:
        a, b = _span(text, part)
        in_message[a:b] = [0.1] * (b - a)
    tagging = Tagging(predicted, list(range(len(text))), in_message)
    analysis = _neural(doc, tagging, People(doc, names=tagged))
    names = {i: e.name for i, e in enumerate(analysis.entities)}
    return [
        (st.rule, text[slice(*st.message[0])], names.get(st.speaker_entity))  # type: ignore[arg-type]
        for st in analysis.statements
    ]


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return (start, start + len(part))


def test_accurate_mode_gives_a_continuation_the_speaker_the_rules_found_before_it() -> None:
    """The tagger reads the addressee after „sagte“ as the speaker, and its
    continuation inherits it; the rules' statement with Popp takes the first sentence,
    and the continuation is hers."""
    text = (
        "Kapitänin Alexandra Popp vom VfL Wolfsburg, die das Spiel verfolgte, sagte dem "
        "Bayerischen Rundfunk, sie sei beeindruckt gewesen. Sie hoffe auf ein ähnliches "
        "Spiel im Pokal."
    )
    addressee = _span(text, "dem Bayerischen Rundfunk")
    predicted = [
        Predicted(
            [_span(text, "sie sei beeindruckt gewesen")],
            "Indirect",
            "Speech",
            addressee,
            [_span(text, "sagte")],
            confidence=0.99,
        ),
        Predicted(
            [_span(text, "Sie hoffe auf ein ähnliches Spiel im Pokal")],
            "IndirectFreeIndirect",
            "Speech",
            addressee,
            confidence=0.95,
            inherited_speaker=True,
        ),
    ]
    assert [(rule, speaker) for rule, _, speaker in _merged(text, predicted)] == [
        ("leading_frame", "Alexandra Popp"),
        ("tagger", "Alexandra Popp"),
    ]


def test_accurate_mode_prefers_the_tagger_over_a_rule_continuation() -> None:
    # The rules read the second sentence as a continuation of Keller's statement; the
    # tagger sees its own frame. Keller's explicit statement stays the rules'.
    text = (
        "Die Ministerin Anna Keller sagte, die Lage sei ernst. Die Helfer hegten die "
        "Sorge, dass die Vorräte nicht reichen würden."
    )
    worry = Predicted(
        [_span(text, "dass die Vorräte nicht reichen würden")],
        "Indirect",
        "Speech",
        speaker=_span(text, "Die Helfer"),
        cue=[_span(text, "hegten die Sorge")],
        confidence=0.9,
    )
    rules_alone = _merged(text, [])
    assert [rule for rule, _, _ in rules_alone] == ["leading_frame", "continuation_konjunktiv_ii"]
    merged = _merged(text, [worry])
    assert [(rule, message) for rule, message, _ in merged] == [
        ("leading_frame", "die Lage sei ernst"),
        ("tagger", "dass die Vorräte nicht reichen würden"),
    ]
    assert merged[0][2] == "Anna Keller"


@pytest.mark.parametrize(
    ("text", "doubtful", "rule"),
    [
        (
            "Bei dem Unfall auf der A7 wurden drei Menschen verletzt. Der Fahrer soll zu "
            "schnell gefahren sein.",
            "Der Fahrer soll zu schnell gefahren sein",
            "evidential_sollen",
        ),
        (
            "Die Polizei ermittelt gegen einen 40-Jährigen. Er habe die Scheune in Brand gesetzt.",
            "Er habe die Scheune in Brand gesetzt",
            "evidential_konjunktiv_i",
        ),
        (
            "„Wir brauchen mehr Geld“, sagte die Bürgermeisterin. Ohne Hilfe des Landes "
            "könnte die Stadt das Schwimmbad nicht mehr öffnen.",
            "Ohne Hilfe des Landes könnte die Stadt das Schwimmbad nicht mehr öffnen",
            "continuation_konjunktiv_ii",
        ),
    ],
)
def test_accurate_mode_keeps_a_doubtful_rule_statement_only_where_the_tagger_reads_one(
    text: str, doubtful: str, rule: str
) -> None:
    # Nothing the tagger decoded covers the sentence; what it read there decides.
    kept = _merged(text, [])
    assert (rule, doubtful) in [(r, message) for r, message, _ in kept]
    dropped = _merged(text, [], doubted=(doubtful,))
    assert [r for r, _, _ in dropped] == [r for r, _, _ in kept if r != rule]


def test_accurate_mode_keeps_a_konjunktiv_i_continuation_the_tagger_doubts() -> None:
    # Not a doubtful kind: the rules' reading stands, speaker and all.
    text = "Die Ministerin Anna Keller sagte, die Lage sei ernst. Es gebe nur noch Vorräte für zwei Tage."
    merged = _merged(text, [], doubted=("Es gebe nur noch Vorräte für zwei Tage",))
    assert merged == [
        ("leading_frame", "die Lage sei ernst", "Anna Keller"),
        ("continuation_konjunktiv_i", "Es gebe nur noch Vorräte für zwei Tage", "Anna Keller"),
    ]


def test_tagging_message_probability_averages_the_pieces_inside_the_spans() -> None:
    from sagte.analysis.tagger import Tagging

    tagging = Tagging([], [0, 4, 9, 15], [0.2, 0.4, 0.9, 1.0])
    assert tagging.message_probability([(4, 12)]) == pytest.approx(0.65)
    assert tagging.message_probability([(0, 2), (15, 20)]) == pytest.approx(0.6)
    assert tagging.message_probability([(1, 3)]) == 0.0


def test_accurate_mode_demnach_as_speaker_is_the_source_before(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sagte.analysis import extract

    monkeypatch.setattr(extract, "COMBINE_RULES", False)  # the tagger's statements alone
    text = (
        "Der Bericht des Umweltbundesamtes wurde am Montag veröffentlicht. Das "
        "Umweltbundesamt teilte mit, die Luft sei sauberer. Demnach sei der Ausstoß gesunken."
    )
    source = Predicted(
        [_span(text, "die Luft sei sauberer")],
        "Indirect",
        "Writing",
        speaker=_span(text, "Das Umweltbundesamt"),
        cue=[_span(text, "teilte mit")],
        confidence=0.9,
    )
    demnach = Predicted(
        [_span(text, "sei der Ausstoß gesunken")],
        "IndirectFreeIndirect",
        "Writing",
        speaker=_span(text, "Demnach"),
        confidence=0.9,
    )
    found = _merged(text, [source, demnach])
    assert [message for _, message, _ in found] == [
        "die Luft sei sauberer",
        "sei der Ausstoß gesunken",
    ]
    assert found[1][2] == found[0][2] == "Umweltbundesamt"


def test_accurate_mode_keeps_a_rule_continuation_the_tagger_ran_on_from() -> None:
    # The tagger joins the Konjunktiv sentence and the next one into one message; the
    # rules' continuation keeps the sentence as a statement of its own.
    text = (
        "Die Ärztin Selin Aydın sagte, die Notaufnahme sei voll. Verständnis für den Streik "
        "habe sie trotzdem. Die Busse fahren wieder am Freitag."
    )
    joined = Predicted(
        [(text.index("Verständnis"), len(text) - 1)],
        "IndirectFreeIndirect",
        "Speech",
        speaker=_span(text, "Selin Aydın"),
        confidence=0.9,
    )
    merged = _merged(text, [joined])
    assert [(rule, message) for rule, message, _ in merged] == [
        ("leading_frame", "die Notaufnahme sei voll"),
        ("continuation_konjunktiv_i", "Verständnis für den Streik habe sie trotzdem"),
    ]
    assert merged[1][2] == "Selin Aydın"


def test_accurate_mode_takes_a_cueless_part_of_a_rule_continuation_whole() -> None:
    # „machten“ reads as Präteritum to the tagger, which takes only the Konjunktiv I
    # clause; the rules' continuation is the whole sentence, as the writer meant it.
    text = (
        "Finanzbürgermeisterin Anja Kroll rechnet mit Zuschüssen. Eine Zusage werde bis "
        "zum Herbst erwartet, sagte die Bürgermeisterin. Die gestiegenen Zinsen machten "
        "die Finanzierung nicht leichter, der Haushalt werde deshalb knapp sein."
    )
    part = Predicted(
        [_span(text, "der Haushalt werde deshalb knapp sein")],
        "IndirectFreeIndirect",
        "Speech",
        speaker=_span(text, "die Bürgermeisterin"),
        confidence=0.9,
    )
    merged = _merged(text, [part])
    assert merged[-1] == (
        "continuation_konjunktiv_i",
        "Die gestiegenen Zinsen machten die Finanzierung nicht leichter, der Haushalt "
        "werde deshalb knapp sein",
        "Anja Kroll",
    )


@pytest.mark.parametrize(
    ("below", "speaker"),
    [
        ("„Wir müssen das anerkennen“, sagte Selenskyj am Dienstag.", "Wolodymyr Selenskyj"),
        ("Die Sitzung endete am Abend ohne Ergebnis.", None),
    ],
)
def test_accurate_mode_gives_an_intertitle_quote_the_speaker_below_it(
    below: str, speaker: str | None
) -> None:
    # The tagger links the heading to the last speaker before it; the heading sums up
    # the section below, and without a statement there it is not kept.
    text = (
        "Nato-Generalsekretär Jens Stoltenberg sagte, das Bündnis sei bereit.\n\n"
        "„Müssen anerkennen, der Nato nicht beitreten zu können“\n\n"
        "Der ukrainische Präsident Wolodymyr Selenskyj zeigte sich desillusioniert. " + below
    )
    heading = Predicted(
        [_span(text, "„Müssen anerkennen, der Nato nicht beitreten zu können“")],
        "Direct",
        "Speech",
        speaker=_span(text, "Jens Stoltenberg"),
        confidence=0.9,
    )
    found = {message: name for _, message, name in _merged(text, [heading])}
    assert found["das Bündnis sei bereit"] == "Jens Stoltenberg"
    if speaker is None:
        assert not any(message.startswith("Müssen") for message in found)
    else:  # the message without its quotation marks, as the rules give it
        assert found["Müssen anerkennen, der Nato nicht beitreten zu können"] == speaker


def test_auto_mode_is_accurate_where_installed_and_the_rules_elsewhere(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import sagte
    from sagte.analysis import extract
    from sagte.analysis.ner import NER
    from sagte.analysis.quotes import EXTRACTOR
    from sagte.analysis.tagger import TAGGER

    text = "„Wir sind bereit“, sagte Jens Stoltenberg am Montag in Brüssel."
    (statement,) = sagte.extract(text)
    assert statement.extractor == f"{TAGGER}+{EXTRACTOR}+{NER}"
    assert statement.speaker == "Jens Stoltenberg"

    monkeypatch.setattr(extract, "_runtime", lambda: None)  # no weights installed
    extract._warn_fallback.cache_clear()
    (statement,) = sagte.extract(text)
    assert statement.extractor == EXTRACTOR  # the rules
    assert statement.speaker == "Jens Stoltenberg"
    assert "[S047]" in caplog.text
    with pytest.raises(extract.ModelUnavailable):
        sagte.extract(text, mode="accurate")


@pytest.mark.parametrize(
    ("text", "message", "expected"),
    [
        ("„Wir helfen“, sagte sie.", "„Wir helfen“", "Wir helfen"),
        ("»Wir helfen«, sagte sie.", "»Wir helfen«", "Wir helfen"),
        # the closing mark belongs to a quotation inside the message: kept whole
        (
            "Er nannte es eine „eklatante Verletzung“ des Rechts.",
            "Er nannte es eine „eklatante Verletzung“",
            "Er nannte es eine „eklatante Verletzung“",
        ),
    ],
)
def test_without_marks_undoes_with_marks(text: str, message: str, expected: str) -> None:
    from sagte.analysis.marks import find_quotes, with_marks, without_marks

    spans = without_marks([_span(text, message)], find_quotes(text, [(0, len(text))]))
    assert [text[a:b] for a, b in spans] == [expected]
    assert with_marks(text, spans) == [_span(text, message)]


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("Die Beschäftigten haben gewartet.“ Dann ging er.", ["Die Beschäftigten haben gewartet."]),
        ("„Die Beschäftigten haben gewartet.“ Dann ging er.", []),  # each paragraph opens
        ("Dann ging er.", []),  # the quotation ended with its paragraph
    ],
)
def test_a_quotation_left_open_runs_on_to_its_closing_mark(
    second: str, expected: list[str]
) -> None:
    from sagte.analysis.marks import find_quotes, run_on_quotations

    first = "Er sagte: „Wir erhöhen den Druck."
    text = f"{first}\n\n{second}"
    paragraphs = [(0, len(first)), (len(first) + 2, len(text))]
    runs = run_on_quotations(text, paragraphs, find_quotes(text, paragraphs))
    assert [text[a:b] for a, b in runs] == expected


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("„riesige Boa von", "„riesige Boa von 13 Metern Länge“"),
        ("Boa von 13 Metern Länge“ beschrieben", "„riesige Boa von 13 Metern Länge“ beschrieben"),
        ("Die Forscher haben eine", "Die Forscher haben eine"),
    ],
)
def test_balanced_grows_a_message_to_the_quotation_it_cuts(message: str, expected: str) -> None:
    from sagte.analysis.marks import balanced, find_quotes

    text = "Die Forscher haben eine „riesige Boa von 13 Metern Länge“ beschrieben."
    spans = balanced([_span(text, message)], find_quotes(text, [(0, len(text))]))
    assert [text[a:b] for a, b in spans] == [expected]


@pytest.mark.parametrize(
    ("first", "message", "speaker", "cue"),
    [
        (
            "Die Minister einigten sich darauf, mehr Soldaten in den Kongo zu schicken.",
            "mehr Soldaten in den Kongo zu schicken",
            "Die Minister",
            "einigten sich darauf",
        ),
        (
            "Die Messwerte deuten darauf hin, dass der Kongo mehr Soldaten braucht.",
            "dass der Kongo mehr Soldaten braucht",
            "Die Messwerte",
            "deuten darauf hin",
        ),
        (
            "Die Beobachter bemerkten, dass mehr Soldaten im Kongo waren.",
            "dass mehr Soldaten im Kongo waren",
            "Die Beobachter",
            "bemerkten",
        ),
    ],
)
def test_accurate_mode_drops_a_statement_whose_cue_reports_nothing(
    first: str, message: str, speaker: str, cue: str
) -> None:
    text = first + " Die Ministerin Anna Keller sagte darauf, mehr Soldaten seien nicht nötig."
    agreed, said = (
        Predicted(
            [_span(text, message)],
            "Indirect",
            "Speech",
            speaker=_span(text, speaker),
            cue=[_span(text, cue)],
            confidence=0.9,
        )
        for message, speaker, cue in (
            (message, speaker, cue),
            ("mehr Soldaten seien nicht nötig", "Anna Keller", "sagte"),
        )
    )
    assert [message for _, message, _ in _merged(text, [agreed, said])] == [
        "mehr Soldaten seien nicht nötig"
    ]


def test_accurate_mode_drops_a_message_the_tagger_is_unsure_of() -> None:
    text = "An der Tür hing ein Schild: „Heute geschlossen wegen Umbau“. Jan Keller kam zu spät."
    quoted = "„Heute geschlossen wegen Umbau“"
    for confidence, found in ((0.9, ["Heute geschlossen wegen Umbau"]), (0.75, [])):
        sign = Predicted([_span(text, quoted)], "Direct", "Writing", confidence=confidence)
        assert [message for _, message, _ in _merged(text, [sign])] == found


def test_accurate_mode_drops_a_nested_quotation_that_is_a_name_or_term(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The tagger nests every quotation of two words or more inside a message; one the
    entity tagger reads as a name („Ärzte ohne Grenzen“) or HanTa as foreign words
    („sine glossa“) is not words said."""
    from sagte.analysis import extract

    monkeypatch.setattr(extract, "COMBINE_RULES", False)  # the tagger's statements alone
    text = (
        "Die Ministerin sagte, die von „Ärzte ohne Grenzen“ genannten Zahlen seien "
        "„völlig unrealistisch“ und „sine glossa“ zu lesen."
    )
    outer = Predicted(
        [_span(text, text[text.index("die von") : -1])],
        "Indirect",
        "Speech",
        speaker=_span(text, "Die Ministerin"),
        cue=[_span(text, "sagte")],
        confidence=0.95,
    )
    nested = [
        Predicted([_span(text, quoted)], "Direct", "Speech", confidence=0.9, nested=True)
        for quoted in ("„Ärzte ohne Grenzen“", "„völlig unrealistisch“", "„sine glossa“")
    ]
    merged = _merged(text, [outer, *nested], names=(("Ärzte ohne Grenzen", "ORG"),))
    assert [(rule, message) for rule, message, _ in merged if rule == "tagger_nested"] == [
        ("tagger_nested", "völlig unrealistisch")
    ]
    unnamed = _merged(text, [outer, *nested])
    assert [m for rule, m, _ in unnamed if rule == "tagger_nested"] == [
        "Ärzte ohne Grenzen",
        "völlig unrealistisch",
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Der FC Bayern hat sich von Trainer Thomas Tuchel getrennt. Das teilte der "
            "Verein am Sonntagabend mit.",
            "FC Bayern",
        ),
        (
            "Volkswagen will 30.000 Stellen streichen. Der Konzern teilte mit, die Kosten "
            "seien zu hoch.",
            "Volkswagen",
        ),
        (
            "Volkswagen will 30.000 Stellen streichen. In einer Mitteilung des Konzerns "
            "hieß es, die Kosten seien zu hoch.",
            "Volkswagen",
        ),
    ],
)
def test_a_generic_noun_for_an_organisation_refers_to_the_one_named_before(
    text: str, name: str
) -> None:
    """With the entity tagger's names, „der Verein“, „Der Konzern“ and the author of
    „einer Mitteilung des Konzerns“ are the club and the company just named; without
    them, organisations of their own."""
    (tagged,) = _merged(text, [], names=((name, "ORG"),))
    assert tagged[2] == name
    (untagged,) = _merged(text, [])
    assert untagged[2] in ("Verein", "Konzern")


def test_accurate_mode_gives_a_role_with_a_name_after_it_to_the_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """„Der Präsident Indonesiens, Susilo Bambang Yudhoyono“: the speaker is the named
    person, not the role (nor „Indonesiens“); a name with no role before the comma
    keeps the phrase that starts the span."""
    from sagte.analysis import extract

    monkeypatch.setattr(extract, "COMBINE_RULES", False)  # the tagger's statements alone
    text = "Der Präsident Indonesiens, Susilo Bambang Yudhoyono, sagte, die Lage sei ernst."
    said = Predicted(
        [_span(text, "die Lage sei ernst")],
        "Indirect",
        "Speech",
        speaker=_span(text, "Der Präsident Indonesiens, Susilo Bambang Yudhoyono"),
        cue=[_span(text, "sagte")],
        confidence=0.9,
    )
    names = (("Indonesiens", "LOCderiv"), ("Susilo Bambang Yudhoyono", "PER"))
    [(_, _, speaker)] = _merged(text, [said], names)
    assert speaker == "Susilo Bambang Yudhoyono"


@pytest.mark.parametrize(
    ("text", "first", "continued", "fine_type", "speakers"),
    [
        (
            "Kapitän Joshua Kimmich sagte: „Wir waren in den Zweikämpfen zu schwach.“\n\n"
            "Leverkusens Torschütze Florian Wirtz wollte von der Meisterschaft noch nichts "
            "wissen. „Es sind noch zwölf Spiele, da kann viel passieren.“",
            "Wir waren in den Zweikämpfen zu schwach.",
            "Es sind noch zwölf Spiele, da kann viel passieren.",
            "Direct",
            ["Joshua Kimmich", "Florian Wirtz"],
        ),
        (
            "„Wer hier baut, baut auf Sand“, sagte Fraktionssprecher Martin Wolf.\n\n"
            "Ortsvorsteherin Renate Berger erinnerte an das Hochwasser von 2013. Damals "
            "seien mehrere Keller vollgelaufen.",
            "Wer hier baut, baut auf Sand",
            "Damals seien mehrere Keller vollgelaufen",
            "IndirectFreeIndirect",
            ["Martin Wolf", "Renate Berger"],
        ),
    ],
)
def test_accurate_mode_gives_words_after_a_sentence_naming_someone_to_them(
    text: str, first: str, continued: str, fine_type: str, speakers: list[str]
) -> None:
    """The tagger continues the first statement across the sentence that names
    someone else; the rules read the words after it as that person's (a quotation
    standing alone, Konjunktiv I), and they are."""
    said_by = _span(text, speakers[0])
    predicted = [
        Predicted(
            [_span(text, first)],
            "Direct",
            "Speech",
            said_by,
            [_span(text, "sagte")],
            confidence=0.99,
        ),
        Predicted(
            [_span(text, continued)],
            fine_type,
            "Speech",
            said_by,
            confidence=0.9,
            inherited_speaker=True,
        ),
    ]
    assert [speaker for _, _, speaker in _merged(text, predicted)] == speakers


def test_accurate_mode_drops_the_taggers_statements_in_an_interviews_questions() -> None:
    text = (
        "Finanzminister Christian Lindner lehnt eine Reform der Schuldenbremse ab.\n\n"
        "SZ: Herr Lindner, die Grünen fordern Milliarden. Warum sagen Sie Nein?\n\n"
        "Lindner: Weil wir uns das nicht leisten können.\n\n"
        "SZ: Ökonomen sehen das anders?\n\n"
        "Lindner: Manche Ökonomen, nicht alle. Ich halte mich an das Grundgesetz."
    )
    question = Predicted(
        [_span(text, "Herr Lindner, die Grünen fordern Milliarden.")],
        "Direct",
        "Speech",
        _span(text, "Finanzminister Christian Lindner"),
        confidence=0.95,
    )
    assert _merged(text, [question]) == [
        ("interview_answer", "Weil wir uns das nicht leisten können.", "Christian Lindner"),
        (
            "interview_answer",
            "Manche Ökonomen, nicht alle. Ich halte mich an das Grundgesetz.",
            "Christian Lindner",
        ),
    ]


def test_accurate_mode_gives_a_role_in_the_headline_to_the_person_named_with_it() -> None:
    text = (
        "„Wir werden die Schuldenbremse nicht aufweichen“ – Finanzminister im Interview\n\n"
        "„Die Zinslast ist gestiegen“, sagte Bundesfinanzminister Christian Lindner."
    )
    headline = Predicted(
        [_span(text, "Wir werden die Schuldenbremse nicht aufweichen")],
        "Direct",
        "Speech",
        _span(text, "Finanzminister"),
        confidence=0.95,
    )
    assert [speaker for _, _, speaker in _merged(text, [headline])] == [
        "Christian Lindner",
        "Christian Lindner",
    ]
