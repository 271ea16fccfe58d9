"""HanTa's part-of-speech tags, as the Konjunktiv rules read them."""

from __future__ import annotations

import pytest

pytest.importorskip("HanTa", reason="the Konjunktiv rules' tagger is optional")

from HanTa import HanoverTagger  # noqa: E402

from sagte.analysis import mood  # noqa: E402

WORDS = [
    "Der",
    "Verkehrsminister",
    "sagte",
    ",",
    "man",
    "genieße",
    "die",
    "Überbrückungshilfe",
    "sehr",
    ".",
]


def test_tags_find_the_finite_verbs() -> None:
    tags = mood.tags(WORDS)
    assert tags[WORDS.index("sagte")] == "VV(FIN)"
    assert tags[WORDS.index("genieße")] == "VV(FIN)"
    assert tags[WORDS.index("Überbrückungshilfe")] == "NN"


def test_each_word_is_analysed_once_and_tagged_as_hanta_tags_it() -> None:
    first = mood.tags(WORDS)
    analysed = mood._tagger().analyze_forward.cache_info()
    assert mood.tags(WORDS) == first
    after = mood._tagger().analyze_forward.cache_info()
    assert after.misses == analysed.misses and after.hits > analysed.hits
    plain = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    assert plain.tag_sent(WORDS, taglevel=0) == first


def test_a_sentences_tags_are_among_each_words_possible_tags() -> None:
    """The Konjunktiv rules skip tagging a clause when no word's possible tags would
    matter, so a tag outside them would be a missed Konjunktiv."""
    sentences = [
        WORDS,
        ["Habe", "er", "nicht", "gewusst", ",", "so", "handle", "er", "jetzt", "."],
        ["Kaufe", "man", "heute", ",", "zahle", "man", "später", "weniger", "Zinsen", "."],
        ["Die", "Grünen", "lehnten", "den", "Antrag", "der", "AfD", "ab", "."],
    ]
    for words in sentences:
        for k, (word, tag) in enumerate(zip(words, mood.tags(words), strict=True)):
            possible = mood.possible_tags(word, k == 0)
            assert possible is None or tag in possible, (word, tag, possible)
    assert mood.possible_tags("genieße", False) is not None
    assert "VV(FIN)" in (mood.possible_tags("genieße", False) or ())
