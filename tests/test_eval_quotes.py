"""The quotation-attribution scorer and prediction writer, on synthetic documents.

Every text here is written for these tests; nothing is read from the dataset.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from sagte.analysis import Mode
from sagte.analysis.marks import names_only
from sagte.analysis.model import Analysis, Span, Statement
from sagte.api import extract as sagte_extract
from sagte.eval.quotes import (
    FOLDS,
    ROLES,
    QuoteScorer,
    align_tokens,
    document_from_analysis,
    evaluate,
    fold_of,
    folds_name,
    format_report,
    joined_free_indirect,
    medium_name,
    nested_quotations,
    pair_statements,
    predict_document,
    saw_validation_fold,
    score_documents,
    token_offsets,
)
from sagte.text import normalise

TEXT = (
    "Die Bürgermeisterin Anna Keller sagte am Montag: „Die Brücke wird im Mai fertig.“ "
    "Der Stadtrat erklärte, dass die Kosten gestiegen seien. "
    "Nach Angaben der Verwaltung fehlen noch zwei Gutachten."
)


def make_doc(text: str, name: str = "1 - Testartikel (2024-01-01)") -> dict[str, Any]:
    """A document in the dataset's format, tokenised by a simple regular expression."""
    tokens = [
        {
            "id": i,
            "text": m.group(),
            "charBegin": m.start(),
            "charEnd": m.end(),
            "sentence": 1,
            "word": i + 1,
        }
        for i, m in enumerate(re.finditer(r"\w+|[^\w\s]", text))
    ]
    return {"documentName": name, "originalText": text, "tokens": tokens, "annotations": []}


def ids(doc: dict[str, Any], phrase: str, nth: int = 0) -> list[int]:
    """Token ids covered by the `nth` occurrence of `phrase` in the document."""
    starts = [m.start() for m in re.finditer(re.escape(phrase), doc["originalText"])]
    start = starts[nth]
    end = start + len(phrase)
    return [t["id"] for t in doc["tokens"] if t["charBegin"] < end and t["charEnd"] > start]


def role(token_ids: list[int]) -> dict[str, Any]:
    return {"spans": [], "text": "", "tokenIds": list(token_ids)}


def ann(
    quote: list[int],
    type_: str = "Indirect",
    medium: str = "Speech",
    **roles: list[int],
) -> dict[str, Any]:
    out: dict[str, Any] = {r: role(roles.get(r, [])) for r in ROLES}
    out["quote"] = role(quote)
    out["type"] = type_
    out["medium"] = medium
    return out


def gold_doc() -> dict[str, Any]:
    doc = make_doc(TEXT)
    doc["annotations"] = [
        ann(
            ids(doc, "Die Brücke wird im Mai fertig."),
            "Direct",
            speaker=ids(doc, "Die Bürgermeisterin Anna Keller"),
            cue=ids(doc, "sagte"),
            frame=ids(doc, "sagte am Montag:"),
        ),
        ann(
            ids(doc, "dass die Kosten gestiegen seien"),
            "Indirect",
            speaker=ids(doc, "Der Stadtrat"),
            cue=ids(doc, "erklärte"),
            frame=ids(doc, "Der Stadtrat erklärte,"),
        ),
        ann(
            ids(doc, "fehlen noch zwei Gutachten"),
            "Indirect",
            "SW",
            speaker=ids(doc, "Angaben der Verwaltung"),
            cue=ids(doc, "Nach"),
            frame=ids(doc, "Nach Angaben der Verwaltung"),
        ),
    ]
    return doc


# -- scoring -------------------------------------------------------------------


def test_perfect_prediction_scores_one() -> None:
    gold = gold_doc()
    pred = {"documentName": gold["documentName"], "annotations": gold["annotations"]}
    result = score_documents([(gold, pred)])
    for key in ("message", "roles", "joint"):
        assert result[key]["precision"] == 1.0
        assert result[key]["recall"] == 1.0
        assert result[key]["f1"] == 1.0
    assert result["pairs"] == 3
    assert result["type_agreement"] == 1.0
    assert result["medium_agreement"] == 1.0
    # no addressee anywhere: the role counts for neither precision nor recall
    assert result["per_role"]["addressee"]["precision_items"] == 0
    assert result["per_role"]["addressee"]["f1"] is None


