"""Load the packaged German word lists (`sagte/data/`) once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

MEDIA = ("S", "W", "T", "SW", "ST", "TW")
_INSEPARABLE = ("be", "er", "ver", "ent", "emp", "zer", "ge", "miss", "hinter", "wider")


@dataclass(frozen=True, slots=True)
class Cue:
    """One surface form of a cue verb."""

    lemma: str
    medium: str
    kind: str  # "frame" or "report"
    particle: str | None  # separable particle that must follow a finite form
    finite: bool  # a finite form (stands in second position) vs. participle/infinitive


def _lines(name: str) -> list[str]:
    text = resources.files("sagte").joinpath(f"data/{name}").read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def _weak_forms(base: str) -> tuple[list[str], list[str]]:
    """Finite and non-finite forms of a regular (weak) verb given its infinitive."""
    stem = base[:-1] if base.endswith(("ern", "eln")) else base[:-2]
    link = "e" if re.search(r"(t|d|chn|ffn|gn)$", stem) else ""
    finite = [stem + link + "t", stem + link + "te", stem + link + "ten", stem + "e", base]
    no_ge = base.startswith(_INSEPARABLE) or base.endswith("ieren")
    participle = ("" if no_ge else "ge") + stem + link + "t"
    return finite, [participle, base]


@cache
def cue_verbs() -> dict[str, tuple[Cue, ...]]:
    """Lower-case surface form → the cue readings it can have."""
    table: dict[str, list[Cue]] = {}
    for line in _lines("cues_de.tsv"):
        lemma, medium, kind, spec = line.split("\t")
        if medium not in MEDIA or kind not in ("frame", "report"):
            raise ValueError(f"cues_de.tsv: bad medium or kind in line {line!r}")
        particle, _, forms = spec.rpartition("|")
        base = lemma.split("_")[-1][len(particle) if "_" not in lemma else 0 :]
        if forms == "weak":
            finite, nonfinite = _weak_forms(base)
        else:
            # Strong verbs list: 3sg present, past, past plural, [participle,]
            # Konjunktiv I, infinitive; inseparable ones have no separate participle.
            words = forms.split()
            if len(words) not in (5, 6):
                raise ValueError(f"cues_de.tsv: expected 5 or 6 forms in line {line!r}")
            participle = words[3] if len(words) == 6 else words[2]
            finite = [w for w in words[:-1] if w != participle or len(words) == 5]
            finite.append(words[-1])  # the present plural: „Die Behörden werfen … vor“
            nonfinite = [participle, words[-1]]
        for word in finite:
            table.setdefault(word, []).append(Cue(lemma, medium, kind, particle or None, True))
            if particle and "_" not in lemma:  # verb-final clauses: "wie die Polizei mitteilte"
                table.setdefault(particle + word, []).append(Cue(lemma, medium, kind, None, True))
        for word in nonfinite:
            # A separable verb's participle and infinitive are written as one word.
            joined = (particle + word) if particle and "_" not in lemma else word
            table.setdefault(joined, []).append(Cue(lemma, medium, kind, None, False))
    return {form: tuple(cues) for form, cues in table.items()}


@dataclass(frozen=True, slots=True)
class CuePhrase:
    words: tuple[str, ...]  # lower-case words, "X" for the speaker slot


@cache
def cue_phrases() -> tuple[CuePhrase, ...]:
    phrases = [
        CuePhrase(tuple(line.lower().replace(" x", " X").split()))
        for line in _lines("cue_phrases_de.txt")
    ]
    fixed = [CuePhrase(tuple(w if w != "x" else "X" for w in p.words)) for p in phrases]
    # Longest first, so "nach den Worten X" wins over "nach Worten X".
    return tuple(sorted(fixed, key=lambda p: -len(p.words)))


def cue_phrases_from(word: str) -> tuple[CuePhrase, ...]:
    """The cue phrases whose first fixed word is `word` ("laut" for "laut X", "zufolge"
    for "X zufolge"), in `cue_phrases` order: the only ones that can match there."""
    return _cue_phrases_by_word().get(word, ())


@cache
def _cue_phrases_by_word() -> dict[str, tuple[CuePhrase, ...]]:
    out: dict[str, list[CuePhrase]] = {}
    for phrase in cue_phrases():
        first = next(w for w in phrase.words if w != "X")
        out.setdefault(first, []).append(phrase)
    return {word: tuple(phrases) for word, phrases in out.items()}


# Endings of nouns whose feminine adds -in (Präsidentin, Analystin), and of those
# among them whose plural adds -en (Präsidenten, Analysten, Ökonomen)
_PLURAL_EN = ("ent", "ant", "at", "or", "ist", "yst", "om", "ot")
_FEMININE_IN = (*_PLURAL_EN, "er", "eur", "ef", "är", "it", "ier")


def _with_feminine(words: list[str]) -> frozenset[str]:
    """Add feminine and inflected forms: Experte → Expertin(nen), Präsident → Präsidentin,
    Präsidenten."""
    out = set()
    for word in words:
        out.add(word)
        if word.endswith("e"):  # Experte, Geologe, Kollege
            out.update({word + "n", word + "r", word[:-1] + "in", word[:-1] + "innen"})
        elif word.endswith(_FEMININE_IN):
            out.update({word + "in", word + "innen"})
            if word.endswith(_PLURAL_EN):
                out.add(word + "en")  # Analysten, Demonstranten, Ökonomen: many
    return frozenset(out)


@cache
def role_nouns() -> frozenset[str]:
    return _with_feminine(_lines("roles_de.txt"))


@cache
def demonyms() -> frozenset[str]:
    return _with_feminine(_lines("demonyms_de.txt"))


@cache
def countries() -> dict[str, tuple[str, str]]:
    """Adjective stem → (country, genitive): "ukrainisch" → ("Ukraine", "der Ukraine")."""
    out = {}
    for line in _lines("countries_de.tsv"):
        stem, country, genitive = line.split("\t")
        out[stem] = (country, genitive)
    return out


@cache
def country_genitives() -> frozenset[str]:
    """The countries' one-word genitives: "Österreichs", "Russlands" (not "der Ukraine")."""
    return frozenset(g for _, g in countries().values() if " " not in g)


