"""Sentences and tokens with character offsets, by SoMaJo.

A `Doc` owns the normalised text once; `Sentence` and `Token` are views that
hold offsets into it. Invariant: `doc.text[tok.start:tok.end] == tok.text`.
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

Alignment = Literal["strict", "contract", "expand"]

_local = threading.local()


def _tokenizer():
    """One SoMaJo instance per thread: building it reads its lexicons (~0.3 s)."""
    tok = getattr(_local, "somajo", None)
    if tok is None:
        from somajo import SoMaJo

        tok = SoMaJo("de_CMC", split_camel_case=False, split_sentences=True, character_offsets=True)
        _skip_emoji_free_text(tok)
        _local.somajo = tok
    return tok


def _skip_emoji_free_text(somajo: Any) -> None:
    """Let SoMaJo look for emoji only in text that has an emoji character.

    Its `_split_emojis` runs an uncompiled `regex` search on every grapheme of every
    token: half its time on German news, which has almost no emoji. A text without a
    character of that search's class gives it no boundary, so skipping the text leaves
    the tokens as they were (a test compares both on text with emoji). Without the
    method (another SoMaJo version), nothing changes but the speed.
    """
    import regex

    inner: Any = getattr(somajo, "_tokenizer", None)
    split = getattr(inner, "_split_emojis", None)
    if split is None:
        return
    emoji = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F]")

    def split_emojis(node: Any, token_class: str = "emoticon") -> None:
        if emoji.search(node.value.text):
            split(node, token_class)

    inner._split_emojis = split_emojis


@dataclass(slots=True, frozen=True)
class Token:
    """A token: `start`/`end` index the doc text; `kind` is SoMaJo's token class."""

    doc: Doc = field(repr=False, compare=False)
    i: int
    start: int
    end: int
    kind: str

    @property
    def text(self) -> str:
        return self.doc.text[self.start : self.end]

    @property
    def is_upper(self) -> bool:
        return self.text[:1].isupper()


@dataclass(slots=True, frozen=True)
class Sentence:
    """A sentence: a token range `[first, last)` and its character span."""

    doc: Doc = field(repr=False, compare=False)
    i: int
    start: int
    end: int
    first: int
    last: int
    paragraph: int

    @property
    def text(self) -> str:
        return self.doc.text[self.start : self.end]

    @property
    def tokens(self) -> Sequence[Token]:
        return self.doc.tokens[self.first : self.last]


@dataclass(slots=True)
class Doc:
    text: str
    paragraphs: list[tuple[int, int]]
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)
    _ends: list[int] = field(default_factory=list, repr=False)

    def token_range(
        self, start: int, end: int, mode: Alignment = "expand"
    ) -> tuple[int, int] | None:
        """Token indices `[i, j)` for the character span `[start, end)`.

        `strict` needs the span to fall on token boundaries, `contract` keeps only
        tokens wholly inside, `expand` takes every token the span touches. Returns
        None when no token qualifies (or, for `strict`, the boundaries don't line up).
        """
        if mode not in ("strict", "contract", "expand"):
            raise ValueError(f"mode must be strict, contract or expand, got {mode!r}")
        if mode == "expand":
            i, j = bisect_right(self._ends, start), bisect_left(self._starts, end)
        else:
            i, j = bisect_left(self._starts, start), bisect_right(self._ends, end)
            if mode == "strict" and (
                i >= len(self.tokens)
                or self.tokens[i].start != start
                or j == 0
                or self.tokens[j - 1].end != end
            ):
                return None
        return (i, j) if i < j else None

    def sentence_of(self, token_index: int) -> Sentence:
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].first <= token_index:
                lo = mid
            else:
                hi = mid - 1
        return self.sentences[lo]


def segment(text: str, paragraphs: list[tuple[int, int]] | None = None) -> Doc:
    """Split normalised text into sentences and tokens (paragraph by paragraph)."""
    if paragraphs is None:
        paragraphs = [(0, len(text))] if text else []
    doc = Doc(text, paragraphs)
    chunks = [text[s:e] for s, e in paragraphs]
    for p, sentence in _iter_sentences(chunks):
        offset = paragraphs[p][0]
        first = len(doc.tokens)
        for tok in sentence:
            start, end = tok.character_offset
            doc.tokens.append(
                Token(doc, len(doc.tokens), offset + start, offset + end, tok.token_class)
            )
        if len(doc.tokens) > first:
            doc.sentences.append(
                Sentence(
                    doc,
                    len(doc.sentences),
                    doc.tokens[first].start,
                    doc.tokens[-1].end,
                    first,
                    len(doc.tokens),
                    p,
                )
            )
    doc._starts = [t.start for t in doc.tokens]
    doc._ends = [t.end for t in doc.tokens]
    return doc


def _iter_sentences(chunks: list[str]):
    """Yield (paragraph index, SoMaJo sentence) pairs."""
    tokenizer = _tokenizer()
    for p, chunk in enumerate(chunks):
        for sentence in tokenizer.tokenize_text([chunk]):
            yield p, sentence