def test_unpaired_prediction_lowers_precision_only() -> None:
    gold = gold_doc()
    extra = ann(ids(gold, "Die Bürgermeisterin Anna Keller sagte am Montag"), "Reported")
    pred = {"annotations": [*gold["annotations"], extra]}
    result = score_documents([(gold, pred)])
    assert result["pairs"] == 3
    assert result["message"]["precision"] == pytest.approx(0.75)
    assert result["message"]["recall"] == 1.0
    assert result["message"]["f1"] == pytest.approx(2 * 0.75 / 1.75, abs=1e-4)
    assert result["joint"]["precision"] < 1.0
    assert result["joint"]["recall"] == 1.0


def test_missed_gold_lowers_recall_and_counts_by_type() -> None:
    gold = gold_doc()
    pred = {"annotations": gold["annotations"][:1]}
    result = score_documents([(gold, pred)])
    assert result["message"]["precision"] == 1.0
    assert result["message"]["recall"] == pytest.approx(1 / 3, abs=1e-4)
    assert result["by_type"]["Indirect"]["gold"] == 2
    assert result["by_type"]["Indirect"]["gold_paired"] == 0
    assert result["by_type"]["Direct"]["gold_paired"] == 1


def test_partial_overlap_gives_token_level_precision_and_recall() -> None:
    gold = {"annotations": [ann(list(range(10)), speaker=[20, 21])]}
    pred = {"annotations": [ann(list(range(5, 15)), speaker=[21, 22, 23])]}
    result = score_documents([(gold, pred)])
    assert result["message"]["precision"] == 0.5
    assert result["message"]["recall"] == 0.5
    assert result["per_role"]["speaker"]["precision"] == pytest.approx(1 / 3, abs=1e-4)
    assert result["per_role"]["speaker"]["recall"] == 0.5
    # pooled joint: precision items 0.5 and 1/3, recall items 0.5 and 0.5
    assert result["joint"]["precision"] == pytest.approx((0.5 + 1 / 3) / 2, abs=1e-4)


def test_hungarian_pairing_beats_greedy() -> None:
    x, y = list(range(0, 10)), list(range(10, 20))
    a = list(range(1, 18))  # overlaps x best (F1 .67) and y (F1 .59)
    b = [0, 1, 2]  # overlaps x only (F1 .46)
    gold = [ann(x), ann(y)]
    pred = [ann(a), ann(b)]
    pairs = {(g, p) for g, p, _ in pair_statements(gold, pred)}
    # greedy would take (x, a) and leave b unpaired; the optimum pairs both
    assert pairs == {(1, 0), (0, 1)}


def test_zero_overlap_is_not_a_pair() -> None:
    pairs = pair_statements([ann([1, 2, 3], "Direct")], [ann([7, 8], "Direct")])
    assert pairs == []


@pytest.mark.parametrize("order", [("Direct", "Indirect"), ("Indirect", "Direct")])
def test_type_bonus_breaks_ties(order: tuple[str, str]) -> None:
    gold = [ann([1, 2, 3, 4], order[0]), ann([1, 2, 3, 4], order[1])]
    pred = [ann([1, 2, 3, 4], "Indirect")]
    ((g, p, f1),) = pair_statements(gold, pred)
    assert gold[g]["type"] == "Indirect"
    assert f1 == 1.0


def test_type_bonus_does_not_beat_better_overlap() -> None:
    gold = [ann([1, 2, 3, 4], "Direct"), ann([1, 2, 3, 9], "Indirect")]
    pred = [ann([1, 2, 3, 4], "Indirect")]
    ((g, _, _),) = pair_statements(gold, pred)
    assert g == 0


def test_medium_bonus_breaks_remaining_ties() -> None:
    gold = [ann([5, 6], "Reported", "Writing"), ann([5, 6], "Reported", "SW")]
    pred = [ann([5, 6], "Reported", "SW")]
    ((g, _, _),) = pair_statements(gold, pred)
    assert g == 1


def test_report_renders() -> None:
    gold = gold_doc()
    text = format_report(score_documents([(gold, {"annotations": gold["annotations"][1:]})]))
    assert "Message" in text and "Joint" in text and "IndirectFreeIndirect" not in text


# -- prediction ----------------------------------------------------------------


