"""Sentences and tokens with character offsets.

Tokens come from spaCy's German tokenizer (its rules and exceptions only: no model)
with a few rules added for news text; sentences from SoMaJo's sentence splitter,
which reads those tokens. That is as good as SoMaJo's own tokenizer on the quotation
dataset (the same statements found, within 0.2 F1 points) and ten times as fast: SoMaJo
tokenised at about 15,000 tokens/s, three quarters of the rule-based extractor's time.

A `Doc` owns the normalised text once; `Sentence` and `Token` are views that
hold offsets into it. Invariant: `doc.text[tok.start:tok.end] == tok.text`.
"""

from __future__ import annotations

import importlib.abc
import re
import sys
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, pairwise
from types import FrameType
from typing import Any, Literal

from sagte.ingest.dates import PublishedDate, parse_date

Alignment = Literal["strict", "contract", "expand"]

_local = threading.local()

# Added to spaCy's German rules, where they split news text differently from SoMaJo
# (and from the quotation dataset's tokens). Quotation marks here are the double and
# angle ones: ’ ‘ ' are apostrophes as often (O’Keefe, ’Ndrangheta).
QUOTES = '„“”"»«›‹'
EXTRA_INFIXES = [
    # a quotation mark glued to the word it opens: 'sagte:„Das', 'sagte er,„wir'
    rf"(?<=[\w.,!?:;)])\ ?[{QUOTES}](?=\w)",
    # one glued to the word it closes: 'gut.“Dann', 'kommen“.Dann'
    rf"(?<=\w[.,!?:;])[{QUOTES}]",
    rf"(?<=\w)[{QUOTES}](?=[.,!?:;]\w)",
    # the punctuation glued to either: 'sagte:„Das', 'gut.“Dann', 'kommen“.Dann'
    rf"(?<=\w)[.,!?:;](?=[{QUOTES}])",
    rf"(?<=[{QUOTES}])[.,!?:;](?=\w)",
    # a colon between words: 'sagte:Wir'
    r"(?<=[a-zäöüß]):(?=\w)",
]
EXTRA_SUFFIXES = [
    # the full stop after a year ends a sentence ('im Jahr 2004.'); spaCy reads every
    # number with a dot as an ordinal ('am 3. März'), SoMaJo all but 1000-2999
    r"(?<=\b[12]\d{3})\.",
    # and after a score: 'endete 1:0.'
    r"(?<=\d:\d)\.",
    r"(?<=\d:\d\d)\.",
]
# The parts of academic titles spaCy splits at their full stop, which then ends a
# sentence („Prof. Dr. med. | Anna Schmidt“)
ACADEMIC_TITLES = ("med.", "phil.", "rer.", "nat.", "jur.", "pol.", "oec.", "h.c.")
# Kept whole: an apostrophe between letters belongs to a name (O’Keefe, D’Alema,
# N’Golo) or a word (geht’s), where spaCy splits it off.
APOSTROPHE_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)+")
_ORDINAL = re.compile(r"\d+\.")
_NUMBER = re.compile(r"[\d.,:/+\-]+")
# A dateline opening a paragraph (Ortsmarke) is a sentence of its own, or the
# sentence it opens would have „Berlin (dpa) – Angela Merkel“ as its subject: one
# place („Berlin – “, „Kiew/Brüssel – “), or places with an agency or country in
# brackets and a date („Frankfurt am Main (dpa) – “, „Jakarta (Indonesien),
# 12.03.2010 – “, Wikinews' form), or a date alone. Several capitalised words before a
# dash need the brackets or the date: „Die Bundesregierung – Kanzlerin Merkel an der
# Spitze – hat …“ opens no dateline, nor does a pronoun („Er – und das ist neu – …“),
# nor a time („Momentan - 16:01 Uhr - liegt …“) or a result („Ghana - Australien: 1:1“).
_PLACE = r"[A-ZÄÖÜ][\w'’.-]*(?:/[A-ZÄÖÜ][\w'’.-]*)*"
_PLACES = rf"{_PLACE}(?: (?:am|an der|{_PLACE})){{0,3}}"
_DATE = r"\d{1,2}\. ?(?:\d{1,2}\. ?\d{2,4}|[A-ZÄ][a-zä]+ \d{4})"
DATELINE = re.compile(
    r"(?!(?:Er|Sie|Es|Das|Der|Die|Dies|Wir|Ich|Man|Und|Aber|Doch|Auch|So)\b)"
    rf"(?:{_PLACE}|{_PLACES} \([^()\n]{{1,40}}\)(?:, {_DATE})?|{_PLACES}, {_DATE}|{_DATE})"
    r" [–—-] (?=[A-ZÄÖÜ„»\"])(?![\w-]+:)"
)
# A live ticker's time opening a paragraph („09.12 Uhr: Finanzminister Lars Klingbeil
# verteidigt den Etat.“) is a sentence of its own, as a dateline is.
TIMESTAMP = re.compile(r"\d{1,2}[.:]\d{2}(?: Uhr:?|:) (?=[A-ZÄÖÜ„»\"])")
_NUMERIC_DATE = re.compile(r"\d{1,2}\. ?\d{1,2}\. ?\d{4}")
# spaCy keeps a capital letter and its full stop as one token, an initial („Jens X.
# Müller“); before a word that opens sentences and no surname, the stop ends one:
# „schrieb Merz auf der Plattform X. Wer arbeite, …“, „Angeklagt ist Anna M. Die …“.
_LETTER_STOP = re.compile(r"[A-ZÄÖÜ]\.")
_OPENERS = frozenset(
    {
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem",
        "einer", "er", "sie", "es", "wir", "ich", "man", "wer", "was", "dies", "diese",
        "dieser", "dieses", "damit", "dabei", "daher", "deshalb", "doch", "auch",
        "aber", "und", "zudem", "dort", "dann", "so", "in", "im", "am", "an", "auf",
        "aus", "bei", "mit", "nach", "für", "laut", "seit", "vor", "zum", "zur", "nun",
        "noch",
    }
)  # fmt: skip
# spaCy keeps every token string it meets in its vocabulary; past this many the
# tokenizer is built afresh (0.1 s), so a long ingest does not grow without bound.
MAX_STRINGS = 1_000_000


