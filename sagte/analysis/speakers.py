"""Find people and organisations in an article and resolve speaker phrases to them.

Without a German parser the rules lean on what news style makes reliable: a role
noun before capitalised words ("NATO-Generalsekretär Jens Stoltenberg"), a known
first name before a capitalised word ("Jens Stoltenberg"), and a surname once
introduced ("Stoltenberg"). Pronouns and definite descriptors ("der Norweger",
"der ukrainische Präsident") go to the nearest preceding person that fits in
gender and role; indefinite descriptors ("ein Sprecher des Ministeriums") stay
entities of their own and are never merged with a named person.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from sagte.analysis import lexicon, mood, wordlists
from sagte.analysis.marks import QuoteSpan, find_quotes, names_only
from sagte.analysis.model import Entity, Mention
from sagte.text import Doc

_NAME_PARTICLES = frozenset({"von", "van", "de", "der", "den", "zu", "di", "da", "al", "bin", "le"})
_GENITIVE_DETS = frozenset({"des", "der", "seines", "ihres"})  # „ein Sprecher seines Ministeriums“
_DOUBLE_MARKS = frozenset('„“”»«"')  # taken off a title: „Bild“-Zeitung → Bild-Zeitung
# A compound whose first part is written in lower case: „verdi-Verhandlungsführer“
_LOWER_CASE_COMPOUND = re.compile(r"[a-zäöü][\w.]*-[A-ZÄÖÜ][\w-]*")
# Endings of abstract nouns, which no surname after „von der“ has („von der Leyen“).
_ABSTRACT_NOUN = re.compile(r"(ung|keit|heit|schaft|tion|ität|nis|tum)$")
# Institutions after „von der“ that end no name („Anna Schmidt von der Klinik“)
_INSTITUTION = re.compile(
    r"(klinik|klinikum|charité|hochschule|akademie|stiftung|polizei|feuerwehr|bank"
    r"|kasse|agentur|behörde|kommission|regierung|stadt|gemeinde|bewegung|institut)$",
    re.IGNORECASE,
)
# A definite role descriptor without a matching role ("der SPD-Politiker") refers to
# a person named at most this many sentences before.
RECENT_SENTENCES = 3
# Texts whose author a genitive names („einer Mitteilung des Innenministeriums“):
# the author is the source, not the text.
_TEXT_NOUNS = frozenset(
    {
        "Bericht",
        "Berichten",
        "Mitteilung",
        "Pressemitteilung",
        "Erklärung",
        "Stellungnahme",
        "Studie",
        "Umfrage",
        "Meldung",
        "Analyse",
        "Schätzung",
        "Schätzungen",
        "Prognose",
        "Gutachten",
        "Schreiben",
    }
)
# Demonstratives that stand for a person („so schrieb diese“), with their gender as
# the personal pronoun says it; what may follow one that stands alone.
_DEMONSTRATIVES = {"dieser": "er", "diese": "sie"}
_NOT_NOUN_PHRASE = wordlists.PREPOSITIONS | wordlists.ADVERBS | wordlists.NEGATIONS


# Academic titles between a role and a name, not part of either
_TITLES = frozenset({"Prof.", "Dr.", "med.", "phil.", "rer.", "nat.", "jur.", "h.c.", "Dipl.-Ing."})
# Kinship nouns a name in the genitive may own, as it owns a role: „Demjanjuks Sohn“.
_KIN = frozenset(
    {
        "Sohn", "Tochter", "Vater", "Mutter", "Bruder", "Schwester", "Ehefrau", "Ehemann",
        "Frau", "Mann", "Witwe", "Witwer", "Enkel", "Enkelin", "Neffe", "Nichte", "Onkel",
        "Tante", "Cousin", "Cousine", "Schwiegersohn", "Schwiegertochter", "Lebensgefährte",
        "Lebensgefährtin", "Freundin", "Freund", "Eltern", "Familie",
    }
)  # fmt: skip


@dataclass(slots=True)
class Phrase:
    """A noun phrase found at a token position: tokens `[first, last)`."""

    first: int
    last: int
    kind: str  # pronoun | name | descriptor | other
    head: str = ""  # the head noun (descriptor) or the last name token
    definite: bool = False
    mention: int | None = None  # index of the name mention inside the phrase
    # The token after the whole mention when an apposition or relative clause follows
    # („Mark O'Keefe, der Sprecher der Ambulanz,“): the speaker's span; resolution
    # reads [first, last) only.
    extent: int | None = None


# First names that are more often German nouns or places.
_NOT_FIRST_NAMES = frozenset(
    [
        "Art",
        "Mark",
        "Will",
        "Ernst",
        "Rose",
        "Golf",
        "Sky",
        "Bank",
        "Union",
        "Nord",
        "Süd",
        "West",
        "Ost",
        "Christ",
        "Frank",
        "Franken",
        "Man",
        "Dank",
        "Bill",
        "Guy",
        "Grace",
        "Hope",
        "Faith",
        "Paris",
        "Florence",
        "Chelsea",
        "Berlin",
        "Kurt",
        "Hoffnung",
        "Sonne",
        "Ehre",
        "Liebe",
        "Glaube",
        "Rock",
        "Pop",
        "Star",
        "Summer",
        "Winter",
        "Wolf",
        "Fuchs",
        "Kaiser",
        "König",
        "Bär",
        "Engel",
    ]
)


def _adjective_or_determiner(word: str) -> bool:
    low = word.lower()
    return low in wordlists.DETERMINERS or (
        word[:1].islower()
        and low.endswith(("e", "en", "er", "es", "em"))
        and len(low) > 3
        and low not in wordlists.ADVERBS
        and low not in wordlists.PREPOSITIONS
    )


def _regular(doc: Doc, i: int) -> bool:
    return 0 <= i < len(doc.tokens) and doc.tokens[i].kind in ("regular", "abbreviation")


def _unquoted(text: str) -> str:
    """`text` without its quotation marks: „Bild“-Zeitung → Bild-Zeitung."""
    return "".join(c for c in text if c not in _DOUBLE_MARKS)


_GENITIVE_SINGULAR = frozenset({"des", "eines"})
# Heads of a definite phrase that stands for the organisation named just before:
# „der Verein“, „der Konzern“, „das Unternehmen“, „die Partei“, „der Autobauer“.
_GENERIC_ORG = re.compile(
    r"(verein|klub|club|konzern|unternehmen|firma|partei|gewerkschaft|verband"
    r"|organisation|hersteller|autobauer|händler|ligist|rekordmeister)$",
    re.IGNORECASE,
)


def nominative(words: list[str]) -> list[str]:
    """An organisation's or place's name read after „des“ or „eines“ in its
    nominative: „Finanzministeriums“ → „Finanzministerium“, „Deutschen
    Wetterdienstes“ → „Deutsche Wetterdienst“, „Roten Kreuzes“ → „Rote Kreuz“, so
    that „nach Angaben des Finanzministeriums“ and „Das Finanzministerium teilte mit“
    are one entity. The noun that carries the genitive ending HanTa's lemma confirms
    loses it, and capitalised adjectives before it their weak ending; that noun is
    the last word, or the first before a preposition or a genitive („Bundesamts für
    Migration“, „Verbandes der Deutschen Automobilindustrie“), or a generic noun
    before the name it stands in apposition to, which alone is the name („des
    Instituts Forsa“ → „Forsa“, „des Senders CNN“). Unchanged without HanTa and for
    acronyms („des BND“)."""
    if not words or not mood.available():
        return words
    h = 0
    while h < len(words) - 1 and words[h][:1].isupper() and words[h].endswith("en"):
        h += 1  # Deutschen, Roten
    stem = _genitive_stem(words[h]) if h < len(words) - 1 else None
    if stem is not None:
        rest = words[h + 1 :]
        if rest[0] in _AFTER_HEAD:
            return [*_weak_base(words[:h]), stem, *rest]
        if h == 0 and len(rest) <= 3 and all(w.strip('„“"')[:1].isupper() for w in rest):
            return rest
        return words
    *before, last = words
    head, dash, noun = last.rpartition("-")  # Robert-Koch-Instituts
    return [*_weak_base(before), head + dash + (_genitive_stem(noun) or noun)]


# Words after a name's head noun that leave it the head: „Bundesamts für Migration“
_AFTER_HEAD = frozenset({"für", "von", "zur", "zum", "der", "des", "in", "im", "am", "an"})


def _genitive_stem(noun: str) -> str | None:
    """The noun without the genitive ending HanTa's lemma confirms, else None."""
    return next(
        (
            noun[: -len(ending)]
            for ending in ("es", "s")
            if noun.endswith(ending) and _same(mood.lemma(noun, "NN"), noun[: -len(ending)])
        ),
        None,
    )