def test_token_offsets_aligns_string_tokens() -> None:
    text = "„Das reicht nicht“,  sagte sie.\n\nEnde"
    tokens = ["„", "Das", "reicht", "nicht", "“", ",", "sagte", "sie", ".", "Ende"]
    offsets = align_tokens(text, tokens)
    assert [text[s:e] for s, e in offsets] == tokens
    assert token_offsets({"originalText": text, "tokens": tokens}) == offsets
    # a token the text does not contain overlaps nothing, and alignment goes on
    odd = align_tokens(text, ["„", "XYZ", "Das"])
    assert odd[1][0] == odd[1][1] and text[odd[2][0] : odd[2][1]] == "Das"


def test_writer_maps_normalised_offsets_to_raw_tokens() -> None:
    raw = "Der  Sprecher sagte:\n„Wir prüfen\ndas  Angebot.“\n\nMehr folgt."
    doc = make_doc(raw)
    norm = normalise(raw)
    text = norm.text
    assert text != raw  # white space collapsed, wrapped lines joined

    def span(phrase: str) -> tuple[int, int]:
        start = text.index(phrase)
        return start, start + len(phrase)

    statement = Statement(
        form="direct",
        fine_type="Direct",
        message=[span("Wir prüfen das Angebot.")],
        cue=[span("sagte")],
        frame=[span(":")],
        speaker=span("Der Sprecher"),
        medium="Speech",
        rule="test",
    )
    analysis = Analysis(
        text=text, statements=[statement], mentions=[], entities=[], extractor="test"
    )
    out = document_from_analysis(doc, analysis, norm.alignment)
    assert out["documentName"] == doc["documentName"]
    (a,) = out["annotations"]
    assert set(ROLES) | {"type", "medium"} <= set(a)
    # the quotation marks around a message count as part of it, as in the dataset
    assert a["quote"]["tokenIds"] == ids(doc, "„Wir prüfen\ndas  Angebot.“")
    assert a["speaker"]["tokenIds"] == ids(doc, "Der  Sprecher")
    assert a["cue"]["tokenIds"] == ids(doc, "sagte")
    assert a["frame"]["tokenIds"] == ids(doc, ":")
    assert a["addressee"] == {"spans": [], "text": "", "tokenIds": []}
    assert a["quote"]["text"] == "„Wir prüfen\ndas  Angebot.“"
    (quote_span,) = a["quote"]["spans"]
    assert raw[quote_span["charBegin"] : quote_span["charEnd"]] == "„Wir prüfen\ndas  Angebot.“"
    assert (a["type"], a["medium"]) == ("Direct", "Speech")


def test_writer_splits_discontinuous_spans() -> None:
    raw = "Die Lage sei nach Angaben der Polizei ruhig."
    doc = make_doc(raw)
    norm = normalise(raw)
    statement = Statement(
        form="indirect",
        fine_type="Indirect",
        message=[(0, 12), (38, 43)],
        cue=[(13, 17)],
        speaker=(18, 37),
        medium="SW",
    )
    analysis = Analysis(
        text=norm.text, statements=[statement], mentions=[], entities=[], extractor="test"
    )
    (a,) = document_from_analysis(doc, analysis, norm.alignment)["annotations"]
    assert a["quote"]["text"] == "Die Lage sei ruhig"
    assert [(s["begin"], s["end"]) for s in a["quote"]["spans"]] == [(0, 3), (7, 8)]
    assert a["medium"] == "SW"


def test_medium_names() -> None:
    assert medium_name("Speech") == "Speech"
    assert medium_name("S") == "Speech"
    assert medium_name("WS") == "SW"
    assert medium_name("TW") == "TW"
    assert medium_name(None) == "Speech"
    assert medium_name("unbekannt") == "Speech"


def test_predict_document_end_to_end_ignores_gold() -> None:
    doc = gold_doc()
    del doc["annotations"]  # prediction must not need them
    out = predict_document(doc)
    assert out["documentName"] == doc["documentName"]
    assert out["annotations"], "the extractor finds a plain „…“ quotation with a frame"
    inside = set(ids(doc, "„Die Brücke wird im Mai fertig.“"))
    quotes = [set(a["quote"]["tokenIds"]) for a in out["annotations"]]
    assert any(q and q <= inside for q in quotes)
    for a in out["annotations"]:
        assert set(ROLES) <= set(a)
        assert a["type"] in {
            "Direct",
            "Indirect",
            "IndirectFreeIndirect",
            "FreeIndirect",
            "Reported",
        }
        assert a["medium"] in {"Speech", "Writing", "Thought", "SW", "ST", "TW"}
        n = len(doc["tokens"])
        assert all(0 <= i < n for r in ROLES for i in a[r]["tokenIds"])


