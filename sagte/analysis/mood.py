"""Part-of-speech tags from HanTa, used to recognise Konjunktiv I verb forms.

HanTa tags finite verbs (VV(FIN)) and lemmatises them but does not give mood;
`quotes.py` derives Konjunktiv I from form and lemma. The tagger is optional:
without it, only the packaged word lists recognise Konjunktiv.
"""

from __future__ import annotations

import threading
from functools import cache
from typing import Any

_lock = threading.Lock()


@cache
def _tagger() -> Any:
    try:
        from HanTa import HanoverTagger
    except ImportError:
        return None
    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


def available() -> bool:
    return _tagger() is not None


def tag(words: list[str]) -> list[tuple[str, str, str]]:
    """(word, lemma, tag) for each word of a sentence-like sequence."""
    tagger = _tagger()
    if tagger is None or not words:
        return [(w, w, "") for w in words]
    with _lock:  # HanTa keeps per-call state in the tagger object
        return [(w, lemma, pos) for w, lemma, pos in tagger.tag_sent(words, taglevel=1)]
