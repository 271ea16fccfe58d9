"""The two seed articles: one storyline (NATO and chemical weapons), two stories (two events)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import sagte
from sagte.cli import cli
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with sagte.open(path, mode="fast") as db:
        db.ingest(SEEDS)
    return path


def _placement(db) -> dict[str, tuple[int, int]]:
    rows = db.store.conn.execute(
        "SELECT a.source, s.story_id, s.storyline_id FROM article_stories s "
        "JOIN articles a ON a.id = s.article_id"
    )
    return {Path(r[0]).name[:3]: (r[1], r[2]) for r in rows}


def test_seeds_one_storyline_two_stories(seeded: Path) -> None:
    with sagte.open(seeded, readonly=True) as db:
        placed = _placement(db)
    (story_a, line_a), (story_b, line_b) = placed["000"], placed["003"]
    assert line_a == line_b  # NATO's response to a possible chemical-weapons attack
    assert story_a != story_b  # the 24 March summit and the 16 March ministers' meeting


def test_seeds_stoltenberg_chemical_weapons_statements_from_both_in_the_storyline(
    seeded: Path,
) -> None:
    with sagte.open(seeded, readonly=True) as db:
        line = _placement(db)["000"][1]
        data = db.storyline(line, speaker="Stoltenberg")
    assert {s["speaker"] for s in data["statements"]} == {"Jens Stoltenberg"}
    chemical = [s for s in data["statements"] if "Chemiewaffen" in s["text"]]
    sources = {Path(src).name[:3] for s in chemical for src in s["sources"]}
    assert sources == {"000", "003"}


def test_seeds_cli_stories_story_and_statement(seeded: Path) -> None:
    runner = CliRunner()
    listed = runner.invoke(cli, ["stories", "--db", str(seeded), "--format", "json"])
    assert listed.exit_code == 0, listed.output
    assert "Stoltenberg" in listed.output
    lines = runner.invoke(cli, ["stories", "--storylines", "--db", str(seeded), "--format", "csv"])
    assert lines.exit_code == 0 and lines.output.count("\n") == 2  # header and one storyline
    with sagte.open(seeded, readonly=True) as db:
        story_id, line_id = _placement(db)["000"]
    shown = runner.invoke(cli, ["story", str(story_id), "--db", str(seeded)])
    assert shown.exit_code == 0, shown.output
    assert "Timeline" in shown.output and "000_610fb5c8facdbb16.txt" in shown.output
    filtered = runner.invoke(
        cli, ["story", str(line_id), "--storyline", "--speaker", "Stoltenberg", "--db", str(seeded)]
    )
    assert filtered.exit_code == 0 and "Chemiewaffen" in filtered.output
    provenance = runner.invoke(cli, ["statement", "2", "--provenance", "--db", str(seeded)])
    assert provenance.exit_code == 0, provenance.output
    assert (
        "Jens Stoltenberg" in provenance.output and "000_610fb5c8facdbb16.txt" in provenance.output
    )
    missing = runner.invoke(cli, ["story", "999", "--db", str(seeded)])
    assert missing.exit_code == 1 and "S027" in missing.output


def test_seeds_placement_does_not_depend_on_the_order(tmp_path: Path) -> None:
    with sagte.open(tmp_path / "reverse.db", mode="fast") as db:
        db.ingest([SEEDS[1]])
        db.ingest([SEEDS[0]])
        placed = _placement(db)
    assert placed["000"][1] == placed["003"][1] and placed["000"][0] != placed["003"][0]