class _TorchHiddenFromThinc(importlib.abc.MetaPathFinder):
    """Refuses torch to thinc's `compat` module alone, while spaCy is imported.

    `import spacy` imports thinc, spaCy's machine-learning layer, whose `compat`
    imports torch whenever it is installed (explosion/thinc#894 made TensorFlow lazy;
    torch is still imported eagerly): 1.4 s and 250 MB more for a tokenizer that uses
    neither, tripling the start of `sagte extract --fast`. Only an import made from
    thinc.compat is refused, so another thread importing torch meanwhile gets it.
    """

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name.partition(".")[0] == "torch":
            frame: FrameType | None = sys._getframe(1)
            while frame is not None:
                if frame.f_globals.get("__name__") == "thinc.compat":
                    raise ImportError("sagte: thinc runs without torch here (tokenizer only)")
                frame = frame.f_back
        return None


def _import_spacy() -> Any:
    """spaCy, imported without torch unless something has imported torch already."""
    if "spacy" in sys.modules or "torch" in sys.modules:
        import spacy

        return spacy
    finder = _TorchHiddenFromThinc()
    sys.meta_path.insert(0, finder)
    try:
        import spacy
    finally:
        sys.meta_path.remove(finder)
    return spacy


def _tools() -> tuple[Any, Any]:
    """This thread's spaCy tokenizer and SoMaJo sentence splitter."""
    tools = getattr(_local, "tools", None)
    if tools is None or len(tools[0].vocab.strings) > MAX_STRINGS:
        from somajo.sentence_splitter import SentenceSplitter

        spacy = _import_spacy()
        from spacy.attrs import ORTH
        from spacy.util import compile_infix_regex, compile_suffix_regex

        nlp = spacy.blank("de")
        tokenizer: Any = nlp.tokenizer
        defaults: Any = nlp.Defaults
        tokenizer.infix_finditer = compile_infix_regex([*defaults.infixes, *EXTRA_INFIXES]).finditer
        tokenizer.suffix_search = compile_suffix_regex([*defaults.suffixes, *EXTRA_SUFFIXES]).search
        tokenizer.token_match = APOSTROPHE_WORD.fullmatch
        tokenizer.rules = {
            word: tokens for word, tokens in tokenizer.rules.items() if not _emoticon(word)
        }
        for title in ACADEMIC_TITLES:  # „Prof. Dr. med. Anna Schmidt“: one name
            tokenizer.add_special_case(title, [{ORTH: title}])
        _only_needed_attributes(nlp.vocab)
        tools = _local.tools = (tokenizer, SentenceSplitter(language="de_CMC"))
    return tools


