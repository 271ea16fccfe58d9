"""Part-of-speech tags from HanTa, used to recognise Konjunktiv I verb forms.

HanTa tags finite verbs (VV(FIN)) and lemmatises them but does not give mood;
`quotes.py` derives Konjunktiv I from form and lemma. The tagger is optional:
without it, only the packaged word lists recognise Konjunktiv.
"""

from __future__ import annotations

import threading
from functools import cache, lru_cache
from typing import Any

_lock = threading.Lock()


@cache
def _tagger() -> Any:
    try:
        from HanTa import HanoverTagger
    except ImportError:
        return None
    tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    _remember_analyses(tagger)
    return tagger


def _remember_analyses(tagger: Any, size: int = 1 << 16) -> None:
    """Analyse each word's morphology once, not at every occurrence.

    HanTa looks a word's tag probabilities up in its model's table of frequent words
    and otherwise analyses the word (`analyze_forward`, a Viterbi over its letters),
    afresh every time: four fifths of its time on news, whose names and rare words
    recur. The analysis depends on the word alone and its callers only read the
    result, so a bounded memo of it changes no tag. Without the method (another
    HanTa version), nothing changes but the speed.
    """
    analyse = getattr(tagger, "analyze_forward", None)
    if analyse is not None:
        tagger.analyze_forward = lru_cache(maxsize=size)(analyse)


def available() -> bool:
    return _tagger() is not None


def tags(words: list[str]) -> list[str]:
    """HanTa's part-of-speech tag of each word of a sentence-like sequence ("" without
    HanTa)."""
    tagger = _tagger()
    if tagger is None or not words:
        return ["" for _ in words]
    with _lock:  # HanTa keeps per-call state in the tagger object
        return list(tagger.tag_sent(words, taglevel=0))


# Tags of words that are no German words said: foreign material, names, numbers,
# stray symbols.
_NOT_GERMAN = frozenset({"FM", "NE", "CARD", "XY"})


def foreign(words: list[str]) -> bool:
    """Whether HanTa reads two or more words all as foreign material or names (with
    numbers and symbols among them): a term such as „sine glossa“ or „Klebsiella
    pneumoniae“. False without HanTa."""
    return len(words) >= 2 and available() and all(t in _NOT_GERMAN for t in tags(words))


@lru_cache(maxsize=1 << 16)
def possible_tags(word: str, first: bool) -> tuple[str, ...] | None:
    """The tags `tags` may give `word` in a sentence (`first`: as its first word),
    whatever the other words: the candidates HanTa's Viterbi chooses among, those
    within 5 log-units of the word's best. None when any tag is possible (a word HanTa
    cannot analyse, or a HanTa without this method).

    This asks HanTa's `_tag_word` exactly as its `tag_sent_viterbi` does (a test checks
    that every tag `tags` gives is among them), so a caller may skip tagging a
    sentence in which no word's possible tags would matter."""
    tagger = _tagger()
    tag_word = getattr(tagger, "_tag_word", None)
    if tag_word is None:
        return None
    from HanTa.HanoverTagger import UNKNOWN  # a word it cannot analyse: any tag goes

    with _lock:
        found = tag_word(word, cutoff=5, casesensitive=not first, conditional=True)
    tags = tuple(tagger.int2tag[t] for t, _ in found if t != UNKNOWN)
    return tags or None


@lru_cache(maxsize=1 << 16)
def lemma(word: str, tag: str) -> str:
    """HanTa's lemma of `word` read as `tag`; asked only for the few words that need it
    (tagging a sentence with lemmas analyses every word's morphology, twice the work)."""
    tagger = _tagger()
    if tagger is None:
        return word
    with _lock:
        return str(tagger.analyze(word, pos=tag, taglevel=1)[0])