def _weak_base(adjectives: list[str]) -> list[str]:
    """Capitalised adjectives before a name's noun without their weak ending:
    „Roten“ → „Rote“; other words unchanged."""
    if adjectives and all(w[:1].isupper() and w.endswith("en") for w in adjectives):
        return [w[:-1] for w in adjectives]
    return adjectives


def _many(determiner: str, head: str) -> bool:
    """Whether a role after „die“ is in the plural: „die Experten“, „die Minister“
    (a woman is „die Ministerin“, „die Angeklagte“, „die 41-Jährige“)."""
    return determiner.lower() == "die" and not lexicon.feminine(head) and not head.endswith("e")


def is_heading(doc: Doc, a: int, b: int) -> bool:
    """Tokens `[a, b)` are a whole paragraph of at most 20 tokens that does not end as
    a sentence does: a headline or an intertitle."""
    para = doc.paragraphs[doc.sentence_of(a).paragraph]
    start, end = doc.tokens[a].start, doc.tokens[b - 1].end
    tail = doc.text[start:end].rstrip("„“”\"»«'’ ")
    return (
        start <= para[0] + 1
        and end >= para[1] - 1
        and b - a <= 20
        and not tail.endswith((".", "!", "?", ":"))
    )


def names_author(words: list[str]) -> bool:
    """Whether words (without their determiner) are a text and the genitive of its
    author: „Mitteilung des Innenministeriums“, „Bericht der „Bild“-Zeitung“."""
    return len(words) > 2 and words[0] in _TEXT_NOUNS and words[1] in _GENITIVE_DETS


def _same(lemma: str, stem: str) -> bool:
    return lemma.replace("ß", "ss") == stem.replace("ß", "ss")


_INITIAL = re.compile(r"[A-ZÄÖÜ]\.|[IVX]+\.").fullmatch  # „Matthias W. Beckmann“, „Leo XIV.“


