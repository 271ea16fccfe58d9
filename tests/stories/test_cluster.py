"""Online clustering into stories and storylines, and statement clusters (own German texts)."""

from __future__ import annotations

import pytest

from sagte.ingest.dates import parse_date
from sagte.stories import (
    MemoryState,
    MemoryStatementState,
    StatementClusterer,
    StatementInput,
    StoryClusterer,
    build_features,
    default_embedder,
)
from sagte.stories.timing import event_time

# Written for sagte: two storms four days apart, a second report of the first, a match.
HANNA_A = (
    "Sturm Hanna wütet an der Nordseeküste",
    "Orkanböen haben in der Nacht zum Freitag in Ostfriesland schwere Schäden angerichtet. "
    "Sturmtief Hanna entwurzelte Hunderte Bäume, deckte Dächer ab und legte die Fähren zu den "
    "Inseln lahm. In Emden wurde ein Autofahrer von einem Baum getroffen. Kreisbrandmeister Olaf "
    "Renken sprach von mehr als 400 Einsätzen.",
    "2023-02-10T06:00",
)
HANNA_B = (
    "Hunderte Einsätze in Ostfriesland: Hanna legt Fähren lahm",
    "Für die Feuerwehren in Ostfriesland war es eine lange Nacht. Sturmtief Hanna zog mit "
    "Spitzenböen über die Küste, keine Fähre legte zu den Inseln ab. Kreisbrandmeister Olaf "
    "Renken zählte mehr als 400 Einsätze, in Emden wurde ein Autofahrer verletzt.",
    "2023-02-10T14:00",
)
INGO = (
    "Nächster Sturm: Ingo trifft Husum",
    "Vier Tage nach dem letzten Unwetter hat erneut ein Sturmtief den Norden erreicht. Ingo "
    "brachte in der Nacht zum Dienstag eine Sturmflut nach Schleswig-Holstein, in Husum trat "
    "die Nordsee über die Kaimauer. Bürgermeisterin Katrin Voss sagte, das Wasser sei schneller "
    "gekommen als erwartet. Auf Sylt fiel der Strom aus.",
    "2023-02-14T07:00",
)
MATCH = (
    "Wellingen gewinnt 2:1 gegen Hafenstadt",
    "Im ersten Spiel unter der neuen Trainerin Martina Lohse hat der FC Wellingen den ersten "
    "Saisonsieg gefeiert. Stürmer Kai Brenner traf in der 88. Minute vor 18.000 Zuschauern.",
    "2023-02-11T17:00",
)


def _features(name: str, item: tuple[str, str, str], embedder=None):
    title, text, when = item
    return build_features(name, text, title=title, published=parse_date(when), embedder=embedder)


@pytest.fixture(scope="module")
def embedder():
    return default_embedder()


def test_cluster_same_event_joins_other_event_opens_story_in_same_storyline(embedder) -> None:
    c = StoryClusterer(MemoryState())
    a = c.add(_features("a", HANNA_A, embedder))
    b = c.add(_features("b", HANNA_B, embedder))
    m = c.add(_features("m", MATCH, embedder))
    i = c.add(_features("i", INGO, embedder))
    assert a.new_story and not b.new_story and b.story == a.story
    assert m.new_story and m.storyline != a.storyline
    assert i.new_story and i.story != a.story
    assert i.storyline == a.storyline  # two storms in one week: one storyline


def test_cluster_undated_article_needs_stronger_evidence(embedder) -> None:
    c = StoryClusterer(MemoryState())
    first = c.add(_features("a", HANNA_A, embedder))
    title, text, _ = HANNA_B
    undated = build_features("b", text, title=title, embedder=embedder)
    assert undated.time.lo is None
    score, margin = c.score(
        undated, c.state.get("story", first.story), c.state.idf(undated.tf), "story"
    )
    assert margin == c.config.undated_margin and score > 0


def test_cluster_labels_name_entities_and_terms(embedder) -> None:
    state = MemoryState()
    c = StoryClusterer(state)
    a = c.add(_features("a", HANNA_A, embedder))
    label = state.get("story", a.story).label
    assert "Hanna" in label or "Emden" in label or "Ostfriesland" in label


def test_cluster_works_without_embeddings() -> None:
    c = StoryClusterer(MemoryState())
    a = c.add(_features("a", HANNA_A))
    b = c.add(_features("b", HANNA_B))
    assert b.story == a.story


T = event_time(parse_date("2022-03-24"))
KEY, NAME = "PER:jens stoltenberg", "Jens Stoltenberg"


@pytest.mark.parametrize(
    ("first", "second", "relation"),
    [
        # (first wording, second wording, relation of the second) — cases written for sagte
        (
            ("direct", "Wir sind das stärkste Bündnis der Welt"),
            ("direct", "Wir sind das stärkste Bündnis der Welt."),
            "same",
        ),
        (
            (
                "direct",
                "Wir sind das stärkste Bündnis der Welt. Solange wir zusammenstehen, "
                "sind wir sicher",
            ),
            ("direct", "Wir sind das stärkste Bündnis der Welt"),
            "trimmed",
        ),
        (
            ("direct", "Wir sind das stärkste Bündnis der Welt"),
            ("indirect", "die Nato sei das stärkste Bündnis der Welt"),
            "paraphrase",
        ),
        (
            (
                "direct",
                "Die NATO ist immer bereit (...), auf jegliche Art von Angriff zu reagieren",
            ),
            ("direct", "Die Nato ist immer bereit, auf jede Art von Angriff zu reagieren"),
            "edited",
        ),
    ],
)
def test_statements_variants_are_linked_with_their_relation(first, second, relation) -> None:
    c = StatementClusterer(MemoryStatementState())
    one = c.add(StatementInput(1, KEY, NAME, first[0], first[1], "a1", T, "Rheinblatt"))
    two = c.add(StatementInput(2, KEY, NAME, second[0], second[1], "a2", T, "Südecho"))
    assert two.cluster == one.cluster and two.relation == relation
    if relation == "paraphrase":
        assert two.variant != one.variant  # linked as a variant, not merged into one wording


def test_statements_other_speaker_or_other_message_stay_apart() -> None:
    c = StatementClusterer(MemoryStatementState())
    one = c.add(
        StatementInput(1, KEY, NAME, "direct", "Wir sind das stärkste Bündnis der Welt", "a", T)
    )
    other_speaker = c.add(
        StatementInput(
            2,
            "PER:lars eklund",
            "Lars Eklund",
            "direct",
            "Wir sind das stärkste Bündnis der Welt",
            "b",
            T,
        )
    )
    other_message = c.add(
        StatementInput(
            3,
            KEY,
            NAME,
            "direct",
            "Chemiewaffen wären eine eklatante Verletzung des Völkerrechts",
            "c",
            T,
        )
    )
    short = c.add(StatementInput(4, KEY, NAME, "direct", "Ja", "d", T))
    short_again = c.add(StatementInput(5, KEY, NAME, "direct", "Nein, ja", "e", T))
    assert len({one.cluster, other_speaker.cluster, other_message.cluster}) == 3
    assert short.cluster != short_again.cluster