def test_evaluate_writes_one_prediction_per_document(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    first = gold_doc()
    second = make_doc("„Das ist gut“, sagte der Trainer.", "2 - Zweiter Artikel (2024-01-02)")
    second["annotations"] = [
        ann(
            ids(second, "Das ist gut"),
            "Direct",
            speaker=ids(second, "der Trainer"),
            cue=ids(second, "sagte"),
        )
    ]
    for name, doc in (("10.json", first), ("2.json", second)):
        (data / name).write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    (data / "README.md").write_text("not a document", "utf-8")
    seen: list[tuple[int, int]] = []
    result = evaluate(data, tmp_path / "preds", progress=lambda d, t: seen.append((d, t)))
    assert sorted(p.name for p in (tmp_path / "preds").iterdir()) == ["10.json", "2.json"]
    assert seen[-1] == (2, 2)
    assert result["documents"] == 2 and result["gold_statements"] == 4
    assert 0.0 < result["message"]["f1"] <= 1.0
    saved = json.loads((tmp_path / "preds" / "2.json").read_text("utf-8"))
    assert saved["documentName"] == second["documentName"]
    # saved predictions score the same as the run that wrote them
    again = score_documents(
        (doc, json.loads((tmp_path / "preds" / name).read_text("utf-8")))
        for name, doc in (("10.json", first), ("2.json", second))
    )
    assert again["joint"] == result["joint"]


def test_evaluate_rejects_an_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        evaluate(tmp_path, progress=False)


def test_folds_are_stable_and_spread() -> None:
    names = [f"{i} - Artikel {i} (2005-01-01)" for i in range(500)]
    folds = [fold_of(n) for n in names]
    assert folds == [fold_of(n) for n in names]
    assert set(folds) == {0, 1, 2, 3, 4}
    assert min(folds.count(k) for k in range(5)) > 60


@pytest.mark.parametrize(
    ("text", "message", "cue", "speaker", "attribution"),
    [
        (
            "Nach Angaben der Verwaltung fehlen noch zwei Gutachten.",
            "fehlen noch zwei Gutachten",
            "Nach",
            "Angaben der Verwaltung",
            "Nach Angaben der Verwaltung",
        ),
        (
            "Nach Angaben des Magazins „Der Spiegel“ fehlen noch zwei Gutachten.",
            "fehlen noch zwei Gutachten",
            "Nach",
            "Angaben des Magazins „Der Spiegel“",
            "Nach Angaben des Magazins „Der Spiegel“",
        ),
        (
            "Nach Angaben des Ombudsmans für Menschenrechte kommt es selten zu Anklagen.",
            "kommt es selten zu Anklagen",
            "Nach",
            "Angaben des Ombudsmans für Menschenrechte",
            "Nach Angaben des Ombudsmans für Menschenrechte",
        ),
        (
            "Die Kosten steigen laut dem Bericht um zehn Prozent.",
            "Die Kosten steigen laut dem Bericht um zehn Prozent",
            "laut",
            "dem Bericht",
            "laut dem Bericht",
        ),
        (
            "Dem Gutachten zufolge ist die Brücke marode.",
            "ist die Brücke marode",
            "zufolge",
            "Dem Gutachten",
            "Dem Gutachten zufolge",
        ),
    ],
)
def test_prepositional_attribution_in_dataset_conventions(
    text: str, message: str, cue: str, speaker: str, attribution: str
) -> None:
    """The product keeps the whole sentence as the message (the seeds' convention); the
    dataset's message leaves the attribution out, which becomes the frame, with the
    bare preposition as cue and the noun in the speaker."""
    doc = make_doc(text)
    (out,) = predict_document(doc)["annotations"]
    got = {r: set(out[r]["tokenIds"]) for r in ROLES}
    outside = set(ids(doc, message)) - set(ids(doc, attribution))
    assert got["quote"] == outside
    assert got["cue"] == set(ids(doc, cue))
    assert got["speaker"] == set(ids(doc, speaker))
    assert set(ids(doc, attribution)) <= got["frame"]
    assert out["type"] == "Indirect"


@pytest.mark.parametrize(
    ("text", "speaker", "nth"),
    [
        (
            "Minister Jan Keller sagte, die Schulen blieben geöffnet. Es gebe "
            "keinen Grund, sie zu schließen.",
            "Minister Jan Keller",
            0,
        ),
        (
            "Minister Jan Keller sagte, die Schulen blieben geöffnet. Allerdings "
            "müsse er die Lage jeden Tag neu bewerten.",
            " er ",  # the pronoun, not the "er" in "Minister"
            0,
        ),
        (
            # the speaker's mention nearest before the continuation
            "Minister Jan Keller sagte, die Schulen blieben geöffnet. Am Abend besuchte "
            "Keller eine Schule in Kiel. Es gebe keinen Grund, sie zu schließen.",
            "Keller",
            1,
        ),
    ],
)
def test_a_continuation_takes_the_speaker_mention_as_the_dataset_does(
    text: str, speaker: str, nth: int
) -> None:
    """The product attributes „Es gebe keinen Grund …“ to Jan Keller without a mention
    of its own; the dataset marks the previous statement's mention as its speaker, or
    the subject pronoun inside the message."""
    doc = make_doc(text)
    first, second = predict_document(doc, mode="fast")["annotations"]
    assert second["type"] == "IndirectFreeIndirect"
    assert set(first["speaker"]["tokenIds"]) == set(ids(doc, "Minister Jan Keller"))
    assert set(second["speaker"]["tokenIds"]) == set(ids(doc, speaker, nth))


def test_quotations_inside_a_message_are_nested_direct_statements() -> None:
    """The dataset annotates a quotation of two or more words inside an indirect
    message as a Direct statement with the same roles, and a single word in lower
    case; not a title, nor a single capitalised word (mostly names and terms)."""
    text = (
        "Die Ministerin sagte, die im „Hamburger Abendblatt“ genannten Pläne seien "
        "„völlig unrealistisch“, die Lage „dramatisch“ und ein „Ruck“ sei nicht zu erwarten."
    )
    doc = make_doc(text)
    annotations = predict_document(doc)["annotations"]
    outer = [a for a in annotations if a["type"] == "Indirect"]
    nested = [a for a in annotations if a["type"] == "Direct"]
    assert len(outer) == 1 and len(annotations) == 3
    assert sorted(sorted(a["quote"]["tokenIds"]) for a in nested) == [
        sorted(ids(doc, "„völlig unrealistisch“")),
        sorted(ids(doc, "„dramatisch“")),
    ]
    for a in nested:
        assert set(a["quote"]["tokenIds"]) < set(outer[0]["quote"]["tokenIds"])
        assert a["isNested"] and outer[0]["hasNested"]
        for role in ("speaker", "cue"):
            assert a[role]["tokenIds"] == outer[0][role]["tokenIds"] != []


def test_a_single_quoted_word_is_no_statement_of_its_own_in_the_product() -> None:
    """The nesting above is the dataset's convention only: the product's own output
    takes no scare quotes for statements."""
    text = "Die Ministerin sagte, die Lage sei „dramatisch“ und ein „Ruck“ nicht zu erwarten."
    statements = sagte_extract(text)
    assert len(statements) == 1 and statements[0].form == "mixed"


@pytest.mark.parametrize(
    ("quoted", "expected"),
    [
        ("Der Spiegel", True),
        ("Nord Stream 2", True),
        ("BBC News", True),
        ("völlig unrealistisch", False),
        ("Wir sind bereit.", False),
        ("Rat für Demokratische Reform unter der Konstitutionellen Monarchie (CDRM)", True),
        ("Public Library of Science", True),
        ("Dschungel von Calais", True),
        ("Rat für nationale Sicherheit", False),
        ("Kein Blut für Öl!", False),
        ("die Richtlinien der Politik", False),
    ],
)
def test_names_only_tells_titles_from_words_said(quoted: str, expected: bool) -> None:
    assert names_only(quoted) is expected


def test_a_reported_statement_has_no_cue_of_its_own_in_dataset_conventions() -> None:
    """The product keeps „warnt“ as the cue of „Die FAO warnt vor Hunger“; in the
    dataset a Reported message is the whole clause with its full stop, and its cue
    stays empty (291 of 297 gold statements)."""
    text = "Die Welternährungsorganisation FAO warnt vor einer Hungersnot in der Region."
    doc = make_doc(text)
    (out,) = predict_document(doc)["annotations"]
    assert out["type"] == "Reported"
    assert set(out["quote"]["tokenIds"]) == set(ids(doc, text))
    assert out["cue"]["tokenIds"] == [] and out["frame"]["tokenIds"] == []
    assert set(out["speaker"]["tokenIds"]) == set(ids(doc, "Die Welternährungsorganisation FAO"))


@pytest.mark.parametrize(
    ("trained_on", "fold", "noted"),
    [
        ("folds 0-4", 0, True),
        ("folds 1-4", 0, False),
        ("folds 0-4", None, False),  # all documents: no fold is held out anyway
        ("some other split", 0, True),  # unknown: not assumed held out
        ("folds 1-4", 3, True),
        ("folds 0,2-4", 1, False),
        ("folds 0,2-4", 2, True),
        ("folds 0-2,4", 3, False),
    ],
)
def test_report_notes_a_tagger_that_saw_the_fold_it_is_scored_on(
    trained_on: str, fold: int | None, noted: bool
) -> None:
    result = QuoteScorer().result()
    result.update(fold=fold, validation_only=fold is not None, tagger_trained_on=trained_on)
    assert ("not held out" in format_report(result)) is noted


def test_fold_names_round_trip_through_the_held_out_check() -> None:
    for held_out in range(FOLDS):
        name = folds_name(f for f in range(FOLDS) if f != held_out)
        assert [saw_validation_fold(name, f) for f in range(FOLDS)] == [
            f != held_out for f in range(FOLDS)
        ]
    assert folds_name([4, 0, 2, 3]) == "folds 0,2-4"
    assert folds_name(range(FOLDS)) == "folds 0-4"


def test_evaluate_scores_only_the_fold_asked_for(tmp_path: Path) -> None:
    text = "„Das ist gut“, sagte der Trainer. Der Verein teilte mit, er sei zufrieden."
    names = [f"{i} - Artikel {i} (2024-01-01)" for i in range(12)]
    for i, name in enumerate(names):
        (tmp_path / f"{i}.json").write_text(json.dumps(make_doc(text, name)), "utf-8")
    for fold in {fold_of(n) for n in names}:
        result = evaluate(tmp_path, fold=fold, mode="fast", progress=False)
        assert result["documents"] == sum(fold_of(n) == fold for n in names)
        assert result["fold"] == fold and result["validation_only"] is True
    assert evaluate(tmp_path, validation_only=True, mode="fast", progress=False)["fold"] == 0
    with pytest.raises(ValueError, match="fold must be between 0 and 4, got 5"):
        evaluate(tmp_path, fold=5, mode="fast", progress=False)


@pytest.mark.parametrize("mode", ["accurate", "fast"])
def test_a_quotation_is_one_direct_statement_however_many_messages_hold_it(mode: Mode) -> None:
    """„Unsere Untersuchungen …“ is a direct statement of its own and lies inside the
    reported one („Dies sagte der Präsident …“ covers it in the rules); nesting must
    not add it a second time, whether its message carries the marks or not."""
    text = (
        "Weiter sagte Larson: „Unsere Untersuchungen und Verbesserungen werden ein offenes "
        "Buch sein.“ Dies sagte der Präsident des Unternehmens in Richtung seiner Kunden. "
        "Der Präsident sagte, die Pläne seien „völlig unrealistisch“ gewesen."
    )
    doc = make_doc(text)
    direct = [
        a["quote"]["tokenIds"]
        for a in predict_document(doc, mode=mode)["annotations"]
        if a["type"] == "Direct"
    ]
    book = "„Unsere Untersuchungen und Verbesserungen werden ein offenes Buch sein.“"
    assert direct.count(ids(doc, book)) == 1
    assert direct.count(ids(doc, "„völlig unrealistisch“")) == 1


@pytest.mark.parametrize(
    ("text", "message", "fine_type"),
    [
        (
            "Die Ministerin sagte, die Schulen blieben geöffnet.",
            "die Schulen blieben geöffnet",
            "Indirect",
        ),
        (
            "Die Ministerin sagte, die Schulen blieben geöffnet. Es gebe keinen Grund zur Sorge.",
            "Es gebe keinen Grund zur Sorge.",
            "IndirectFreeIndirect",
        ),
    ],
)
def test_a_message_of_its_own_sentence_ends_with_the_full_stop(
    text: str, message: str, fine_type: str
) -> None:
    """The dataset's Reported and free indirect messages take the sentence's full stop
    (651 of 674 that end at one), its indirect ones leave it out (1,252 of 1,257)."""
    doc = make_doc(text)
    out = predict_document(doc, mode="fast")["annotations"][-1]
    assert out["type"] == fine_type
    assert set(out["quote"]["tokenIds"]) == set(ids(doc, message))


def test_free_indirect_sentences_of_one_speaker_side_by_side_are_one_statement() -> None:
    """„Es gebe … Man müsse …“ after a statement: one IndirectFreeIndirect statement
    over both sentences, as the dataset annotates such runs; a sentence in the next
    paragraph stays a statement of its own."""
    text = (
        "Minister Jan Keller sagte, die Schulen blieben geöffnet. Es gebe keinen Grund "
        "zur Sorge. Man müsse die Lage aber jeden Tag neu bewerten.\n\nEs bestehe "
        "keine Gefahr."
    )
    doc = make_doc(text)
    first, joined, apart = predict_document(doc, mode="fast")["annotations"]
    assert first["type"] == "Indirect"
    assert joined["type"] == apart["type"] == "IndirectFreeIndirect"
    assert set(joined["quote"]["tokenIds"]) == set(
        ids(doc, "Es gebe keinen Grund zur Sorge. Man müsse die Lage aber jeden Tag neu bewerten.")
    )
    assert set(apart["quote"]["tokenIds"]) == set(ids(doc, "Es bestehe keine Gefahr."))


@pytest.mark.parametrize(
    ("text", "message", "fine_type"),
    [
        pytest.param(
            "Die Ermittlungen dauern an. Der Fahrer habe die Kontrolle über den Wagen "
            "verloren. Die Straße sei an dieser Stelle glatt gewesen.",
            "Der Fahrer habe die Kontrolle über den Wagen verloren. Die Straße sei an "
            "dieser Stelle glatt gewesen.",
            "IndirectFreeIndirect",
            id="konjunktiv-i",
        ),
        pytest.param(
            "Der Tänzer soll am Montag verhaftet worden sein. Er soll mehrere Menschen "
            "bedroht haben.",
            "Der Tänzer soll am Montag verhaftet worden sein. Er soll mehrere Menschen "
            "bedroht haben.",
            "FreeIndirect",
            id="reportive-sollen",
        ),
    ],
)
def test_free_indirect_sentences_with_no_speaker_side_by_side_are_one_statement(
    text: str, message: str, fine_type: str
) -> None:
    """A run of free indirect sentences whose source the article leaves open is one
    statement too: of 113 pairs of neighbouring IndirectFreeIndirect sentences in the
    training data, the dataset annotates 109 as one statement, and 26 of 28 pairs of
    FreeIndirect ones."""
    doc = make_doc(text)
    (joined,) = predict_document(doc, mode="fast")["annotations"]
    assert joined["type"] == fine_type
    assert not joined["speaker"]["tokenIds"]
    assert set(joined["quote"]["tokenIds"]) == set(ids(doc, message))


def test_free_indirect_sentences_of_two_speakers_stay_apart() -> None:
    """Neighbouring free indirect sentences are joined only where their speaker is one:
    one entity, or with no entity the same speaker span or none."""
    text = "Es gebe keinen Grund zur Sorge. Man müsse die Lage neu bewerten."
    second = text.index("Man")

    def free(start: int, end: int, entity: int | None, speaker: Span | None) -> Statement:
        return Statement(
            "free_indirect",
            "IndirectFreeIndirect",
            [(start, end)],
            speaker=speaker,
            speaker_entity=entity,
        )

    apart = [free(0, second - 1, 0, None), free(second, len(text), 1, None)]
    assert len(joined_free_indirect(text, apart)) == 2
    spans = [free(0, second - 1, None, (0, 2)), free(second, len(text), None, (3, 5))]
    assert len(joined_free_indirect(text, spans)) == 2
    one = [free(0, second - 1, None, None), free(second, len(text), None, None)]
    (joined,) = joined_free_indirect(text, one)
    assert joined.message == [(0, len(text))]


def test_an_anaphoric_report_takes_its_anaphor_into_the_message() -> None:
    """„… . Das bestätigte der Vatikan.“: the product's message is the sentence the
    anaphor points to; the dataset's runs on over „Das“ and types it Indirect."""
    text = "Der Papst tritt zurück. Das bestätigte der Vatikan am Montag."
    doc = make_doc(text)
    (out,) = predict_document(doc, mode="fast")["annotations"]
    assert out["type"] == "Indirect"
    assert set(out["quote"]["tokenIds"]) == set(ids(doc, "Der Papst tritt zurück. Das"))
    assert set(out["cue"]["tokenIds"]) == set(ids(doc, "bestätigte"))


def test_nach_eigenen_angaben_is_the_source_and_leaves_the_message() -> None:
    """„Die Feuerwehr hat nach eigenen Angaben …“: in the dataset „nach“ is the cue,
    „eigenen Angaben“ the speaker, and neither is in the message."""
    text = "Die Feuerwehr hat nach eigenen Angaben die Hälfte der Halle abgesucht."
    doc = make_doc(text)
    (out,) = predict_document(doc, mode="fast")["annotations"]
    assert set(out["quote"]["tokenIds"]) == set(
        ids(doc, "Die Feuerwehr hat nach eigenen Angaben die Hälfte der Halle abgesucht")
    ) - set(ids(doc, "nach eigenen Angaben"))
    assert set(out["cue"]["tokenIds"]) == set(ids(doc, "nach"))
    assert set(out["speaker"]["tokenIds"]) == set(ids(doc, "eigenen Angaben"))


def test_a_quoted_foreign_term_is_no_nested_statement() -> None:
    """„sine glossa“ is a Latin term in quotation marks, not words the minister said;
    „völlig unrealistisch“ beside it is."""
    text = (
        "Die Ministerin sagte, der Vertrag sei „sine glossa“ auszulegen und die Pläne "
        "seien „völlig unrealistisch“."
    )
    doc = make_doc(text)
    nested = [a for a in predict_document(doc, mode="fast")["annotations"] if a["isNested"]]
    assert [sorted(a["quote"]["tokenIds"]) for a in nested] == [
        sorted(ids(doc, "„völlig unrealistisch“"))
    ]


def test_a_quoted_name_the_entity_tagger_found_is_no_nested_statement() -> None:
    """Capitals do not tell „Ärzte ohne Grenzen“ from words said (`names_only`); the
    entity tagger's names do."""
    text = (
        "Die Ministerin sagte, die von „Infratest dimap“ erstellten Zahlen seien "
        "„völlig unrealistisch“, wie auch „Ärzte ohne Grenzen“ meine."
    )
    outer = Statement("indirect", "Indirect", [(text.index("die von"), len(text) - 1)])
    names = [
        (text.index(name), text.index(name) + len(name))
        for name in ("Infratest dimap", "Ärzte ohne Grenzen")
    ]
    with_names = nested_quotations(text, [outer], names)
    assert [text[slice(*s.message[0])] for s in with_names[1:]] == ["„völlig unrealistisch“"]
    # without the tagger's names, HanTa still reads „Infratest dimap“ as two names
    without = nested_quotations(text, [outer])
    assert [text[slice(*s.message[0])] for s in without[1:]] == [
        "„völlig unrealistisch“",
        "„Ärzte ohne Grenzen“",
    ]


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        (
            "Bundesinnenminister Peter Roth: „Wir werden das Gesetz ändern.“",
            "Bundesinnenminister Peter Roth:",
        ),
        (
            "Die Bewohner des Dorfes sehen alles gelassen: „Wir haben schon Schlimmeres erlebt.“",
            "Die Bewohner des Dorfes sehen alles gelassen:",
        ),
    ],
)
def test_a_quotation_after_a_colon_has_the_clause_before_it_as_its_frame(
    text: str, frame: str
) -> None:
    doc = make_doc(text)
    (out,) = predict_document(doc, mode="fast")["annotations"]
    assert out["type"] == "Direct"
    assert out["frame"]["tokenIds"] == ids(doc, frame)