def _emoticon(word: str) -> bool:
    """Whether one of spaCy's exceptions is an emoticon („):“, „:-)“, „^_^“), which it
    keeps whole: in news text „Christian Lindner (FDP): „…““ closes a bracket before
    a colon."""
    return (
        not any(ch.isalnum() or ch.isspace() for ch in word) and word not in _QUOTATION_EXCEPTIONS
    )


_QUOTATION_EXCEPTIONS = frozenset({"'", "''", "``", '\\")'})


# The lexical attributes `_kind` and `_sentences` read; spaCy computes all two dozen
# of them in Python for every new word it meets, a fifth of the tokenizer's time.
_ATTRIBUTES = ("IS_SPACE", "LIKE_URL", "LIKE_EMAIL")


def _only_needed_attributes(vocab: Any) -> None:
    from spacy.attrs import IDS

    needed = {IDS[name] for name in _ATTRIBUTES}
    getters = vocab.lex_attr_getters
    for attribute in [a for a in getters if a not in needed]:
        del getters[attribute]


def _kind(tok: Any, text: str) -> str:
    """A coarse token class of a spaCy token with its `text`, named as SoMaJo names
    its classes."""
    if text.isalpha():  # most tokens: no URL, address, number or abbreviation
        return "regular"
    if tok.like_url:
        return "URL"
    if tok.like_email:
        return "email"
    if not any(c.isalnum() for c in text):
        return "symbol"
    if _ORDINAL.fullmatch(text):
        return "ordinal"
    if _NUMBER.fullmatch(text):
        return "number"
    if len(text) > 1 and text.endswith("."):
        return "abbreviation"
    return "regular"


@dataclass(slots=True, frozen=True)
class Token:
    """A token: `start`/`end` index the doc text; `kind` is its class: regular,
    abbreviation, number, ordinal, symbol, URL or email."""

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
    for p, (offset, end) in enumerate(paragraphs):
        for sentence in _sentences(text[offset:end]):
            first = len(doc.tokens)
            for start, stop, kind in sentence:
                doc.tokens.append(Token(doc, len(doc.tokens), offset + start, offset + stop, kind))
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


def dateline_date(text: str, paragraphs: Sequence[tuple[int, int]]) -> PublishedDate | None:
    """The date in a dateline opening one of the first two paragraphs („Jakarta
    (Indonesien), 12.03.2010 – “, the headline being the first), for an article that
    carries no date of its own; None if there is none or it is no real date."""
    for start, end in paragraphs[:2]:
        line = DATELINE.match(text, start, end)
        date = _NUMERIC_DATE.search(line.group()) if line else None
        if date:
            try:
                return parse_date(date.group())
            except ValueError:  # 31.02.2010
                return None
    return None


def _sentences(chunk: str) -> Iterator[list[tuple[int, int, str]]]:
    """The sentences of one paragraph, each a list of (start, end, kind) tokens."""
    from somajo.token import Token as SoMaJoToken

    tokenizer, splitter = _tools()
    toks = [t for t in tokenizer(chunk) if not t.is_space]
    if not toks:
        return
    texts = [t.text for t in toks]  # spaCy makes a new string at every `.text`
    spans = [
        (t.idx, t.idx + len(text), _kind(t, text)) for t, text in zip(toks, texts, strict=True)
    ]
    stops = [
        k
        for k in range(len(texts) - 1)
        if _LETTER_STOP.fullmatch(texts[k])
        and texts[k + 1].lower() in _OPENERS
        and texts[k + 1][:1].isupper()
    ]
    for k in reversed(stops):
        start = spans[k][0]
        spans[k : k + 1] = [(start, start + 1, "regular"), (start + 1, start + 2, "symbol")]
        texts[k : k + 1] = [texts[k][0], "."]
    # The splitter tells an opening from a closing quotation mark ('"', '“') by the
    # space around it, which only its Token objects carry; its public split() takes
    # bare strings, so every such mark would look like an opening one.
    split = getattr(splitter, "_split_token_objects", None)
    if split is None:  # another SoMaJo version: bare strings
        sentences = splitter.split(texts)
        bounds = list(accumulate(len(s) for s in sentences))
    else:
        space_after = [a[1] < b[0] for a, b in pairwise(spans)] + [False]
        objects = [
            SoMaJoToken(text, space_after=sp) for text, sp in zip(texts, space_after, strict=True)
        ]
        _, bounds = split(objects)
    if dateline := DATELINE.match(chunk) or TIMESTAMP.match(chunk):
        bounds = sorted({*bounds, bisect_left([a for a, _, _ in spans], dateline.end())})
    first = 0
    for last in bounds:
        if last > first:
            yield spans[first:last]
        first = last
