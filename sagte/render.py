"""Terminal rendering of an article with its statements (used by `sagte show`), and the
CLI's counts („1 statement“, „2 statements“)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text


def counted(n: int, noun: str) -> str:
    """„1 statement“, „2 statements“: the number and the English noun in the form it
    takes (a regular plural in -s)."""
    return f"{n} {noun if n == 1 else noun + 's'}"


_COLOURS = ["cyan", "magenta", "green", "yellow", "blue", "red", "bright_cyan", "bright_magenta"]


def render_article(
    record: dict[str, Any], statements: list[dict[str, Any]], console: Console | None = None
) -> None:
    """Print the article's paragraphs; statements are coloured by speaker and named in the margin."""
    console = console or Console()
    text = record["text"]
    colours: dict[str, str] = {}
    for s in statements:
        colours.setdefault(s["speaker"] or "?", _COLOURS[len(colours) % len(_COLOURS)])
    header = Text(record.get("title") or record["source"], style="bold")
    meta = " · ".join(
        str(v) for v in (record.get("outlet"), record.get("published"), record["id"]) if v
    )
    console.print(header)
    console.print(Text(meta, style="dim"))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(width=24, overflow="fold")
    grid.add_column(ratio=1)
    pos = 0
    for para in text.split("\n\n"):
        start = text.index(para, pos)
        end = start + len(para)
        pos = end
        body = Text(para)
        margin = Text()
        for s in statements:
            if s["end"] <= start or s["start"] >= end:
                continue
            style = colours[s["speaker"] or "?"]
            for a, b in s["message_spans"]:
                if a < end and b > start:
                    body.stylize(f"bold {style}", max(a, start) - start, min(b, end) - start)
            margin.append(f"{s['speaker'] or '?'} ({s['form']})\n", style=style)
        grid.add_row(margin, body)
        grid.add_row("", "")
    console.print(grid)
    if colours:
        legend = Text("speakers: ")
        for name, style in colours.items():
            legend.append(f"■ {name}  ", style=style)
        console.print(legend)
