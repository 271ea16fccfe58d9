"""Stories in the database: copies, first-seen originals, reuse, statement provenance."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import sagte
from sagte.errors import NotFound
from sagte.ingest import read_paths
from sagte.pipeline import process
from sagte.store import Store

# Written for sagte. The agency text, its copies and an own report of the same event.
P1 = (
    "Die Angreifer auf die Stadtverwaltung von Marstadt verlangen ein Lösegeld in "
    "Kryptowährung. Das bestätigte das Landeskriminalamt am Sonntag. Die Täter drohen, "
    "erbeutete Daten im Internet zu veröffentlichen."
)
P2 = (
    "„Wir werden nicht zahlen“, sagte Oberbürgermeister Frank Steiner. Man lasse sich nicht "
    "erpressen. Nach ersten Erkenntnissen handelt es sich um eine bekannte Gruppe, die weltweit "
    "Behörden angreift."
)
P3 = "Betroffen sein könnten Daten von rund 60.000 Einwohnern der Stadt."
EXTRA = "Das Bundesamt für Sicherheit in der Informationstechnik unterstützt die Stadt vor Ort."
OWN = (
    "Marstadt soll zahlen – doch die Stadt bleibt hart. Die Hacker, die das Rathaus "
    "lahmgelegt haben, fordern Lösegeld und drohen mit der Veröffentlichung von Daten.\n\n"
    "Oberbürgermeister Frank Steiner sagte, die Stadt werde nicht zahlen und lasse sich nicht "
    "erpressen. Das Landeskriminalamt vermutet eine international aktive Bande hinter der Tat."
)
MATCH = (
    "Im ersten Spiel unter der neuen Trainerin Martina Lohse hat der FC Wellingen den ersten "
    "Saisonsieg gefeiert. „Die Mannschaft hat unglaublich viel investiert“, sagte Lohse."
)
RECORDS = [
    ("a1", "Hacker fordern Lösegeld von Marstadt", "\n\n".join([P1, P2, P3]), "dna", "10:00"),
    ("a2", "Erpressung im Rathaus", "\n\n".join([P1, P2, P3]), "Rheinblatt", "11:00"),
    ("a3", "Hacker fordern Lösegeld", "\n\n".join([P1, P2, P3, EXTRA]), "Südecho", "12:00"),
    (
        "a4",
        "Marstadt wird erpresst",
        "\n\n".join([P1.split(". ")[0] + ".", P2, P3]),
        "Hansebote",
        "09:00",
    ),
    ("a5", "Steiner lehnt Zahlung ab", OWN, "Stadtanzeiger", "15:00"),
    ("a6", "Wellingen gewinnt", MATCH, "Ruhrpost", "18:00"),
]


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps(
            {"id": i, "title": t, "text": x, "outlet": o, "published": f"2023-11-05T{h}:00+01:00"},
            ensure_ascii=False,
        )
        for i, t, x, o, h in RECORDS
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


@pytest.fixture
def db(feed: Path, db_target: str):
    database = sagte.open(db_target, mode="fast")
    database.ingest([feed])
    yield database
    database.close()


def _by_external(db) -> dict[str, dict]:
    rows = db.store.conn.execute(
        "SELECT a.external_id, s.* FROM article_stories s JOIN articles a ON a.id = s.article_id"
    )
    return {r["external_id"]: dict(r) for r in rows}


def test_stories_copies_share_a_group_with_the_first_seen_original(db) -> None:
    rows = _by_external(db)
    assert "a2" not in rows  # identical text: stored once, kept as a sighting
    sighting = db.store.conn.execute("SELECT outlet FROM article_sightings").fetchall()
    assert [r[0] for r in sighting] == ["Rheinblatt"]
    group = rows["a1"]["dup_group"]
    assert group is not None and rows["a3"]["dup_group"] == rows["a4"]["dup_group"] == group
    assert rows["a5"]["dup_group"] is None
    original = db.store.conn.execute(
        "SELECT a.external_id FROM dup_groups g JOIN articles a ON a.id = g.original_id"
    ).fetchone()[0]
    assert original == "a4"  # published at 09:00, before the agency text read first
    assert rows["a3"]["paragraphs_reused"] == 3 and rows["a3"]["paragraphs_analysed"] == 1


def test_stories_same_event_one_story_other_event_another(db) -> None:
    rows = _by_external(db)
    assert len({rows[k]["story_id"] for k in ("a1", "a3", "a4", "a5")}) == 1
    assert rows["a6"]["story_id"] != rows["a1"]["story_id"]
    story = db.story(rows["a1"]["story_id"])
    roles = {(a["outlet"], a["role"]) for a in story["articles"]}
    assert ("Hansebote", "original") in roles and ("Rheinblatt", "identical copy") in roles
    assert ("Stadtanzeiger", "report") in roles
    assert story["timeline"][0]["day"] == "2023-11-05"
    assert [o["outlet"] for o in story["outlets"]][0] == "Hansebote"
    listed = {s["id"]: s for s in db.stories(since="2023-11")}
    assert listed[rows["a1"]["story_id"]]["articles"] == 5  # the sighting counts too
    assert db.stories(since="2023-12") == []


def test_stories_statement_provenance_lists_outlets_and_variants(db) -> None:
    rows = _by_external(db)
    story = db.story(rows["a1"]["story_id"])
    quote = next(s for s in story["statements"] if "nicht zahlen" in s["text"])
    detail = db.statement(quote["id"])
    assert detail["speaker"] == "Frank Steiner"
    outlets = {o["outlet"] for o in detail["outlets"]}
    assert {"dna", "Rheinblatt", "Südecho", "Hansebote", "Stadtanzeiger"} <= outlets
    assert detail["first_seen"].startswith("2023-11-05T09:00")
    relations = {v["relation"] for v in detail["variants"]}
    assert "paraphrase" in relations  # the indirect rendering is a variant, not merged
    direct = [v for v in detail["variants"] if v["form"] == "direct"]
    assert direct and direct[0]["text"] == "Wir werden nicht zahlen"


def test_stories_adding_an_article_leaves_existing_stories_alone(db, tmp_path: Path) -> None:
    before = {r["id"]: r["label"] for r in db.stories()}
    later = tmp_path / "later.jsonl"
    later.write_text(
        json.dumps(
            {
                "id": "a7",
                "title": "Marstadt",
                "text": "\n\n".join([P1, P2, EXTRA]),
                "outlet": "Ruhrpost",
                "published": "2023-11-06T08:00:00+01:00",
            },
            ensure_ascii=False,
        )
        + "\n",
        "utf-8",
    )
    db.ingest([later])
    after = {r["id"]: r["label"] for r in db.stories()}
    assert set(before) == set(after)


def test_stories_not_found_has_a_code(db) -> None:
    with pytest.raises(NotFound, match="S027"):
        db.story(999)
    with pytest.raises(NotFound, match="S027"):
        db.statement(999)


def test_stories_articles_stored_before_stories_are_clustered_later(
    feed: Path, db_target: str
) -> None:
    store = Store(db_target)
    for doc in read_paths([feed]):
        record, analysis = process(doc, "fast")
        store.add_article(record, analysis)
    store.close()
    db = sagte.open(db_target)
    assert db.cluster_pending() == 5
    assert db.cluster_pending() == 0
    assert len(db.stories()) == 2
    db.close()


def test_stories_ingesting_the_same_file_again_adds_no_sighting(db, feed: Path) -> None:
    sizes = {r["id"]: r["articles"] for r in db.stories()}
    db.ingest([feed])
    assert db.store.conn.execute("SELECT count(*) FROM article_sightings").fetchone()[0] == 1
    assert {r["id"]: r["articles"] for r in db.stories()} == sizes
