"""Stories layer units: event times, fingerprints, features, metrics (own German texts)."""

from __future__ import annotations

import pytest

from sagte.ingest.dates import parse_date
from sagte.stories.dedup import Fingerprint, band_keys, best_copy, fingerprint, is_copy
from sagte.stories.features import content_words, lead_text, stem, terms_of
from sagte.stories.metrics import bcubed, pairwise
from sagte.stories.timing import event_time

AGENCY = (
    "Orkanböen haben in der Nacht zum Freitag an der Nordseeküste schwere Schäden "
    "angerichtet. Sturmtief „Hanna“ entwurzelte in Ostfriesland Hunderte Bäume und legte "
    "den Fährverkehr zu den Inseln lahm.\n\n"
    "In Emden wurde ein Autofahrer von einem umstürzenden Baum schwer verletzt. „Wir hatten "
    "seit Mitternacht mehr als 400 Einsätze“, sagte Kreisbrandmeister Olaf Renken.\n\n"
    "Die Bahn stellte den Regionalverkehr zwischen Norddeich und Oldenburg vorübergehend ein. "
    "Der Wind soll im Laufe des Freitags allmählich nachlassen."
)
OWN_REPORT = (
    "Für die Feuerwehren in Ostfriesland war es eine lange Nacht. Das Sturmtief zog mit "
    "Spitzenböen über die Küste, kein Schiff legte am Freitagmorgen zu den Inseln ab.\n\n"
    "Kreisbrandmeister Renken sprach von mehr als 400 Einsätzen. Umgestürzte Bäume "
    "blockierten zahlreiche Landstraßen."
)


@pytest.mark.parametrize(
    ("published", "text", "expected"),
    [
        # (published header, text, (iso, precision, source)) — cases written for sagte
        ("2022-03-24", "", ("2022-03-24", "day", "published")),
        ("2022-03-24T10:15:00+01:00", "", ("2022-03-24", "day", "published")),
        ("2022-03", "Das Treffen am Donnerstag in Brüssel.", ("2022-03", "month", "published")),
        ("2022-03", "Das Treffen am 24. März in Brüssel.", ("2022-03-24", "day", "text")),
        ("2022-03", "Das Treffen am 24. April in Brüssel.", ("2022-03", "month", "published")),
        (None, "Beschlossen am 16.03.2022 in Brüssel.", ("2022-03-16", "day", "text")),
        (None, "Bei einem Treffen an diesem Mittwoch.", (None, "none", "none")),
        (None, "Am 16. März trafen sich die Minister.", (None, "none", "none")),
        ("2022", "", ("2022", "year", "published")),
    ],
)
def test_timing_event_time_uses_only_what_is_known(published, text, expected) -> None:
    t = event_time(parse_date(published), text)
    assert (t.iso(), t.precision, t.source) == expected


def test_dedup_copies_with_edits_are_copies_and_other_reports_are_not() -> None:
    original = fingerprint(AGENCY)
    added = fingerprint(AGENCY + "\n\nDie Feuerwehr bat, Parks und Wälder zu meiden.")
    no_last = fingerprint(AGENCY.rsplit("\n\n", 1)[0])
    short_lead = fingerprint(
        AGENCY.replace(
            " Sturmtief „Hanna“ entwurzelte in Ostfriesland "
            "Hunderte Bäume und legte den Fährverkehr zu den "
            "Inseln lahm.",
            "",
        )
    )
    for copy in (added, no_last, short_lead):
        assert is_copy(original, copy)[0]
    assert not is_copy(original, fingerprint(OWN_REPORT))[0]
    assert original.jaccard(original) == 1.0


def test_dedup_best_copy_decides_as_is_copy_for_every_candidate() -> None:
    paragraphs = AGENCY.split("\n\n")
    texts = {
        "a-whole": AGENCY,
        "b-added": AGENCY + "\n\nDie Feuerwehr bat, Parks und Wälder zu meiden.",
        "c-no-last": "\n\n".join(paragraphs[:-1]),
        "d-first-only": paragraphs[0],
        "e-other": OWN_REPORT,
        "f-empty": "",
    }
    stored = {name: fingerprint(text) for name, text in texts.items()}
    candidates = [(name, fp.hashvalues, fp.shingles) for name, fp in stored.items()]
    for probe in (*texts.values(), AGENCY.replace("Sturmtief", "Orkan")):
        fp = fingerprint(probe)
        hits = [
            (sim, name) for name, other in stored.items() for ok, sim in [is_copy(fp, other)] if ok
        ]
        expected = (
            (min(n for s, n in hits if s == max(hits)[0]), max(hits)[0]) if hits else (None, 0.0)
        )
        assert best_copy(fp, candidates) == expected
    assert best_copy(stored["e-other"], candidates[:3]) == (None, 0.0)


def test_dedup_fingerprint_refuses_other_parameters_and_round_trips() -> None:
    fp = fingerprint(AGENCY)
    again = Fingerprint(bytes(fp.hashvalues), fp.shingles)
    assert again.jaccard(fp) == 1.0 and band_keys(again) == band_keys(fp)
    other = Fingerprint(fp.hashvalues, fp.shingles, seed=2)
    with pytest.raises(ValueError, match="num_perm, seed, shingle"):
        fp.jaccard(other)
    assert len(band_keys(fp)) == 42 and band_keys(fp) == band_keys(fingerprint(AGENCY))


def test_features_stop_words_stems_and_headline_weight() -> None:
    words = [s for s, _ in content_words("Sie sagte am Montag, die Chemiewaffen seien gefährlich.")]
    assert words == [stem("Chemiewaffen"), stem("gefährlich")]
    tf, surface = terms_of("Der Sturm richtete Schäden an.", title="Sturm an der Küste")
    assert tf[stem("Sturm")] > tf[stem("Schäden")]
    assert surface[stem("Küste")] == "Küste"
    assert lead_text(AGENCY, "Sturm „Hanna“", limit=80).startswith("Sturm „Hanna“. Orkanböen")


def test_metrics_pairwise_and_bcubed() -> None:
    gold = {1: "a", 2: "a", 3: "a", 4: "b"}
    pred = {1: "x", 2: "x", 3: "y", 4: "y"}
    pw = pairwise(gold, pred)
    assert (pw["precision"], pw["recall"]) == (0.5, pytest.approx(1 / 3))
    b3 = bcubed(gold, pred)
    assert b3["precision"] == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)
    assert b3["recall"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    with pytest.raises(ValueError, match="same items"):
        pairwise(gold, {1: "x"})
