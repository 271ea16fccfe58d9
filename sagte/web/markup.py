"""HTML for highlighted text and charts, built from offsets.

All article text is untrusted: every piece of it goes through `escape` before it
is wrapped in a tag, and the tags and attributes themselves come only from this
module (class names, numeric ids). Templates receive `Markup` only from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from markupsafe import Markup, escape

from sagte.text.normalise import Alignment

MIN_WEEKS = 16
PALETTE = 12  # CSS classes sp-0 … sp-11 (speakers) and out-0 … out-11 (outlets)


@dataclass(slots=True, frozen=True)
class Mark:
    """One annotation of a text region: its kind, a colour class and a statement id."""

    start: int
    end: int
    kind: str  # "msg" (message), "cue", "who" (speaker mention) or "hit" (search match)
    colour: int | None = None
    statement: int | None = None


def highlight(text: str, marks: Iterable[Mark], lo: int = 0, hi: int | None = None) -> Markup:
    """`text[lo:hi]` as HTML with each mark's region wrapped in spans.

    Overlapping marks are cut into segments; a segment inside several messages
    takes the colour of the shortest one and lists every statement id in `data-s`.
    """
    hi = len(text) if hi is None else hi
    marks = [m for m in marks if m.end > lo and m.start < hi and m.end > m.start]
    cuts = {lo, hi}
    for m in marks:
        cuts.add(max(m.start, lo))
        cuts.add(min(m.end, hi))
    points = sorted(cuts)
    out: list[str] = []
    anchored: set[int] = set()
    for a, b in zip(points, points[1:], strict=False):
        piece = str(escape(text[a:b]))
        active = [m for m in marks if m.start <= a and m.end >= b]
        if not active:
            out.append(piece)
            continue
        for m in active:
            if m.kind == "msg" and m.statement is not None and m.statement not in anchored:
                anchored.add(m.statement)
                out.append(f'<a class="anchor" id="s{int(m.statement)}"></a>')
        if any(m.kind == "hit" for m in active):
            piece = f"<mark>{piece}</mark>"
        for kind in ("cue", "who"):
            if any(m.kind == kind for m in active):
                piece = f'<span class="{kind}">{piece}</span>'
        messages = sorted((m for m in active if m.kind == "msg"), key=lambda m: m.end - m.start)
        if messages:
            colour = messages[0].colour
            cls = f"msg sp-{int(colour) % PALETTE}" if colour is not None else "msg sp-x"
            ids = " ".join(str(int(m.statement)) for m in messages if m.statement is not None)
            piece = f'<span class="{cls}" data-s="{ids}">{piece}</span>'
        out.append(piece)
    return Markup("".join(out))


def paragraphs(text: str, marks: Sequence[Mark]) -> list[Markup]:
    """The normalised text's paragraphs (split at blank lines), each highlighted."""
    out = []
    pos = 0
    for para in text.split("\n\n"):
        start = text.index(para, pos)
        end = start + len(para)
        pos = end
        out.append(highlight(text, marks, start, end))
    return out


def raw_marks(marks: Iterable[Mark], alignment: list[list[int]]) -> list[Mark]:
    """The marks moved from normalised offsets to raw-text offsets."""
    align = Alignment.from_list(alignment)
    moved = []
    for m in marks:
        start, end = align.span_to_raw(m.start, m.end)
        moved.append(Mark(start, end, m.kind, m.colour, m.statement))
    return moved


def statement_marks(statement: dict[str, Any], colour: int | None, cues: bool = True) -> list[Mark]:
    """The message (and cue and speaker mention) marks of one statement record."""
    sid = statement["id"]
    marks = [Mark(s, e, "msg", colour, sid) for s, e in statement["message_spans"]]
    if cues:
        marks += [Mark(s, e, "cue") for s, e in statement["cue_spans"]]
        if statement["speaker_span"]:
            s, e = statement["speaker_span"]
            marks.append(Mark(s, e, "who"))
    return marks


def speaker_key(statement: dict[str, Any]) -> str:
    """What statements are coloured by: the speaker entity, else the mention text."""
    if statement["speaker"]:
        return f"e{statement['speaker']['id']}"
    return f"m{statement['speaker_mention'] or '?'}"


