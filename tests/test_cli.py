"""The command line, through click's CliRunner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sagte.cli import cli
from tests.conftest import SEEDS


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def filled_db(runner: CliRunner, db_target: str) -> str:
    """The seeds ingested into a SQLite file or a PostgreSQL database (`db_target`)."""
    result = runner.invoke(cli, ["ingest", *map(str, SEEDS), "--db", db_target, "-q"])
    assert result.exit_code == 0, result.output
    return db_target


def test_cli_every_command_has_help(runner: CliRunner) -> None:
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.help and "Usage" in result.output


def test_cli_extract_prints_one_json_object_per_statement(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["extract", str(SEEDS[0])])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) >= 15
    for row in rows:
        for key in (
            "article",
            "form",
            "text",
            "speaker",
            "speaker_mention",
            "cue",
            "start",
            "end",
            "confidence",
        ):
            assert key in row
        assert row["article"] == SEEDS[0].name
    first = next(r for r in rows if r["speaker_mention"] == "der Norweger")
    assert first["speaker"] == "Jens Stoltenberg" and first["cue"] == "sagte"


def test_cli_ingest_bad_files_are_reported_and_stored_articles_untouched(
    runner: CliRunner, filled_db: str, tmp_path: Path
) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (bad / "empty.txt").write_bytes(b"")
    (bad / "leer.html").write_text("<html><body><nav>Menü</nav></body></html>")
    (bad / "feed.jsonl").write_text('{"text": "kaputt"\n')
    (bad / "latin1.txt").write_bytes(
        "„Die Straße bleibt gesperrt“, sagte Bürgermeisterin Eva Schröder.".encode("cp1252")
    )
    before = runner.invoke(cli, ["statements", "--db", str(filled_db), "--format", "json"])
    result = runner.invoke(cli, ["ingest", str(bad), "--db", str(filled_db)])
    assert result.exit_code == 0
    for name in ("binary.txt", "empty.txt", "leer.html", "feed.jsonl"):
        assert name in result.stderr
    after = runner.invoke(cli, ["statements", "--db", str(filled_db), "--format", "json"])
    old, new = json.loads(before.stdout), json.loads(after.stdout)
    assert new[: len(old)] == old or all(row in new for row in old)
    schroeder = [r for r in new if r["speaker"] == "Eva Schröder"]
    assert schroeder and schroeder[0]["text"] == "Die Straße bleibt gesperrt"


def test_cli_statements_filters_and_formats(runner: CliRunner, filled_db: str) -> None:
    args = ["statements", "--db", str(filled_db)]
    result = runner.invoke(cli, [*args, "--speaker", "Selenskyj", "--format", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and {r["speaker"] for r in rows} == {"Wolodymyr Selenskyj"}
    result = runner.invoke(cli, [*args, "--form", "direct", "--format", "csv"])
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert table and {r["form"] for r in table} == {"direct"}
    result = runner.invoke(cli, [*args, "--contains", "Chemiewaffen", "--format", "json"])
    assert all("chemiewaffen" in r["text"].lower() for r in json.loads(result.stdout))
    result = runner.invoke(cli, [*args, "--form", "bogus"])
    assert result.exit_code == 2 and "bogus" in result.output
    result = runner.invoke(cli, args)
    assert "Jens Stoltenberg" in result.stdout and "statements" in result.stdout


def test_cli_speakers_lists_roles_and_counts(runner: CliRunner, filled_db: str) -> None:
    result = runner.invoke(cli, ["speakers", "--db", str(filled_db)])
    line = next(x for x in result.stdout.splitlines() if x.startswith("Jens Stoltenberg"))
    assert "NATO-Generalsekretär" in line and "in 2 articles" in line
    # a speaker quoted once, in one article, is counted in the singular
    once = next(x for x in result.stdout.splitlines() if x.startswith("Nato-Staaten"))
    assert once.endswith("— 1 statement in 1 article")


def test_cli_statements_search_finds_every_form_of_the_words(
    runner: CliRunner, filled_db: str
) -> None:
    """„What did Stoltenberg say about chemical weapons?“: the German full-text search
    finds „Chemiewaffen“ and, by a prefix, „chemischen“/„chemischer“, in both seeds;
    a query with no words is an error that says what to type."""
    args = ["statements", "--db", str(filled_db), "--speaker", "Stoltenberg", "--format", "json"]
    result = runner.invoke(cli, [*args, "--search", "Chemiewaffen OR chemisch*"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    texts = [r["text"] for r in rows]
    assert any("Chemiewaffen" in t for t in texts) and any("chemischer Waffen" in t for t in texts)
    assert all("Chemiewaffen" in t or "chemisch" in t for t in texts)
    assert {Path(r["article"]).name for r in rows} == {s.name for s in SEEDS}
    result = runner.invoke(cli, [*args, "--search", "-"])
    assert result.exit_code == 1 and "S019" in result.output


def test_cli_show_highlights_statements(runner: CliRunner, filled_db: str) -> None:
    result = runner.invoke(cli, ["show", "003_d4b674c3a880b0c5.txt", "--db", str(filled_db)])
    assert result.exit_code == 0
    assert "Selenskyj" in result.stdout and "Lesen Sie mehr" not in result.stdout
    result = runner.invoke(cli, ["show", "nichtda", "--db", str(filled_db)])
    assert result.exit_code == 1 and "S013" in result.output


def test_cli_export_formats(runner: CliRunner, filled_db: str, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "s.parquet"
    result = runner.invoke(
        cli, ["export", "--db", str(filled_db), "--format", "parquet", "-o", str(out)]
    )
    assert result.exit_code == 0
    table = pq.read_table(out)
    assert {"article_id", "start", "end", "extractor", "speaker"} <= set(table.column_names)
    jsonl = runner.invoke(cli, ["export", "--db", str(filled_db)])
    assert len(jsonl.stdout.splitlines()) == table.num_rows


def test_cli_missing_database_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["statements", "--db", str(tmp_path / "nope.db")])
    assert result.exit_code == 1 and "sagte ingest" in result.output


def test_cli_unreachable_postgresql_is_a_clear_error(runner: CliRunner) -> None:
    url = "postgresql://sagte:geheim@127.0.0.1:1/sagte"  # nothing listens on port 1
    for args in (["statements"], ["ingest", str(SEEDS[0])], ["serve"]):
        result = runner.invoke(cli, [*args, "--db", url])
        assert result.exit_code == 1, result.output
        assert "S035" in result.output and "127.0.0.1:1" in result.output
        assert "geheim" not in result.output  # the password is not shown


def test_cli_non_german_articles_are_stored_flagged_not_analysed(
    runner: CliRunner, db_target: str, tmp_path: Path
) -> None:
    feed = tmp_path / "mixed.jsonl"
    english = (
        "The defence alliance said on Thursday that it was ready to respond to any attack. "
        '"We are the strongest alliance in the world," the secretary general told reporters.'
    )
    german = (
        "„Wir sind das stärkste Bündnis der Welt“, sagte Nato-Generalsekretär Jens Stoltenberg."
    )
    feed.write_text(
        json.dumps({"id": "en", "text": english})
        + "\n"
        + json.dumps({"id": "de", "text": german})
        + "\n"
    )
    result = runner.invoke(cli, ["ingest", str(feed), "--db", db_target])
    assert result.exit_code == 0 and "1 stored unanalysed" in result.stderr
    listed = runner.invoke(cli, ["articles", "--db", db_target, "--format", "json"])
    by_lang = {a["language"]: a for a in json.loads(listed.stdout)}
    assert by_lang["en"]["analysed"] == 0 and by_lang["en"]["statements"] == 0
    assert by_lang["de"]["analysed"] == 1 and by_lang["de"]["statements"] == 1
