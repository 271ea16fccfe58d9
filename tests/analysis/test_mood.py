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
