"""Named-entity evaluation in the GermEval 2014 layout (`sagte eval ner`).

The data: one token per line, tab-separated (index, token, outer tag, inner tag),
sentences separated by blank lines, `#` comment lines before a sentence. The
score is the shared task's "outer chunks" metric: strict span matching on the
outer column over all twelve classes (PER, PERderiv, PERpart, ORG, … OTHpart);
a predicted span counts only when its first token, last token and class all
agree with a gold span. Precision, recall and F1 are micro-averaged over spans.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sagte.analysis.bio import spans_of
from sagte.errors import Errors, InputError

Tagger = Callable[[Sequence[Sequence[str]]], list[list[str]]]


@dataclass(slots=True)
class Sentence:
    lines: list[str]  # every line of the sentence block, comments included
    rows: list[int] = field(default_factory=list)  # which lines are tokens
    tokens: list[str] = field(default_factory=list)
    gold: list[str] = field(default_factory=list)


def read_sentences(path: str | Path) -> Iterator[Sentence]:
    """Sentence blocks of a GermEval file; a malformed token line raises S050.

    A block's `lines` are every line from the end of the previous sentence to its own
    last token (blank lines and comments included), so writing all blocks' lines
    back gives the file again; blank lines after the last sentence come as a block
    without tokens."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(Errors.S008, str(path)) from exc
    current = Sentence([])
    with handle:
        for number, raw in enumerate(handle, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                if current.rows and not line.strip():
                    yield current
                    current = Sentence([])
                current.lines.append(line)
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                raise InputError(Errors.S050.format(line=number), str(path))
            current.lines.append(line)
            current.rows.append(len(current.lines) - 1)
            current.tokens.append(cols[1])
            current.gold.append(cols[2])
    if current.lines:
        yield current


def chunks(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """Spans (first, end, class) of BIO tags; an I- after O or another class opens a span."""
    return set(spans_of(tags))


@dataclass(slots=True)
class NerScore:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def add(self, gold: Sequence[str], predicted: Sequence[str]) -> None:
        g, p = chunks(gold), chunks(predicted)
        for span in p & g:
            self.tp[span[2]] += 1
        for span in p - g:
            self.fp[span[2]] += 1
        for span in g - p:
            self.fn[span[2]] += 1

    @staticmethod
    def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def total(self) -> tuple[float, float, float]:
        return self.prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))

    def by_class(self) -> dict[str, tuple[float, float, float, int]]:
        kinds = sorted(set(self.tp) | set(self.fn) | set(self.fp))
        return {
            k: (*self.prf(self.tp[k], self.fp[k], self.fn[k]), self.tp[k] + self.fn[k])
            for k in kinds
        }

    def report(self) -> str:
        p, r, f = self.total()
        lines = [f"{'class':<10} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
        for kind, (cp, cr, cf, n) in self.by_class().items():
            lines.append(f"{kind:<10} {cp:6.3f} {cr:6.3f} {cf:6.3f} {n:6d}")
        lines.append(
            f"{'all':<10} {p:6.3f} {r:6.3f} {f:6.3f} {sum((self.tp + self.fn).values()):6d}"
        )
        return "\n".join(lines)


def fingerprint(path: str | Path) -> str:
    """The SHA-256 of a data file's bytes: how a tagger's training run records the
    files it learnt from, so that scoring it on one of them can be flagged as
    training fit (`sagte eval ner`)."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def trained_on_file(path: str | Path, meta: Mapping[str, Any]) -> bool:
    """Whether the tagger whose training run saved `meta` (`adapters.saved_meta`)
    learnt from the file at `path`, so that its score there is training fit."""
    return fingerprint(path) in meta.get("data_sha256", {}).values()


def evaluate_file(
    path: str | Path,
    tagger: Tagger,
    out: str | Path | None = None,
    batch: int = 256,
    progress: Callable[[int], None] | None = None,
) -> NerScore:
    """Tag every sentence of `path`, score against its outer column, write predictions.

    `out` gets the same lines as `path` (comments and blank lines too) with the
    third column replaced by the predicted outer tag."""
    score = NerScore()
    with contextlib.ExitStack() as stack:
        sink = stack.enter_context(Path(out).open("w", encoding="utf-8")) if out else None
        pending: list[Sentence] = []

        def flush() -> None:
            tags = tagger([s.tokens for s in pending])
            for sentence, predicted in zip(pending, tags, strict=True):
                score.add(sentence.gold, predicted)
                if sink:
                    lines = list(sentence.lines)
                    for row, tag in zip(sentence.rows, predicted, strict=True):
                        cols = lines[row].split("\t")
                        cols[2] = tag
                        lines[row] = "\t".join(cols)
                    sink.writelines(line + "\n" for line in lines)
            if progress:
                progress(len(pending))
            pending.clear()

        for sentence in read_sentences(path):
            pending.append(sentence)
            if len(pending) >= batch:
                flush()
        if pending:
            flush()
    return score