@cache
def country_names() -> frozenset[str]:
    """The countries' names and one-word genitives: "Österreich", "Österreichs"."""
    return country_genitives() | {country for country, _ in countries().values()}


def country_of_adjective(word: str) -> tuple[str, str] | None:
    """The country an inflected adjective names: "ukrainischen" → ("Ukraine", "der Ukraine")."""
    low = word.lower()
    for ending in ("en", "em", "er", "es", "e", ""):
        if low.endswith(ending) and (hit := countries().get(low[: len(low) - len(ending)])):
            return hit
    return None


def normalise_role(role: str) -> str:
    """A role as a name: "ukrainische Präsident" → "Präsident der Ukraine"; others unchanged."""
    words = role.split()
    if len(words) == 2 and (hit := country_of_adjective(words[0])):
        head = words[1]
        if head.endswith("en") and head[:-2] in role_nouns():
            head = head[:-2]  # "ukrainischen Präsidenten"
        return f"{head} {hit[1]}"
    return role


@cache
def _compound_heads() -> frozenset[str]:
    """Lower-cased role nouns long enough to end a compound ("minister" in "Außenminister")."""
    return frozenset(r.lower() for r in role_nouns() if len(r) > 4)


@lru_cache(maxsize=65536)
def is_role(word: str) -> bool:
    """A role noun or a compound ending in one: "NATO-Generalsekretär", "Außenministerin"."""
    roles = role_nouns()
    if word in roles:
        return True
    tail = word.rsplit("-", 1)[-1]
    if tail in roles:
        return True
    lower, heads = tail.lower(), _compound_heads()
    # a head of five or more letters after at least three letters of modifier
    return any(lower[i:] in heads for i in range(3, len(lower) - 4))


def feminine(word: str) -> bool:
    return word.endswith(("in", "innen")) and word not in _NOT_FEMININE


_NOT_FEMININE = frozenset({"Kardinal", "Berlin", "Putin", "Benjamin", "Martin", "Kevin"})
_AGE = re.compile(r"^\d{1,3}-Jährige[nr]?$")


def is_age_descriptor(word: str) -> bool:
    """ "der 29-Jährige": a person described by age."""
    return bool(_AGE.match(word))


@cache
def _first_names():
    import gender_guesser.detector as gender

    return gender.Detector(case_sensitive=True)


def first_name_gender(word: str) -> str | None:
    """'m' or 'f' when `word` is a known first name, else None."""
    if not word[:1].isupper() or len(word) < 2:
        return None
    guess = _first_names().get_gender(word.split("-")[0])
    if guess in ("male", "mostly_male"):
        return "m"
    if guess in ("female", "mostly_female"):
        return "f"
    if guess == "andy":
        return "?"
    return None
