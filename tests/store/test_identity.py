"""Canonical entities across articles and the corrections made by hand (issue 4).

Tests taking `db_target` run on SQLite and on PostgreSQL (tests/conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from sagte.api import Database
from sagte.cli import cli
from sagte.errors import NotFound, SagteError
from sagte.ingest import RawDocument, parse_date
from sagte.pipeline import process

KYIV = (
    "„Wir werden unser Land verteidigen“, sagte der ukrainische Präsident Wolodymyr Selenskyj "
    "am Mittwoch in Kiew. Er rief den Westen zu weiteren Waffenlieferungen auf."
)
WIRE = "Präsident Volodymyr Zelensky sagte, die Ukraine brauche mehr Luftabwehr."
BARE = "„Die Lage ist ernst“, sagte Selenskyj am Abend in einer Videobotschaft."
NATO = "„Die Nato ist bereit“, sagte NATO-Generalsekretär Jens Stoltenberg in Brüssel."
NAMESAKE = "„Das Brot wird teurer“, sagte Bäckermeister Jens Stoltenberg aus Bergen."


def add(db: Database, text: str, name: str, published: str = "2022-03-02") -> str:
    doc = RawDocument(
        source=name,
        raw=text,
        format="text",
        outlet=name.split("-")[0],
        published=parse_date(published),
    )
    return db.add(*process(doc, "fast")).article_id


def speaker_of(db: Database, article_id: str) -> str:
    [row] = db.store.conn.execute(
        "SELECT e.name FROM statements s JOIN entities e ON e.id = s.speaker_id "
        "WHERE s.article_id = ? LIMIT 1",
        (article_id,),
    ).fetchall()
    return str(row[0])


def test_transliterations_and_a_bare_surname_are_one_person(db_target: str) -> None:
    with Database(db_target, mode="fast") as db:
        first = add(db, KYIV, "tagesschau-1")
        wire = add(db, WIRE, "reuters-1", "2022-03-03")
        bare = add(db, BARE, "zdf-1", "2022-03-04")
        assert speaker_of(db, first) == speaker_of(db, wire) == speaker_of(db, bare)
        assert speaker_of(db, wire) == "Wolodymyr Selenskyj"  # the first spelling stays
        why = db.why_merged("Wolodymyr Selenskyj", "Volodymyr Zelensky")
        assert why["same"]
        reasons = {v["name"]: v["reason"] for v in why["evidence"]}
        assert reasons["Volodymyr Zelensky"] == "spelling"
        assert reasons["Selenskyj"] == "surname"
        profile = db.entity("Zelensky")
        assert profile["name"] == "Wolodymyr Selenskyj"
        assert [r["role"] for r in profile["roles"]] == ["Präsident der Ukraine", "Präsident"]
        assert profile["roles"][0]["first_seen"] == "2022-03-02"
        assert [(a["name"], a["first_seen"]) for a in profile["affiliations"]] == [
            ("Ukraine", "2022-03-02")
        ]
        assert {o["outlet"]: o["statements"] for o in profile["outlets"]} == {
            "tagesschau": 2,  # "Er rief … auf" is his too
            "reuters": 1,
            "zdf": 1,
        }
        assert profile["months"] == [{"month": "2022-03", "statements": 4}]


def test_a_bare_surname_among_namesakes_stays_unresolved(db_target: str) -> None:
    with Database(db_target, mode="fast") as db:
        nato = add(db, NATO, "a")
        baker = add(db, NAMESAKE.replace("Jens", "Anna"), "b")
        bare = add(db, "„Wir bleiben wachsam“, sagte Stoltenberg.", "c")
        assert speaker_of(db, nato) == "Jens Stoltenberg"
        assert speaker_of(db, baker) == "Anna Stoltenberg"
        assert speaker_of(db, bare) == "Stoltenberg"  # nobody decides between the two
        assert not db.why_merged("Jens Stoltenberg", "Anna Stoltenberg")["same"]
        # a role decides: only the secretary general is "Nato-Chef"
        chef = add(db, "„Wir bleiben wachsam“, sagte Nato-Chef Stoltenberg.", "d")
        assert speaker_of(db, chef) == "Jens Stoltenberg"


def test_corrections_survive_reprocessing(db_target: str) -> None:
    with Database(db_target, mode="fast") as db:
        a = add(db, NATO, "a")
        b = add(db, NAMESAKE, "b")
        # the full names are equal, so sagte merged the baker with the secretary general
        assert speaker_of(db, a) == speaker_of(db, b)
        baker = db.correct_entity("split", "Jens Stoltenberg", b)
        db.correct_entity("rename", str(baker), "Jens Stoltenberg (Bäcker)")
        secretary = db.correct_entity("alias", "NATO-Generalsekretär Jens Stoltenberg", "Nato-Chef")
        c = add(db, "„Keine Eskalation“, sagte Nato-Chef am Montag.", "c")
        moved = db.store.conn.execute(
            "SELECT count(*) FROM statements WHERE speaker_id = ?", (secretary,)
        ).fetchone()[0]
        assert speaker_of(db, b) == "Jens Stoltenberg (Bäcker)"
        list(db.reprocess("fast"))
        assert speaker_of(db, a) == "Jens Stoltenberg"
        assert speaker_of(db, b) == "Jens Stoltenberg (Bäcker)"
        assert (
            db.store.conn.execute(
                "SELECT count(*) FROM statements WHERE speaker_id = ?", (secretary,)
            ).fetchone()[0]
            == moved
        )
        assert c
        ops = [r[0] for r in db.store.conn.execute("SELECT op FROM entity_corrections ORDER BY id")]
        assert ops == ["split", "rename", "alias"]


def test_merge_by_hand_survives_reprocessing(db_target: str) -> None:
    with Database(db_target, mode="fast") as db:
        a = add(db, NATO, "a")
        b = add(
            db, "„Wir stehen zusammen“, sagte Nato-Chef Stoltenbergs Sprecher Dylan White.", "b"
        )
        white = speaker_of(db, b)
        assert white != speaker_of(db, a)
        db.correct_entity("merge", "Jens Stoltenberg", white)
        assert speaker_of(db, b) == "Jens Stoltenberg"
        list(db.reprocess("fast"))
        assert speaker_of(db, b) == "Jens Stoltenberg"
        assert db.why_merged("Jens Stoltenberg", white)["same"]


def test_entity_cli_show_why_merged_and_corrections(tmp_path: Path) -> None:
    db_file = str(tmp_path / "cli.db")
    with Database(db_file, mode="fast") as db:
        add(db, KYIV, "tagesschau-1")
        add(db, WIRE, "reuters-1", "2022-03-03")
    runner = CliRunner()
    out = runner.invoke(cli, ["entity", "show", "Zelensky", "--db", db_file])
    assert out.exit_code == 0, out.output
    assert "Wolodymyr Selenskyj" in out.output and "Präsident der Ukraine  2022-03-02" in out.output
    assert "Volodymyr Zelensky  (spelling" in out.output
    out = runner.invoke(cli, ["why-merged", "Selenskyj", "Volodymyr Zelensky", "--db", db_file])
    assert out.exit_code == 0 and out.output.startswith("merged: both are Wolodymyr Selenskyj")
    out = runner.invoke(
        cli, ["why-merged", "der ukrainische Präsident", "Selenskyj", "--db", db_file]
    )
    assert out.exit_code == 1 and "S052" in out.output  # part of a name, no mention of its own
    with Database(db_file, mode="fast") as db:
        add(db, NATO + " „Wir stehen zusammen“, sagte der Norweger.", "dpa-1")
    out = runner.invoke(cli, ["why-merged", "Stoltenberg", "der Norweger", "--db", db_file])
    assert out.exit_code == 0, out.output
    assert out.output.startswith("'der Norweger' names no entity: as a descriptor it stands for")
    assert "merged: both are Jens Stoltenberg" in out.output
    out = runner.invoke(cli, ["entity", "alias", "add", "Selenskyj", "Selensky", "--db", db_file])
    assert out.exit_code == 0, out.output
    out = runner.invoke(cli, ["entity", "show", "Olaf Scholz", "--db", db_file])
    assert out.exit_code == 1 and "S052" in out.output


def test_a_surname_seen_before_the_full_name_joins_it_later(db_target: str) -> None:
    with Database(db_target, mode="fast") as db:
        early = add(db, "„Wir sind bereit“, sagte Nato-Chef Stoltenberg am Montag.", "a")
        assert speaker_of(db, early) == "Stoltenberg"  # nobody of that name is known yet
        late = add(db, NATO, "b", "2022-03-05")
        assert speaker_of(db, early) == speaker_of(db, late) == "Jens Stoltenberg"
        [variant] = [
            v
            for v in db.why_merged("Jens Stoltenberg", "Nato-Chef Stoltenberg")["evidence"]
            if v["name"] == "Stoltenberg"
        ]
        assert variant["reason"] == "surname" and "(later)" in variant["detail"]


def test_statements_by_any_name_variant_with_the_role_quoted_under(db_target: str) -> None:
    with Database(db_target, mode="fast") as db:
        add(db, KYIV, "tagesschau-1")
        add(db, WIRE, "reuters-1", "2022-03-03")
        rows = db.statements(speaker="Zelensky")
        assert len(rows) == 3 and {r["speaker"] for r in rows} == {"Wolodymyr Selenskyj"}
        assert [r["speaker_role"] for r in rows] == [
            "Präsident der Ukraine",
            "Präsident der Ukraine",
            "Präsident",
        ]


def test_why_merged_explains_a_descriptor_by_its_mentions(db_target: str) -> None:
    """„der Norweger“ names no entity; its mentions stand for Jens Stoltenberg, and
    `why_merged` says so, article by article. A pronoun that stands for two people
    is ambiguous (S053); words no mention reads are not found (S052)."""
    text = (
        "„Die Nato ist bereit“, sagte NATO-Generalsekretär Jens Stoltenberg in Brüssel. "
        "„Wir stehen zusammen“, sagte der Norweger. Er warnte vor einer Eskalation."
    )
    with Database(db_target, mode="fast") as db:
        article = add(db, text, "dpa-1")
        add(db, KYIV, "tagesschau-1")
        why = db.why_merged("Stoltenberg", "der Norweger")
        assert why["same"] and why["b"]["name"] == "Jens Stoltenberg"
        assert why["mentions"]["a"] == []
        assert why["mentions"]["b"] == [
            {"article_id": article, "entity_id": why["b"]["id"], "kind": "descriptor", "n": 1}
        ]
        assert db.why_merged("DER NORWEGER", "Jens Stoltenberg")["same"]
        with pytest.raises(SagteError, match="S053"):
            db.why_merged("er", "Jens Stoltenberg")
        with pytest.raises(NotFound, match="S052"):
            db.why_merged("der Schwede", "Jens Stoltenberg")
