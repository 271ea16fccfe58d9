"""BIO tags read as spans, the way conlleval (and GermEval's "outer chunks") reads them:
an I- tag after O or after another class opens a span of its own."""

from __future__ import annotations

from collections.abc import Sequence


def repair(tags: Sequence[str]) -> list[str]:
    """I-X after O or another type starts a new span: make it B-X (as conlleval reads it)."""
    out: list[str] = []
    for tag in tags:
        if tag.startswith("I-") and (not out or out[-1][2:] != tag[2:] or out[-1] == "O"):
            tag = "B-" + tag[2:]
        out.append(tag)
    return out


def spans_of(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first word, end word, type) of each span in BIO tags (conlleval's chunking)."""
    out: list[tuple[int, int, str]] = []
    for i, tag in enumerate(repair(tags)):
        if tag.startswith("B-"):
            out.append((i, i + 1, tag[2:]))
        elif tag.startswith("I-"):
            first, _, kind = out[-1]
            out[-1] = (first, i + 1, kind)
    return out
