"""The frame of a statement: the words of its introducing clause, as the quotation
dataset annotates them.

In "Er sagte am Montag in Kiew, dass die Lage ernst sei." the message is "dass die
Lage ernst sei" and the frame "Er sagte am Montag in Kiew,": every token of the
sentence(s) holding the statement's cue that belongs to no statement's message,
without the sentence's final punctuation. On the training split this reading of
the gold messages and cues reproduces 97% of the gold frame tokens at 90%
precision. A statement without a cue (a Konjunktiv continuation) has no frame.
"""

from __future__ import annotations

from collections.abc import Sequence

from sagte.analysis.marks import with_marks
from sagte.analysis.model import Span, Statement
from sagte.text import Doc

_FINAL = frozenset(".!?")


def fill_frames(doc: Doc, statements: Sequence[Statement]) -> None:
    """Set each statement's `frame` (in place) from its cue and all messages."""
    if not doc.tokens:
        return
    messages = sorted(span for st in statements for span in with_marks(doc.text, st.message))

    def in_message(a: int, b: int) -> bool:
        return any(s < b and a < e for s, e in messages)

    for st in statements:
        if not st.cue:
            st.frame = []
            continue
        cue_tokens = [doc.token_range(a, b) for a, b in st.cue]
        sentences = sorted({doc.sentence_of(t[0]).i for t in cue_tokens if t is not None})
        spans: list[Span] = []
        for i in sentences:
            sentence = doc.sentences[i]
            last = sentence.last
            if last > sentence.first and doc.tokens[last - 1].text in _FINAL:
                last -= 1
            run: list[int] = []
            for k in range(sentence.first, last):
                token = doc.tokens[k]
                if in_message(token.start, token.end):
                    if run:
                        spans.append((doc.tokens[run[0]].start, doc.tokens[run[-1]].end))
                    run = []
                else:
                    run.append(k)
            if run:
                spans.append((doc.tokens[run[0]].start, doc.tokens[run[-1]].end))
        st.frame = spans
