"""Quotation-attribution evaluation against the German news quotation dataset.

The dataset (Petersen-Frey & Biemann, LREC-COLING 2024) has one JSON file per
article: `documentName`, `originalText`, `tokens` (objects with `id`, `text`,
`charBegin`, `charEnd`) and `annotations`, one per statement, each with the roles
`quote` (the message), `speaker`, `cue`, `frame` and `addressee` as
`{spans, text, tokenIds}`, plus `type` and `medium`.

Prediction (`predict_document`): the product runs end to end on `originalText`
(`sagte.api.analyse_text`); only `documentName`, `originalText` and `tokens` are
read. Each statement's spans index the normalised text; they are mapped back to
`originalText` through the `Alignment` of `normalise(originalText)` and then onto
every token they overlap by at least one character. The result is a document in
the dataset's own format (the extra keys `rule` and `confidence` say which rule
produced a statement).

Scoring (`QuoteScorer`), per document:

1. Predicted and gold statements are paired one-to-one by the Hungarian method
   (`scipy.optimize.linear_sum_assignment`), maximising the sum over pairs of the
   token-overlap F1 of their messages, plus 0.01 when the types agree and 0.001
   when the media agree (bonuses only where the overlap is above zero, so they
   only break ties). Pairs whose messages share no token are not pairs.
2. For every pair and every role (quote, speaker, cue, frame, addressee) the
   token counts TP = |gold ∩ predicted|, FP = |predicted − gold| and
   FN = |gold − predicted| make one item. An unpaired prediction gives one item
   per non-empty role with all its tokens FP; an unpaired gold statement one item
   per non-empty role with all its tokens FN.
3. Over the whole corpus, precision is the mean of TP/(TP+FP) over the items whose
   TP+FP is not zero, recall the mean of TP/(TP+FN) over the items whose TP+FN is
   not zero, and F1 the harmonic mean of the two averages. A role that both sides
   leave empty counts for neither.

Reported: Message (the quote role only), Roles (speaker, cue, frame and addressee
items pooled), Joint (all five roles pooled), each role on its own, the share of
pairs whose type and whose medium agree, and counts by type and by rule for
debugging (how many gold statements of a type found a partner, the type
confusion over pairs, micro token counts).

Folds: `fold_of` puts each document in one of five folds by a hash of its
`documentName`; fold 0 is the validation fold (`evaluate(..., validation_only=True)`
scores only it, `evaluate(..., fold=n)` fold n). Every fold is unseen data for the
rules; the neural tagger has seen the folds its metadata names (`saw_validation_fold`).
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from sagte.analysis import Mode, resolve_mode, wordlists
from sagte.analysis.marks import find_quotes, names_only, only_names, with_marks, words_said
from sagte.analysis.model import FINE_TYPES, Analysis, Mention, Span, Statement, name_spans
from sagte.api import analyse_text
from sagte.text import Alignment, normalise

ROLES = ("quote", "speaker", "cue", "frame", "addressee")
ARGUMENT_ROLES = ROLES[1:]
FOLDS = 5
VALIDATION_FOLD = 0
TYPE_BONUS = 0.01
MEDIUM_BONUS = 0.001

# The product's medium names are the dataset's; the short and reversed forms are
# accepted so that an extractor that writes "S" or "WS" still maps.
_MEDIUM = {
    "speech": "Speech",
    "s": "Speech",
    "writing": "Writing",
    "w": "Writing",
    "thought": "Thought",
    "t": "Thought",
    "sw": "SW",
    "ws": "SW",
    "st": "ST",
    "ts": "ST",
    "tw": "TW",
    "wt": "TW",
}
_FORM_TYPE = {
    "direct": "Direct",
    "indirect": "Indirect",
    "mixed": "Indirect",
    "reported": "Reported",
    "free_indirect": "IndirectFreeIndirect",
}
_SEARCH_WINDOW = 64  # how far past the previous token a string token may start

Progress = bool | Callable[[int, int], None]


# -- tokens --------------------------------------------------------------------


def align_tokens(text: str, tokens: Sequence[str]) -> list[tuple[int, int]]:
    """Character offsets of string tokens in `text`, found left to right.

    A token is looked for within a short window after the previous one; one that is
    not found there (the tokeniser changed it) gets an empty span and overlaps
    nothing, and the search goes on from where it was.
    """
    offsets: list[tuple[int, int]] = []
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lowered
        lowered = text
    pos = 0
    for token in tokens:
        token = token.strip()
        if not token:
            offsets.append((pos, pos))
            continue
        limit = pos + _SEARCH_WINDOW + len(token)
        start = text.find(token, pos, limit)
        if start < 0:
            start = lowered.find(token.lower(), pos, limit)
        if start < 0:
            offsets.append((pos, pos))
            continue
        offsets.append((start, start + len(token)))
        pos = start + len(token)
    return offsets


def token_offsets(doc: dict[str, Any]) -> list[tuple[int, int]]:
    """`(charBegin, charEnd)` of each of the document's tokens, by token id.

    Tokens are objects with `charBegin`/`charEnd` (the dataset's form) or plain
    strings, which are aligned to `originalText` (see `align_tokens`).
    """
    tokens = doc.get("tokens") or []
    if tokens and all(isinstance(t, dict) and "charBegin" in t for t in tokens):
        ids = [int(t.get("id", i)) for i, t in enumerate(tokens)]
        offsets = [(0, 0)] * (max(ids) + 1)
        for i, t in zip(ids, tokens, strict=True):
            offsets[i] = (int(t["charBegin"]), int(t["charEnd"]))
        return offsets
    texts = [t if isinstance(t, str) else str(t.get("text", "")) for t in tokens]
    return align_tokens(doc.get("originalText", "") or "", texts)


class TokenIndex:
    """Finds the tokens that a character span overlaps."""

    def __init__(self, offsets: Sequence[tuple[int, int]]) -> None:
        self.offsets = list(offsets)
        order = sorted(
            (i for i, (s, e) in enumerate(self.offsets) if e > s), key=lambda i: self.offsets[i]
        )
        self._ids = order
        self._starts = [self.offsets[i][0] for i in order]
        self._ends = [self.offsets[i][1] for i in order]

    def overlapping(self, start: int, end: int) -> list[int]:
        """Ids of the tokens sharing at least one character with `[start, end)`."""
        if end <= start:
            return []
        lo = bisect_right(self._ends, start)
        hi = bisect_left(self._starts, end)
        ids = []
        for k in range(lo, hi):
            s, e = self._starts[k], self._ends[k]
            if s < end and e > start:
                ids.append(self._ids[k])
        return sorted(ids)

    def role(self, ids: Iterable[int], raw: str) -> dict[str, Any]:
        """A role in the dataset's format: contiguous token runs as spans, and text."""
        token_ids = sorted(set(ids))
        spans: list[dict[str, int]] = []
        for i in token_ids:
            if spans and spans[-1]["end"] == i:
                spans[-1]["end"] = i + 1
                spans[-1]["charEnd"] = self.offsets[i][1]
            else:
                s, e = self.offsets[i]
                spans.append({"begin": i, "end": i + 1, "charBegin": s, "charEnd": e})
        text = " ".join(raw[s["charBegin"] : s["charEnd"]] for s in spans)
        return {"spans": spans, "text": text, "tokenIds": token_ids}


# -- prediction ----------------------------------------------------------------


def medium_name(medium: str | None) -> str:
    """The dataset's medium for the product's (`Speech` when unknown)."""
    return _MEDIUM.get((medium or "").strip().lower(), "Speech")


def type_name(statement: Statement) -> str:
    """The dataset's type for a statement: its `fine_type`, else one from its form."""
    if statement.fine_type in FINE_TYPES:
        return statement.fine_type
    return _FORM_TYPE.get(statement.form, "Indirect")


_PREPOSITION_CUES = frozenset({"nach", "laut", "zufolge", "gemäß"})
_SENTENCE_TYPES = frozenset({"Reported", "FreeIndirect", "IndirectFreeIndirect"})
_ANAPHOR = re.compile(r"[.!?]? ?(?:Dies|Das|Diese|Dieses)\b")


@dataclass(slots=True)
class DatasetSpans:
    message: list[Span]
    speaker: list[Span]
    cue: list[Span]
    frame: list[Span]


def dataset_spans(text: str, statement: Statement) -> DatasetSpans:
    """A statement's spans in the quotation dataset's conventions, which differ from
    the product's in these ways:

    - messages include the quotation marks right around them („Wir helfen“);
    - a prepositional attribution is the frame, not part of the message: the product
      says „Ein Tatverdacht bestehe nach Angaben der Bundesanwaltschaft nicht mehr“
      (the sentence, as the seeds' gold has it), the dataset „Ein Tatverdacht
      bestehe … nicht mehr“ with the frame „nach Angaben der Bundesanwaltschaft“;
    - its cue is the bare preposition (476 of 479 gold cues that start with
      nach/laut/zufolge) and the speaker takes the noun: „nach“ + „Angaben der
      Polizei“ where the product has „nach Angaben“ + „der Polizei“; and a speaker
      phrase starts at its determiner („das Gericht“);
    - a Reported statement's message is its whole clause, verb included, and has no
      cue and no frame of its own (291 and 297 of its 297 gold statements): „Die
      Behörden werfen Luna Menschenhandel vor“;
    - the message of an anaphoric report runs on over its anaphor: „Das Kirchenrecht
      sieht den Rücktritt vor. Dies“ (bestätigte der Vatikan; 20 of 24);
    - a message that stands as a sentence of its own (Reported, FreeIndirect,
      IndirectFreeIndirect) ends with the sentence's full stop (651 of 674 gold
      statements that end at one), an indirect one before it (1,252 of 1,257)."""
    message = with_marks(text, statement.message)
    if message:
        message[-1] = _full_stop(text, message[-1], type_name(statement) in _SENTENCE_TYPES)
        anaphor = _ANAPHOR.match(text, message[-1][1])
        if statement.rule == "anaphoric_report" and anaphor:
            message[-1] = (message[-1][0], anaphor.end())
    speaker = [_with_tail(text, statement.speaker)] if statement.speaker else []
    cue, frame = list(statement.cue), list(statement.frame)
    if type_name(statement) == "Reported" and all(
        any(a <= s and e <= b for a, b in message) for s, e in cue
    ):
        cue, frame = [], []
    if len(cue) == 1 and (words := list(_WORD.finditer(text, *cue[0]))):
        start, end = cue[0]
        first = words[0].group().lower()
        if first in _PREPOSITION_CUES and speaker:
            speaker = [_source_phrase(text, end, speaker[0])]
        if first in _PREPOSITION_CUES or words[-1].group().lower() == "zufolge":
            parts = [cue[0], *speaker]
            attribution = (min(s for s, _ in parts), max(e for _, e in parts))
            if _gap_free(text, attribution, parts):
                cut = _without(text, message, attribution)
                if cut:
                    message, frame = cut, sorted([*frame, attribution])
            elif len(words) > 1 and first in _PREPOSITION_CUES:
                # „Die Feuerwehr hat nach eigenen Angaben …“: the source is the phrase
                cut = _without(text, message, cue[0])
                if cut:
                    message, frame = cut, sorted([*frame, cue[0]])
                    speaker = [(words[1].start(), end)]
        if len(words) > 1 and first in _PREPOSITION_CUES:
            cue = [words[0].span()]
            if speaker and speaker[0][0] >= end and not text[end : speaker[0][0]].strip():
                speaker = [(words[1].start(), speaker[0][1])]
    if speaker:
        s, e = speaker[0]
        before = _LAST_WORD.search(text, max(0, s - 8), s)
        if (
            before
            and before.group(1).lower() in wordlists.DETERMINERS
            and not any(a <= before.start(1) < b for a, b in cue)
        ):
            speaker = [(before.start(1), e)]
    return DatasetSpans(message, speaker, cue, frame)


def _full_stop(text: str, span: Span, sentence: bool) -> Span:
    """A message span with (`sentence`) or without the full stop that ends it."""
    start, end = span
    if sentence and text.startswith(".", end):
        return start, end + 1
    if not sentence and end - start > 1 and text[end - 1] == ".":
        return start, len(text[start : end - 1].rstrip()) + start
    return span


def _with_tail(text: str, speaker: Span) -> Span:
    """A speaker span grown over names in quotation marks and parentheses right after
    it: des Magazins „Der Spiegel“, der Atomenergie-Organisation (IAEO)."""
    start, end = speaker
    while tail := _SPEAKER_TAIL.match(text, end):
        if tail.group(1) is not None and not names_only(tail.group(1)):
            break
        end = tail.end()
    return start, end


def _source_phrase(text: str, cue_end: int, speaker: Span) -> Span:
    """The whole source after a prepositional cue: „nach [Angaben] seines Anwalts“
    (the noun the cue left between), „des Ombudsmans [für Menschenrechte]“ (a
    prepositional phrase with a name after it)."""
    start, end = speaker
    if 0 < start - cue_end <= 20 and _BETWEEN.fullmatch(text, cue_end, start):
        start = cue_end + len(text[cue_end:start]) - len(text[cue_end:start].lstrip())
    if tail := _SOURCE_TAIL.match(text, end):
        end = tail.end()
    return start, end


def _gap_free(text: str, outer: Span, parts: list[Span]) -> bool:
    """Whether `parts` cover `outer` up to whitespace: the cue and speaker side by side."""
    covered = [False] * (outer[1] - outer[0])
    for a, b in parts:
        for k in range(max(a, outer[0]), min(b, outer[1])):
            covered[k - outer[0]] = True
    return all(c or text[outer[0] + k].isspace() for k, c in enumerate(covered))


def _without(text: str, spans: list[Span], cut: Span) -> list[Span]:
    """`spans` minus `cut`, each piece stripped of spaces and commas at its edges."""
    out = []
    for a, b in spans:
        for lo, hi in ((a, min(b, cut[0])), (max(a, cut[1]), b)):
            while lo < hi and (text[lo].isspace() or text[lo] == ","):
                lo += 1
            while hi > lo and (text[hi - 1].isspace() or text[hi - 1] == ","):
                hi -= 1
            if lo < hi:
                out.append((lo, hi))
    return out if out != spans else []


_WORD = re.compile(r"\w[\w-]*")
_LAST_WORD = re.compile(r"\b(\w+) $")
_BETWEEN = re.compile(r" [A-ZÄÖÜ][a-zäöüß]+( von)? ")
_SOURCE_TAIL = re.compile(
    r" (?:für|von|aus|in|bei)(?: (?:der|dem|des|den|die))?(?: [A-ZÄÖÜ][\w-]*){1,3}"
)
_SPEAKER_TAIL = re.compile(r" ?[„\"»]([^„“\"«»\n]{1,60})[“\"«]| ?\(([^()\n]{1,40})\)")


def statement_annotation(
    statement: Statement,
    alignment: Alignment,
    index: TokenIndex,
    raw: str,
    ident: int,
    text: str | None = None,
) -> dict[str, Any]:
    """One predicted statement as a dataset annotation (offsets mapped to raw tokens).

    With the normalised `text`, the spans follow the dataset's conventions
    (`dataset_spans`)."""

    def ids(spans: Iterable[Span]) -> list[int]:
        out: set[int] = set()
        for start, end in spans:
            raw_start, raw_end = alignment.span_to_raw(start, end)
            out.update(index.overlapping(raw_start, raw_end))
        return sorted(out)

    if text:
        own = dataset_spans(text, statement)
    else:
        speaker = [statement.speaker] if statement.speaker else []
        own = DatasetSpans(statement.message, speaker, statement.cue, statement.frame)
    roles = {
        "quote": own.message,
        "speaker": own.speaker,
        "cue": own.cue,
        "frame": own.frame,
        "addressee": statement.addressee,
    }
    annotation: dict[str, Any] = {"id": ident}
    for role, spans in roles.items():
        annotation[role] = index.role(ids(spans), raw)
    annotation["type"] = type_name(statement)
    annotation["medium"] = medium_name(statement.medium)
    annotation["isNested"] = False
    annotation["hasNested"] = False
    annotation["rule"] = statement.rule
    annotation["confidence"] = round(statement.confidence, 3)
    return annotation


def _mark_nesting(annotations: list[dict[str, Any]]) -> None:
    """Set `isNested`/`hasNested`: a message lying inside another one's message."""
    quotes = [set(a["quote"]["tokenIds"]) for a in annotations]
    for i, inner in enumerate(quotes):
        for j, outer in enumerate(quotes):
            if i != j and inner and inner < outer:
                annotations[i]["isNested"] = True
                annotations[j]["hasNested"] = True


def inherited_speakers(
    text: str, statements: Sequence[Statement], mentions: Sequence[Mention] = ()
) -> list[Statement]:
    """The statements, each one without a speaker mention of its own but with a
    speaker (a continuation: „Es gebe …“) given a mention as the dataset annotates
    them: a subject pronoun among its first words („Er forderte …“, „Allerdings
    zeigte er sich …“; not an inner „sie“, as often plural or an object), else the
    speaker's mention nearest before it, in `mentions` („An die Adresse der
    Stabilitätswächter hatte Steinbrück Positives zu vermelden. Erstmals sei …“) or
    of the last statement by the same speaker."""
    last: dict[int, Span] = {}
    out = []
    for statement in sorted(statements, key=lambda s: s.start):
        entity = statement.speaker_entity
        if entity is not None:
            if statement.speaker is not None:
                last[entity] = statement.speaker
            elif entity in last:
                start, end = statement.message[0]
                head = _LEAD_PRONOUN.match(text, start, end)
                speaker = (
                    head.span(head.lastindex or 0)
                    if head
                    else max(
                        (
                            (m.start, m.end)
                            for m in mentions
                            if m.entity == entity and last[entity][1] <= m.start and m.end <= start
                        ),
                        default=last[entity],
                    )
                )
                statement = replace(statement, speaker=speaker)
        out.append(statement)
    return out


_LEAD_PRONOUN = re.compile(r"(Sie|Er)\b|(?:\w+\W+){1,3}?\b(er)\b(?![„“\"])")


_JOINED_TYPES = frozenset({"IndirectFreeIndirect", "FreeIndirect"})


def joined_free_indirect(text: str, statements: Sequence[Statement]) -> list[Statement]:
    """The statements with each run of free indirect sentences of one type by one
    speaker (`_same_speaker`), side by side in a paragraph, made one statement, as the
    dataset annotates them („Es gebe immer das Risiko. Man müsse vorsichtig sein.“):
    84 of its 316 IndirectFreeIndirect statements run over more than one sentence, and
    of 113 pairs of such sentences side by side 109 are one statement (FreeIndirect:
    26 of 28). Joining runs whose source the article leaves open as well (no speaker
    in either) raised Message F1 on the four validation folds, each scored with a
    tagger trained without it, from 81.40 to 81.65 (accurate mode, rules v12), and
    on all 700 training documents in fast mode from 75.18 to 75.57; FreeIndirect runs
    added 0.12 in fast mode."""
    out: list[Statement] = []
    for statement in sorted(statements, key=lambda s: s.start):
        last = out[-1] if out else None
        if (
            last is not None
            and type_name(last) == type_name(statement) in _JOINED_TYPES
            and _same_speaker(last, statement)
            and _SENTENCE_GAP.fullmatch(text, last.end, statement.start)
        ):
            first, then = sorted(last.message), sorted(statement.message)
            joined = (first[-1][0], then[0][1])
            out[-1] = replace(last, message=[*first[:-1], joined, *then[1:]])
        else:
            out.append(statement)
    return out


_SENTENCE_GAP = re.compile(r"[.!?]? ?")


def _same_speaker(a: Statement, b: Statement) -> bool:
    """Whether two statements have one speaker: one entity, or where neither has
    one, the same speaker span or none at all."""
    if a.speaker_entity is not None or b.speaker_entity is not None:
        return a.speaker_entity == b.speaker_entity
    return a.speaker == b.speaker


def _nested_in_dataset(quoted: str) -> bool:
    """Whether the dataset makes a quotation inside a message a Direct statement: two or
    more words that are not a name or title, or one word in lower case („sei
    „inakzeptabel““: 16 of 21 in the training data, against 8 of 49 capitalised single
    words, mostly names and terms: „Deutschlandfunk“, „Sozialismus“)."""
    words = quoted.split()
    if len(words) == 1:
        return words[0][:1].islower()
    return words_said(quoted)


def nested_quotations(
    text: str, statements: Sequence[Statement], names: Sequence[Span] = ()
) -> list[Statement]:
    """The statements and, as the dataset annotates them, each quotation inside a
    non-direct message as a Direct statement of its own with the same roles („Die
    Pläne seien „völlig unrealistisch“, sagte sie“): in the training data 201 of 260
    such quotations of two or more words are annotated so, but titles or names („Der
    Spiegel“) are not statements, nor are most single words (`_nested_in_dataset`).
    The product itself never takes a single word for a statement. The accurate tagger
    adds the longer ones itself; this adds them to the rules' statements. All
    messages: fast mode Message F1 70.80 -> 70.98 with the single words."""
    quotes = [q for q in find_quotes(text, [(0, len(text))]) if q.closed]
    quotes = [
        q
        for q in quotes
        if _nested_in_dataset(text[q.open + 1 : q.close]) and not only_names(text, q, names)
    ]
    direct = {tuple(with_marks(text, s.message)) for s in statements if s.form == "direct"}
    out = list(statements)
    for statement in statements:
        if statement.form == "direct":
            continue
        for q in quotes:
            message = [(q.open, q.close + 1)]
            inside = any(a <= q.open and q.close < b for a, b in statement.message)
            if inside and tuple(message) not in direct:
                direct.add(tuple(message))
                out.append(
                    replace(
                        statement,
                        form="direct",
                        fine_type="Direct",
                        message=message,
                        confidence=statement.confidence * 0.9,
                        rule=f"{statement.rule}_nested",
                    )
                )
    return sorted(out, key=lambda s: s.start)


def document_from_analysis(
    doc: dict[str, Any], analysis: Analysis, alignment: Alignment
) -> dict[str, Any]:
    """The dataset-format prediction for `doc` from an analysis of its normalised text."""
    raw = doc.get("originalText", "")
    index = TokenIndex(token_offsets(doc))
    annotations = [
        statement_annotation(s, alignment, index, raw, i, analysis.text)
        for i, s in enumerate(
            nested_quotations(
                analysis.text,
                inherited_speakers(
                    analysis.text,
                    joined_free_indirect(analysis.text, analysis.statements),
                    analysis.mentions,
                ),
                name_spans(analysis.mentions),
            )
        )
    ]
    annotations = [a for a in annotations if a["quote"]["tokenIds"]]
    for i, a in enumerate(annotations):
        a["id"] = i
    _mark_nesting(annotations)
    return {"documentName": doc.get("documentName", ""), "annotations": annotations}


def predict_document(doc_json: dict[str, Any], mode: Mode = "auto") -> dict[str, Any]:
    """Run the product on a dataset document and return its statements in the dataset format.

    Reads `documentName`, `originalText` and `tokens` only, never `annotations`.
    A statement whose message maps onto no token is left out.
    """
    raw = doc_json.get("originalText", "") or ""
    norm = normalise(raw)
    if not norm.text.strip():
        return {"documentName": doc_json.get("documentName", ""), "annotations": []}
    analysis = analyse_text(raw, mode)
    if analysis.text != norm.text:
        raise RuntimeError(
            "sagte.api.analyse_text no longer analyses normalise(text): "
            "sagte.eval.quotes cannot map its offsets back"
        )
    return document_from_analysis(doc_json, analysis, norm.alignment)


# -- scoring -------------------------------------------------------------------


def role_tokens(annotation: dict[str, Any], role: str) -> frozenset[int]:
    """The token ids of one role of an annotation (from `tokenIds`, else `spans`)."""
    value = annotation.get(role) or {}
    ids = value.get("tokenIds")
    if ids is None:
        ids = [i for s in value.get("spans", []) for i in range(int(s["begin"]), int(s["end"]))]
    return frozenset(int(i) for i in ids)


def overlap_f1(a: frozenset[int], b: frozenset[int]) -> float:
    """Token-overlap F1 (Dice coefficient) of two token sets."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def pair_statements(
    gold: Sequence[dict[str, Any]], pred: Sequence[dict[str, Any]]
) -> list[tuple[int, int, float]]:
    """One-to-one pairs `(gold index, predicted index, message F1)`, best total first.

    Hungarian assignment on message F1 (+`TYPE_BONUS` for equal types,
    +`MEDIUM_BONUS` for equal media, where the F1 is above zero); pairs whose
    messages share no token are dropped.
    """
    if not gold or not pred:
        return []
    g_quotes = [role_tokens(a, "quote") for a in gold]
    p_quotes = [role_tokens(a, "quote") for a in pred]
    f1 = np.zeros((len(gold), len(pred)))
    score = np.zeros((len(gold), len(pred)))
    for i, g in enumerate(g_quotes):
        for j, p in enumerate(p_quotes):
            value = overlap_f1(g, p)
            if value <= 0:
                continue
            f1[i, j] = value
            bonus = TYPE_BONUS if gold[i].get("type") == pred[j].get("type") else 0.0
            if gold[i].get("medium") == pred[j].get("medium"):
                bonus += MEDIUM_BONUS
            score[i, j] = value + bonus
    rows, cols = linear_sum_assignment(score, maximize=True)
    pairs = zip(rows.tolist(), cols.tolist(), strict=True)
    return [(i, j, float(f1[i, j])) for i, j in pairs if f1[i, j] > 0]


@dataclass(slots=True)
class _Mean:
    total: float = 0.0
    n: int = 0

    def add(self, value: float) -> None:
        self.total += value
        self.n += 1

    def merge(self, other: _Mean) -> None:
        self.total += other.total
        self.n += other.n

    @property
    def value(self) -> float | None:
        return self.total / self.n if self.n else None


@dataclass(slots=True)
class _Tally:
    """Item-averaged precision and recall plus micro token counts for some roles."""

    precision: _Mean = field(default_factory=_Mean)
    recall: _Mean = field(default_factory=_Mean)
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def item(self, tp: int, fp: int, fn: int) -> None:
        if tp + fp:
            self.precision.add(tp / (tp + fp))
        if tp + fn:
            self.recall.add(tp / (tp + fn))
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    def merge(self, other: _Tally) -> None:
        self.precision.merge(other.precision)
        self.recall.merge(other.recall)
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def as_dict(self) -> dict[str, Any]:
        p, r = self.precision.value, self.recall.value
        f1 = None
        if p is not None and r is not None:
            f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": _round(p),
            "recall": _round(r),
            "f1": _round(f1),
            "precision_items": self.precision.n,
            "recall_items": self.recall.n,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass(slots=True)
class DocumentScore:
    """How one document's statements were paired."""

    name: str
    pairs: list[tuple[int, int, float]]
    unpaired_gold: list[int]
    unpaired_pred: list[int]


class QuoteScorer:
    """Accumulates the scores of documents; `result()` reports them (module docstring)."""

    def __init__(self) -> None:
        self.roles = {role: _Tally() for role in ROLES}
        self.documents = 0
        self.pairs = 0
        self.type_agree = 0
        self.medium_agree = 0
        self.gold_types: Counter[str] = Counter()
        self.pred_types: Counter[str] = Counter()
        self.gold_paired: Counter[str] = Counter()
        self.pred_paired: Counter[str] = Counter()
        self.gold_media: Counter[str] = Counter()
        self.pred_media: Counter[str] = Counter()
        self.confusion: Counter[tuple[str, str]] = Counter()
        self.recall_by_type: dict[str, _Mean] = {}
        self.precision_by_type: dict[str, _Mean] = {}
        self.rules: Counter[str] = Counter()
        self.rules_paired: Counter[str] = Counter()
        self.precision_by_rule: dict[str, _Mean] = {}

    def add(self, gold_doc: dict[str, Any], pred_doc: dict[str, Any]) -> DocumentScore:
        """Score one document (gold and prediction in the dataset format)."""
        gold = list(gold_doc.get("annotations") or [])
        pred = list(pred_doc.get("annotations") or [])
        pairs = pair_statements(gold, pred)
        self.documents += 1
        for a in gold:
            self.gold_types[str(a.get("type"))] += 1
            self.gold_media[str(a.get("medium"))] += 1
        for a in pred:
            self.pred_types[str(a.get("type"))] += 1
            self.pred_media[str(a.get("medium"))] += 1
            self.rules[str(a.get("rule", "?"))] += 1
        paired_gold = {i for i, _, _ in pairs}
        paired_pred = {j for _, j, _ in pairs}
        for i, j, _ in pairs:
            g, p = gold[i], pred[j]
            g_type, p_type = str(g.get("type")), str(p.get("type"))
            self.pairs += 1
            self.type_agree += g_type == p_type
            self.medium_agree += g.get("medium") == p.get("medium")
            self.gold_paired[g_type] += 1
            self.pred_paired[p_type] += 1
            self.rules_paired[str(p.get("rule", "?"))] += 1
            self.confusion[(g_type, p_type)] += 1
            for role in ROLES:
                gt, pt = role_tokens(g, role), role_tokens(p, role)
                self.roles[role].item(len(gt & pt), len(pt - gt), len(gt - pt))
            gq, pq = role_tokens(g, "quote"), role_tokens(p, "quote")
            self._mean(self.recall_by_type, g_type).add(len(gq & pq) / len(gq) if gq else 0.0)
            self._mean(self.precision_by_type, p_type).add(len(gq & pq) / len(pq) if pq else 0.0)
            self._mean(self.precision_by_rule, str(p.get("rule", "?"))).add(
                len(gq & pq) / len(pq) if pq else 0.0
            )
        for i in sorted(set(range(len(gold))) - paired_gold):
            for role in ROLES:
                n = len(role_tokens(gold[i], role))
                if n:
                    self.roles[role].item(0, 0, n)
            self._mean(self.recall_by_type, str(gold[i].get("type"))).add(0.0)
        for j in sorted(set(range(len(pred))) - paired_pred):
            for role in ROLES:
                n = len(role_tokens(pred[j], role))
                if n:
                    self.roles[role].item(0, n, 0)
            self._mean(self.precision_by_type, str(pred[j].get("type"))).add(0.0)
            self._mean(self.precision_by_rule, str(pred[j].get("rule", "?"))).add(0.0)
        return DocumentScore(
            name=str(gold_doc.get("documentName", "")),
            pairs=pairs,
            unpaired_gold=sorted(set(range(len(gold))) - paired_gold),
            unpaired_pred=sorted(set(range(len(pred))) - paired_pred),
        )

    @staticmethod
    def _mean(table: dict[str, _Mean], key: str) -> _Mean:
        if key not in table:
            table[key] = _Mean()
        return table[key]

    def _pooled(self, roles: Iterable[str]) -> _Tally:
        pooled = _Tally()
        for role in roles:
            pooled.merge(self.roles[role])
        return pooled

    def result(self) -> dict[str, Any]:
        """The scores as a JSON-ready dict."""
        types = sorted(
            set(self.gold_types) | set(self.pred_types),
            key=lambda t: (FINE_TYPES.index(t) if t in FINE_TYPES else len(FINE_TYPES), t),
        )
        by_type = {
            t: {
                "gold": self.gold_types[t],
                "gold_paired": self.gold_paired[t],
                "predicted": self.pred_types[t],
                "predicted_paired": self.pred_paired[t],
                "message_recall": _round(self.recall_by_type.get(t, _Mean()).value),
                "message_precision": _round(self.precision_by_type.get(t, _Mean()).value),
            }
            for t in types
        }
        by_rule = {
            r: {
                "predicted": n,
                "paired": self.rules_paired[r],
                "message_precision": _round(self.precision_by_rule.get(r, _Mean()).value),
            }
            for r, n in self.rules.most_common()
        }
        return {
            "documents": self.documents,
            "gold_statements": sum(self.gold_types.values()),
            "predicted_statements": sum(self.pred_types.values()),
            "pairs": self.pairs,
            "message": self.roles["quote"].as_dict(),
            "roles": self._pooled(ARGUMENT_ROLES).as_dict(),
            "joint": self._pooled(ROLES).as_dict(),
            "per_role": {role: self.roles[role].as_dict() for role in ROLES},
            "type_agreement": _round(self.type_agree / self.pairs) if self.pairs else None,
            "medium_agreement": _round(self.medium_agree / self.pairs) if self.pairs else None,
            "by_type": by_type,
            "type_confusion": {f"{g} -> {p}": n for (g, p), n in sorted(self.confusion.items())},
            "media": {"gold": dict(self.gold_media), "predicted": dict(self.pred_media)},
            "by_rule": by_rule,
        }


def score_documents(pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    """Score `(gold document, predicted document)` pairs (see the module docstring)."""
    scorer = QuoteScorer()
    for gold, pred in pairs:
        scorer.add(gold, pred)
    return scorer.result()


# -- the corpus ----------------------------------------------------------------


def fold_of(document_name: str, folds: int = FOLDS) -> int:
    """The fold of a document: a stable hash of its `documentName`, modulo `folds`."""
    digest = hashlib.sha256(document_name.encode("utf-8")).hexdigest()
    return int(digest[:12], 16) % folds


def document_files(data_dir: str | Path) -> list[Path]:
    """The dataset's `*.json` files, sorted by name."""
    files = sorted(Path(data_dir).glob("*.json"))
    if not files:
        raise FileNotFoundError(f"no *.json documents in {data_dir}")
    return files


def load_documents(
    data_dir: str | Path, fold: int | None = None
) -> Iterator[tuple[Path, dict[str, Any]]]:
    """`(path, document)` for each file, only those of `fold` when it is given."""
    for path in document_files(data_dir):
        doc = json.loads(path.read_text("utf-8"))
        if fold is None or fold_of(str(doc.get("documentName", path.stem))) == fold:
            yield path, doc


def _progress_bar(total: int) -> tuple[Callable[[int, int], None], Callable[[], None]]:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    bar = Progress(
        TextColumn("[bold]eval quotes"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("documents"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
    )
    task = bar.add_task("eval", total=total)
    bar.start()

    def update(done: int, _total: int) -> None:
        bar.update(task, completed=done)

    return update, bar.stop


def evaluate(
    data_dir: str | Path,
    predictions_dir: str | Path | None = None,
    validation_only: bool = False,
    mode: Mode = "auto",
    progress: Progress = True,
    fold: int | None = None,
) -> dict[str, Any]:
    """Predict every document of `data_dir` and score the predictions against its gold.

    Args:
        data_dir: a directory of dataset `*.json` files.
        predictions_dir: when given, one prediction file per document is written
            there, under the input's file name.
        validation_only: score only the validation fold (`fold_of(...) == VALIDATION_FOLD`).
        fold: score only this fold (0 to `FOLDS - 1`), for cross-validation with a
            tagger trained on the others (`scripts/train_quotes.py --validation-fold`).
        mode: the extractor: "auto" (accurate where installed), "accurate" (neural
            tagger) or "fast" (rules); the result names the one used.
        progress: True for a progress bar on stderr, False for none, or a
            callable `(done, total)`.
    Returns:
        The scores (`QuoteScorer.result`) with `seconds`, `mode`, `fold` (None for
        all), `validation_only`, `data_dir`.

    Raises:
        ValueError: a fold out of range, or an unknown mode.
    """
    if fold is not None and not 0 <= fold < FOLDS:
        raise ValueError(f"fold must be between 0 and {FOLDS - 1}, got {fold}")
    if validation_only:
        fold = VALIDATION_FOLD if fold is None else fold
    mode = resolve_mode(mode)
    docs = list(load_documents(data_dir, fold))
    out = Path(predictions_dir) if predictions_dir is not None else None
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    update: Callable[[int, int], None] | None = None
    stop: Callable[[], None] | None = None
    if progress is True:
        update, stop = _progress_bar(len(docs))
    elif callable(progress):
        update = progress
    scorer = QuoteScorer()
    started = time.perf_counter()
    try:
        for done, (path, doc) in enumerate(docs, 1):
            pred = predict_document(doc, mode)
            if out is not None:
                (out / path.name).write_text(json.dumps(pred, ensure_ascii=False), "utf-8")
            scorer.add(doc, pred)
            if update is not None:
                update(done, len(docs))
    finally:
        if stop is not None:
            stop()
    result = scorer.result()
    result["seconds"] = round(time.perf_counter() - started, 2)
    result["fold"] = fold
    result["validation_only"] = fold is not None
    result["mode"] = mode
    result["data_dir"] = str(data_dir)
    if mode == "accurate":
        from sagte.analysis.tagger import trained_on

        result["tagger_trained_on"] = trained_on()
    return result


# -- report --------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "   -  " if value is None else f"{100 * value:6.2f}"


def folds_name(folds: Iterable[int]) -> str:
    """How a tagger's metadata names the folds it was trained on: "folds 1-4",
    "folds 0,2-4"."""
    runs: list[list[int]] = []
    for f in sorted(set(folds)):
        if runs and f == runs[-1][1] + 1:
            runs[-1][1] = f
        else:
            runs.append([f, f])
    return "folds " + ",".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def saw_validation_fold(trained_on: str, fold: int = VALIDATION_FOLD) -> bool:
    """Whether a tagger trained on `trained_on` ("folds 1-4", "folds 0,2-4", as
    `folds_name` writes it) saw `fold`; a name of another form counts as having seen it."""
    found = re.fullmatch(r"folds ((?:\d(?:-\d)?,)*\d(?:-\d)?)", trained_on)
    if found is None:
        return True
    for run in found[1].split(","):
        a, _, b = run.partition("-")
        if int(a) <= fold <= int(b or a):
            return True
    return False


def format_report(result: dict[str, Any]) -> str:
    """The scores as a plain-text table."""
    lines = [
        f"documents {result['documents']}  gold statements {result['gold_statements']}  "
        f"predicted {result['predicted_statements']}  pairs {result['pairs']}"
        + (f"  ({result['seconds']} s)" if "seconds" in result else ""),
        "",
        f"{'':<12} {'P':>6} {'R':>6} {'F1':>6}   {'P items':>7} {'R items':>7}",
    ]
    rows = [("Message", result["message"]), ("Roles", result["roles"]), ("Joint", result["joint"])]
    rows += [(f"  {role}", result["per_role"][role]) for role in ARGUMENT_ROLES]
    for label, s in rows:
        lines.append(
            f"{label:<12} {_pct(s['precision'])} {_pct(s['recall'])} {_pct(s['f1'])}   "
            f"{s['precision_items']:>7} {s['recall_items']:>7}"
        )
    lines += [
        "",
        f"type agreement {_pct(result['type_agreement'])}   "
        f"medium agreement {_pct(result['medium_agreement'])}   (over pairs)",
        "",
        f"{'type':<22} {'gold':>5} {'found':>6} {'msg R':>6}   {'pred':>5} {'paired':>6} "
        f"{'msg P':>6}",
    ]
    for t, s in result["by_type"].items():
        lines.append(
            f"{t:<22} {s['gold']:>5} {s['gold_paired']:>6} {_pct(s['message_recall'])}   "
            f"{s['predicted']:>5} {s['predicted_paired']:>6} {_pct(s['message_precision'])}"
        )
    if result.get("type_confusion"):
        lines += ["", "type confusion over pairs (gold -> predicted):"]
        lines += [f"  {k:<44} {n:>5}" for k, n in result["type_confusion"].items()]
    if result.get("by_rule"):
        lines += ["", f"{'rule':<30} {'pred':>5} {'paired':>6} {'msg P':>6}"]
        for r, s in result["by_rule"].items():
            lines.append(
                f"{r:<30} {s['predicted']:>5} {s['paired']:>6} {_pct(s['message_precision'])}"
            )
    seen = result.get("tagger_trained_on")
    fold = result.get("fold", VALIDATION_FOLD if result.get("validation_only") else None)
    if seen and fold is not None and saw_validation_fold(seen, fold):
        lines += [
            "",
            f"note: the tagger was trained on {seen}, fold {fold} included, so these "
            "scores are not held out; set SAGTE_TAGGER to a file trained without it "
            f"(scripts/train_quotes.py --validation-fold {fold}) to validate.",
        ]
    return "\n".join(lines)
