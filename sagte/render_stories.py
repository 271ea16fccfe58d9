"""Terminal rendering of stories and statement clusters (`sagte story`, `sagte statement`)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text

from sagte.render import counted

__all__ = ["render_statement_cluster", "render_story"]

_ROLE_STYLE = {"original": "bold", "report": "", "copy": "dim", "identical copy": "dim"}


def _when(value: str | None) -> str:
    if not value:
        return "undated"
    return value[:16].replace("T", " ")


def render_story(
    data: dict[str, Any], storyline: bool = False, console: Console | None = None
) -> None:
    """A story (or storyline): header, timeline, articles with copies marked, statements."""
    console = console or Console()
    kind = "Storyline" if storyline else "Story"
    console.print(Text(f"{kind} {data['id']}: {data['label']}", style="bold"))
    span = " – ".join(v for v in (data.get("first"), data.get("last")) if v) or "undated"
    line = data.get("storyline")
    meta = (
        f"{span} · {counted(len(data['articles']), 'article')} "
        f"from {counted(len(data['outlets']), 'outlet')}"
    )
    if line and line.get("id") is not None:
        meta += f" · storyline {line['id']}: {line['label']}"
    console.print(Text(meta, style="dim"))
    if storyline and data.get("stories"):
        console.print(Text("\nStories", style="bold underline"))
        for s in sorted(data["stories"], key=lambda s: (s["first"] is None, s["first"] or "")):
            console.print(
                Text(
                    f"  {s['id']:>5}  {s['first'] or 'undated':<10}  {s['articles']:>3} art.  {s['label']}"
                )
            )
    console.print(Text("\nTimeline", style="bold underline"))
    for day in data["timeline"]:
        outlets = ", ".join(day["outlets"][:6]) + (" …" if len(day["outlets"]) > 6 else "")
        console.print(Text(f"  {day['day']:<10}  {day['articles']:>3}  {outlets}"))
    console.print(Text("\nArticles", style="bold underline"))
    for a in data["articles"]:
        role = a["role"]
        head = Text(f"  {_when(a['published']):<16}  ", style="dim")
        head.append(f"{(a['outlet'] or '(unknown outlet)')[:28]:<28} ", style="cyan")
        head.append(f"{role:<14} ", style="green" if role in ("original", "report") else "yellow")
        head.append(a["title"] or a["source"], style=_ROLE_STYLE.get(role, ""))
        console.print(head)
    title = "Statements" + (" (filtered by speaker)" if storyline else "")
    console.print(Text(f"\n{title}", style="bold underline"))
    if not data["statements"]:
        console.print(Text("  (none)", style="dim"))
    for s in data["statements"]:
        text = f"„{s['text']}“" if s["form"] == "direct" else s["text"]
        head = Text(f"  [{s['id']}] ", style="dim")
        head.append(s["speaker"], style="bold")
        head.append(
            f" · {s['form']} · {s['articles']} art., {counted(s['outlets'], 'outlet')}, "
            f"{counted(s['variants'], 'wording')} · first {_when(s['first_seen'])}",
            style="dim",
        )
        console.print(head)
        console.print(Text("    " + text))


def render_statement_cluster(
    data: dict[str, Any], provenance: bool = False, console: Console | None = None
) -> None:
    """A statement cluster: speaker, first seen, outlets, and each wording variant."""
    console = console or Console()
    head = Text(f"Statement {data['statement']}: ", style="bold")
    head.append(data["speaker"], style="bold cyan")
    console.print(head)
    console.print(
        Text(
            f"first seen {_when(data['first_seen'])} · "
            f"{counted(data['occurrences'], 'occurrence')} "
            f"in {counted(len(data['outlets']), 'outlet')} · "
            f"{counted(len(data['variants']), 'wording variant')}",
            style="dim",
        )
    )
    for v in data["variants"]:
        text = f"„{v['text']}“" if v["form"] == "direct" else v["text"]
        label = "first seen" if v["index"] == 0 else v["relation"]
        console.print(Text(f"\n  variant {v['index']} · {v['form']} · {label}", style="green"))
        console.print(Text("    " + text))
        if provenance:
            for o in v["occurrences"]:
                line = Text(f"      {_when(o['published']):<16}  ", style="dim")
                line.append(f"{(o['outlet'] or '(unknown outlet)')[:30]:<30} ", style="cyan")
                via = " (identical copy)" if o["via"] != "article" else ""
                line.append(f"{o['source']}{via}", style="dim")
                console.print(line)
    if provenance:
        console.print(Text("\n  Outlets (first seen)", style="bold"))
        for o in data["outlets"]:
            console.print(Text(f"    {_when(o['first_seen']):<16}  {o['outlet']}  ×{o['times']}"))
