"""Text layer: normalised text with a map back to the raw input, sentences and tokens."""

from sagte.text.normalise import Alignment, Normalised, normalise
from sagte.text.segment import Doc, Sentence, Token, dateline_date, segment

__all__ = [
    "Alignment",
    "Doc",
    "Normalised",
    "Sentence",
    "Token",
    "dateline_date",
    "normalise",
    "segment",
]
