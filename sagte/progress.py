"""The progress bar of long jobs: articles done, articles/s and time left."""

from __future__ import annotations

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Items per second over rich's recent window ("12.3 articles/s")."""

    def __init__(self, unit: str = "articles") -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} {self.unit}/s" if speed else f"– {self.unit}/s", style="cyan")


def article_progress(
    console: Console,
    label: str,
    disable: bool = False,
    unit: str = "articles",
    statements: bool = True,
) -> Progress:
    """A progress bar for `label`; with `statements`, tasks carry a `statements` field
    shown at the end."""
    count = [TextColumn("{task.fields[statements]} statements")] if statements else []
    return Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(unit),
        RateColumn(unit),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        *count,
        console=console,
        disable=disable,
        transient=False,
    )