def _namelike(doc: Doc, i: int) -> bool:
    """A capitalised word that may be part of a name (not a weekday, not a role)."""
    if not _regular(doc, i):
        return False
    word = doc.tokens[i].text
    return (
        word[:1].isupper()
        and word not in wordlists.NOT_NAMES
        and not lexicon.is_role(word)
        and word not in lexicon.demonyms()
        and not (word.isupper() and len(word) > 1 and not word.isalpha() and not _INITIAL(word))
    )


def _role_surname(doc: Doc, j: int, stop: int) -> bool:
    """Whether token j, right after a first name, is a surname that is also a role
    noun („Richter“, „König“, „Meister“): a plain role word with no capitalised word
    after it."""
    if j >= stop or not _regular(doc, j):
        return False
    word = doc.tokens[j].text
    return (
        word[:1].isupper()
        and word.isalpha()
        and word in lexicon.role_nouns()
        and word not in wordlists.NOT_NAMES
        and not (j + 1 < stop and _namelike(doc, j + 1))
    )


class People:
    """The mentions and entities of one article, built incrementally."""

    def __init__(self, doc: Doc, names: Sequence[tuple[int, int, str]] = ()) -> None:
        """`names`: spans (first token, end token, GermEval type) from the entity tagger,
        used besides the rules when given."""
        self.doc = doc
        self.names = sorted(names)
        self.entities: list[Entity] = []
        self.mentions: list[Mention] = []
        self._by_surname: dict[str, list[int]] = {}
        self._mention_at: dict[int, int] = {}  # token index → mention index (names)
        self._person_positions: list[tuple[int, int]] = []  # (token index, entity), sorted
        self._described_positions: list[tuple[int, int]] = []  # of descriptor entities
        self._org_positions: list[tuple[int, int]] = []  # of organisations' names
        self._org_by_name: dict[str, int] = {}
        self._desc_by_name: dict[str, int] = {}
        self._desc_by_head: dict[str, int] = {}
        self._named = False  # "Sprecher" → "ein Sprecher des DWD"

    @cached_property
    def quotes(self) -> list[QuoteSpan]:
        """The article's quotations (`marks.find_quotes`), found once for the phrases
        here and for the extractors that share these people."""
        return find_quotes(self.doc.text, self.doc.paragraphs)

    @cached_property
    def _quote_at(self) -> dict[int, QuoteSpan]:
        return {q.open: q for q in self.quotes}

    # -- names -------------------------------------------------------------
    def find_names(self) -> None:
        """First pass: titled names and first-name + surname; then bare surnames.

        Runs once; later calls do nothing."""
        if self._named:
            return
        self._named = True
        doc = self.doc
        for sentence in doc.sentences:
            i = sentence.first
            while i < sentence.last:
                i = self._name_at(i, sentence.last) or i + 1
        self._tagged_names()
        surnames = set(self._by_surname)
        for tok in doc.tokens:
            if tok.i in self._mention_at:
                continue
            word = tok.text
            key = word[:-1] if word.endswith("s") and word[:-1] in surnames else word
            if key in surnames and word[:1].isupper():
                entity = self._by_surname[key][-1]
                self._add_mention(tok.i, tok.i + 1, "name", entity)
        self._person_positions.sort()

    def _tagged_names(self) -> None:
        """The entity tagger's names where the rules found none: persons (a role noun
        just before becomes their role), organisations, places, other names, and a
        country for its adjective ("ukrainischen" → Ukraine)."""
        doc = self.doc
        for first, last, kind in self.names:
            if any(t in self._mention_at for t in range(first, last)):
                continue
            words = [doc.tokens[t].text for t in range(first, last)]
            if kind == "PER":
                if not words[-1][:1].isupper() or lexicon.is_role(words[-1]):
                    continue
                before = first - 1
                if (
                    before >= 0
                    and _regular(doc, before)
                    and lexicon.is_role(doc.tokens[before].text)
                ):
                    start, role = self._role_ending_at(before)
                    self._person(start, first, last, role)
                else:
                    self._person(first, first, last, None)
            elif kind in ("ORG", "LOC", "OTH"):
                name = doc.text[doc.tokens[first].start : doc.tokens[last - 1].end]
                if first and doc.tokens[first - 1].text.lower() in _GENITIVE_SINGULAR:
                    name = " ".join(nominative(name.split()))  # des Finanzministeriums
                self._add_mention(first, last, "name", self._name_entity(name, kind))
            elif kind == "LOCderiv" and last - first == 1:
                country = lexicon.country_of_adjective(words[0])
                if country:  # a mention, but no phrase starts at an adjective
                    token = doc.tokens[first]
                    entity = self._name_entity(country[0], "LOC")
                    self.mentions.append(Mention(token.start, token.end, "other", entity))

    def _name_entity(self, name: str, kind: str) -> int:
        """The article's entity of an organisation, place or other name."""
        key = name if kind == "ORG" else f"{kind}:{name}"
        entity = self._org_by_name.get(key)
        if entity is None:
            self.entities.append(Entity(name, kind))
            entity = self._org_by_name[key] = len(self.entities) - 1
        return entity

    def _name_at(self, i: int, stop: int) -> int | None:
        """Register a name starting at token i; return the index after it."""
        doc = self.doc
        word = doc.tokens[i].text
        if not (word[:1].isupper() or ("-" in word and _LOWER_CASE_COMPOUND.fullmatch(word))):
            return None  # no name, nor a role („ex-Präsident“), starts in lower case
        if _regular(doc, i) and lexicon.is_role(word):
            # „der Verteidigungsminister Österreichs“: a place in the genitive is the
            # role's scope, and a name may follow it
            scope = i + 1 < stop and self._place_genitive(i + 1)
            start = i + 1 + scope
            while start < stop - 1 and doc.tokens[start].text in _TITLES:
                start += 1  # „Studienleiterin Prof. Dr. Anna Schmidt“
            j = start
            while j < stop and j - start <= 4:
                if _namelike(doc, j):
                    j += 1
                elif j > start and (k := self._past_particles(j, stop)):
                    j = k
                else:
                    break
            if (
                j == start + 1
                and lexicon.first_name_gender(doc.tokens[start].text)
                and _role_surname(doc, j, stop)
            ):
                j += 1  # „Anwohnerin Petra König“: a surname that is a role noun
            if j > start and not (j == start + 1 and doc.tokens[start].text.isupper()):
                first, role = self._role_ending_at(i)
                if scope:
                    role = f"{role} {doc.tokens[i + 1].text}"
                return self._person(first, start, j, role)
            return None
        gender = lexicon.first_name_gender(word) if _namelike(doc, i) else None
        if gender is None or word.lower() in wordlists.PREPOSITIONS or word in _NOT_FIRST_NAMES:
            return None
        prev = doc.tokens[i - 1].text if i > 0 else ""
        if (
            _adjective_or_determiner(prev)
            and prev.lower() not in lexicon.cue_verbs()
            and (prev.lower() not in wordlists.AUXILIARIES)
        ):
            return None  # "jegliche Art von Angriff": a noun after an adjective is no name
        j = i + 1
        while j < stop and j - i <= 3:
            if _namelike(doc, j):
                j += 1
            elif k := self._past_particles(j, stop):
                j = k + 1
            else:
                break
        if j == i + 1 and _role_surname(doc, j, stop):
            j += 1  # „Markus Richter“, „Thomas König“: a surname that is a role noun
        if j == i + 1:
            return None
        # in an apposition, a given name or two the name list does not know open the
        # name: „Der Direktor der Agentur, Bambang Suryo Aji, sagte“
        first = next(
            (
                k
                for k in (i - 1, i - 2)
                if k >= 1
                and doc.tokens[k - 1].text == ","
                and all(_namelike(doc, m) and m not in self._mention_at for m in range(k, i))
            ),
            i,
        )
        return self._person(first, first, j, None, gender if gender in ("m", "f") else None)

    def _place_genitive(self, k: int) -> bool:
        """Whether token k is a country's genitive („Österreichs“) or the first word of a
        place or organisation the entity tagger found."""
        if self.doc.tokens[k].text in lexicon.country_genitives():
            return True
        return k in self._places

    def _places_after(self, j: int, stop: int) -> int:
        """Past the places listed after a country's genitive that ends at token j:
        „Die Außenminister Frankreichs, Italiens und Österreichs“."""
        doc, k = self.doc, j
        while (
            k + 1 < stop
            and doc.tokens[k].text in (",", "und", "sowie")
            and self._place_genitive(k - 1)
            and (doc.tokens[k + 1].text in lexicon.country_names() or k + 1 in self._places)
        ):
            k += 2
        return k if k > j and doc.tokens[k - 2].text != "," else j

    @cached_property
    def _places(self) -> frozenset[int]:
        """The first tokens of the entity tagger's places and organisations."""
        return frozenset(first for first, _, kind in self.names if kind in ("LOC", "ORG"))

    def _past_particles(self, j: int, stop: int) -> int | None:
        """The name word after particles starting at token j ("von der Leyen"), or None."""
        doc, k = self.doc, j
        while k < stop and doc.tokens[k].text in _NAME_PARTICLES:
            k += 1
        if not j < k < stop or _ABSTRACT_NOUN.search(doc.tokens[k].text):
            return None  # „sprach Angela Merkel von der Möglichkeit …“: a topic
        word = doc.tokens[k].text
        if k in self._places or _INSTITUTION.search(word) or _GENERIC_ORG.search(word):
            return None  # „Anna Schmidt von der Charité“: where she works
        if (
            doc.tokens[k - 1].text in ("der", "den")
            and doc.tokens[k].text.endswith("er")
            and k + 1 < stop
            and doc.tokens[k + 1].text[:1].isupper()
        ):
            # „Karl Harb von den Salzburger Nachrichten“: a place's adjective (but
            # „Richard von Weizsäcker Anfang 1990“)
            return None
        return k if _namelike(self.doc, k) else None

    def _person_at(self, k: int) -> bool:
        """Token k is part of a person's name (an organisation's name may be a tail)."""
        mention = self._mention_at.get(k)
        entity = self.mentions[mention].entity if mention is not None else None
        return entity is not None and self.entities[entity].kind == "PER"

    def _role_ending_at(self, role_index: int) -> tuple[int, str]:
        """Where the phrase of the role noun at `role_index` starts, and the role's text
        without its determiner ("der ukrainische Präsident" → "ukrainische Präsident")."""
        doc = self.doc
        first = self._descriptor_start(role_index)
        role_first = first + (doc.tokens[first].text.lower() in wordlists.DETERMINERS)
        return first, doc.text[doc.tokens[role_first].start : doc.tokens[role_index].end]

    def _descriptor_start(self, role_index: int) -> int:
        """Extend a role leftwards over adjectives to its determiner ("der ukrainische").

        Adjectives count only when a determiner opens them: in "sagte
        Verdi-Verhandlungsführer" the word before the role is the verb."""
        doc, first = self.doc, role_index
        sentence = doc.sentence_of(role_index)
        while first - 1 >= sentence.first:
            prev = doc.tokens[first - 1].text
            if prev.lower() in wordlists.DETERMINERS:
                return first - 1
            if (
                prev[:1].islower()
                and prev.endswith(("e", "en", "er", "es"))
                and _regular(doc, first - 1)
                and prev not in wordlists.ADVERBS
                and prev.lower() not in wordlists.PREPOSITIONS
            ):
                first -= 1
                continue
            break
        return role_index

    def _person(
        self, first: int, name_first: int, last: int, role: str | None, gender: str | None = None
    ) -> int:
        doc = self.doc
        name = doc.text[doc.tokens[name_first].start : doc.tokens[last - 1].end]
        surname = doc.tokens[last - 1].text
        entity = self._entity_for_name(name, surname)
        ent = self.entities[entity]
        if len(name) > len(ent.name):
            ent.name = name
        if gender and not ent.gender:
            ent.gender, ent.gender_source = gender, "first_name"
        if role:
            role_word = role.split()[-1]
            role = lexicon.normalise_role(role)
            if lexicon.feminine(role_word) and ent.gender_source != "text":
                ent.gender, ent.gender_source = "f", "text"
            elif ent.gender is None:
                ent.gender, ent.gender_source = "m", "text"
            if role not in ent.roles:
                ent.roles.append(role)
        kind = "title_name" if role else "name"
        self._add_mention(first, last, kind, entity, role)
        return last

    def _entity_for_name(self, name: str, surname: str) -> int:
        for entity in reversed(self._by_surname.get(surname, [])):
            known = self.entities[entity].name
            # "Stoltenberg" and "Jens Stoltenberg" are one; "Anna Müller" and "Peter Müller" are two.
            if known == name or len(known.split()) == 1 or len(name.split()) == 1:
                return entity
        self.entities.append(Entity(name=name, kind="PER"))
        entity = len(self.entities) - 1
        self._by_surname.setdefault(surname, []).append(entity)
        return entity

    def _add_mention(
        self, first: int, last: int, kind: str, entity: int | None, role: str | None = None
    ) -> int:
        doc = self.doc
        self.mentions.append(
            Mention(doc.tokens[first].start, doc.tokens[last - 1].end, kind, entity, role)
        )
        index = len(self.mentions) - 1
        for t in range(first, last):
            self._mention_at.setdefault(t, index)
        if entity is not None and self.entities[entity].kind == "PER":
            bisect.insort(self._person_positions, (first, entity))
        elif entity is not None and self.entities[entity].kind == "DESC":
            bisect.insort(self._described_positions, (first, entity))
        elif entity is not None and self.entities[entity].kind == "ORG" and kind == "name":
            bisect.insort(self._org_positions, (first, entity))
        return index

    # -- phrases -----------------------------------------------------------
    def phrase_at(self, i: int, stop: int) -> Phrase | None:
        """The noun phrase starting at token i (a speaker candidate), or None.

        An apposition with a name ("die Chefin des Verbands, Petra Lindqvist,")
        makes the phrase a name phrase that spans both.
        """
        phrase = self._phrase_at(i, stop)
        if phrase is None or phrase.kind not in ("descriptor", "other"):
            return phrase
        doc, j = self.doc, phrase.last
        # the name may start with a given name the name finder does not know: „Bambang
        # Suryo Aji“, a mention from „Suryo“
        if j + 1 < stop and doc.tokens[j].text == "," and doc.tokens[j + 1].text[:1].isupper():
            inner = self._phrase_at(j + 1, stop)
            if inner is not None and inner.kind == "name":
                close = inner.last
                if close >= stop or doc.tokens[close].text in {",", ".", ":"}:
                    last = close + 1 if close < stop and doc.tokens[close].text == "," else close
                    return Phrase(i, last, "name", inner.head, phrase.definite, inner.mention)
        return phrase

    def _stands_alone(self, j: int, stop: int) -> bool:
        """Whether a determiner before token j stands for a noun phrase of its own
        („sagte dieser, …“, „schrieb diese in …“, „Dieser sagte“), not before its noun
        („diese neue Regel“)."""
        if j >= stop:
            return True
        word = self.doc.tokens[j].text
        low = word.lower()
        if not word[:1].isalnum():
            return True
        return word[:1].islower() and (low in _NOT_NOUN_PHRASE or low in lexicon.cue_verbs())

    def _phrase_at(self, i: int, stop: int) -> Phrase | None:
        doc = self.doc
        if i >= stop or not _regular(doc, i):
            return None
        word = doc.tokens[i].text
        low = word.lower()
        if low in ("er", "sie"):
            return Phrase(i, i + 1, "pronoun", head=low)
        owned = self._possessor(i, stop)
        if owned is not None:
            # „Schalkes Trainer Felix Magath“, „Merkels Sprecher“, „Merz' Sprecher“:
            # the person the role or kinship names, not the name in the genitive
            # before it; unnamed, a descriptor of its own (never the nearest person of
            # that role: Merkel)
            inner = self._phrase_at(owned, stop)
            if inner is not None and inner.kind == "name":
                return replace(inner, first=i)
            last = inner.last if inner is not None and inner.kind == "descriptor" else owned + 1
            return Phrase(i, last, "descriptor", head=doc.tokens[owned].text)
        if low in _DEMONSTRATIVES and self._stands_alone(i + 1, stop):
            # „…, so schrieb diese in einer Stellungnahme, …“: the person just named
            return Phrase(i, i + 1, "pronoun", head=_DEMONSTRATIVES[low])
        if i in self._mention_at:
            return self._mention_phrase(i, stop)
        if low in wordlists.DETERMINERS:
            j = i + 1
            while j < stop and _regular(doc, j) and _adjective_or_determiner(doc.tokens[j].text):
                j += 1
            title = self._quoted_title(j, stop)
            if title is not None:  # "der „Spiegel“", "die „Bild“-Zeitung": a title
                head = _unquoted(doc.text[doc.tokens[j].start : doc.tokens[title - 1].end])
                return Phrase(i, title, "descriptor", head=head, definite=low in wordlists.DEFINITE)
            if j >= stop or not _regular(doc, j):
                return None
            if lexicon.is_age_descriptor(doc.tokens[j].text):  # "der 29-Jährige"
                return Phrase(i, j + 1, "descriptor", doc.tokens[j].text, low in wordlists.DEFINITE)
            if not doc.tokens[j].text[:1].isupper():
                return None
            if j in self._mention_at:  # "der ukrainische Präsident Wolodymyr Selenskyj"
                inner = self._mention_phrase(j, stop)
                return Phrase(i, inner.last, "name", inner.head, True, inner.mention)
            head = doc.tokens[j].text
            j = self._places_after(self._proper_tail(j + 1, stop), stop)
            if j in self._mention_at:  # "die Ärztin Maria Lehmann"
                inner = self._mention_phrase(j, stop)
                return Phrase(i, inner.last, "name", inner.head, True, inner.mention)
            j = self._genitive(j, stop, titles=not lexicon.is_role(head))
            return Phrase(i, j, "descriptor", head=head, definite=low in wordlists.DEFINITE)
        if word[:1].isupper() and word not in wordlists.NOT_NAMES and low not in wordlists.ADVERBS:
            j = i + 1
            while j < stop and j - i < 4 and (_namelike(doc, j) or doc.tokens[j].text.isupper()):
                if j in self._mention_at:  # "Verdi-Verhandlungsführer Markus Ohlendorf"
                    inner = self._mention_phrase(j, stop)
                    return Phrase(i, inner.last, "name", inner.head, False, inner.mention)
                j += 1
            if lexicon.is_role(word):
                end = self._genitive(j, stop, titles=False)
                return Phrase(i, end, "descriptor", head=word)
            return Phrase(i, j, "other", head=doc.tokens[j - 1].text)
        return None

    def _possessor(self, i: int, stop: int) -> int | None:
        """The role or kinship noun that token i, a name in the genitive, owns: the
        token after „Schalkes Trainer“, „Deutschlands Außenministerin“, „Demjanjuks
        Sohn“, or after the apostrophe of „Merz' Sprecher“; None for a first name
        („Jens Stoltenberg“, „Andreas Trainer“) and anything else."""
        doc = self.doc
        word = doc.tokens[i].text
        owned = i + 1
        if owned + 1 < stop and doc.tokens[owned].text in ("'", "’") and word[-1:] in "sxzß":
            owned += 1  # „Merz' Sprecher“: the apostrophe marks the genitive
        elif not word.endswith("s"):
            return None
        if not (
            owned < stop
            and len(word) > 3
            and word[:1].isupper()
            and word.replace("-", "").isalpha()  # Nordrhein-Westfalens
            and word.lower() not in wordlists.DETERMINERS
            and _regular(doc, owned)
        ):
            return None
        noun = doc.tokens[owned].text
        if (lexicon.is_role(noun) or noun in _KIN) and lexicon.first_name_gender(word) is None:
            return owned
        return None

    def _mention_phrase(self, i: int, stop: int) -> Phrase:
        doc = self.doc
        mention = self.mentions[self._mention_at[i]]
        j = i
        while j < stop and doc.tokens[j].start < mention.end:
            j += 1
        return Phrase(i, j, "name", head=doc.tokens[j - 1].text, mention=self._mention_at[i])

    def _proper_tail(self, j: int, stop: int) -> int:
        """Capitalised words after a head: "die Kölner Verkehrs-Betriebe AG", "der
        Indonesischen Such- und Rettungsagentur" (a compound cut short before „und“)."""
        doc, k = self.doc, j
        while (
            k < stop
            and k - j < 3
            and _regular(doc, k)
            and doc.tokens[k].text[:1].isupper()
            and doc.tokens[k].text not in wordlists.NOT_NAMES
            and not self._person_at(k)
        ):
            k += 1
        if (
            k + 1 < stop
            and doc.tokens[k - 1].text.endswith("-")
            and doc.tokens[k].text in ("und", "oder")
            and doc.tokens[k + 1].text[:1].isupper()
            and _regular(doc, k + 1)
        ):
            return k + 2
        return k

    def _genitive(self, j: int, stop: int, depth: int = 2, titles: bool = True) -> int:
        """Extend over a genitive attribute: "ein Sprecher des Deutschen Wetterdienstes",
        and one inside it: "der Leiter des Influenza-Programms der WHO". A title in
        quotation marks counts after a person's role only with „des“: in „sagte die
        Ministerin der „Bild“-Zeitung“ the paper is who she said it to."""
        doc = self.doc
        if depth and j < stop and doc.tokens[j].text in _GENITIVE_DETS:
            k = j + 1
            while k < stop and _regular(doc, k) and _adjective_or_determiner(doc.tokens[k].text):
                k += 1
            if k < stop and doc.tokens[k].text[:1].isupper() and _regular(doc, k):
                return self._genitive(self._proper_tail(k + 1, stop), stop, depth - 1)
            title = self._quoted_title(k, stop)  # "ein Bericht der „Süddeutschen Zeitung“"
            if title is not None and (titles or doc.tokens[j].text == "des"):
                return self._genitive(title, stop, depth - 1)
        return j

    def _quoted_title(self, j: int, stop: int) -> int | None:
        """The token after a title or name in quotation marks that opens at token j and
        closes within five tokens („Spiegel“, „Süddeutschen Zeitung“, „Bild“-Zeitung
        with its closing mark inside a token: `marks.names_only`), or None."""
        doc = self.doc
        quote = self._quote_at.get(doc.tokens[j].start) if j < stop else None
        if quote is None or not quote.closed:
            return None
        closing = doc.token_range(quote.close, quote.close + 1, "expand")
        if closing is None or not j < closing[0] < min(j + 6, stop):
            return None
        inner = _unquoted(doc.text[quote.open + 1 : doc.tokens[closing[0]].end])
        return closing[1] if inner.strip() and names_only(inner) else None

    # -- resolution --------------------------------------------------------
    def resolve(self, phrase: Phrase) -> int | None:
        """The entity a speaker phrase refers to; registers the phrase as a mention."""
        doc = self.doc
        if phrase.mention is not None:
            return self.mentions[phrase.mention].entity
        if phrase.kind == "pronoun":
            gender = "f" if phrase.head == "sie" else "m"
            subject = self._described_subject(phrase.first, gender)
            entity = self.resolve(subject) if subject else self.antecedent(phrase.first, gender)
            if entity is not None:
                self._add_mention(phrase.first, phrase.last, "pronoun", entity)
                self._text_gender(entity, gender)
            return entity
        text = doc.text[doc.tokens[phrase.first].start : doc.tokens[phrase.last - 1].end]
        if phrase.kind == "descriptor":
            head = phrase.head
            role = lexicon.is_role(head)
            # „der Norweger“, „der 29-Jährige“; not „die Deutsche Bahn“, a name
            by_kind = (head in lexicon.demonyms() or lexicon.is_age_descriptor(head)) and (
                doc.tokens[phrase.last - 1].text == head
            )
            # „die Experten“, „die Minister“: many, never one person named before
            plural = _many(doc.tokens[phrase.first].text, head)
            if phrase.definite and (role or by_kind) and not plural:
                age = lexicon.is_age_descriptor(head)
                feminine = doc.tokens[phrase.first].text.lower() == "die" if age else None
                gender = "f" if feminine or lexicon.feminine(head) else "m"
                entity = self._person_with_role(head, phrase.first) if role else None
                if entity is None and role:
                    entity = self._desc_by_head.get(head)
                if entity is None and age:
                    # „sagte die 41-Jährige“ as a pronoun would: „Eine Nachbarin“ too
                    entity = self.antecedent(phrase.first, gender)
                elif entity is None and by_kind:
                    entity = self._nearest_person(phrase.first, gender)
                if entity is None and role:  # "der SPD-Politiker": someone just named
                    entity = self._nearest_person(phrase.first, gender, window=RECENT_SENTENCES)
                if entity is not None:
                    self._add_mention(phrase.first, phrase.last, "descriptor", entity)
                    if lexicon.feminine(head) or role or age:  # "die Ministerin", "der Minister"
                        self._text_gender(entity, gender)
                    return entity
            if role and not plural and self._in_heading(phrase.first):
                # „„Wir bleiben bei der Schuldenbremse“ – Finanzminister im Interview“:
                # the person the article goes on to name with that role
                entity = self._person_with_role(head, len(doc.tokens))
                if entity is not None:
                    self._add_mention(phrase.first, phrase.last, "descriptor", entity)
                    return entity
            if role or by_kind or head in _KIN:
                return self._descriptor_entity(text, phrase)
            if (
                phrase.definite
                and phrase.last - phrase.first <= 3
                and doc.tokens[phrase.last - 1].text == head  # not „Die Gewerkschaft Verdi“
                and _GENERIC_ORG.search(head)
            ):
                # „Das teilte der Verein mit“: the club named just before
                found = self._organisation_before(phrase)
                if found is not None:
                    return found
            return self._org_entity(text, phrase)
        return self._org_entity(text, phrase)

    def _organisation_before(self, phrase: Phrase) -> int | None:
        """The organisation named last within `RECENT_SENTENCES` sentences before a
        generic noun's phrase („der Verein“, „des Konzerns“), with the phrase registered
        as its mention; None without one."""
        found = self._nearest(self._org_positions, phrase.first, None, RECENT_SENTENCES)
        if found is None:
            return None
        self._add_mention(phrase.first, phrase.last, "descriptor", found[1])
        return found[1]

    def _text_gender(self, entity: int, gender: str) -> None:
        """Gender as the text states it (a pronoun, a gendered noun) overrides a guess
        from the first name."""
        ent = self.entities[entity]
        if ent.kind == "PER" and ent.gender_source != "text":
            ent.gender, ent.gender_source = gender, "text"

    def _descriptor_entity(self, text: str, phrase: Phrase) -> int:
        entity = self._desc_by_name.get(text)
        if entity is None:
            gender = "f" if lexicon.feminine(phrase.head) else None
            self.entities.append(Entity(text, "DESC", gender, "text" if gender else None))
            entity = self._desc_by_name[text] = len(self.entities) - 1
        self._desc_by_head[phrase.head] = entity
        self._add_mention(phrase.first, phrase.last, "descriptor", entity)
        return entity

    def _org_entity(self, text: str, phrase: Phrase) -> int:
        words = _unquoted(text).split()
        if words and words[0].lower() in wordlists.DETERMINERS:
            genitive = words[0].lower() in _GENITIVE_SINGULAR
            words = nominative(words[1:]) if genitive else words[1:]
        if names_author(words):
            # „laut einem Bericht der „Bild“-Zeitung“: the paper, not „Bericht der …“
            words = nominative(words[2:]) if words[1] in _GENITIVE_SINGULAR else words[2:]
            if len(words) == 1 and _GENERIC_ORG.search(words[0]):
                # „einer Mitteilung des Konzerns“: the company named just before
                found = self._organisation_before(phrase)
                if found is not None:
                    return found
        entity = self._name_entity(" ".join(words) or text, "ORG")
        self._add_mention(phrase.first, phrase.last, "other", entity)
        return entity

    def _nearest_person(
        self, before: int, gender: str | None, window: int | None = None
    ) -> int | None:
        """The person mentioned last before token `before` who fits `gender`.

        With `window`, only persons mentioned in the last `window` sentences count.
        """
        found = self._nearest(self._person_positions, before, gender, window)
        return found[1] if found is not None else None

    def antecedent(self, before: int, gender: str) -> int | None:
        """The entity a pronoun of `gender` („m“ er, „f“ sie) at token `before` refers
        to: the person mentioned last before it, or a person described without a name
        („ein Sprecher der Bahn“) mentioned after them within `RECENT_SENTENCES`
        sentences („Ein Sprecher der Bahn sagte, … Er fügte hinzu“)."""
        person = self._nearest(self._person_positions, before, gender)
        described = self._nearest(self._described_positions, before, gender, RECENT_SENTENCES)
        if described is not None and (person is None or person[0] < described[0]):
            return described[1]
        return person[1] if person is not None else None

    def _described_subject(self, token: int, gender: str) -> Phrase | None:
        """A person described without a name („Der Angeklagte“, „Die 41-Jährige“)
        who opens the sentence before token `token`'s in the same paragraph, of the
        pronoun's `gender`, with no person named between: „Der Angeklagte bestritt die
        Vorwürfe. Er sei zur Tatzeit in Leipzig gewesen, ließ er erklären.“"""
        doc = self.doc
        sentence = doc.sentence_of(token)
        if sentence.i == 0:
            return None
        before = doc.sentences[sentence.i - 1]
        first = before.first
        if before.paragraph != sentence.paragraph or doc.tokens[first].text not in ("Der", "Die"):
            return None
        phrase = self._phrase_at(first, sentence.first)
        if phrase is None or phrase.kind != "descriptor" or not phrase.definite:
            return None
        head, determiner = phrase.head, doc.tokens[first].text
        if not (lexicon.is_role(head) or lexicon.is_age_descriptor(head)):
            return None
        if _many(determiner, head) or ("f" if determiner == "Die" else "m") != gender:
            return None
        person = self._nearest(self._person_positions, token, gender)
        return phrase if person is None or person[0] < first else None

    def _nearest(
        self,
        positions: list[tuple[int, int]],
        before: int,
        gender: str | None,
        window: int | None = None,
    ) -> tuple[int, int] | None:
        """(token, entity) of the last of `positions` before token `before` whose
        entity fits `gender`, within the last `window` sentences if given."""
        k = bisect.bisect_left(positions, (before, -1))
        floor = -1
        if window is not None:
            sentence = self.doc.sentence_of(before).i
            floor = self.doc.sentences[max(sentence - window, 0)].first
        for position, entity in reversed(positions[:k]):
            if position < floor:
                return None
            known = self.entities[entity].gender
            if gender is None or known is None or known == gender:
                return position, entity
        return None

    def _in_heading(self, token: int) -> bool:
        """Whether token `token` is in a headline or an intertitle (`is_heading`)."""
        doc = self.doc
        tokens = doc.token_range(*doc.paragraphs[doc.sentence_of(token).paragraph], "contract")
        return tokens is not None and is_heading(doc, *tokens)

    def _person_with_role(self, head: str, before: int) -> int | None:
        k = bisect.bisect_left(self._person_positions, (before, -1))
        for _, entity in reversed(self._person_positions[:k]):
            roles = self.entities[entity].roles
            if any(w.casefold().endswith(head.casefold()) for r in roles for w in r.split()):
                return entity
        return None

    def recent_person(self, before: int) -> int | None:
        """The person mentioned last before token `before`, within the last
        `RECENT_SENTENCES` sentences."""
        return self._nearest_person(before, None, window=RECENT_SENTENCES)

    def person_at(self, token: int) -> int | None:
        mention = self._mention_at.get(token)
        return self.mentions[mention].entity if mention is not None else None
