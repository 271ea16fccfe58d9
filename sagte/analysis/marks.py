"""Pair quotation marks of every German and Swiss style, paragraph by paragraph."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sagte.analysis import mood

# opener → the characters that close it
_CLOSERS = {
    "„": '“”"',
    "»": "«",
    "«": "»",
    "‚": "‘’'",
    "“": "”",
    "‹": "›",
    "›": "‹",
    '"': '"',
    "'": "'",
    "‘": "’",
}
_MARKS = frozenset(_CLOSERS) | frozenset("“”’«»›‹")
_DOUBLE = frozenset('„»«“"')
_OPEN_BEFORE = frozenset(" \t\n([{–—-/„»«‚\"'“")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quotation: `open`/`close` are the mark positions; the content is `[open+1, close)`."""

    open: int
    close: int
    closed: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


def _opens(text: str, i: int) -> bool:
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev in _OPEN_BEFORE or i == 0) and not nxt.isspace()


def _closes(text: str, i: int) -> bool:
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not prev.isspace() and (not nxt.isalnum())


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Every quotation in `text`, nested ones included, sorted by opening position.

    A double quotation still open at the end of its paragraph is closed there
    (German news leaves the closing mark off a quote that runs on), with
    `closed=False`; a single one is dropped (it was an apostrophe).
    """
    spans: list[QuoteSpan] = []
    for p_start, p_end in paragraphs:
        stack: list[tuple[str, int]] = []
        for i in range(p_start, p_end):
            ch = text[i]
            if ch not in _MARKS:
                continue
            if stack and ch in _CLOSERS[stack[-1][0]]:
                opener, pos = stack[-1]
                if opener not in "\"'" or _closes(text, i):
                    stack.pop()
                    spans.append(QuoteSpan(pos, i))
                    continue
            if ch in _CLOSERS and _opens(text, i):
                stack.append((ch, i))
        for opener, pos in stack:
            if opener in _DOUBLE:
                spans.append(QuoteSpan(pos, p_end, closed=False))
    return sorted(spans, key=lambda q: q.open)


def run_on_quotations(
    text: str, paragraphs: list[tuple[int, int]], quotes: list[QuoteSpan]
) -> list[tuple[int, int]]:
    """The text that continues a quotation its paragraph before left open, from the
    paragraph's start to the closing mark that ends it: „Wir erhöhen den Druck.
    ¶ Die Beschäftigten haben lange genug gewartet.“ Not where the paragraph opens a
    quotation first (the convention that marks each paragraph of a long quotation
    with an opening mark: `find_quotes` finds those whole)."""
    left_open = {q.close: q for q in quotes if not q.closed}
    marks = {m for q in quotes for m in (q.open, q.close)}
    out = []
    for (_, before), (start, end) in zip(paragraphs, paragraphs[1:], strict=False):
        opened = left_open.get(before)
        if opened is None:
            continue
        for i in range(start, end):
            if i in marks:
                break  # a quotation of its own opens first
            if text[i] in _CLOSERS[text[opened.open]]:
                out.append((start, i))
                break
    return out


# the marks that close a double quotation
DOUBLE_CLOSERS = frozenset("".join(_CLOSERS[opener] for opener in _DOUBLE))
_OPENING_MARKS = _DOUBLE | {"‚", "‘", "›", "‹"}
_CLOSING_MARKS = _MARKS | _DOUBLE


def with_marks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Message spans grown over the quotation marks right around them: „Wir helfen“ for
    Wir helfen (the quotation dataset counts the marks as part of a direct message)."""
    out = []
    for start, end in spans:
        if start > 0 and text[start - 1] in _OPENING_MARKS:
            start -= 1
        if end < len(text) and text[end] in _CLOSING_MARKS:
            end += 1
        out.append((start, end))
    return out


def without_marks(spans: list[tuple[int, int]], quotes: list[QuoteSpan]) -> list[tuple[int, int]]:
    """Message spans without the quotation marks around them: Wir helfen for „Wir
    helfen“, the product's convention (`with_marks` grows them back). A closing mark
    is cut only with its opening one: „eklatante Verletzung“ at the end of an indirect
    message stays whole."""
    closes = {q.open: q.close for q in quotes if q.closed}
    cut = {closes[start] for start, _ in spans if start in closes}
    out = []
    for start, end in spans:
        start += start in closes
        end -= end - 1 in cut
        if start < end:
            out.append((start, end))
    return out


def balanced(spans: list[tuple[int, int]], quotes: list[QuoteSpan]) -> list[tuple[int, int]]:
    """Message spans grown to the quotations they cut: a span that holds the opening
    mark of a quotation runs on to its closing one, and one that holds a closing mark
    starts at its opening one („riesige Boa von“ → „riesige Boa von 13 Metern Länge“)."""
    out = []
    for start, end in spans:
        for q in quotes:
            if start <= q.open < end < q.close + 1 and q.closed:
                end = q.close + 1
            elif q.open < start <= q.close < end:
                start = q.open
        out.append((start, end))
    return out


# Words a name or title may hold in lower case between its capitalised ones: „Rat für
# nationale Sicherheit“ is no name, „Dschungel von Calais“, „Public Library of Science“ are
_NAME_LINKS = frozenset(
    {
        *("für", "der", "die", "das", "des", "dem", "den", "zur", "zum", "von", "vom"),
        *("und", "mit", "unter", "gegen", "in", "im", "am", "an", "auf", "aus", "bei", "zu"),
        *("of", "the", "and", "for", "to", "on", "de", "la", "le", "du", "del", "et", "y"),
    }
)


def words_said(quoted: str) -> bool:
    """Whether a quotation can be words someone said: two or more words that do not
    only name something (`names_only`)."""
    return len(quoted.split()) >= 2 and not names_only(quoted)


def names_only(quoted: str) -> bool:
    """Whether a quotation's text only names something: it opens with a capital or a
    number and every other word is capitalised, a number or a link word of a name
    (`_NAME_LINKS`), with no sentence-final punctuation. A title or name in quotation
    marks („Der Spiegel“, „Nord Stream 2“, „Rat für Demokratische Reform“), not words
    someone said („völlig unrealistisch“, „Wir sind bereit.“). In the quotation
    dataset's training data the link words turn 11 quotations into names, 8 of them
    rightly (not annotated as statements)."""
    words = [w.strip(".,;:!?()[]'\"") for w in quoted.split()]
    words = [w for w in words if w]
    if not words:
        return True  # nothing said: „“
    if quoted.rstrip()[-1:] in ".!?" and len(words) > 1:
        return False
    capital = [w[:1].isupper() or w[:1].isdigit() for w in words]
    return capital[0] and all(
        c or w.lower() in _NAME_LINKS for c, w in zip(capital, words, strict=True)
    )


def only_names(text: str, quote: QuoteSpan, names: Sequence[tuple[int, int]]) -> bool:
    """Whether a quotation sets off a name or term the capitals do not tell
    (`names_only` does): every word inside lies within one of `names` (character
    spans of the names the entity tagger found: „Infratest dimap“, „Ärzte ohne
    Grenzen“), or HanTa reads its two or more words all as foreign words or names
    („sine glossa“, `mood.foreign`). Not words someone said."""
    start, end = quote.inner
    inside = [(a, b) for a, b in names if a < end and start < b]
    chars = [i for i in range(start, end) if text[i].isalnum()]
    if inside and chars and all(any(a <= i < b for a, b in inside) for i in chars):
        return True
    words = [w.strip(".,;:!?()[]'\"") for w in text[start:end].split()]
    return mood.foreign([w for w in words if w])