# -- charts ---------------------------------------------------------------------
def week_chart(weekly: list[dict[str, Any]], outlets: list[str], label: str) -> Markup:
    """A stacked bar chart (inline SVG) of statements per week, one colour per outlet.

    Args:
        weekly: `[{"week": "2022-03-07", "outlets": {"Südbote": 3}}, …]` (Mondays).
        outlets: the outlets in legend order (colour i is outlet i).
        label: the chart's accessible name.
    """
    if not weekly:
        return Markup("")
    last = date.fromisoformat(weekly[-1]["week"])
    # At least MIN_WEEKS on the axis, so a few weeks of data do not become wide blocks.
    first = min(date.fromisoformat(weekly[0]["week"]), last - timedelta(weeks=MIN_WEEKS - 1))
    n = (last - first).days // 7 + 1
    counts = {w["week"]: w["outlets"] for w in weekly}
    peak = max(sum(w["outlets"].values()) for w in weekly)
    width, height, left, bottom, top = 1000, 190, 36, 28, 10
    bar = (width - left - 10) / n
    scale = (height - bottom - top) / peak
    colour = {o: i % PALETTE for i, o in enumerate(outlets)}
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for tick in sorted({0, peak // 2, peak}):
        y = height - bottom - tick * scale
        parts.append(
            f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" class="axis" text-anchor="end">{tick}</text>'
        )
    last_month = ""
    for i in range(n):
        monday = first + timedelta(weeks=i)
        x = left + i * bar
        y = height - bottom
        for outlet, count in sorted(counts.get(monday.isoformat(), {}).items()):
            h = count * scale
            y -= h
            title = f"{outlet or '?'}: {count} · {monday.isoformat()}"
            parts.append(
                f'<rect x="{x + 1:.1f}" y="{y:.1f}" width="{max(bar - 2, 1):.1f}" '
                f'height="{h:.1f}" class="out-{colour.get(outlet, 0)}">'
                f"<title>{escape(title)}</title></rect>"
            )
        month = monday.strftime("%Y-%m")
        if month != last_month and (n <= 60 or monday.month in (1, 4, 7, 10)):
            parts.append(f'<text x="{x:.1f}" y="{height - 8}" class="axis">{escape(month)}</text>')
        last_month = month
    parts.append("</svg>")
    return Markup("".join(parts))


def timeline(articles: list[dict[str, Any]], outlets: list[str], label: str) -> Markup:
    """Articles as dots on a time axis, one row per outlet (inline SVG; dots link)."""
    dated = [(a, date.fromisoformat(_day(a["published"]))) for a in articles if a["published"]]
    if not dated:
        return Markup("")
    first = min(d for _, d in dated)
    last = max(d for _, d in dated)
    span = max((last - first).days, 1)
    row_h, left, width = 34, 170, 800
    height = row_h * len(outlets) + 30
    parts = [
        f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    rows = {o: i for i, o in enumerate(outlets)}
    for outlet, i in rows.items():
        y = 20 + i * row_h
        parts.append(
            f'<text x="{left - 10}" y="{y + 4}" class="axis" text-anchor="end">'
            f"{escape(_clip(outlet or '?', 24))}</text>"
            f'<line x1="{left}" x2="{width - 20}" y1="{y}" y2="{y}" class="grid"/>'
        )
    for a, day in dated:
        x = left + (day - first).days / span * (width - left - 40)
        y = 20 + rows.get(a["outlet"] or "", 0) * row_h
        title = f"{day.isoformat()} · {a['outlet'] or '?'} · {a['title'] or a['source']}"
        parts.append(
            f'<a href="/articles/{escape(a["id"])}"><circle cx="{x:.1f}" cy="{y}" r="7" '
            f'class="out-{rows.get(a["outlet"] or "", 0) % PALETTE}">'
            f"<title>{escape(title)}</title></circle></a>"
        )
    for day in (first, last):
        x = left + (day - first).days / span * (width - left - 40)
        parts.append(
            f'<text x="{x:.1f}" y="{height - 4}" class="axis" text-anchor="middle">'
            f"{day.isoformat()}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _day(published: str) -> str:
    """The first day a published value can mean (2022-03 → 2022-03-01)."""
    value = published[:10]
    if len(value) == 4:
        return f"{value}-01-01"
    if len(value) == 7:
        return f"{value}-01"
    return value


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
