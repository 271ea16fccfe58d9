"""Rule-based statement extraction (`sagte.quotes.rules.v15`).

Sentences are first grouped into units: a quotation that runs over several
sentences keeps them together, so „A. B“, sagte er is one unit, and one left open
keeps the rest of its paragraph together (v15). Each unit is then
tried against the patterns below, in this order, because the earlier ones are the
more reliable and a unit yields at most one statement (a naming verb one per
quotation it names):

1. a trailing frame: „…“, sagte der Norweger. / …, so Stoltenberg. / …, heißt es. /
   …, so Karl Harb von den Salzburger Nachrichten. / …, wird X zitiert. (v6) /
   …, so sagte der Minister. / „…“ – so der Kanzler. / „…“, hatte Merkel gesagt. /
   „…“, freute sich der Trainer. / „…“, zeigte sich Merkel zuversichtlich. (v9) /
   Die Lage, so sagte der Minister, sei ernst. (the frame inserted, v10) / …, hieß
   es aus dem Ministerium. / Das Treffen, so heißt es, sei abgesagt. (v10) / …, ließ
   er über seinen Anwalt erklären. (v15)
2. a leading frame: Stoltenberg machte deutlich, dass … / Er warnte, … / X sagte: „…“ /
   X forderte Y auf, die Stadt zu verlassen (an infinitive clause with zu) / Als Grund
   wurde angegeben, es werde … (a passive without agent, v6) / In der Erklärung heißt
   es, … (v6) / Im April wurde bekannt, dass … (no source named, v6) / Der Minister
   zeigte sich zuversichtlich, dass … (an attitude, v10) / Aus Kreisen der Koalition
   verlautete, … / Wie aus Regierungskreisen verlautete, … (the source after „aus“, v10)
   / Klien wurde vorgeworfen, … / Zudem wurde die Regierung vom Verband aufgefordert,
   … (in the passive the agent after „von“ speaks, if any, and the subject is whom it
   addresses; the cue is the passive, v11) / Der Minister hat die Bürger aufgefordert,
   … (a report verb's participle with a clause, v11)
3. a non-verb cue: nach Angaben von X / laut X / X zufolge / nach Polizeiangaben /
   Seiner Ansicht nach (v5) / …, wonach … (v5) / nach dpa-Informationen (v9) / nach
   einer Umfrage des Instituts Forsa (the text's author speaks, v15)
4. an anaphoric report: Das gab X bekannt. (the statement is the previous sentence;
   a quotation before it is X's verbatim: „…“ Das sagte Olaf Scholz der SZ., v8;
   „…“ Mit diesen Worten reagierte X auf …, v10; „…“ So äußerte sich X., v15)
5. a quotation after a colon, said by the subject of the clause before it: Im Brief
   an Chirac erklärt er: „…“ / Polizeisprecher Jonas Weber: „…“ (v4) / „…“, sagte
   er und fügte hinzu: „…“ (v9); Konjunktiv I after such a colon: Clemens Fuest
   sieht das ähnlich: Es komme nun auf die Umsetzung an. (v9)
6. a quotation a naming verb gives: X nannte die Pläne „fahrlässig“ / X bezeichnete
   sie als „Wortbruch“ (v4)
7. a continuation of the previous unit's statement without a cue: a further
   quotation, a sentence in Konjunktiv („Es gebe immer das Risiko …“), demnach,
   reportive sollen („Er soll die Männer gewarnt haben“), a plan with sollen in the
   first clause („Juventus soll absteigen“; not in a relative clause, v7); after a
   narrated main clause, only its Konjunktiv clause (v12), where a capital inside
   that main clause is a noun, never its verb („Das Gehen bereite ihm …“, v13); the
   text of a paragraph that continues a quotation the paragraph before left open,
   up to its closing mark (v14); Konjunktiv I after a sentence that opens with
   another person's name is that person's („Oberstaatsanwältin Sabine Krüger hielt
   dagegen. Auf den Aufnahmen sei …“, v15)
8. a sentence that opens with „Demnach“ and continues no statement: the adverb
   stands for the report the sentence before names; a sentence that is a
   quotation and nothing else, said by the person named last before it (v5)
9. a reported speech act: X forderte eine Flugverbotszone. / X verwies auf … /
   X bezifferte den Schaden auf … / X wertet die Einigung als Erfolg / Auch
   Rettungskräfte berichten von … / X hatte im Juli von … berichtet (v7) / Als Grund
   gab X … an / X plädierte für … (v11); in the passive, its participle closing the
   sentence: Als Grund wurde … genannt. / Die Pläne wurden von X als unrealistisch
   bezeichnet. (v11) / SPD und PDS wiesen die Vorwürfe als haltlos zurück. (a
   coordinated subject, and „zurückweisen“ only with „als“, v12)
10. a claim marked as reported by its verb alone, with no statement before it to
    continue: Konjunktiv I or reportive sollen, the speaker left open (v2).

Across the whole article, the answers of an interview printed as questions and
answers are said by the person their label names (Frage: …? / Stoltenberg: …, v8).

Negated speech ("…, sagte Stoltenberg nicht") is never a statement and ends a chain
of continuations. Whom a person said something to may open the clause, in the
dative: the speaker then follows the verb (Dem „Spiegel“ sagte Scholz, … / Der
Zeitung sagte er, …, v9).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import partial

from sagte.analysis import lexicon, mood, wordlists
from sagte.analysis.lexicon import Cue
from sagte.analysis.marks import QuoteSpan, names_only, run_on_quotations, words_said
from sagte.analysis.model import Analysis, Span, Statement
from sagte.analysis.speakers import People, Phrase, is_heading, names_author
from sagte.text import Doc

EXTRACTOR = "sagte.quotes.rules.v15"
# Prepositions of where a person is from, between a name and its apposition.
_ORIGINS = frozenset({"vom", "von", "aus"})
# Prefixes of the rules whose statements are inferred, with no cue of their own: they
# give way to a statement found with one (here, and in the accurate mode's merge).
INFERRED_RULES = ("continuation", "evidential", "standalone")

_FINAL = frozenset(".!?;:")
# Relative adverbs and pronouns that open the writer's comment on what was said
_COMMENTS = frozenset({"was", "wobei", "worauf", "woraufhin"})
# Lower-case words after „und“ or a comma that open no predicate of their own
_NOT_PREDICATES = wordlists.DETERMINERS | wordlists.PREPOSITIONS | {"dass", "ob", "zu", "sich"}
# A clause these open is subordinate: „Wie er sagte, …“, „Nachdem …“, „Der, den …“
_SUBORDINATING_TAGS = frozenset({"KOUS", "PWAV", "PRELS", "PWS", "KOKOM"})
_QUOTE_CHARS = frozenset("„“”\"»«‚‘’'‹›")
_MEDIUM = {"S": "Speech", "W": "Writing", "T": "Thought", "SW": "SW", "ST": "ST", "TW": "TW"}
_MEDIUM_CODE = {name: code for code, name in _MEDIUM.items()}
_CLAUSE_STARTERS = frozenset({"dass", "ob"})
_HEISST = ("heißt", "hieß")
_PASSIVE = wordlists.PASSIVE_AUXILIARIES
_BECAME = frozenset({"wurde", "wird", "war", "ist"})  # „wurde bekannt“, „war bekannt geworden“
_FINITE = ("VV(FIN)", "VA(FIN)", "VM(FIN)")  # HanTa's finite verbs
_ANY_TAG = ("",)  # every tag starts with "" (and none with the empty tuple)
_NOT_MESSAGE_START = frozenset(
    [
        "der",
        "die",
        "das",
        "welche",
        "welcher",
        "welches",
        "um",
        "als",
        "wenn",
        "weil",
        "nachdem",
        "bevor",
        "während",
        "obwohl",
    ]
)
_ANAPHORS = frozenset({"das", "dies", "dieses", "diese"})
# Separable particles before the "zu" of an infinitive written as one word: freizumachen.
_ZU_INFIX = re.compile(
    r"(?:ab|an|auf|aus|bei|bereit|dar|durch|ein|fest|fort|frei|her|heraus|hin|hinzu|los"
    r"|mit|nach|statt|teil|um|vor|voran|vorbei|weg|weiter|wieder|zu|zurück|zusammen|über)"
    r"zu[a-zäöüß]{2,}n"
)
# Words that open an apposition or a relative clause after a name.
_APPOSITION_STARTS = frozenset(
    {"der", "die", "das", "ein", "eine", "einer", "eines", "dessen", "deren"}
)
_ROLE_LINKS = frozenset({"von", "der", "des", "am", "im", "bei", "für", "beim"})
# Conjunctions that open an adverbial clause before the main clause.
_SUBORDINATORS = frozenset(
    {"falls", "wenn", "da", "weil", "obwohl", "nachdem", "bevor", "sobald", "sofern", "während"}
)
# Words that open a subordinate clause, these and the word list's („dass“, „ob“, …)
_CLAUSE_OPENERS = _SUBORDINATORS | wordlists.SUBORDINATORS
# Nouns for a report or count after "nach" that make a sentence a statement.
_SOURCE_NOUN = re.compile(
    r"(angaben|berichte?n?|schätzung(en)?|berechnungen|ermittlungen|erkenntniss?en|aussagen?"
    r"|informationen|analysen?|studien?|umfragen?|recherchen?|zählungen|auskunft|prognosen?"
    r"|meinung|ansicht|auffassung|einschätzung|überzeugung|erfahrungen|erkenntnisstand"
    r"|stellungnahme|mitteilung|quellenlage|hinweis(en)?|nachrichten|statistik(en)?"
    r"|worten|planungen|darstellung(en)?|vorhersagen?|dokument)$"
)
# Sources written in lower case: a web address, a compound with a lower-case first
# part, the one newspaper that writes its name so
_LOWER_CASE_SOURCE = re.compile(
    r"[a-z][\w-]*\.(de|com|net|org|at|ch|fr|uk)|[a-zäöü]+-[A-ZÄÖÜ][\w-]*|taz"
)
# „Seiner Ansicht nach“, „Dem Vernehmen nach“, „eigenem Bekunden nach“
_VIEW_OWNERS = frozenset({"seiner", "ihrer", "dem", "eigenem", "eigener"})
_VIEW_NOUN = re.compile(r"meinung|ansicht|auffassung|überzeugung|einschätzung|vernehmen|bekunden")
# HanTa's tags of a first word that opens an adverbial, not a subject.
_ADVERBIAL_TAGS = frozenset({"ADV", "ADJ(D)", "APPR", "APPRART", "PAV", "KON", "PTKNEG"})
_INFINITIVE = re.compile(r"[a-zäöüß]+n")
# Adverbs of two words, which HanTa tags as an article and a noun or adjective.
_ADVERB_PAIRS = frozenset({("des", "weiteren"), ("im", "übrigen")})


# Frame verbs that report with a plain object too ("warf der SPD eine Fehlentwicklung
# vor", "kündigte seine Kandidatur an"): a statement when no clause follows.
# Not „kritisierte die Pläne“, „bestätigte den Tod“, „äußerte Zweifel“: the quotation
# dataset annotates 1 of 14 such sentences in its training data.
_OBJECT_FRAMES = frozenset(
    {
        "vorwerfen", "ankündigen", "beklagen", "einräumen", "zugeben", "verkünden",
        "hervorheben", "unterstreichen", "kommentieren", "zusichern", "bekanntgeben",
    }
)  # fmt: skip
# Report verbs whose object is a stance, not something said: „verurteilte den
# Anschlag“, „begrüßte die Entscheidung“, „lehnte den Vorschlag ab“ (7 of 34 such
# sentences annotated); with a clause they still frame one („begrüßte, dass …“).
_STANCES = frozenset({"loben", "begrüßen", "verurteilen", "dementieren", "ablehnen", "bitten"})
# Verbs that give their object a name: „nannte die Entscheidung „fahrlässig““,
# „bezeichnete die Pläne als „Wortbruch““. A quoted name is the speaker's words, a
# Direct statement on its own (the dataset annotates 25 of 27 such quotations in its
# training data so, the two others are a broadcaster's name after „mit dem“).
_NAMING = frozenset({"nennen", "bezeichnen", "würdigen"})
# Sentence-initial determiners only a dative takes, and pronouns only a subject is.
_DATIVES = frozenset({"Dem", "Einem"})
_NOMINATIVE_PRONOUNS = frozenset({"er", "ich", "wir", "man"})
_DASHES = frozenset("–—")
# Finite forms of reflexive verbs of feeling that attribute a quotation before them.
_FEELING = frozenset(
    f"{stem}{ending}"
    for stem in ("freut", "ärgert", "empört", "wundert", "zeigt", "beklagt", "beschwert")
    for ending in ("", "e", "en")
) | {"gab", "gibt", "gaben"}
# „Der Minister zeigte sich zuversichtlich, dass …“, „Sie gab sich überzeugt: „…““:
# „sich zeigen“ and „sich geben“ with an adjective of attitude frame what follows.
_SHOWS = {
    **{f"zeigt{e}": "sich zeigen" for e in ("", "e", "en")},
    **{w: "sich geben" for w in ("gibt", "gab", "gaben", "geben")},
}
_ATTITUDES = frozenset(
    {
        "zuversichtlich",
        "optimistisch",
        "pessimistisch",
        "überzeugt",
        "besorgt",
        "erleichtert",
        "enttäuscht",
        "skeptisch",
        "sicher",
        "zufrieden",
        "unzufrieden",
        "überrascht",
        "erfreut",
        "froh",
        "entsetzt",
        "empört",
        "bestürzt",
        "betroffen",
        "schockiert",
        "erschüttert",
        "verärgert",
        "verwundert",
        "erstaunt",
        "dankbar",
        "hoffnungsvoll",
        "beeindruckt",
        "irritiert",
        "gelassen",
        "kämpferisch",
        "selbstbewusst",
        "bereit",
    }
)
_SHOWING = frozenset(_SHOWS.values())  # their lemmas, whose cue takes „sich“ along
# Cue lemmas whose reflexive pronoun stands between the verb and its subject.
_REFLEXIVE_CUES = _SHOWING | {"äußern"}
_POSSESSIVES = frozenset({"seinen", "seiner", "seinem", "ihren", "ihrer", "ihrem"})
# „„…“ Mit diesen Worten reagierte X auf …“
_THESE_WORDS = frozenset({("mit", "diesen", "worten"), ("mit", "diesen", "sätzen")})
_RELATIVES = frozenset(
    {"der", "die", "das", "dem", "den", "denen", "deren", "dessen", "welche", "welcher"}
)
# Verbs of saying that report a main clause in the indicative as well („Der Minister
# sagte, die Steuern steigen nicht.“), where others need Konjunktiv or „dass“.
_SAYING = frozenset({"sagen", "erklären", "betonen", "mitteilen", "schreiben", "ergänzen"})
_CASUALTIES = frozenset({"todesopfer", "todesopfern", "menschenleben", "verletzte"})
_INDEFINITE = frozenset({"ein", "eine", "einen", "einem", "einer", "eines"})
_MAX_NAME_QUOTE = 12  # tokens inside the marks: a name, not a speech
_CLAUSE_MARKS = frozenset(",:") | _QUOTE_CHARS  # what opens a clause or quotation
_TOPIC_PREPOSITIONS = frozenset({"vor", "von", "über"})
_HABEN = frozenset({"hat", "haben", "hatte", "hatten", "habe", "hätte", "hätten"})
# Before a frame verb that ends the clause: „hatte Merkel gesagt“, „ließ er erklären“
_HABEN_OR_LASSEN = _HABEN | {"lässt", "ließ", "ließen", "lassen"}
_DAY_TIME = re.compile(
    r"(?:(?:Mon|Diens|Donners|Frei|Sams|Sonn)tag|Mittwoch)(?:abend|morgen|mittag|nachmittag|vormittag)?"
    r"|Abend|Morgen|Mittag|Nachmittag|Vormittag|Wochenende"
)
_TIME_NOUN = re.compile(r"(sekunden|minuten|stunden|tagen|wochen|monaten|jahren|jahrzehnten)")
# Prepositions that open what a frame verb reports besides vor/von/über: „wiesen auf
# die Gefahren hin“, „verwies auf die schlechten Wetterbedingungen“.
_OWN_TOPICS = {
    "hinweisen": frozenset({"auf"}),
    "verweisen": frozenset({"auf"}),
    "plädieren": frozenset({"für"}),
}
# Report verbs that report only with this word in their clause: „wertet die Einigung
# als Erfolg“, not „wertet die Seiten … aus“; „wies die Vorwürfe als haltlos zurück“,
# not „wies die Vorwürfe zurück“ (in the training data 7 of 8 such sentences are not
# annotated).
_REPORTS_WITH = {"werten": "als", "einstufen": "als", "zurückweisen": "als"}
# Verbs that name a reason, a date or an example the clause opens with: „Als Grund
# nannte er …“, „Als Termin wurde der 22. Oktober genannt“, „Als Beispiel führte er …
# an“ (a report with its object; 11 of 12 such sentences in the training data).
_NAMED_AS = frozenset({"nennen", "angeben", "anführen", "vermuten"})
# Verbs that judge what the passive's subject is: „Die Forderungen wurden von Stolpe
# als unrealistisch bezeichnet“ (9 of 12 such sentences in the training data).
_JUDGED_AS = frozenset(
    {"bezeichnen", "kritisieren", "loben", "einstufen", "werten", "verurteilen", "würdigen"}
)
# What the passive's participle may be followed by before the clause ends.
_PASSIVE_TAIL = frozenset({"worden"})
_AFTER_PARTICLE = frozenset({"und", "oder", "sowie", "dass", "ob", "wie"})
_PLACE_PREPOSITIONS = frozenset({"in", "aus", "von", "bei"})
_GENITIVE_ARTICLES = frozenset({"der", "des", "dem"})
_DATIVE_ARTICLES = frozenset({"dem", "der", "einem", "einer"})
_SOLLEN = frozenset({"soll", "sollen", "sollte", "sollten"})
# Determiners of a genitive source after a source noun: nach Angaben [seines Anwalts].
_GENITIVE_DETERMINERS = frozenset(
    {"der", "des", "eines", "einer", "seines", "seiner", "ihres", "ihrer", "unseres", "unserer"}
)
_NOT_ADJECTIVES = wordlists.PREPOSITIONS | wordlists.ADVERBS | wordlists.DETERMINERS
_MAX_VORFELD = 30  # tokens a first constituent may run before its finite verb
# Lower-case words that go on a phrase rather than follow it as its verb.
_NOT_VERB_SECOND = _NOT_ADJECTIVES | wordlists.CONJUNCTIONS


def _no_subject(tag: str) -> bool:
    """A tag no word of a subject before its verb has: a verb, a comma, or one that
    opens a clause."""
    return tag.startswith("V") or tag in ("$,", "KOUS", "PRELS", "PWAV", "KOKOM")


@dataclass(slots=True)
class Unit:
    """Sentences `[first, last)` held together by quotations; tokens `[a, b)`."""

    index: int
    first: int
    last: int
    a: int
    b: int
    heading: bool


class _Extractor:
    def __init__(self, doc: Doc, people: People | None = None) -> None:
        self.doc = doc
        self.text = doc.text
        self.people = people if people is not None else People(doc)
        self.quotes = self.people.quotes
        self.run_on = run_on_quotations(self.text, doc.paragraphs, self.quotes)
        self.quoted = self._quoted_tokens()
        self.statements: list[Statement] = []
        self._tagged: dict[tuple[int, int], list[str]] = {}  # see tagged
        self._sentence_starts = {s.first for s in doc.sentences}
        self._words = [t.text for t in doc.tokens]  # tok and low, read at every rule
        self._lower = [w.lower() for w in self._words]
        verbs = lexicon.cue_verbs()
        self._cues = [  # see cues, asked three times a token
            verbs.get(low, ()) if not quoted and self.may_be_verb(i) else ()
            for i, (low, quoted) in enumerate(zip(self._lower, self.quoted, strict=True))
        ]

    # -- preparation -------------------------------------------------------
    def _quoted_tokens(self) -> list[bool]:
        flags = [False] * len(self.doc.tokens)
        for q in [*self.quotes, *(QuoteSpan(a, b) for a, b in self.run_on)]:
            span = self.doc.token_range(q.open, q.close + 1, "expand")
            if span:
                for i in range(*span):
                    flags[i] = True
        return flags

    def _units(self) -> list[Unit]:
        doc, units = self.doc, list[Unit]()
        ends = sorted((q.open, q.close) for q in self.quotes)
        s = 0
        while s < len(doc.sentences):
            first, last = s, s + 1
            reach = doc.sentences[s].end
            for q_open, q_close in ends:
                if q_open < reach and q_close >= reach:
                    reach = q_close
            while (
                last < len(doc.sentences)
                and doc.sentences[last].start < reach
                and (doc.sentences[last].paragraph == doc.sentences[first].paragraph)
            ):
                reach = max(reach, doc.sentences[last].end)
                for q_open, q_close in ends:
                    if q_open < reach and q_close >= reach:
                        reach = q_close
                last += 1
            a, b = doc.sentences[first].first, doc.sentences[last - 1].last
            units.append(Unit(len(units), first, last, a, b, is_heading(doc, a, b)))
            s = last
        return units

    # -- helpers -----------------------------------------------------------
    def tok(self, i: int) -> str:
        return self._words[i]

    def low(self, i: int) -> str:
        return self._lower[i]

    def span(self, i: int, j: int) -> Span:
        """Character span of tokens [i, j)."""
        return self.doc.tokens[i].start, self.doc.tokens[j - 1].end

    def cues(self, i: int) -> tuple[Cue, ...]:
        """The cue verbs token i may be: none inside a quotation, nor where it cannot
        be a verb (`may_be_verb`: „in Fragen der Beziehung“)."""
        return self._cues[i]

    def past_reflexive(self, j: int, stop: int, cue: Cue, times: bool = False) -> int:
        """`skip_adverbs`, and past the reflexive pronoun of „sich äußern“ to its subject:
        „„…“, äußerte sich Schavan“ (not of „sich aussprechen“, „sich versprechen“)."""
        j = self.skip_adverbs(j, stop, times)
        if cue.lemma in _REFLEXIVE_CUES and self.low(j) == "sich":
            return self.skip_adverbs(j + 1, stop, times)
        return j

    def skip_adverbs(self, j: int, stop: int, times: bool = False) -> int:
        """The first token from j on that is no adverb, nor with `times` a day's time
        between a frame's verb and its subject („„…“, sagte am Montag Olaf Scholz“; a
        report's verb is followed by its object: „forderte am Mittwoch den Rücktritt“)."""
        while j < stop and not self.quoted[j]:
            if self.low(j) in wordlists.ADVERBS:
                j += 1
                continue
            if j + 1 < stop and (
                (self.low(j), self.low(j + 1)) in _ADVERB_PAIRS
                or (times and self.low(j) == "am" and _DAY_TIME.fullmatch(self.tok(j + 1)))
            ):
                j += 2
            else:
                break
        return j

    def particle(self, cue: Cue, after: int, stop: int) -> int | None:
        """Token index of a separable cue's particle before the clause ends, if any."""
        if cue.particle is None:
            return after
        for k in range(after, stop):
            if self.tok(k) in {",", ":"} and not self.quoted[k]:
                return None
            if self.low(k) == cue.particle and self.closes_clause(k + 1, stop):
                return k
        return None

    def closes_clause(self, k: int, stop: int) -> bool:
        """Whether a separable particle before token k ends its clause, as particles
        do ("teilte … mit, dass", "gab … bekannt."): a "zu" before a noun phrase is a
        preposition ("gab einen Kommentar zu dem Vorfall ab")."""
        return k >= stop or not self.tok(k)[:1].isalnum() or self.low(k) in _AFTER_PARTICLE

    def cue_spans(self, c: int, cue: Cue, part: int) -> list[Span]:
        """The cue verb at token c and, for a separable verb, its particle at `part`
        (with „sich“ right after the verb: „zeigte sich … zuversichtlich“)."""
        reflexive = cue.lemma in _SHOWING and self.low(c + 1) == "sich"
        spans = [self.span(c, c + 1 + reflexive)]
        if cue.particle:
            spans.append(self.span(part, part + 1))
        return spans

    def trim(self, i: int, j: int) -> tuple[int, int]:
        """Drop final punctuation and a dangling comma from tokens [i, j)."""
        while j > i and (self.tok(j - 1) in _FINAL or self.tok(j - 1) == ","):
            j -= 1
        return i, j

    def quote_covering(self, i: int, j: int) -> QuoteSpan | None:
        """The quotation whose marks enclose exactly tokens [i, j) (±the marks)."""
        start, end = self.span(i, j)
        for q in self.quotes:
            if (
                q.open <= start + 1
                and q.close >= end - 1
                and q.open >= start - 1
                and (q.close <= end + 1 or not q.closed)
            ):
                return q
        return None

    def quotes_inside(self, i: int, j: int) -> list[QuoteSpan]:
        start, end = self.span(i, j)
        return [q for q in self.quotes if q.open >= start and q.close < end + 1]

    def subjunctive(self, i: int, j: int, tagger: bool = True) -> str | None:
        """'I' or 'II' when tokens [i, j) outside quotations hold a Konjunktiv form;
        `tagger`: ask HanTa when the word lists and positions find none."""
        found = None
        for k in range(i, j):
            if self.quoted[k]:
                continue
            word = self.low(k)
            if (
                self.may_be_verb(k) and word in wordlists.SUBJUNCTIVE_I
            ) or self._konjunktiv_by_position(k, i, j):
                return "I"
            if word in wordlists.SUBJUNCTIVE_II:
                found = "II"
        if found is None and tagger and mood.available() and self._konjunktiv_by_tagger(i, j):
            return "I"
        return found

    def narration_resumes(self, i: int, j: int) -> int:
        """Where the writer's narration takes over again in a framed message that
        starts at token i (j when it does not): at a semicolon, at a comment in the
        indicative on what was said („…, was bisher nicht bestätigt werden konnte“,
        „…, wobei …“), or at the speaker's next predicate, a finite verb in the
        indicative right after „und“ or a comma with more words after it („…, dass die
        Regenfälle anhalten, und warnte vor …“, „er sei unschuldig, erkannte das
        Gericht nicht an“)."""
        for k in range(i + 1, j - 1):
            if self.quoted[k]:
                continue
            word = self.tok(k)
            if word == ";":
                return k
            if word == "," and self.low(k + 1) in _COMMENTS:
                stop = next((m for m in range(k + 2, j) if self.tok(m) in (",", ";")), j)
                if self.subjunctive(k + 1, stop, tagger=False) is None:
                    return k
            if word not in (",", "und") or not self.tok(k + 1)[:1].islower():
                continue
            verb = k + 1 + (word == "," and self.low(k + 1) == "und")
            window = max(i, k - 3)  # the verb tagged in a few words' context
            if (
                verb + 2 < j
                and self.tok(verb + 1)[:1].isalnum()
                and self.low(verb) not in _NOT_PREDICATES
                and self.may_be_finite(verb)
                and self.tagged(window, min(j, verb + 4))[verb - window] in _FINITE
                and self.subjunctive(verb, verb + 1, tagger=False) is None
            ):
                return k - (k > i and self.tok(k - 1) == ",")
        return j

    def may_be_verb(self, k: int) -> bool:
        """Whether token k may be a verb by its case: in lower case, or opening its
        sentence. Capitalised inside a sentence, it is a noun: „auf der Suche nach …“."""
        return self.tok(k)[:1].islower() or k in self._sentence_starts

    def might_tag(self, ks: Iterable[int], wanted: Callable[[str], bool], first: int = -1) -> bool:
        """Whether HanTa, tagging words that start at token `first`, might give some
        token of `ks` a tag `wanted` accepts. Asking it about each word alone
        (`mood.possible_tags`) is far cheaper than tagging the words around it."""
        for k in ks:
            possible = mood.possible_tags(self.tok(k), k == first)
            if possible is None or any(wanted(tag) for tag in possible):
                return True
        return False

    def may_be_finite(self, k: int) -> bool:
        """Whether HanTa might tag token k a finite verb in some sentence."""
        return self.might_tag([k], _FINITE.__contains__)

    def reported_clause(self, i: int, j: int) -> int | None:
        """The first token of the clause in Konjunktiv after a main clause in the
        indicative that tokens [i, j) open with: „Der Mann ist wieder auf freiem Fuß; die
        Anklage bleibe aber bestehen.“, „Seine Frau ist operiert worden, und er wolle sie
        begleiten.“ The writer's narration is no part of what is reported. None where
        the main clause itself is in Konjunktiv, also where it may be: a weak verb's
        „machten“ is Präteritum or Konjunktiv II („Die Zinsen machten die Finanzierung
        nicht leichter, der Haushalt werde knapp“); or where it has no finite verb
        before its first comma or semicolon („Die Partei, die gestern tagte, habe …“)."""
        end = next(
            (k for k in range(i + 1, j - 1) if self.tok(k) in (",", ";") and not self.quoted[k]),
            None,
        )
        if end is None or self.subjunctive(i, end) is not None:
            return None
        tags = self.tagged(i, end)
        # a capital mid-clause is a noun HanTa took for a verb: „Das Gehen bereite …“
        finite = [
            k
            for k, tag in enumerate(tags, start=i)
            if tag in _FINITE and not self.quoted[k] and (k == i or self.tok(k)[:1].islower())
        ]
        if tags[0] in _SUBORDINATING_TAGS or not finite:
            return None
        if any(tags[k - i] == "VV(FIN)" and self.low(k).endswith(("te", "ten")) for k in finite):
            return None  # „machten“: Präteritum or Konjunktiv II
        # past an apposition without a verb: „schrieb X in der „Correio da Manhã“, einem
        # Boulevardblatt, die Gesellschaft sei …“
        start = end + 1
        for k in range(end + 1, j - 1):
            if self.tok(k) not in (",", ";") or self.quoted[k]:
                continue
            if self.subjunctive(start, k) is not None or any(
                tag.startswith("V") for tag in self.tagged(start, k)
            ):
                break
            start = k + 1
        return start if self.subjunctive(start, j) is not None else None

    def _konjunktiv_by_tagger(self, i: int, j: int) -> bool:
        """A finite full verb whose form is its stem + e: "kaufe", "lege", "genieße".

        Outside first-person speech (excluded: quotations and clauses with "ich"),
        that form is Konjunktiv I. HanTa tags a unit only when the word lists found no
        mood (or a -te verb stands next to er/es/man), and only when one of its words
        could be such a verb by some tag HanTa might give it (`mood.possible_tags`):
        on news, 1 unit in 16.
        """
        if any(self.low(k) == "ich" for k in range(i, j) if not self.quoted[k]):
            return False
        return any(
            not self.quoted[k]
            and self.low(k).endswith("e")
            and self.may_be_verb(k)  # not „Grenze“
            and self._stem_plus_e(k, i, j, _FINITE)
            for k in range(i, j)
        )

    def tagged(self, i: int, j: int) -> list[str]:
        """HanTa's part-of-speech tags for tokens [i, j), tagged once per span."""
        if (i, j) not in self._tagged:
            self._tagged[(i, j)] = mood.tags(self.words(i, j))
        return self._tagged[(i, j)]

    def tag_near(self, k: int, i: int, j: int, context: int = 4) -> str:
        """HanTa's tag of token k of the clause [i, j), tagged with up to `context`
        words either side (from the clause's start when that is a few words more).
        HanTa analyses every word it has not seen, a long compound or name costing a
        millisecond or more; the few words around k decide its tag (on the quotation
        data's training documents, the rules ask 50 times and always get the tag the
        whole clause gives)."""
        lo = i if k - i <= context + 2 else k - context
        return self.tagged(lo, min(j, k + context + 1))[k - lo]

    def _stem_plus_e(self, k: int, i: int, j: int, tags: tuple[str, ...] = _ANY_TAG) -> bool:
        """Whether token k of the clause [i, j) is its lemma's stem + e (HanTa's lemma
        under the tag it gives k in the clause, one starting with `tags`; the clause is
        tagged only when some tag it might give would do)."""
        if not self._may_be_stem_plus_e(k, k == i, tags):
            return False
        tag = self.tag_near(k, i, j)
        return tag.startswith(tags) and self._is_stem_plus_e(k, tag)

    def _may_be_stem_plus_e(self, k: int, first: bool, tags: tuple[str, ...]) -> bool:
        """Whether some tag HanTa might give token k, starting with `tags`, makes it its
        lemma's stem + e; `first`: k starts the tagged clause."""
        possible = mood.possible_tags(self.tok(k), first)
        if possible is None:
            return True
        return any(self._is_stem_plus_e(k, t) for t in possible if t.startswith(tags))

    def _is_stem_plus_e(self, k: int, tag: str) -> bool:
        lemma = mood.lemma(self.tok(k), tag)
        return lemma.endswith(("en", "ln", "rn")) and self.low(k) == lemma[:-1].lower()

    def words(self, i: int, j: int) -> list[str]:
        return self._words[i:j]

    def _konjunktiv_by_position(self, k: int, i: int, j: int) -> bool:
        """A verb in -e next to a third-person subject: "Man fühle sich", "habe er"."""
        word = self.low(k)
        if not (word.endswith("e") and len(word) > 3 and word.isalpha()):
            return False
        if word in wordlists.DETERMINERS or word in wordlists.NOT_SUBJUNCTIVE_E:
            return False
        if word in wordlists.SUBJUNCTIVE_II:  # „würde er“ is Konjunktiv II
            return False
        if not self.tok(k)[:1].islower():
            return False
        neighbours = [self.low(n) for n in (k - 1, k + 1) if i <= n < j]
        if not any(n in ("man", "er", "es") for n in neighbours):
            return False
        # the past tense: „handelte es sich“ (but „halte er“); HanTa asked last
        return not word.endswith("te") or self._stem_plus_e(k, i, j)

    def make(
        self,
        message: list[Span],
        form: str,
        *,
        cue: list[Span] | None = None,
        speaker: Phrase | None = None,
        speaker_span: Span | None = None,
        entity: int | None = None,
        frame: list[Span] | None = None,
        medium: str = "S",
        confidence: float,
        rule: str,
        fine_type: str | None = None,
    ) -> Statement:
        """A statement; its speaker's entity is `speaker` resolved (else `entity`), its
        speaker span `speaker_span` where given (a source that is no phrase to resolve,
        „nach Polizeiangaben“), else the phrase's."""
        if speaker is not None:
            entity = self.people.resolve(speaker)
        if speaker_span is None and speaker is not None:
            speaker_span = self.speaker_span(speaker)
        fine = (
            fine_type
            or {
                "direct": "Direct",
                "indirect": "Indirect",
                "mixed": "Indirect",
                "reported": "Reported",
                "free_indirect": "IndirectFreeIndirect",
            }[form]
        )
        return Statement(
            form=form,
            fine_type=fine,
            message=message,
            cue=cue or [],
            frame=frame or [],
            speaker=speaker_span,
            speaker_entity=entity,
            medium=_MEDIUM[medium],
            confidence=confidence,
            rule=rule,
        )

    def sourced(
        self,
        form: str,
        message: list[Span],
        cue: Span,
        *,
        confidence: float,
        rule: str,
        speaker: Phrase | None = None,
        speaker_span: Span | None = None,
    ) -> Statement:
        """The statement a non-verb cue attributes (nach, laut, zufolge, wonach,
        demnach): reported, or mixed where its message quotes, typed Indirect as the
        quotation dataset types 452 of 485 such statements, and said or written (SW),
        which of the two a source seldom tells (the dataset's medium for 217 of the 434
        such statements found in its training data, against 105 Speech and 78
        Writing). `speaker_span`: the source's span where it is no phrase to resolve
        („nach Polizeiangaben“). Quotation marks around the source's title („laut einem
        Bericht des „Spiegel““) quote nothing it says."""
        if form == "mixed":
            source = self.speaker_span(speaker) if speaker is not None else speaker_span
            said = [
                q
                for q in self.quotes
                if any(a <= q.open and q.close < b for a, b in message)
                and not (source is not None and source[0] <= q.open and q.close < source[1])
            ]
            form = "mixed" if said else "reported"
        return self.make(
            message,
            "mixed" if form == "mixed" else "reported",
            cue=[cue],
            speaker=speaker,
            speaker_span=speaker_span,
            medium="SW",
            confidence=confidence,
            rule=rule,
            fine_type="Indirect",
        )

    def speaker_span(self, phrase: Phrase) -> Span:
        """A speaker phrase's characters, without the comma that closes an apposition."""
        last = phrase.extent or phrase.last
        while last > phrase.first + 1 and self.tok(last - 1) in {",", ":"}:
            last -= 1
        return self.span(phrase.first, last)

    def with_apposition(self, phrase: Phrase, stop: int, closed: bool) -> Phrase:
        """A speaker phrase grown over the apposition or relative clause after it: „Mark
        O'Keefe, der Sprecher der Ambulanz, sagte“ (`closed`: up to the comma before
        token `stop`), „…, sagte Edmon Chung, CEO von DotAsia.“ (to the end of the
        sentence, without a verb). The speaker stays the name's person."""
        if phrase.kind == "pronoun":
            return phrase
        # „Alexandra Popp vom VfL Wolfsburg, die …, sagte“: past where the person is from
        comma = self._past_origin(phrase.last, stop)
        if comma + 2 >= stop or self.tok(comma) != ",":
            return phrase
        first = self.tok(comma + 1)
        if not (
            first.lower() in _APPOSITION_STARTS
            or first[:1].isdigit()
            or lexicon.is_role(first)
            or (first[:1].isupper() and self.low(comma + 2) in _ROLE_LINKS)  # CEO von X
        ):
            return phrase
        if closed:
            end = stop - 1
            if end <= comma + 1 or self.tok(end) != ",":
                return phrase
        else:
            end = self.trim(comma + 1, stop)[1]
            if self.split_quote_tail(comma, stop):
                return phrase
        inner = self.words(comma + 1, end)
        if len(inner) > 20 or any(
            w in {",", ":", ";"} or w.lower() in wordlists.SUBJUNCTIVE_I for w in inner
        ):
            return phrase
        if not closed and any(tag.startswith("V") for tag in self.tagged(comma + 1, end)):
            return phrase
        return replace(phrase, extent=end + 1 if closed else end)

    def _past_origin(self, k: int, stop: int) -> int:
        """The token after „vom VfL Wolfsburg“, „von der SPD“, „aus Berlin“ at token k (up
        to four capitalised words after an article), or k where none is there."""
        if k >= stop or self.low(k) not in _ORIGINS:
            return k
        j = k + 1 + (k + 1 < stop and self.low(k + 1) in ("der", "dem", "den"))
        end = j
        while end < stop and end - j < 4 and self.tok(end)[:1].isupper():
            end += 1
        return end if end > j else k

    def classify(self, i: int, j: int) -> tuple[str, list[Span]]:
        """Form and message spans of a message made of tokens [i, j)."""
        i, j = self.trim(i, j)
        if i >= j:
            return "indirect", []
        q = self.quote_covering(i, j)
        if q is not None:
            inner_start, inner_end = q.inner
            return "direct", [(inner_start, min(inner_end, self.span(i, j)[1]))]
        inside = [
            q for q in self.quotes_inside(i, j) if len(self.text[q.open : q.close].split()) >= 1
        ]
        return ("mixed" if inside else "indirect"), [self.span(i, j)]

    # -- patterns ----------------------------------------------------------
    def trailing_frame(self, u: Unit) -> Statement | str | None:
        """„…“, sagte der Norweger. | …, so Stoltenberg. | …, heißt es. | …, wie X mitteilte."""
        lead = self.people.phrase_at(u.a, u.b)
        subordinate = self.low(u.a) in _SUBORDINATORS and not self.quoted[u.a]
        for k in range(u.a + 1, u.b - 1):
            if self.quoted[k] or not (
                self.tok(k) == "," or self.tok(k) in _DASHES and self.low(k + 1) == "so"
            ):
                continue  # „…, sagte er“, „…“ – so der Kanzler.
            if lead is not None and lead.last > k:
                continue  # the comma of an apposition: "Der Chef, Jürgen Haas, warf …"
            if (
                lead is not None
                and lead.kind == "name"
                and self.with_apposition(lead, k + 1, closed=True).extent
            ):
                continue  # "Jimmy Carter, der als Wahlbeobachter im Land war, sagte …"
            if subordinate:  # "Falls die Firma Insolvenz anmelden muss, droht …"
                subordinate = False
                continue
            c = k + 1
            word = self.low(c)
            if word == "wie":
                st = self._wie_frame(u, u.a, k, c + 1, None)
                if st is not None:
                    return st
                continue
            if word == "so" and not self.quoted[c] and self.heisst_es(c + 1, u.b):
                c += 1  # „…, so hieß es aus dem Ministerium.“
            if self.heisst_es(c, u.b):
                # the frame of what comes before, or of nothing: its verb is no
                # clause for a frame after it („X, so hieß es, kritisierte …“)
                return self._trailing_heisst_es(u, k, c)
            if word == "so" and not self.quoted[c]:
                j = self.skip_adverbs(c + 1, u.b)
                if j == c + 1 and j < u.b and self.cues(j):
                    # „…, so sagte der Minister.“: a frame verb after „so“, cue with it
                    framed = self._trailing_with(u, k, j, lead=c)
                    if framed is not None:
                        return framed
                    continue
                phrase = self.people.phrase_at(j, u.b)
                if phrase is None or phrase.kind == "other" and not self.tok(j)[:1].isupper():
                    continue
                end = self.skip_adverbs(phrase.last, u.b)
                source_end = None  # where the source runs on past its phrase
                timed = self.skip_adverbs(end, u.b, times=True)
                if timed > end:  # „so der Minister am Montag in Berlin“: not the source
                    end = timed
                elif end < u.b and self.tok(end) not in _FINAL | _DASHES and self.tok(end) != ",":
                    source_end = self.source_tail(u, end)
                    if source_end is None:
                        continue
                form, message = self.classify(u.a, k)
                speaker = self.with_apposition(phrase, u.b, closed=False)
                if source_end is not None:
                    speaker = replace(speaker, extent=source_end)
                if message and speaker.extent is None:
                    form, tail = self.inserted_frame_tail(form, end, u.b)
                    message += tail
                if message:
                    return self.make(
                        message,
                        form,
                        cue=[self.span(c, c + 1)],
                        speaker=speaker,
                        confidence=0.85,
                        rule="trailing_so",
                    )
                continue
            framed = (
                self._trailing_with(u, k, c)
                or self._trailing_passive(u, k, c)
                or self._trailing_perfect(u, k, c)
                or self._trailing_reflexive(u, k, c)
            )
            if framed is not None:
                return framed
        # „„Die Schule ist angekommen.“ erklärte Kultusministerin Eisenmann.“: a frame
        # right after the closing mark of a quotation that opens the unit, no comma
        run = self.quoted_run(u.a) if self.quoted[u.a] else 0
        c = u.a + run
        if run < 4 or c + 1 >= u.b or self.quote_covering(u.a, c) is None:
            return None
        return self._trailing_with(u, c, c) or self._trailing_passive(u, c, c)

    def heisst_es(self, c: int, stop: int) -> bool:
        """Whether tokens c and c + 1 are „heißt es“ or „hieß es“."""
        return c + 1 < stop and self.low(c) in _HEISST and self.low(c + 1) == "es"

    def relative_clause(self, i: int, stop: int) -> bool:
        """Whether tokens [i, stop) are a relative clause: a relative pronoun and, at
        the end, the finite verb („der konkrete Fälle auflistet“)."""
        i, stop = self.trim(i, stop)
        if stop - i < 2 or self.low(i) not in _RELATIVES:
            return False
        return self.tagged(i, stop)[-1] in _FINITE

    def _trailing_heisst_es(self, u: Unit, end: int, c: int) -> Statement | None:
        """„…, heißt es.“ | „…, hieß es in dem Bericht.“ | „Die Lage, so hieß es aus
        dem Ministerium, sei ernst.“: the message, tokens [u.a, end), and what the
        frame interrupts after it; the words after a preposition are the source (a
        text or a place, its span only, as in `leading_heisst_es`)."""
        form, message = self.classify(u.a, end)
        if not message:
            return None
        j = self.skip_adverbs(c + 2, u.b)
        source = None
        comma = next((k for k in range(u.a, end) if self.tok(k) == ","), end)
        if (
            self.low(u.a) in wordlists.PREPOSITIONS
            and not self.has_finite_verb(u, u.a, comma)
            and self.relative_clause(comma + 1, end)
        ):
            # „In der Resolution, die … angenommen wurde, heißt es, dass …“: the frame
            # leads, after a relative clause on its source
            source, message = (u.a + 1, comma), []
        if j < u.b and self.low(j) in wordlists.PREPOSITIONS and source is None:
            close = self.setting_end(u, j + 1)  # the comma that ends an inserted frame
            last = close if close > j + 1 else self.source_tail(u, j + 1)
            if last is None or last == j + 1:
                return None
            source, j = (j + 1, last), last
        tail: list[Span] = []
        if not message and self.tok(j) in {",", ":"}:
            form, tail = self.classify(j + 1, u.b)
        elif message and not self.relative_clause(j + 1, u.b):  # not „…, in dem Bericht, der …“
            form, tail = self.inserted_frame_tail(form, j, u.b)
        clause = form == "direct" or self.has_finite_verb(u, u.a, end)
        if tail and not clause:  # „Das Treffen, so heißt es, sei abgesagt worden.“
            clause = self.has_finite_verb(u, j + 1, u.b)
        if not message + tail or message and not clause:
            return None  # „Die Politikerin der Grünen, so hieß es, kritisierte …“
        return self.make(
            message + tail,
            form,
            cue=[self.span(c, c + 2)],
            speaker=self.authored_text(*source) if source else None,
            speaker_span=self.span(*source) if source else None,
            medium="W" if source else "S",
            confidence=0.6,
            rule="trailing_heisst_es",
        )

    def _trailing_perfect(self, u: Unit, end: int, c: int) -> Statement | str | None:
        """„…“, hatte Merkel gesagt. | „…“, hat der Minister am Montag in Berlin
        erklärt. | …, ließ er über seinen Anwalt erklären.: the message, tokens [u.a,
        end), of the person after the auxiliary (or „lassen“) at token c, before the
        frame verb's participle (or infinitive) that ends the sentence; "negated" for
        „…“, hatte sie nie gesagt."""
        last = self.trim(c, u.b)[1] - 1
        if self.low(c) not in _HABEN_OR_LASSEN or last <= c + 1:
            return None
        cue = next((q for q in self.cues(last) if not q.finite and q.kind == "frame"), None)
        if cue is None or cue.particle is not None and not self.low(last).startswith(cue.particle):
            return None
        phrase = self.people.phrase_at(self.skip_adverbs(c + 1, last, times=True), last)
        if phrase is None or last - phrase.last > 6:
            return None
        between = range(phrase.last, last)  # „am Montag in Berlin“ may stand there
        if any(self.quoted[k] or not self.tok(k)[:1].isalnum() for k in between):
            return None
        if any(self.low(k) in wordlists.NEGATIONS for k in between):
            return "negated"
        said = self._said_before(u, end)
        if said is None:
            return None  # not „Thaksin, der … hatte, hat nun seine Rückkehr angekündigt“
        form, message = said
        return self.make(
            message,
            form,
            cue=[self.span(c, c + 1), self.span(last, last + 1)],
            speaker=self.with_apposition(phrase, last, closed=False),
            medium=cue.medium,
            confidence=0.85,
            rule="trailing_frame",
        )

    def _said_before(self, u: Unit, end: int) -> tuple[str, list[Span]] | None:
        """(form, message) of tokens [u.a, end) before a trailing frame that names no
        cue verb in second position, where they are a quotation or in Konjunktiv."""
        form, message = self.classify(u.a, end)
        if not message or (form != "direct" and not self.subjunctive(u.a, end)):
            return None
        return form, message

    def _trailing_reflexive(self, u: Unit, end: int, c: int) -> Statement | str | None:
        """„„…“, freute sich der Trainer.“ | „„…“, zeigte sich Merkel zuversichtlich.“:
        a reflexive verb of feeling after a quotation or Konjunktiv, its subject the
        speaker (`_FEELING`; after the speaker the adjective „zeigte sich“ and „gab
        sich“ take, or what it is about: „freute sich über den Sieg“). Only after
        such a message: „Er freute sich über den Sieg.“ reports nothing."""
        if self.low(c) not in _FEELING or c + 2 >= u.b or self.low(c + 1) != "sich":
            return None
        said = self._said_before(u, end)
        if said is None:
            return None
        form, message = said
        phrase = self.people.phrase_at(self.skip_adverbs(c + 2, u.b, times=True), u.b)
        if phrase is None:
            return None
        after = self.skip_adverbs(phrase.last, u.b, times=True)
        stop = self.trim(after, u.b)[1]
        if after < stop and self.low(after) in wordlists.NEGATIONS:
            return "negated"
        rest = range(after, stop)
        if any(self.quoted[k] or self.tok(k) in _CLAUSE_MARKS for k in rest) or not (
            len(rest) <= 2 or len(rest) <= 10 and self.low(after) in wordlists.PREPOSITIONS
        ):
            return None
        adjective = 0 < len(rest) <= 2  # „zeigte sich Merkel zuversichtlich“
        cue = [self.span(c, c + 2)] + ([self.span(stop - 1, stop)] if adjective else [])
        return self.make(
            message,
            form,
            cue=cue,
            speaker=self.with_apposition(phrase, u.b, closed=False),
            confidence=0.8,
            rule="trailing_frame",
        )

    def _trailing_passive(self, u: Unit, end: int, c: int) -> Statement | None:
        """„…“, wird Mike Downey, Produktmanager bei Adobe, zitiert. | „…“ wird der Franzose
        in der Zeitung zitiert.: the message, tokens [u.a, end), of the person between the
        passive auxiliary at token c and the participle that ends the sentence."""
        last = self.trim(c, u.b)[1] - 1
        if self.low(c) not in ("wird", "wurde") or last <= c + 1 or self.low(last) != "zitiert":
            return None
        phrase = self.people.phrase_at(self.skip_adverbs(c + 1, last), last)
        if phrase is None or phrase.kind == "other" or phrase.last > last:
            return None
        form, message = self.classify(u.a, end)
        if not message or (form != "direct" and not self.has_finite_verb(u, u.a, end)):
            return None
        return self.make(
            message,
            form,
            cue=[self.span(c, c + 1), self.span(last, last + 1)],
            speaker=self.with_apposition(phrase, last, closed=False),
            medium="W",
            confidence=0.8,
            rule="trailing_passive",
        )

    def _trailing_with(
        self, u: Unit, end: int, c: int, lead: int | None = None
    ) -> Statement | str | None:
        """The statement a frame verb at token c after its message, tokens [u.a, end),
        makes with the speaker after the verb; "negated" for „…, sagte er nicht“.
        `lead`: a token before the verb that belongs to the cue („so sagte er“). After a
        quotation, a verb that otherwise reports with its object frames it too:
        „„Wir brauchen mehr Geld“, forderte der Bürgermeister.“"""
        said_from, said_to = self.trim(u.a, end)
        quotation = said_from < said_to and self.quote_covering(said_from, said_to) is not None
        for cue in self.cues(c):
            if (
                not cue.finite
                or (cue.kind != "frame" and not quotation)
                or cue.lemma == "begründen"
            ):
                continue  # „X, begründete Y damit, dass …“ gives a reason after the verb
            j = self.past_reflexive(c + 1, u.b, cue, times=True)
            phrase = self.people.phrase_at(j, u.b)
            if phrase is None and _LOWER_CASE_SOURCE.fullmatch(self.tok(j)):
                phrase = Phrase(j, j + 1, "other", head=self.tok(j))  # zitiert ndr.de …
            if phrase is None:
                continue
            after = self.skip_adverbs(phrase.last, u.b, times=True)
            if after < u.b and self.low(after) in wordlists.NEGATIONS:
                return "negated"
            if after + 1 < u.b and self.tok(after) == ":" and self.quoted[after + 1]:
                return None  # „Im Brief, den …, erklärt er: „…““ frames what follows
            part = self.particle(cue, c + 1, u.b)
            if part is None:
                continue
            form, message = self.classify(u.a, end)
            # „Die Politikerin der Grünen, Anja Hajduk, kritisierte …“: no clause before
            # the verb; but after „so“ the frame is inserted, and what it interrupts
            # goes on after it („Für Shakira, so schrieb diese, sei es eine Ehre …“)
            clause = form == "direct" or self.has_finite_verb(u, u.a, end)
            if not message or not clause and lead is None:
                continue
            cue_spans = self.cue_spans(c, cue, part)
            if lead is not None:
                cue_spans = [self.span(lead, c + 1), *cue_spans[1:]]
            quote_tail = self.split_quote_tail(phrase.last, u.b)
            phrase = self.with_apposition(phrase, u.b, closed=False)
            tail: list[Span] = []
            if quote_tail:
                message += quote_tail
            elif phrase.extent is None and part == c + 1:  # no particle after the speaker
                if lead is not None:  # „so schrieb diese in einer Stellungnahme, …“
                    after = self.setting_end(u, after)
                form, tail = self.inserted_frame_tail(form, after, u.b)
                message += tail
            if not clause and not tail:
                continue
            return self.make(
                message,
                form,
                cue=cue_spans,
                speaker=phrase,
                medium=cue.medium,
                confidence=0.9 if form == "direct" else 0.85,
                rule="trailing_frame",
            )
        return None

    def setting_end(self, u: Unit, i: int) -> int:
        """The comma that closes the words from token i after an inserted frame's
        speaker where they are only where or when it was said („…, so schrieb diese in
        einer Stellungnahme, …“, „…, so sagte er der Zeitung, …“): no verb, no
        quotation, at most eight tokens; else i."""
        for k in range(i, min(u.b, i + 9)):
            if self.quoted[k] or self.tok(k) in _FINAL:
                return i
            if self.tok(k) == ",":
                return k if k > i and not self.has_finite_verb(u, i, k) else i
        return i

    def source_tail(self, u: Unit, i: int) -> int | None:
        """The end of the words from token i that still belong to the source a trailing
        „so“ names, where they run to the end of the sentence without a verb or a
        quotation: „…, so Karl Harb von den Salzburger Nachrichten.“, „…, so der
        staatliche National Health Service (NHS).“ None where they do not."""
        end = self.trim(i, u.b)[1]
        if end - i > 12 or any(
            self.quoted[k] or self.tok(k) in {",", ":", ";"} for k in range(i, end)
        ):
            return None
        if self.low(i) in wordlists.SUBORDINATORS:
            return None
        tags = self.tagged(u.a, u.b)
        if any(tags[k - u.a].startswith("V") for k in range(i, end)):
            return None
        return end

    def has_finite_verb(self, u: Unit, i: int, j: int) -> bool:
        """Whether tokens [i, j) of unit u outside quotations hold a finite verb (are a
        clause, not a noun phrase with an apposition), tagged in the unit's context."""
        tags = self.tagged(u.a, u.b)
        return any(tags[k - u.a] in _FINITE and not self.quoted[k] for k in range(i, j))

    def _wie_frame(
        self, u: Unit, msg_a: int, msg_b: int, np_at: int, clause_end: int | None
    ) -> Statement | None:
        """ ", wie die Polizei mitteilte" / "Wie die Polizei mitteilte, …": verb-final frame;
        „Wie aus Regierungskreisen verlautete, …“: the source after „aus“."""
        if self.low(np_at) == "aus":  # only with „verlauten“
            source, np_at = True, np_at + 1
        else:
            source = False
        phrase = self.people.phrase_at(np_at, u.b)
        if phrase is None or phrase.kind == "other" and not self.tok(np_at)[:1].isupper():
            return None
        end = clause_end if clause_end is not None else u.b
        for c in range(phrase.last, end):
            if self.tok(c) in {",", ".", ";"} and not self.quoted[c]:
                break
            for cue in self.cues(c):
                if cue.kind != "frame" or source != (cue.lemma == "verlauten"):
                    continue
                form, message = self.classify(msg_a, msg_b)
                if not message:
                    return None
                return self.make(
                    message,
                    form,
                    cue=[self.span(c, c + 1)],
                    speaker=phrase,
                    medium=cue.medium,
                    confidence=0.8,
                    rule="wie_frame",
                )
        return None

    def inserted_frame_tail(self, form: str, after: int, stop: int) -> tuple[str, list[Span]]:
        """The rest of a clause that a frame interrupts after a comma (token `after`):
        „Der Präsident sei, so Gamkrelids, schuld daran, dass …“ (form, spans); none
        after a direct quotation (`split_quote_tail` takes its second half) or where a
        cue of its own follows („…, sagte er, und fügte hinzu: …“)."""
        if (
            form == "direct"
            or after + 1 >= stop
            or self.tok(after) != ","
            and self.tok(after) not in _DASHES
            or any(self.cues(k) or self.tok(k) == ":" for k in range(after + 1, stop))
        ):
            return form, []
        tail_form, tail = self.classify(after + 1, stop)
        return ("mixed" if "mixed" in (form, tail_form) else form), tail

    def split_quote_tail(self, j: int, stop: int) -> list[Span]:
        """The second half of a split quotation: „A“, sagte er, „B.“"""
        for k in range(j, stop - 1):
            if self.tok(k) == "," and self.tok(k + 1) in _QUOTE_CHARS:
                q = next((q for q in self.quotes if q.open == self.doc.tokens[k + 1].start), None)
                if q is not None:
                    return [q.inner]
            if self.tok(k) in _FINAL:
                break
        return []

    def leading_frame(self, u: Unit) -> Statement | str | None:
        """Stoltenberg machte deutlich, dass … | Er warnte, … | X hatte erklärt, dass …"""
        if self.low(u.a) == "wie":
            comma = next(
                (k for k in range(u.a + 2, u.b) if self.tok(k) == "," and not self.quoted[k]), None
            )
            if comma is not None and comma + 1 < u.b:
                wie = self._wie_frame(u, comma + 1, u.b, u.a + 1, comma)
                if wie is not None:
                    return wie
        limit = min(u.b, u.a + 14)
        for c in range(u.a, limit):
            if self.quoted[c] and c > u.a and self.quoted_run(c) <= 6:
                continue  # a name in quotation marks: „Aktion Deutschland hilft“
            if self.quoted[c] or self.tok(c) in {",", ":"} and c > u.a + 10:
                break
            for cue in self.cues(c) + self.attitude(u, c):
                if cue.kind != "frame" and self.infinitive(c, cue):
                    continue  # „will die Mitglieder auffordern, …“: not yet said
                st = self._leading_with(u, c, cue)
                if st is not None:
                    return st
        coordinated = self._coordinated_frame(u)
        if coordinated is not None:
            return coordinated
        lead = self.people.phrase_at(u.a, u.b)
        if lead is not None and lead.last < u.b and self.tok(lead.last - 1) == ",":
            # „Der stellvertretende Direktor der Such- und Rettungsagentur, Bambang Suryo
            # Aji, sagte“: a long description with its name, the verb past the search
            for cue in self.cues(lead.last):
                if cue.finite and cue.kind == "frame":
                    st = self._leading_with(u, lead.last, cue)
                    if st is not None:
                        return st
        # "Mark O'Keefe, der Sprecher der „EVAC-Ambulanz“, sagte, …": past an apposition
        # (and where the person is from: „Alexandra Popp vom VfL Wolfsburg, die …“)
        if lead is None or lead.kind == "pronoun" or lead.last >= u.b:
            return None
        comma = self._past_origin(lead.last, u.b)
        if comma >= u.b or self.tok(comma) != ",":
            return None
        close = next(
            (
                k
                for k in range(comma + 2, min(u.b - 1, comma + 22))
                if self.tok(k) == "," and not self.quoted[k]
            ),
            None,
        )
        # „René Préval, der Präsident des Staates sagte vor der Presse, …“: an apposition
        # the writer did not close, with no verb before the cue
        stop = close if close is not None else min(u.b, comma + 16)
        framed = (
            (c, cue)
            for c in range(comma + 2, stop if lead.kind == "name" else 0)
            for cue in self.cues(c)
            if cue.finite and cue.kind == "frame"
        )
        for c, cue in framed:  # tagged only where a frame verb follows
            tags = self.tagged(comma, c + 1)  # the comma and the verb give context
            if tags[1].startswith("PREL") or any(t.startswith("V") for t in tags[1:-1]):
                break  # „Kluncker, der genau wusste, …“: a relative clause
            st = self._leading_with(u, c, cue, (replace(lead, extent=c), c + 1))
            if st is not None:
                return st
        if close is None:
            return None
        for cue in self.cues(close + 1):
            if cue.finite:
                st = self._leading_with(u, close + 1, cue)
                if st is not None:
                    return st
        return None

    def leading_heisst_es(self, u: Unit) -> Statement | None:
        """„In der Resolution heißt es, dass …“ | „Darin hieß es weiter: „…““ | „Es heißt, …“
        | „Weiter heißt es in dem Bericht, …“: the text the prepositional phrase names
        (its words after the preposition are the source) says what follows the comma or
        colon."""
        if u.heading:
            return None
        for c in range(u.a, min(u.b - 3, u.a + 15)):
            if self.quoted[c] or self.tok(c) in {",", ":", ";"}:
                return None
            es_heisst = c == u.a and self.low(c) == "es" and self.low(c + 1) in _HEISST
            if not (self.heisst_es(c, u.b) or es_heisst):
                continue
            cue, after = self.span(c, c + 2), c + 2
            source = (u.a + 1, c) if self.low(u.a) in wordlists.PREPOSITIONS else None
            j = self.skip_adverbs(after, u.b)
            if j < u.b and self.low(j) in wordlists.PREPOSITIONS and source is None:
                k = next(
                    (k for k in range(j + 1, min(u.b, j + 12)) if self.tok(k) in {",", ":"}), None
                )
                if k is None or self.has_finite_verb(u, j, k):
                    return None
                source, j = (j + 1, k), k
            if j >= u.b - 1 or self.tok(j) not in {",", ":"}:
                return None
            form, message = self.classify(j + 1, u.b)
            if not message:
                return None
            source = source if source and source[0] < source[1] else None
            return self.make(
                message,
                form,
                cue=[cue],
                speaker=self.authored_text(*source) if source else None,
                speaker_span=self.span(*source) if source else None,
                medium="W" if source else "S",
                confidence=0.8,
                rule="leading_heisst_es",
            )
        return None

    def authored_text(self, i: int, j: int) -> Phrase | None:
        """The phrase of tokens [i, j) where it names a text's author, who is then the
        speaker („In einer Mitteilung des Innenministeriums hieß es“), or after „aus“
        the speaker itself („hieß es aus der Unionsfraktion“), else None (the text
        alone: „In der Resolution heißt es“)."""
        words = self._words[i + (self.low(i) in wordlists.DETERMINERS) : j]
        source = i > 0 and self.low(i - 1) == "aus"
        phrase = self.people.phrase_at(i, j) if source or names_author(words) else None
        if phrase is not None and phrase.kind == "pronoun":
            return None
        return phrase if phrase is not None and phrase.last == j else None

    def became_known(self, u: Unit) -> Statement | None:
        """„Im April wurde bekannt, dass …“ | „Zuvor war bekannt geworden, dass …“ | „Wie
        gestern bekannt wurde, …“: news with no source named (the quotation dataset
        annotates all 7 of its training data's such sentences so)."""
        if u.heading:
            return None
        k = next(
            (k for k in range(u.a + 1, min(u.b - 3, u.a + 12)) if self.low(k) == "bekannt"), None
        )
        if k is None or self.quoted[k]:
            return None
        if self.low(u.a) == "wie":  # Wie heute bekannt wurde, …
            aux, comma = k + 1, k + 2
            if self.low(aux) == "geworden":
                aux, comma = k + 2, k + 3
            if self.low(aux) not in _BECAME or comma >= u.b - 1 or self.tok(comma) != ",":
                return None
            cue = [self.span(k, aux + 1)]
        else:
            before = range(k - 1, max(u.a, k - 4) - 1, -1)
            found = next((a for a in before if self.low(a) in _BECAME), None)
            comma = k + 2 if self.low(k + 1) == "geworden" else k + 1
            if found is None or self.tok(comma) != "," or self.low(comma + 1) != "dass":
                return None
            if any(not self.tok(a).islower() for a in range(found + 1, k)):
                return None  # „Der Fall wurde dem Gericht bekannt“: no news
            cue = [self.span(found, found + 1), self.span(k, comma)]
        form, message = self.classify(comma + 1, u.b)
        if not message:
            return None
        return self.make(message, form, cue=cue, medium="W", confidence=0.7, rule="became_known")

    def _coordinated_frame(self, u: Unit) -> Statement | str | None:
        """A frame verb after „und“ that shares the subject of the clause before it, the
        subject first: „Auch Lawrow sprach sich gegen das Gesetz aus und sagte, es könne
        …“."""
        start = self.skip_adverbs(u.a, u.b)
        lead = self.people.phrase_at(start, u.b)
        if lead is None or lead.last >= u.b:
            return None
        for k in range(lead.last, min(u.b - 2, lead.last + 20)):
            if self.tok(k) in {",", ":", ";"} or self.quoted[k]:
                return None
            if self.low(k) != "und":
                continue
            for cue in self.cues(k + 1):
                if not (cue.finite and cue.kind == "frame"):
                    continue
                if self.tagged(u.a, u.b)[lead.last - u.a] not in _FINITE:
                    return None  # the lead is no subject before its verb (tagged in context)
                found = self._leading_with(u, k + 1, cue, (lead, self.skip_adverbs(k + 2, u.b)))
                return None if found == "negated" else found  # „beklagen nicht gezahlte …“
        return None

    def attitude(self, u: Unit, c: int) -> tuple[Cue, ...]:
        """„sich zeigen“ or „sich geben“ at token c with an adjective of attitude
        before a comma or colon („Der Minister zeigte sich zuversichtlich, dass …“,
        „Dabei zeigte sich Merkel besorgt: „…““) as a cue whose particle is the
        adjective, so that it joins the cue; „Es zeigte sich, dass …“ is none."""
        lemma = _SHOWS.get(self.low(c))
        if lemma is None or self.quoted[c]:
            return ()
        reflexive = next((k for k in range(c + 1, min(u.b, c + 8)) if self.low(k) == "sich"), None)
        if reflexive is None:
            return ()
        for k in range(reflexive + 1, min(u.b, reflexive + 8)):  # „sich am Montag sehr …“
            if self.quoted[k] or not self.tok(k)[:1].isalnum():
                break
            if self.low(k) in _ATTITUDES and self.closes_clause(k + 1, u.b):
                # an attitude shown is one voiced: the dataset has Speech or SW for 3 of 4
                return (Cue(lemma, "S", "frame", self.low(k), True),)
        return ()

    def _leading_with(
        self, u: Unit, c: int, cue: Cue, subject: tuple[Phrase, int] | None = None
    ) -> Statement | str | None:
        """The statement cue token c frames; `subject`: its speaker phrase and the token
        after it, where the caller found them (else `_subject`)."""
        phrase: Phrase | None
        aux = None if subject or cue.lemma == "zitieren" else self.passive_aux(u, c, cue)
        cue_spans = None
        if aux is not None:
            # „Klien wurde vorgeworfen, …“, „Als Grund wurde angegeben, es werde …“: the
            # subject is whom it was said to or of, the agent after „von“ (if any) said
            # it, and the cue is the passive („Es wird vermutet“)
            phrase, after = self.passive_agent(u, aux, c), c + 1
            opening = aux - 1 if aux > u.a and self.low(aux - 1) == "es" else aux
            cue_spans = [self.span(opening, aux + 1), self.span(c, c + 1)]
        else:
            subject = (
                subject
                or (self._verlautet_from(u, c) if cue.lemma == "verlauten" else None)
                or self._subject(u, c, cue, whole_field=True)
            )
            if subject is None:
                return None
            phrase, after = subject
        if after < u.b and self.low(after) in wordlists.NEGATIONS:
            return "negated"
        # The clause separator: a comma or colon shortly after the cue.
        part = self.particle(cue, c + 1, u.b)
        if part is None:
            return None
        if (
            phrase is not None
            and phrase.kind != "other"
            and not cue.particle
            and self.quoted[after]
        ):
            said = self._quotation_object(after)
            if said is not None:  # „Die Menge skandierte „Thaksin raus!““
                return self.make(
                    [said],
                    "direct",
                    cue=[self.span(c, c + 1)],
                    speaker=phrase,
                    medium=cue.medium,
                    confidence=0.8,
                    rule="leading_frame",
                )
        search_from = max(after, part + 1 if cue.particle else after)
        sep = next(
            (
                k
                for k in range(search_from, min(u.b, search_from + 10))
                if self.tok(k) in {",", ":"} and not self.quoted[k]
            ),
            None,
        )
        if sep is None or sep + 1 >= u.b:
            return self._uncommaed_infinitive(u, c, cue, part, phrase)
        colon = self.apposition_colon(sep, u.b) if sep == after and phrase else None
        if phrase is not None and colon is not None:  # „sagte Honoré Durand, der Chef: „…““
            phrase, sep = replace(phrase, extent=colon), colon
        start = sep + 1
        if cue.lemma == "lauten" and (self.tok(sep) != ":" or self.tok(start) not in _QUOTE_CHARS):
            return None  # only „Die Kernaussage lautete: „…““, not „Die Antwort lautet: Nein.“
        first = self.low(start)
        # "der/die/das" after a comma that directly follows the frame is an
        # article ("Sie warnte, die Kosten …"); after more words, a relative pronoun.
        # So is it after a prepositional phrase ("Sie sagte am Montag in Kiew, die …"),
        # a dative addressee ("sagte der „Berliner Zeitung“, die …", "sagte Reportern,
        # die …") or a separable verb's particle ("teilte dem Sender mit, das …").
        # nothing but a time, place or addressee between the frame and its comma
        adverbial = (
            sep == after
            or self.low(after) in wordlists.PREPOSITIONS
            or self.low(after) in _DATIVE_ARTICLES
        )
        article = first in ("der", "die", "das") and (
            adverbial
            or (sep == after + 1 and self.tok(after)[:1].isupper())  # sagte Reportern, die …
            or (cue.particle and sep == part + 1)
        )
        if first in _NOT_MESSAGE_START and first not in _CLAUSE_STARTERS and not article:
            return None
        # "Greenpeace fordert, die Firma haftbar zu machen": an infinitive clause is
        # the message of a report verb too (the dataset's Indirect).
        infinitive = first not in _CLAUSE_STARTERS and self.zu_infinitive(start, u.b)
        if cue.kind == "report" and first not in _CLAUSE_STARTERS and not infinitive:
            return None
        form, message = self.classify(start, self.narration_resumes(start, u.b))
        if not message:
            return None
        frame: list[Span] = []
        quote_or_clause = first in _CLAUSE_STARTERS or self.tok(start) in _QUOTE_CHARS or infinitive
        mood = self.subjunctive(start, u.b)
        if (
            not quote_or_clause
            and not mood
            and self.tok(sep) != ":"
            and form == "indirect"
            and not (cue.lemma in _SAYING and adverbial and self.has_finite_verb(u, start, u.b))
        ):
            return None  # not „Sie sagen das, aber …“
        if phrase is None and not (quote_or_clause or mood):
            return None  # „Die Namen wurden bekanntgegeben: Mit dabei sind …“
        if first in _CLAUSE_STARTERS:
            frame = [self.span(start, start + 1)]
        elif self.tok(sep) == ":":
            frame = [self.span(sep, sep + 1)]
        speaker, speaker_span = phrase, None
        if cue.lemma == "lauten" and phrase is not None:  # the text's span, its author's entity
            speaker, speaker_span = self.author(phrase), self.speaker_span(phrase)
        return self.make(
            message,
            form,
            cue=cue_spans or self.cue_spans(c, cue, part),
            speaker=speaker,
            speaker_span=speaker_span,
            frame=frame,
            medium=cue.medium,
            confidence=0.85,
            rule="leading_frame",
        )

    def _verlautet_from(self, u: Unit, c: int) -> tuple[Phrase, int] | None:
        """Where „verlauten“ at token c says a statement came from, and the token
        after it: „Aus Kreisen der Koalition verlautete, …“, „Es verlautete am Abend
        aus dem Kanzleramt, …“ (the phrase after „aus“, to the verb or the comma)."""
        a = self.skip_adverbs(u.a, c)
        if self.low(a) == "aus" and a + 1 < c:
            first, last = a + 1, c
        else:
            aus = next((k for k in range(c + 1, min(u.b, c + 6)) if self.low(k) == "aus"), None)
            if aus is None:
                return None
            first, last = aus + 1, self.setting_end(u, aus + 1)  # up to the comma
            if last == first:
                return None
        phrase = self.people.phrase_at(first, last)
        if phrase is None:
            return None
        after = c + 1 if last == c else last
        if phrase.kind == "other":  # „Kreisen der Koalition“ is one source, not „Kreisen“
            return Phrase(first, last, "other", head=phrase.head), after
        return replace(phrase, extent=last), after

    def author(self, phrase: Phrase) -> Phrase | None:
        """The person or organisation a text's phrase names as its author („Die
        Kernaussage von Jerry Larson“, „Das Fazit des Berichts der OSZE“), or None."""
        end = phrase.extent or phrase.last
        found = [
            self.people.phrase_at(k - (self.low(k - 1) not in ("von", "vom")), end)
            for k in range(phrase.first + 1, end)
            if self.low(k - 1) in ("von", "vom", "des", "der")
        ]
        for good in (
            lambda p: p.kind == "name" or p.head.isupper() and len(p.head) > 1,  # der OSZE
            lambda p: lexicon.is_role(p.head),
        ):
            chosen = next((p for p in found if p is not None and good(p)), None)
            if chosen is not None:
                return chosen
        return None

    def _uncommaed_infinitive(
        self, u: Unit, c: int, cue: Cue, part: int, phrase: Phrase | None
    ) -> Statement | None:
        """The infinitive clause a frame verb's participle is followed by with no comma, as
        the spelling rules allow: „Philips hat angekündigt die Preise zu
        erhöhen“."""
        start = part + 1 if cue.particle else c + 1
        if phrase is None or (cue.finite and not cue.particle) or start >= u.b - 2:
            return None
        if not self.zu_infinitive(start, u.b):
            return None
        form, message = self.classify(start, u.b)
        if not message:
            return None
        return self.make(
            message,
            form,
            cue=self.cue_spans(c, cue, part),
            speaker=phrase,
            medium=cue.medium,
            confidence=0.75,
            rule="leading_frame",
        )

    def _quotation_object(self, i: int) -> Span | None:
        """The words of the quotation opening at token i when a frame verb takes it as its
        object with no colon: an utterance of two or more words that ends in . ! ? or has
        four or more („rief „Lasst mich raus!““), or three that open with a capital and
        go on in lower case, as a sentence does („riefen „Merz muss weg““); not a name
        or title („Der Spiegel“, „Ärzte ohne Grenzen“)."""
        q = self.quote_covering(i, i + self.quoted_run(i))
        if q is None or not q.closed or self.text[q.open] not in _QUOTE_CHARS:
            return None
        inner = self.text[q.open + 1 : q.close].strip()
        words = inner.split()
        sentence = (
            len(words) == 3 and words[0][:1].isupper() and all(w[:1].islower() for w in words[1:])
        )
        if not words_said(inner) or not (inner[-1] in ".!?" or len(words) >= 4 or sentence):
            return None
        return (q.open + 1, q.close)

    def infinitive(self, c: int, cue: Cue) -> bool:
        """Whether cue token c is its verb's infinitive (its lemma), not a participle."""
        return self.low(c) == cue.lemma

    def passive_aux(self, u: Unit, c: int, cue: Cue) -> int | None:
        """The auxiliary of the passive whose participle is cue token c, in its clause
        (not of the future: „wird am Montag erklären“, an infinitive, the lemma)."""
        if cue.finite or self.infinitive(c, cue):
            return None
        for k in range(c - 1, u.a - 1, -1):
            if self.tok(k) == "," and not self.quoted[k]:
                return None
            if self.low(k) in _PASSIVE:
                return k
        return None

    def passive_agent(self, u: Unit, aux: int, c: int) -> Phrase | None:
        """Who is said to have spoken in the passive with auxiliary `aux` and participle
        token c: the phrase after the last „von“ between them (not „die Gefahr von
        Waldbränden“ before the auxiliary) or after one that opens the clause."""
        agents = [k for k in (u.a, *range(aux + 1, c)) if self.low(k) in ("von", "vom")]
        return self.people.phrase_at(agents[-1] + 1, c) if agents else None

    def apposition_colon(self, comma: int, stop: int) -> int | None:
        """The colon that closes an apposition after the speaker's comma, when a
        quotation follows it: „sagte Honoré Durand, der Geschäftsführer des
        Unternehmens: „Ich wurde alarmiert …““."""
        for k in range(comma + 2, min(stop - 1, comma + 12)):
            if self.quoted[k] or self.tok(k) == ",":
                return None
            if self.tok(k) == ":":
                if self.tok(k + 1) not in _QUOTE_CHARS:
                    return None
                verbs = [t for t in self.tagged(comma + 1, k) if t.startswith("V")]
                return None if verbs else k
        return None

    def quoted_run(self, i: int) -> int:
        """How many tokens from token i on are quoted."""
        k = i
        while k < len(self.quoted) and self.quoted[k]:
            k += 1
        return k - i

    def subject_field(self, i: int, j: int) -> bool:
        """Whether tokens [i, j) before a finite verb can be its subject as a whole: a
        capitalised start, at most ten tokens, no comma or verb, not an adverbial
        („Moritz Wohlrab von der „Aktion Deutschland hilft““, „Ärzte ohne Grenzen“)."""
        if not 0 < j - i <= 10 or not self.tok(i)[:1].isupper() or self.adverbial(i, j):
            return False
        words = [k for k in range(i, j) if not self.quoted[k]]
        if not self.might_tag(words, _no_subject, first=i):
            return True
        tags = self.tagged(i, j)
        return not any(_no_subject(tags[k - i]) for k in words)

    def coordinated(self, i: int, j: int) -> bool:
        """Whether tokens [i, j) join capitalised words with „und“ or „sowie“ into one
        subject: „SPD und PDS“, „Die Union und die FDP“."""
        return self.tok(j - 1)[:1].isupper() and any(
            self.low(k) in ("und", "sowie") for k in range(i + 1, j - 1)
        )

    def adverbial(self, i: int, j: int) -> bool:
        """Whether tokens [i, j) before a verb are an adverbial, not its subject:
        „Relativierend fügte Gall hinzu“, „Zum Rücktritt sagte …“, „Des Weiteren …“."""
        if j <= i:
            return False
        if not self.might_tag([i], _ADVERBIAL_TAGS.__contains__, first=i) and (
            j - i < 2 or not self.might_tag([j - 1], "ADJ(A)".__eq__, first=i)
        ):
            return False
        tags = self.tagged(i, j)
        return bool(tags) and (
            tags[0] in _ADVERBIAL_TAGS or (len(tags) > 1 and tags[-1] == "ADJ(A)")
        )

    def zu_infinitive(self, i: int, j: int) -> bool:
        """Whether the clause starting at token i (up to its first comma, before j) ends
        in an infinitive with zu: „wachsam zu bleiben“, „Neuwahlen freizumachen“."""
        for k in range(i, j):
            if self.quoted[k] or self.tok(k) == ",":
                return False
            after = self.tok(k + 1) if k + 1 < j else "."
            if after not in _FINAL and after not in {",", "und", "oder"}:
                continue
            word = self.tok(k)
            if k > i and self.low(k - 1) == "zu" and _INFINITIVE.fullmatch(word):
                return True
            if _ZU_INFIX.fullmatch(word):
                return True
        return False

    def addressed(self, a: int, c: int) -> bool:
        """Whether tokens [a, c) before the finite verb at token c are whom it was said
        to, not who said it: a dative („Dem „Spiegel“ sagte Scholz“, „Einem Reporter
        sagte er“, „Der Deutschen Presse-Agentur sagte sie“: an adjective in -en after
        „Der“ is no nominative), or any phrase before a pronoun right after the verb
        that only a subject is („Der Zeitung sagte er“)."""
        if c <= a or self.quoted[a]:
            return False
        first = self.tok(a)
        if first in _DATIVES:
            return True
        if first == "Der" and a + 2 < c:
            adjective = self.tok(a + 1)
            if adjective[:1].isupper() and adjective.endswith("en") and not self.quoted[a + 1]:
                return True
        return c + 1 < len(self.doc.tokens) and self.tok(c + 1) in _NOMINATIVE_PRONOUNS

    def _subject(
        self, u: Unit, c: int, cue: Cue, whole_field: bool = False
    ) -> tuple[Phrase, int] | None:
        """The speaker of cue token c and the token index after the speaker's phrase.

        `whole_field`: when no phrase is recognised, take all tokens before a finite
        cue as its subject if they look like a noun phrase (`subject_field`)."""
        people = self.people
        if cue.finite:
            # "Frankreichs Präsident Emmanuel Macron sagte": past a genitive name
            opens = u.a + 1 < c and (self.low(u.a), self.low(u.a + 1)) in _ADVERB_PAIRS
            starts = [] if opens else [u.a]
            if c > u.a + 2 and self.tok(u.a).endswith("s") and self.tok(u.a)[:1].isupper():
                starts.append(u.a + 1)
            # „Auch Rettungskräfte berichten von …“: past leading adverbs
            subject_start = self.skip_adverbs(u.a, c)
            if u.a < subject_start < c and subject_start not in starts:
                starts.append(subject_start)
            if self.addressed(u.a, c):  # „Dem „Spiegel“ sagte Scholz, …“
                j = self.past_reflexive(c + 1, u.b, cue)
                phrase = people.phrase_at(j, u.b)
                return None if phrase is None else (phrase, self.skip_adverbs(phrase.last, u.b))
            for a in starts if c > u.a else ():
                phrase = people.phrase_at(a, c)
                # „Die Armeeleitung hingegen sprach …“: an adverb may stand between
                ends = phrase is not None and self.skip_adverbs(phrase.last, c) == c
                if (
                    phrase is not None
                    and ends
                    and phrase.kind != "other"
                    or (
                        phrase is not None
                        and phrase.last == c
                        and c - a <= 3
                        and a in (u.a, subject_start)
                        and not self.adverbial(a, c)
                    )
                ):
                    if a > u.a and a != subject_start and phrase.mention is not None:
                        phrase = replace(phrase, first=u.a)  # the genitive belongs to it
                    return phrase, self.skip_adverbs(c + 1, u.b)
            if c > u.a + 3 and self.tok(c - 1) == ",":
                phrase = people.phrase_at(u.a, c)
                if phrase is not None:
                    phrase = self.with_apposition(phrase, c, closed=True)
                    if phrase.extent == c:
                        return phrase, self.skip_adverbs(c + 1, u.b)
            placed = self._placed(people.phrase_at(u.a, c), c)
            if placed is not None:
                return placed, self.skip_adverbs(c + 1, u.b)
            j = self.past_reflexive(c + 1, u.b, cue)
            field = whole_field and self.subject_field(u.a, c)
            # „Ärzte ohne Grenzen teilte mit, …“: all before the verb is its subject,
            # resolved by the phrase it starts with („Moritz Wohlrab von der …“); one
            # that starts with a name or „Der“ (a nominative) comes before a phrase
            # after the verb, which is then its object („Lena Vogt vom Bündnis forderte
            # eine Prüfung“, „Der Botschafter in den USA rief die Welt zur Hilfe auf“)
            lead = people.phrase_at(u.a, c) if field else None
            if lead is not None and (
                lead.kind == "name" or (lead.kind == "descriptor" and self.tok(u.a) == "Der")
            ):
                return replace(lead, extent=c), j
            if field and self.coordinated(u.a, c):  # „SPD und PDS forderten …“
                return Phrase(u.a, c, "other", head=self.tok(c - 1)), j
            phrase = people.phrase_at(j, u.b)
            if phrase is not None and phrase.kind in ("pronoun", "name", "descriptor", "other"):
                return phrase, self.skip_adverbs(phrase.last, u.b)
            if field:
                if lead is not None and lead.kind == "descriptor":
                    return replace(lead, extent=c), j
                return Phrase(u.a, c, "other", head=self.tok(c - 1)), j
            return None
        # A participle: the subject stands before the auxiliary in second position.
        aux = next(
            (k for k in range(u.a + 1, min(c, u.a + 8)) if self.low(k) in wordlists.AUXILIARIES),
            None,
        )
        if aux is None:
            return None
        if self.coordinated(u.a, aux) and self.subject_field(u.a, aux):  # the cheap test first
            phrase = Phrase(u.a, aux, "other", head=self.tok(aux - 1))
        else:
            phrase = people.phrase_at(u.a, aux)
        if (
            phrase is None
            or phrase.last != aux
            or (
                phrase.kind == "other" and self.adverbial(u.a, aux)  # „Schließlich hatte …“
            )
        ):
            j = self.skip_adverbs(aux + 1, u.b)
            phrase = people.phrase_at(j, c)
            if phrase is None or phrase.kind not in ("pronoun", "name"):
                return None
        return phrase, c + 1

    def _placed(self, phrase: Phrase | None, c: int) -> Phrase | None:
        """A person's or organisation's phrase with a place or organisation after it,
        right before token c: „Ein Regierungssprecher in Berlin“, „Die Regierung in
        Lomé“, „Ein Sprecher von Greenpeace“ (the phrase up to c)."""
        if phrase is None or phrase.kind not in ("name", "descriptor") or phrase.last >= c:
            return None
        words = range(phrase.last + 1, c)
        if (
            self.low(phrase.last) in _PLACE_PREPOSITIONS
            and 0 < len(words) <= 3
            and all(self.tok(k)[:1].isupper() or self.low(k) in _GENITIVE_ARTICLES for k in words)
            and self.tok(c - 1)[:1].isupper()
        ):
            return replace(phrase, last=c)
        return None

    def cue_phrase(self, u: Unit) -> Statement | None:
        """nach Angaben von X | laut X | X zufolge | nach eigenen Angaben"""
        for i in range(u.a, u.b):
            if self.quoted[i]:
                continue
            for cp in lexicon.cue_phrases_from(self.low(i)):
                words = cp.words
                fixed = [w for w in words if w != "X"]
                if words[0] == "X":
                    if self.low(i) != fixed[0]:
                        continue
                    phrase = self._phrase_ending_at(u.a, i) or self._source_before(u, i)
                    cue_span = self.span(i, i + 1)
                elif all(i + n < u.b and self.low(i + n) == w for n, w in enumerate(fixed)):
                    j = i + len(fixed)
                    cue_end = j
                    if "X" in words:
                        if j < u.b and self.low(j) == "von":
                            j += 1
                            cue_end = j
                        phrase = self.people.phrase_at(j, u.b)
                        if phrase is None and fixed == ["laut"]:
                            phrase = self.source_phrase(j, u.b, initial=i == u.a)
                    else:  # nach eigenen Angaben: the subject speaks, after the verb
                        # where the phrase opens the sentence; its span is the
                        # dataset's, „eigenen Angaben“, its entity the subject's
                        own = self.span(i + 1, j)
                        subject = self.skip_adverbs(j + 1, u.b) if i == u.a else u.a
                        phrase = self.people.phrase_at(subject, u.b)
                        if phrase is None or phrase.kind == "other":
                            continue
                        form, message = self.classify(self.clause_start(u, u.a), u.b)
                        return self.sourced(
                            form,
                            message,
                            self.span(i, i + 1),
                            speaker=phrase,
                            speaker_span=own,
                            confidence=0.75,
                            rule="cue_phrase",
                        )
                    cue_span = self.span(i, cue_end)
                else:
                    continue
                if phrase is None:
                    continue
                phrase = self._possessive_source(phrase)
                if i == u.a and words[0] != "X":
                    end = self.vorfeld_end(u, phrase.extent or phrase.last)
                    if end is not None and end > (phrase.extent or phrase.last):
                        phrase = replace(phrase, extent=end)
                form, message = self.classify(self.clause_start(u, min(i, phrase.first)), u.b)
                return self.sourced(
                    form, message, cue_span, speaker=phrase, confidence=0.75, rule="cue_phrase"
                )
        return None

    def _possessive_source(self, phrase: Phrase) -> Phrase:
        """„Seinen Angaben zufolge“: a source noun after a possessive stands for the
        person the pronoun would (er, sie), where there is one, not for an entity
        „Angaben“; any other phrase as it is."""
        owner = self.low(phrase.first)
        if (
            owner in _POSSESSIVES
            and phrase.last == phrase.first + 2
            and _SOURCE_NOUN.search(self.low(phrase.first + 1))
        ):
            head = "er" if owner.startswith("sein") else "sie"
            if self.people.antecedent(phrase.first, "m" if head == "er" else "f") is not None:
                return Phrase(phrase.first, phrase.last, "pronoun", head=head)
        return phrase

    def source_phrase(self, j: int, stop: int, initial: bool = False) -> Phrase | None:
        """A source that is no person's phrase, from token j on: „laut israelischen
        Medien“, „laut einer Pressemitteilung des WFP“, „laut „Welt““; None where no
        noun follows (the adjective: „laut und deutlich“). `initial`: the cue opens the
        sentence, so a phrase that starts with a determiner runs to the finite verb
        (`vorfeld_end`: „Laut einer am Montag veröffentlichten Mitteilung … fehlen“)."""
        if self.quoted[j]:
            run = self.quoted_run(j)
            return Phrase(j, j + run, "other", head=self.tok(j + run - 2)) if run > 2 else None
        if _LOWER_CASE_SOURCE.fullmatch(self.tok(j)):
            return Phrase(j, j + 1, "other", head=self.tok(j))  # laut ndr.de, laut ai-Bericht
        k = j
        while (
            k < stop
            and k - j < 4
            and self.tok(k).isalpha()
            and self.tok(k).islower()
            and self.low(k) not in _NOT_ADJECTIVES | wordlists.CONJUNCTIONS
            or k < stop
            and self.low(k) in wordlists.DETERMINERS
        ):
            k += 1
        if k >= stop or not self.tok(k)[:1].isupper() or self.quoted[k]:
            if initial and self.low(j) in wordlists.DETERMINERS:
                return Phrase(j, j + 1, "other", head=self.tok(j))
            return None
        return Phrase(j, max(k + 1, self.source_end(k + 1, stop)), "other", head=self.tok(k))

    def vorfeld_end(self, u: Unit, j: int) -> int | None:
        """The finite verb that closes a first constituent running on from token j, at
        the start of unit u: „Nach Angaben des Investitionsfonds (MIF) der
        Entwicklungsbank (IADB) sandten …“, „Nach Meinung von Mike Brown, Professor am
        Caltech, könnte …“ (German puts the finite verb second, so all before it is
        one phrase). A relative clause inside („…, der sich auf … beruft, …“) is
        skipped; None where a quotation, colon or semicolon comes first."""
        if j >= u.b:
            return None
        word = self.tok(j)
        if word.islower() and word not in _NOT_VERB_SECOND and not word.endswith("er"):
            return j  # „Nach Angaben der Polizei wurden …“: the verb is next (no tagging)
        tags = self.tagged(u.a, u.b)
        inner = False  # inside a relative or subordinate clause
        for k in range(j, min(u.b, j + _MAX_VORFELD)):
            word, tag = self.tok(k), tags[k - u.a]
            if word in _QUOTE_CHARS or word in {":", ";"} or self.quoted[k]:
                return None
            if word == ",":
                following = tags[k + 1 - u.a] if k + 1 < u.b else ""
                inner = not inner and following.startswith(("PREL", "KOUS", "PWAV"))
            elif not inner and tag in _FINITE and word[:1].islower():
                return k
        return None

    def clause_start(self, u: Unit, i: int) -> int:
        """Where the clause holding an attribution at token i starts: after the last
        comma before it that ends a clause of its own („Die Hunde trafen verspätet ein,
        da nach Angaben der Fluggesellschaft die Genehmigung …“: „da …“, „…, was sich
        nach Ansicht der Kritiker …“). Where the main clause goes on after the comma (a
        finite verb, or the attribution itself, follows it), the comma closes what
        was put into it, and the clause starts before that: a relative clause or an
        apposition („Der Präsident, der …, hat nach …“, „Wendelin Wiedeking, der
        Vorstandschef, sagte …“), a leading subordinate clause („Nachdem …, musste er
        nach …“). A main clause before it ends there too („Der Absturz wird am 23.
        erwartet, kann nach Angaben des Betreibers aber auch …“)."""
        commas = [k for k in range(u.a, i) if self.tok(k) == "," and not self.quoted[k]]
        if not commas:
            return u.a
        tags = self.tagged(u.a, u.b)
        while commas:
            k = commas.pop()
            goes_on = k + 1 == i or tags[k + 1 - u.a] in _FINITE
            if not commas:
                inserted = tags[0] == "KOUS" or not self.has_finite_verb(u, u.a, k)
                return u.a if goes_on and inserted else k + 1
            start = commas[-1] + 1
            opens = tags[start - u.a : start + 2 - u.a]
            inserted = not self.has_finite_verb(u, start, k) or any(
                t.startswith("PREL") for t in opens
            )
            if not (goes_on and inserted):
                return k + 1
            commas.pop()
        return u.a

    def source_end(self, j: int, stop: int) -> int:
        """The end of the source a source noun names right after it (token j): one
        genitive „der NASA“, „seines Vermögensverwalters“, „französischer Behörden“,
        with a name and an abbreviation in parentheses after it; j when none follows."""
        k = j
        if k < stop and self.low(k) in _GENITIVE_DETERMINERS:
            k += 1
        # after a determiner weak (nationalen), without one strong adjectives (britischer)
        ending = ("en", "er", "es") if k > j else ("er",)
        while (
            k < stop
            and k - j < 4
            and self.tok(k).islower()
            and self.low(k).endswith(ending)
            and self.low(k) not in _NOT_ADJECTIVES
        ):
            k += 1
        if k == j or k >= stop or not self.tok(k)[:1].isupper() or self.quoted[k]:
            return j
        k += 1
        while k < stop and k - j < 7 and self.tok(k)[:1].isupper() and not self.quoted[k]:
            k += 1  # Associated Press
        if k + 2 < stop and self.tok(k) == "(" and self.tok(k + 2) == ")":
            k += 3  # (IADB)
        return k

    def source_noun(self, u: Unit) -> Statement | None:
        """nach Polizeiangaben | nach einer ersten Analyse | nach neuesten Erkenntnissen:
        the source is a report, not a person; the statement gets its span, no entity."""
        for i in range(u.a, u.b - 2):
            if self.low(i) != "nach" or self.quoted[i]:
                continue
            k = i + 1
            while (
                k < min(u.b, i + 4)
                and self.tok(k)[:1].islower()
                and not _LOWER_CASE_SOURCE.fullmatch(self.tok(k))
            ):
                k += 1  # determiners and adjectives: einer ersten, neuesten; not dpa-Angaben
            if (
                k >= u.b
                or not (self.tok(k)[:1].isupper() or _LOWER_CASE_SOURCE.fullmatch(self.tok(k)))
                or not _SOURCE_NOUN.search(self.low(k))
            ):
                continue
            form, message = self.classify(self.clause_start(u, i), u.b)
            if not message:
                return None
            end = self.vorfeld_end(u, k + 1) if i == u.a else None
            if end is None:
                end = self.source_end(k + 1, u.b)
            # „nach einem Bericht des „Spiegel““, „nach einer Umfrage des Instituts
            # Forsa“: the text's author, an entity
            author = self.people.phrase_at(i + 1, u.b)
            if author is not None and not names_author(
                [self.tok(t) for t in range(k, author.last)]
            ):
                author = None
            return self.sourced(
                form,
                message,
                self.span(i, i + 1),
                speaker=author,
                speaker_span=None if author else self.span(i + 1, self.trim(k + 1, end)[1]),
                confidence=0.6,
                rule="source_noun",
            )
        return None

    def postposed_source(self, u: Unit) -> Statement | None:
        """A view given before a postposed „nach“: „Seiner Ansicht nach sind wir …“,
        „ihrer Meinung nach“ (the person a pronoun would stand for), „Dem Vernehmen
        nach“ (no one), „eigenem Bekunden nach“ (the subject). Not the formal „Ihrer
        Meinung nach“ of an interview's question inside a sentence."""
        for i in range(u.a + 2, u.b - 1):
            if self.low(i) != "nach" or self.quoted[i]:
                continue
            owner, noun = i - 2, i - 1
            if (
                self.low(owner) not in _VIEW_OWNERS
                or not _VIEW_NOUN.fullmatch(self.low(noun))
                or (owner > u.a and self.tok(owner) == "Ihrer")
            ):
                continue
            form, message = self.classify(self.clause_start(u, owner), u.b)
            if not message:
                return None
            speaker = None
            own = self.low(owner) in ("eigenem", "eigener")
            if self.low(owner) in ("seiner", "ihrer"):
                head = "sie" if self.low(owner) == "ihrer" else "er"
                speaker = Phrase(owner, i, "pronoun", head=head)
            elif own:
                speaker = self.people.phrase_at(u.a, u.b) if owner > u.a else None
            return self.sourced(
                form,
                message,
                self.span(i, i + 1),
                speaker=speaker,
                # the dataset's span: „eigenem Bekunden“
                speaker_span=self.span(owner, i) if speaker is None or own else None,
                confidence=0.6,
                rule="postposed_source",
            )
        return None

    def wonach_clause(self, u: Unit) -> Statement | None:
        """A relative clause „wonach …“ gives what a report before it says:
        „Spekulationen, wonach der Auftraggeber ein staatlicher Sicherheitsdienst
        gewesen sein könnte, …“ (9 of the 11 in the quotation dataset's training data
        are annotated so). The message runs to the clause's verb; the speaker is the
        source right before the comma, where one stands there."""
        for i in range(u.a + 1, u.b - 2):
            if self.low(i) != "wonach" or self.quoted[i] or self.tok(i - 1) != ",":
                continue
            tags = self.tagged(u.a, u.b)
            end = next(
                (
                    k
                    for k in range(i + 2, u.b)
                    if self.tok(k) == "," and not self.quoted[k] and tags[k - 1 - u.a][:1] == "V"
                ),
                u.b,
            )
            form, message = self.classify(i + 1, end)
            if not message:
                return None
            return self.sourced(
                form,
                message,
                self.span(i, i + 1),
                speaker=self._source_before(u, i - 1),
                confidence=0.55,
                rule="wonach_clause",
            )
        return None

    def _source_before(self, u: Unit, end: int) -> Phrase | None:
        """A source that is no person's phrase, ending before a postposition at token
        `end`: „Offiziellen chinesischen Angaben zufolge“, „Der Website worldreferee.com
        zufolge“, „Ersten Angaben vom Mittwoch zufolge“; back to a verb, a preposition
        that no noun precedes, a comma or the unit's start."""
        tags = self.tagged(u.a, u.b)
        start = end
        while start > u.a and end - start < 8:
            k = start - 1
            word, tag = self.low(k), tags[k - u.a]
            if not word[:1].isalnum() or tag.startswith("V") or tag in ("KON", "KOUS", "PPER"):
                break
            # „vom Mittwoch“ after „Angaben“ belongs to the source
            after_noun = k > u.a and tags[k - 1 - u.a].startswith("NN")
            if word in wordlists.PREPOSITIONS and start < end and not after_noun:
                break
            start = k
        if start == end or not any(self.tok(k)[:1].isupper() for k in range(start, end)):
            return None
        return Phrase(start, end, "other", head=self.tok(end - 1))

    def _phrase_ending_at(self, a: int, end: int) -> Phrase | None:
        for start in range(max(a, end - 6), end):
            phrase = self.people.phrase_at(start, end)
            if phrase is not None and phrase.last == end:
                return phrase
        return None

    def anaphoric_report(self, u: Unit, prev: Unit | None) -> Statement | None:
        """Das gab Nato-Generalsekretär Jens Stoltenberg in Brüssel bekannt."""
        if prev is None or prev.heading:
            return None
        if tuple(self.low(k) for k in range(u.a, min(u.b, u.a + 3))) in _THESE_WORDS:
            return self._with_these_words(u, prev)
        # „„Ich bin nicht der Typ, der aufgibt.“ So äußerte sich Merz am Abend.“: „so“
        # only after a quotation, whose words it takes up
        so = self.low(u.a) == "so"
        if not (so or self.low(u.a) in _ANAPHORS) or u.b - u.a < 3:
            return None
        for cue in self.cues(u.a + 1):
            if not cue.finite:
                continue
            j = self.skip_adverbs(u.a + 2, u.b, times=True)
            j += j + 1 < u.b and self.low(j) in ("sich", "es")  # „So äußerte sich Merz“
            phrase = self.people.phrase_at(j, u.b)
            if phrase is None or phrase.kind == "other":
                continue
            part = self.particle(cue, phrase.last, u.b)
            if part is None:
                continue
            i, k = self.trim(prev.a, prev.b)
            cue_spans = self.cue_spans(u.a + 1, cue, part)
            form, message = self.classify(i, k)
            if so and form != "direct":
                return None  # „So fordert die Union eine Reform.“: no report of before
            if form == "direct":
                # „„Wir bleiben an der Seite der Ukraine.“ Das sagte Olaf Scholz der SZ.“:
                # the quotation before is his, verbatim (what the rules inferred of it,
                # a quotation standing alone or a continuation, gives way in `run`)
                return self.make(
                    message,
                    "direct",
                    cue=cue_spans,
                    speaker=phrase,
                    frame=[self.span(u.a, u.b)],
                    medium=cue.medium,
                    confidence=0.8,
                    rule="anaphoric_frame",
                )
            return self.make(
                [self.span(i, k)],
                "reported",
                cue=cue_spans,
                speaker=phrase,
                medium=cue.medium,
                confidence=0.7,
                rule="anaphoric_report",
                fine_type="Indirect",  # as the quotation dataset types 24 of 24
            )
        return None

    def _with_these_words(self, u: Unit, prev: Unit) -> Statement | None:
        """„„Das ist ein guter Tag für Europa.“ Mit diesen Worten reagierte Ursula von
        der Leyen auf die Einigung.“: whoever the finite verb after „Mit diesen Worten“
        has for its subject said the quotation before, verbatim."""
        c = u.a + 3
        if c + 1 >= u.b or self.tok(c)[:1].isupper() or self.tagged(u.a, u.b)[3] not in _FINITE:
            return None
        j = self.skip_adverbs(c + 1, u.b, times=True)
        j += j < u.b and self.low(j) == "sich"  # „verabschiedete sich der Trainer“
        phrase = self.people.phrase_at(j, u.b)
        form, message = self.classify(*self.trim(prev.a, prev.b))
        if phrase is None or form != "direct":
            return None
        if phrase.kind == "other" and not self.tok(j)[:1].isupper():
            return None
        return self.make(
            message,
            "direct",
            cue=[self.span(u.a, c + 1)],
            speaker=phrase,
            frame=[self.span(u.a, u.b)],
            confidence=0.8,
            rule="anaphoric_frame",
        )

    def standalone_quote(self, u: Unit) -> Statement | None:
        """A sentence that is a quotation of five words or more and nothing else, with
        no statement before it to continue: „Nicht jede Formel ist notwendig.“ after
        „Um Zeit zu gewinnen, will Oettinger die Naturwissenschaften straffen.“ The
        person named last in the sentences before says it, where one is named."""
        if u.heading or not self.quoted[u.a]:
            return None
        form, message = self.classify(u.a, u.b)
        if form != "direct" or len(self.text[message[0][0] : message[0][1]].split()) < 5:
            return None
        return self.make(
            message,
            "direct",
            entity=self.people.recent_person(u.a),
            confidence=0.5,
            rule="standalone_quote",
        )

    def anaphoric_source(self, u: Unit) -> Statement | None:
        """A sentence that opens with „Demnach“ and no statement before it to continue:
        the adverb stands for the report, decision or result the sentence before names
        („Der Bundestag hat einer Gesetzesvorlage zugestimmt. Demnach darf die DFS
        privatisiert werden.“). 16 of the 19 such sentences in the quotation dataset's
        training data are annotated so; its speaker span is the adverb in 6 of the 10
        this rule adds there, so the adverb is the speaker, with no entity."""
        if u.heading or u.b - u.a < 4 or self.tok(u.a) != "Demnach" or self.quoted[u.a]:
            return None
        form, message = self.classify(u.a + 1, u.b)
        if not message:
            return None
        adverb = self.span(u.a, u.a + 1)
        return self.sourced(
            form, message, adverb, speaker_span=adverb, confidence=0.5, rule="anaphoric_source"
        )

    def reported(self, u: Unit) -> Statement | None:
        """X forderte eine Flugverbotszone. | Gleichzeitig warnte er vor … | X hatte … genannt."""
        if u.heading:
            return None
        for c in range(u.a, min(u.b, u.a + 25)):
            if self.tok(c) == "," and c < u.a + 3 and not self._named_before(u, c):
                return None  # „Gleichzeitig, …“; not „Lars Schauer, Manager von …, bezeichnete“
            for cue in self.cues(c):
                if cue.lemma in _STANCES or (
                    cue.lemma in ("äußern", "nennen")
                    and any(self.low(k) == "sich" for k in range(c + 1, min(c + 3, u.b)))
                ):
                    continue  # „äußert sich zu den Plänen“: the statement comes after it;
                    # „nennt sich „documenta 12““: a name
                if not cue.finite and c + 2 < u.b and self.tok(c + 1) not in _FINAL:
                    continue  # a participle closes its clause
                if not cue.finite and any(self.low(k) in _PASSIVE for k in range(u.a, c)):
                    continue  # its subject was spoken of (`passive_report`)
                subject = self._subject(u, c, cue, whole_field=True)
                if subject is None:
                    continue
                phrase, after = subject
                if phrase.kind == "other" and phrase.first not in (u.a, self.skip_adverbs(u.a, c)):
                    continue
                if not self.agent_of(u, cue):
                    continue
                needed = _REPORTS_WITH.get(cue.lemma)
                if needed and not any(self.low(k) == needed for k in range(u.a, u.b)):
                    continue
                named_as = cue.lemma in _NAMED_AS and self.low(u.a) == "als"
                if (
                    cue.kind != "report"
                    and not named_as
                    and not (
                        self.reports_object(c, cue, after, u.b)
                        if cue.finite
                        else self.reports_object_before(phrase.last, c, cue)
                    )
                ):
                    continue  # a frame verb reports only with its object: warnte vor …
                if after < u.b and self.low(after) in wordlists.NEGATIONS:
                    return None
                part = self.particle(cue, c + 1, u.b)
                if part is None:
                    continue
                i, k = self.trim(u.a, u.b)
                if self.low((part if cue.particle else k) - 1) in wordlists.NEGATIONS:
                    return None  # „gab die Behörde nicht bekannt“, „nannte den Namen nicht“
                cue_spans = self.cue_spans(c, cue, part)
                return self.make(
                    [self.span(i, k)],
                    "reported",
                    cue=cue_spans,
                    speaker=phrase,
                    medium=cue.medium,
                    confidence=0.55,
                    rule="reported",
                )
        return None

    def passive_report(self, u: Unit) -> Statement | None:
        """A report in the passive, its participle closing the sentence: „Als Grund
        wurden die Bedingungen genannt.“ (`_NAMED_AS`) | „Die Forderungen wurden von
        Stolpe als unrealistisch bezeichnet.“ (`_JUDGED_AS`) | „Die Zahl wurde mit 214
        angegeben.“ The agent after von/vom is the speaker; without one none is named
        (the sentence's own subject is what was said about)."""
        if u.heading:
            return None
        aux = next((k for k in range(u.a + 1, min(u.b, u.a + 12)) if self.low(k) in _PASSIVE), None)
        if aux is None or any(self.tok(k) == "," for k in range(u.a, aux)):
            return None
        for c in range(aux + 2, u.b):
            if self.tok(c) in _CLAUSE_MARKS and not self.quoted[c]:
                return None
            end = c + 1 + (c + 1 < u.b and self.low(c + 1) in _PASSIVE_TAIL)
            if end >= u.b or self.tok(end) not in _FINAL:
                continue
            cue = next((cue for cue in self.cues(c) if self.passive_aux(u, c, cue) == aux), None)
            if cue is None or not self.passive_reports(u, aux, c, cue):
                return None
            speaker = self.passive_agent(u, aux, c)
            i, k = self.trim(u.a, u.b)
            return self.make(
                [self.span(i, k)],
                "reported",
                cue=[self.span(aux, aux + 1), self.span(c, c + 1)],
                speaker=speaker,
                medium=cue.medium,
                confidence=0.55,
                rule="passive_report",
            )
        return None

    def passive_reports(self, u: Unit, aux: int, c: int, cue: Cue) -> bool:
        """Whether participle `cue` (token c) of the passive with auxiliary `aux` reports:
        a reason or example „als“ names, a judgement „als“ opens, a figure after „mit“."""
        words = [self.low(k) for k in range(u.a, c) if not self.quoted[k]]
        if cue.lemma in _NAMED_AS and any(
            self.low(k) == "als" and self.tok(k + 1)[:1].isupper() and not self.quoted[k + 1]
            for k in range(u.a, c)
        ):
            return True
        if cue.lemma in _JUDGED_AS and "als" in words[aux + 1 - u.a :]:
            return True
        return cue.lemma == "angeben" and "mit" in words[aux + 1 - u.a :]

    def _named_before(self, u: Unit, comma: int) -> bool:
        """The unit opens with a person's name that ends at this comma (an apposition
        follows it)."""
        lead = self.people.phrase_at(u.a, comma)
        return lead is not None and lead.kind == "name" and lead.last == comma

    def colon_quote(self, u: Unit) -> Statement | None:
        """A quotation of its own after a colon, said by the subject of the clause the
        colon closes: „Paolo hatte die Ausführung mit den Worten abgelehnt: „…““ | „Im
        Brief an Chirac erklärt er: „…““ | „BKA-Präsident Ziercke: „…““. Only where
        the quotation runs to the end of the unit (else a frame after it speaks)."""
        if u.heading:
            return None
        for k in range(u.a + 1, u.b - 3):
            quotation = self.quotation_after_colon(k)
            if quotation is None:
                continue
            q, end = quotation
            if any(self.tok(j)[:1].isalnum() for j in range(end, u.b)):
                return None  # „…“, fragen sich Experten.
            found = self._colon_speaker(self.before_colon(u, k))
            if found is None:
                return None
            phrase, cue = found
            return self.make(
                [q.inner],
                "direct",
                cue=cue,
                speaker=phrase,
                frame=[self.span(k, k + 1)],
                confidence=0.75,
                rule="colon_quote",
            )
        return None

    def colon_clause(self, u: Unit) -> Statement | None:
        """Reported speech in Konjunktiv I after a colon, said by the person the clause
        before it names: „Ifo-Präsident Clemens Fuest sieht das ähnlich: Es komme nun
        auf die Umsetzung an.“ | „Die Richterin ließ sich auf keinen Kompromiss ein:
        Eine Bewährungsstrafe sei nicht vermittelbar.“ (all three such sentences in
        the quotation dataset's training data are annotated so)."""
        if u.heading:
            return None
        for k in range(u.a + 2, u.b - 3):
            if self.tok(k) != ":" or self.quoted[k] or self.quoted[k + 1]:
                continue
            if self.subjunctive(k + 1, u.b) != "I" or any(self.cues(j) for j in range(k + 1, u.b)):
                return None  # a frame of its own after the colon speaks for itself
            clause = self.before_colon(u, k)
            found = self._colon_speaker(clause)
            form, message = self.classify(k + 1, u.b)
            if found is None or not message:
                return None
            phrase, cue = found
            return self.make(
                message,
                form,
                cue=cue,
                speaker=phrase,
                frame=[self.span(clause.a, k + 1)],
                confidence=0.7,
                rule="colon_clause",
            )
        return None

    def quotation_after_colon(self, k: int) -> tuple[QuoteSpan, int] | None:
        """The closed quotation of five tokens or more (marks included) that opens right
        after an unquoted colon at token k, and the token after its closing mark."""
        if self.tok(k) != ":" or self.quoted[k] or not self.quoted[k + 1]:
            return None
        end = k + 1 + self.quoted_run(k + 1)
        q = self.quote_covering(k + 1, end)
        return (q, end) if q is not None and q.closed and end - k >= 6 else None

    def before_colon(self, u: Unit, k: int) -> Unit:
        """The clause of unit u before its colon at token k, from the start of the
        colon's sentence."""
        return Unit(u.index, u.first, u.last, max(self.doc.sentence_of(k).first, u.a), k, False)

    def _colon_speaker(self, clause: Unit) -> tuple[Phrase, list[Span]] | None:
        """The speaker (and the cue's spans) of a clause that ends in a colon before a
        quotation: the subject of a cue verb in it, or a person's phrase that stands
        first with no verb after it („Ein Hauptkommissar nach der Festnahme:“), before
        the finite verb („Ein Übertrittswilliger begründete seine Entscheidung wie
        folgt:“) or right after it („Hier sparte der Bundespräsident nicht mit Kritik:“)."""
        for c in range(clause.a, clause.b):
            for cue in self.cues(c):
                part = self.particle(cue, c + 1, clause.b)
                if part is None:
                    continue
                subject = self._subject(clause, c, cue)
                if subject is not None and subject[0].kind != "other":
                    return subject[0], self.cue_spans(c, cue, part)
        tags = self.tagged(clause.a, clause.b)
        finite = next((clause.a + n for n, t in enumerate(tags) if t in _FINITE), None)
        start = clause.a + (self.low(clause.a) in wordlists.CONJUNCTIONS)
        start = self.skip_adverbs(start, clause.b)  # „Doch die Richterin ließ …:“
        lead = self.people.phrase_at(start, clause.b if finite is None else finite)
        if lead is not None and self._person(lead):
            if finite is None and not any(t.startswith("V") for t in tags):
                return lead, []
            if self.past_bracket(lead.last, clause.b) == finite:
                return lead, []  # „Christian Lindner (FDP) reagierte zurückhaltend:“
        if finite is None:
            return None
        # „In einem Interview äußerte sich der EU-Außenbeauftragte jedoch zuversichtlich:“
        j = self.skip_adverbs(finite + 1, clause.b)
        j += j < clause.b and self.low(j) == "sich"
        after = self.people.phrase_at(j, clause.b)
        if after is not None and self._person(after):
            return after, [self.span(finite, finite + 1)] if self.cues(finite) else []
        return None

    def past_bracket(self, k: int, stop: int) -> int:
        """The token after a short bracket that opens at token k („(FDP)“, „(47)“), or k."""
        if k < stop and self.tok(k) == "(":
            close = next((j for j in range(k + 1, min(stop, k + 5)) if self.tok(j) == ")"), None)
            if close is not None:
                return close + 1
        return k

    def _person(self, phrase: Phrase) -> bool:
        """A name, a personal pronoun or a role („der Bundestrainer“), not any noun
        phrase („Die Pflichten der Union“)."""
        return phrase.kind in ("name", "pronoun") or (
            phrase.kind == "descriptor" and lexicon.is_role(phrase.head)
        )

    def split_colon_quote(self, st: Statement, u: Unit) -> list[Statement]:
        """A quotation after a colon in the unit of statement `st`, of the same speaker:
        inside an indirect or mixed message that is reported speech of its own (a
        dass-clause or Konjunktiv: „sagte, bei der Wahl würden nicht alle zustimmen:
        „Ich gehe davon aus …““), which then ends at the colon, or after the frame
        („…, so Elshorst weiter: „Das ist …““, „„…“, sagte er und fügte hinzu:
        „…““)."""
        if len(st.message) != 1 or st.speaker is None:
            return [st]
        tokens = self.doc.token_range(*st.message[0], "expand")
        if tokens is None:
            return [st]
        direct = st.form == "direct"
        search_from = tokens[1] if direct else tokens[0] + 1
        for k in range(search_from, u.b - 2):
            quotation = self.quotation_after_colon(k)
            if quotation is None:
                continue
            added = self.added(search_from, k)  # „… und fügte hinzu:“
            if direct and added is None:
                return [st]  # only „„…“, sagte er und fügte hinzu: „…““ goes on
            q, end = quotation
            inside = k < tokens[1]
            if not inside and any(self.tok(j)[:1].isalnum() for j in range(end, u.b)):
                return [st]  # the quotation has a frame of its own after it
            head = self.trim(tokens[0], k if added is None else added[0])
            if inside and (
                st.form not in ("indirect", "mixed")
                or self.low(head[0]) not in _CLAUSE_STARTERS
                and not self.subjunctive(*head, False)
            ):
                return [st]  # „bat den Papst um die Rücknahme: „…““: the quotation is it
            quote = replace(
                st, form="direct", fine_type="Direct", message=[q.inner],
                cue=[] if added is None else added[1], frame=[], rule="colon_continuation",
            )  # fmt: skip
            if not inside:
                # „…, und der norwegische Ministerpräsident Jens Stoltenberg: „…““
                named = self._phrase_ending_at(max(tokens[1], k - 6), k)
                if named is not None and named.kind == "name":
                    quote = self.make(
                        [q.inner], "direct", speaker=named, confidence=0.7, rule="colon_quote"
                    )
                return [st, quote]
            form, message = self.classify(*head)
            return [replace(st, form=form, message=message), quote]
        return [st]

    def added(self, i: int, k: int) -> tuple[int, list[Span]] | None:
        """Where „und“ before a finite frame verb of the same subject stands in tokens
        [i, k) („…, sagte er und fügte hinzu: …“), with the verb's cue spans."""
        for j in range(i, k - 1):
            if self.low(j) != "und" or self.quoted[j]:
                continue
            for cue in self.cues(j + 1):
                part = self.particle(cue, j + 2, k + 1)
                if cue.finite and part is not None:
                    return j, self.cue_spans(j + 1, cue, part)
        return None

    def naming_quotes(self, u: Unit) -> list[Statement]:
        """X nannte die Entscheidung „fahrlässig“. | X bezeichnete die Pläne als
        „Wortbruch“: each quotation the naming verb's object holds (`_NAMING`), Direct.
        Not a title after a preposition („nannte in einem Interview mit dem
        „Deutschlandfunk“ vier Bedingungen“)."""
        if u.heading:
            return []
        for c in range(u.a, min(u.b, u.a + 25)):
            for cue in self.cues(c):
                if cue.lemma not in _NAMING or not cue.finite or self.low(c + 1) == "sich":
                    continue  # „nennt sich „documenta 12““: a name it bears
                subject = self._subject(u, c, cue)
                if subject is None:
                    return []
                phrase, after = subject
                if after < u.b and self.low(after) in wordlists.NEGATIONS | {"sich"}:
                    return []  # „nennt sie sich „documenta 12““
                stop = next(
                    (k for k in range(after, u.b) if self.tok(k) in {",", ";", ":"}
                     and not self.quoted[k]),
                    u.b,
                )  # fmt: skip
                return [
                    self.make(
                        [q.inner],
                        "direct",
                        cue=self.cue_spans(c, cue, c + 1) + [self.span(k, k + 1) for k in als],
                        speaker=phrase,
                        medium=cue.medium,
                        confidence=0.8,
                        rule="naming_quote",
                    )
                    for q, als in self._named(after, stop)
                ]
        return []

    def _named(self, i: int, j: int) -> list[tuple[QuoteSpan, list[int]]]:
        """The short quotations among tokens [i, j) that are a name given, each with
        the token of „als“ before it (none after „nennen“)."""
        out = []
        for q in self.quotes_inside(i, j):
            tokens = self.doc.token_range(q.open, q.close + 1, "expand")
            if tokens is None or not q.closed:
                continue
            first, last = tokens
            if last - first - 2 > _MAX_NAME_QUOTE or first <= i:
                continue
            before = [k for k in range(i, first) if not self.quoted[k]]
            als = [k for k in before if self.low(k) == "als"][-1:]
            if any(self.low(k) in wordlists.PREPOSITIONS for k in before if not als or k > als[0]):
                continue  # „mit dem Radiosender „Deutschlandfunk““
            # Without „als“ a capitalised name is a name, not a verdict („nennt VW die
            # Modelle „Touareg“ und „Phaeton““), unless an indefinite article makes it
            # one („nannte den Bericht eine „Zeitungsente““).
            if (
                not als
                and self.tok(first + 1)[:1].isupper()
                and self.low(first - 1) not in _INDEFINITE
            ):
                continue
            out.append((q, als))
        return out

    def agent_of(self, u: Unit, cue: Cue) -> bool:
        """Whether the subject of a cue is one who speaks: not a disaster that
        „forderte 92 Menschenleben“ or „hat mehr als 100 Todesopfer gefordert“."""
        return cue.lemma != "fordern" or not any(
            self.low(k) in _CASUALTIES for k in range(u.a, u.b)
        )

    def reports_object(self, c: int, cue: Cue, after: int, end: int) -> bool:
        """Whether frame verb `cue` (token c, speaker phrase ending before `after`)
        reports with its object: a topic after vor/von/über ("warnte vor …", "sprach
        trotz der Kritik von …"), or, for `_OBJECT_FRAMES`, a plain object with no
        clause after it ("kündigte seine Kandidatur an")."""
        if after < end and self.topic_at(after, cue, end):
            return True
        stop = next((k for k in range(c + 1, end) if self.tok(k) in _CLAUSE_MARKS), end)
        if cue.lemma in ("sprechen", "berichten", "warnen", "verweisen", "ausgehen"):
            # from the verb on: a name's phrase may have run over the topic („sprach
            # Angela Merkel von der Möglichkeit …“), an adverbial may come first („geht
            # bei dem Manager von Fluchtgefahr aus“)
            window = range(c + 1, min(stop, after + 5))
            return any(self.topic_at(k, cue, end) for k in window)
        return cue.lemma in _OBJECT_FRAMES and stop == end and after < end - 1

    def reports_object_before(self, i: int, c: int, cue: Cue) -> bool:
        """`reports_object` for participle `cue` at token c in the perfect, its topic
        between the subject's end (token i) and it, not after a noun: „hatte im Juli
        von ethnischen Säuberungen berichtet“ (a plain object is not enough: of the
        perfect „angekündigt“ and the like, 10 of 13 are not annotated in the training
        data)."""
        perfect = any(self.low(k) in _HABEN for k in range(i, c))
        return perfect and any(
            self.topic_at(k, cue, c)
            and not self.tok(k - 1)[:1].isupper()  # „die Zustände von Brazzaville“
            for k in range(i, c)
        )

    def topic_at(self, k: int, cue: Cue, end: int) -> bool:
        """Whether token k opens the topic frame verb `cue` reports on: vor, von, über
        or the verb's own preposition (`_OWN_TOPICS`), not a time (`time_ago`, reading
        up to token `end`)."""
        word = self.low(k)
        own = _OWN_TOPICS.get(cue.lemma, frozenset())
        return (word in _TOPIC_PREPOSITIONS or word in own) and not self.time_ago(k, end)

    def time_ago(self, k: int, end: int) -> bool:
        """Whether „vor“ at token k says when, not what about: vor einigen Stunden, vor
        zwei Jahren, vor kurzem, vor allem."""
        if self.low(k) != "vor" or k + 1 >= end:
            return False
        if self.low(k + 1) in ("allem", "kurzem", "ort"):
            return True
        return k + 2 < end and _TIME_NOUN.fullmatch(self.low(k + 2)) is not None

    def continuation(
        self,
        u: Unit,
        last: Statement,
        distance: int,
        same_paragraph: bool,
        bridged: bool,
        prev: Unit | None = None,
    ) -> Statement | str | None:
        """A statement without its own cue that continues the previous one.

        Returns "bridge" for a Konjunktiv II sentence that opens a new paragraph: not
        attributed (it is as often the writer's own hedge), but a Konjunktiv I
        sentence right after it still continues the statement before.
        """
        if u.heading:
            return None
        # by the speaker of the statement it continues, said or written as that was
        continued = partial(self.make, entity=last.speaker_entity, medium=_MEDIUM_CODE[last.medium])
        named = False  # by the person the sentence before names instead
        start, end = self.span(u.a, u.b)
        run = next(((start, min(b, end)) for a, b in self.run_on if a <= start < b), None)
        if run is not None and distance == 1:
            # a quotation the paragraph before left open runs on into this one
            return continued([run], "direct", confidence=0.75, rule="continuation_quote")
        # A sentence that opens with another person is about that person, unless it
        # is in Konjunktiv I, which marks it as still reported ("Delling genieße …").
        if self._other_subject(u, last.speaker_entity) and self.subjunctive(u.a, u.b) != "I":
            return None
        if bridged and distance == 2:
            distance = 1
        if distance > 1:
            if distance == 2 and any(self.low(k) == "demnach" for k in range(u.a, u.b)):
                i, k = self.trim(u.a, u.b)
                return continued(
                    [self.span(i, k)],
                    "reported",
                    cue=self._word_span(u, "demnach"),
                    confidence=0.5,
                    rule="continuation_demnach",
                    fine_type="Indirect",
                )
            # Konjunktiv I still reports across a sentence or two of narration
            if distance > 3 or self.subjunctive(u.a, u.b) != "I":
                return None
            # unless the sentence right before opens with another person, who says it
            # („Oberstaatsanwältin Sabine Krüger hielt dagegen. Auf den Aufnahmen sei
            # der Angeklagte eindeutig zu erkennen.“)
            other = self._named_subject(prev, u, last.speaker_entity) if prev else None
            if other is not None:
                continued = partial(self.make, entity=other, medium=_MEDIUM_CODE[last.medium])
                named = True
        # „Und weiter: „Das ist klar.““: the words after a lead of adverbs and a colon
        colon = next((k for k in range(u.a + 1, min(u.a + 3, u.b)) if self.tok(k) == ":"), u.a)
        if colon > u.a and not all(
            self.low(k) in wordlists.ADVERBS or self.low(k) == "und" for k in range(u.a, colon)
        ):
            colon = u.a
        form, message = self.classify(colon + (colon > u.a), u.b)
        if form == "direct" and distance == 1:
            q_start, q_end = message[0]
            said = self.text[q_start:q_end]
            # four words, or a sentence of its own: „Mehr ging nicht.“
            if len(said.split()) >= 4 or said.rstrip()[-1:] in ".!?" and words_said(said):
                return continued(
                    message,
                    "direct",
                    confidence=0.75,
                    rule="continuation_quote",
                )
            return None
        # Quoted words someone said, not names or titles in quotation marks („Pilatus“)
        quoted_words = sum(
            len(self.text[q.open : q.close].split())
            for q in self.quotes_inside(u.a, u.b)
            if not names_only(self.text[q.open + 1 : q.close])
        )
        own_cue = any(self.cues(k) for k in range(u.a, u.b))  # a statement of its own
        if form == "mixed" and quoted_words >= 3 and not own_cue and distance == 1:
            # „Ein Beamter der Polizei: „…““, „Sie beschrieb den Hergang: „…““: the
            # clause before the colon introduces the quotation, which alone continues
            introduced = [
                q
                for k in range(colon + 1, u.b - 1)
                if self.tok(k) == ":" and self.tok(k + 1) in _QUOTE_CHARS
                for q in self.quotes_inside(k + 1, u.b)[:1]
            ]
            if introduced:
                return continued(
                    [introduced[0].inner],
                    "direct",
                    confidence=0.65,
                    rule="continuation_quote",
                )
            return continued(
                message,
                "mixed",
                confidence=0.65,
                rule="continuation_mixed",
                fine_type="IndirectFreeIndirect",  # as the dataset types 12 of 18
            )
        if any(self.low(k) == "demnach" for k in range(u.a, u.b)):
            return continued(
                message,
                "reported",
                cue=self._word_span(u, "demnach"),
                confidence=0.55,
                rule="continuation_demnach",
                fine_type="Indirect",  # as the quotation dataset types 6 of 7
            )
        mood = self.subjunctive(u.a, u.b)
        reported = self.reported_clause(colon + (colon > u.a), u.b) if mood else None
        if reported is not None:
            form, message = self.classify(reported, u.b)
        if mood == "I":
            return continued(
                message,
                "free_indirect",
                confidence=0.65,
                rule="continuation_named" if named else "continuation_konjunktiv_i",
                fine_type="IndirectFreeIndirect",
            )
        if mood == "II" and not same_paragraph:
            return "bridge"
        if mood == "II":
            return continued(
                message,
                "free_indirect",
                confidence=0.45,
                rule="continuation_konjunktiv_ii",
                fine_type="IndirectFreeIndirect",  # as the dataset types 23 of 33
            )
        # a plan right after a statement is the speaker's too: „Auch soll das Verhältnis
        # der Truppen geklärt werden.“ (the dataset annotates 21 of 34 so)
        reportive = self.reportive_sollen(u)
        plan = distance == 1 and same_paragraph and self._main_clause_sollen(u)
        if (reportive or plan) and not own_cue:
            return continued(
                message,
                "free_indirect",
                confidence=0.5,
                rule="continuation_sollen" if reportive else "continuation_sollen_plan",
                fine_type="FreeIndirect",
            )
        return None

    def _main_clause_sollen(self, u: Unit) -> bool:
        """Whether "sollen" is the finite verb of the unit's first clause, before any
        comma: „Juventus soll in die 3. Liga absteigen“, not „Die Sorte, die im Mai
        kommen soll, …“."""
        for k in range(u.a, u.b):
            if self.quoted[k]:
                continue
            if self.tok(k) == ",":
                return False
            if self.low(k) in _SOLLEN:
                return True
        return False

    def reportive_sollen(self, u: Unit) -> bool:
        """Reportive "sollen" with a perfect infinitive, outside quotation marks: „Er
        soll zwei Menschen eingeschleust haben.“ („Ein Shuttlebus soll die Kinder
        bringen“ is a plan, not a claim: reported only right after a statement it
        continues, `continuation`.)"""
        end = self.trim(u.a, u.b)[1]
        return (
            any(self.low(k) in _SOLLEN and not self.quoted[k] for k in range(u.a, u.b))
            and end - u.a >= 3
            and self.low(end - 1) in ("haben", "sein")
            and self.tok(end - 2)[:1].islower()
        )

    def evidential(self, u: Unit) -> Statement | None:
        """A claim marked as reported by its verb alone, with no statement right before
        it to continue and no cue of its own: Konjunktiv I („Bisher habe man 1,95
        Millionen Euro erhalten“) or reportive "sollen" („Der Tod des Kindes soll durch
        eine Fettembolie eingetreten sein“). Whose claim it is the sentence does not
        say; the speaker stays open. In the training data 69 of 84 such Konjunktiv I
        sentences and 22 of 44 such "sollen" ones pair with an annotated statement."""
        if u.heading or self.quotes_inside(u.a, u.b):
            return None
        if any(self.cues(k) for k in range(u.a, u.b)):
            return None
        # by the word lists and positions alone: asking HanTa about every sentence
        # without a statement cost a sixth of the rules' time for 9 more sentences
        konjunktiv = self.subjunctive(u.a, u.b, tagger=False) == "I"
        if not konjunktiv and not self.reportive_sollen(u):
            return None
        form, message = self.classify(u.a, u.b)
        if form != "indirect" or not message:
            return None
        return self.make(
            message,
            "free_indirect",
            confidence=0.45 if konjunktiv else 0.4,
            rule="evidential_konjunktiv_i" if konjunktiv else "evidential_sollen",
            fine_type="IndirectFreeIndirect" if konjunktiv else "FreeIndirect",
        )

    def _named_subject(self, prev: Unit, u: Unit, speaker: int | None) -> int | None:
        """The person a name or a role („Merkels Sprecher“) opening unit `prev`, in unit
        `u`'s paragraph, refers to, where it is not `speaker` and a verb follows it;
        else None."""
        doc = self.doc
        if (
            doc.sentences[prev.first].paragraph != doc.sentences[u.first].paragraph
            or self.low(prev.a) in _CLAUSE_OPENERS
        ):
            return None
        phrase = self.people.phrase_at(prev.a, prev.b)
        if (
            phrase is None
            or not (
                phrase.kind == "name"
                or (phrase.kind == "descriptor" and lexicon.is_role(phrase.head))
            )
            or phrase.last >= prev.b
            or not self.tok(phrase.last)[:1].islower()
        ):
            return None
        entity = self.people.resolve(phrase)
        if (
            entity is None
            or entity == speaker
            or self.people.entities[entity].kind not in ("PER", "DESC")
        ):
            return None
        return entity

    def _other_subject(self, u: Unit, speaker: int | None) -> bool:
        """The unit opens with a person other than the speaker ("Wollny trat … entgegen")."""
        for k in range(u.a, min(u.b, u.a + 6)):
            if self.quoted[k]:
                continue
            entity = self.people.person_at(k)
            if (
                entity is not None
                and entity != speaker
                and self.people.entities[entity].kind == "PER"
            ):
                return True
        return False

    def interview_answers(self) -> list[Statement]:
        """The answers of an interview printed as questions and answers, each a
        paragraph opening with its speaker's label: „Frage: Herr Stoltenberg, droht ein
        Krieg?“ / „Stoltenberg: Wir tun alles, um einen Krieg zu verhindern.“ A label
        that names a person, one to four capitalised words before a colon, and opens
        two paragraphs or more, most of them without a question mark, is an answerer's
        once another label opens questions (Frage, the outlet, the interviewer). The
        whole answer after the label is said, verbatim, by the person it names."""
        doc = self.doc
        labelled: dict[str, list[tuple[int, int, int]]] = {}  # label → (first, colon, last)
        for paragraph in doc.paragraphs:
            tokens = doc.token_range(*paragraph, "contract")
            if tokens is None:
                continue
            first, last = tokens
            colon = next(
                (k for k in range(first + 1, min(first + 5, last - 1)) if self.tok(k) == ":"),
                None,
            )
            if colon is not None and all(self.tok(k)[:1].isupper() for k in range(first, colon)):
                label = self.text[doc.tokens[first].start : doc.tokens[colon - 1].end]
                labelled.setdefault(label, []).append((first, colon, last))

        def asks(first: int, last: int) -> bool:
            return "?" in self.text[doc.tokens[first].start : doc.tokens[last - 1].end]

        answerers = {
            label: opened
            for label, opened in labelled.items()
            if len(opened) >= 2 and 2 * sum(asks(f, e) for f, _, e in opened) < len(opened)
        }
        if not any(
            asks(f, e)
            for label, opened in labelled.items()
            if label not in answerers
            for f, _, e in opened
        ):
            return []
        out = []
        for opened in answerers.values():
            first, colon, _ = opened[0]
            phrase = self.people.phrase_at(first, colon)
            if phrase is None or phrase.kind != "name" or phrase.last != colon:
                continue
            entity = self.people.resolve(phrase)
            if entity is None or self.people.entities[entity].kind != "PER":
                continue
            for first, colon, last in opened:
                out.append(
                    self.make(
                        [self.span(colon + 1, last)],
                        "direct",
                        speaker=self.people.phrase_at(first, colon) or phrase,
                        confidence=0.8,
                        rule="interview_answer",
                    )
                )
        return out

    def _word_span(self, u: Unit, word: str) -> list[Span]:
        return [self.span(k, k + 1) for k in range(u.a, u.b) if self.low(k) == word][:1]

    # -- driver ------------------------------------------------------------
    def run(self) -> Analysis:
        self.people.find_names()
        units = self._units()
        last: Statement | None = None
        last_unit = -10
        bridge_unit = -10
        patterns: list[Callable[[Unit], Statement | str | None]] = [
            self.trailing_frame,
            self.leading_frame,
            self.leading_heisst_es,
            self.became_known,
            self.cue_phrase,
            self.source_noun,
            self.postposed_source,
            self.wonach_clause,
        ]
        for u in units:
            result: Statement | str | None = None
            for pattern in patterns:
                result = pattern(u)
                if result is not None:
                    break
            if result is None:
                prev = units[u.index - 1] if u.index else None
                result = self.anaphoric_report(u, prev)
                if isinstance(result, Statement) and result.rule == "anaphoric_frame":
                    self.statements = [
                        st
                        for st in self.statements
                        if not st.rule.startswith(INFERRED_RULES) or st.end <= result.start
                    ]
            if result is None:
                result = self.colon_quote(u) or self.colon_clause(u)
            if result is None:
                named = self.naming_quotes(u)
                if named:
                    self.statements.extend(named)
                    last, last_unit = named[-1], u.index
                    continue
            if result is None and last is not None:
                same_paragraph = (
                    self.doc.sentences[units[last_unit].first].paragraph
                    == self.doc.sentences[u.first].paragraph
                )
                result = self.continuation(
                    u,
                    last,
                    u.index - last_unit,
                    same_paragraph,
                    bridge_unit == u.index - 1,
                    units[u.index - 1] if u.index else None,
                )
                if result == "bridge":
                    bridge_unit = u.index
                    continue
            if result is None:
                result = self.anaphoric_source(u)
            if result is None:
                result = self.standalone_quote(u)
            if result is None:
                result = self.passive_report(u) or self.reported(u)
            if result is None:
                result = self.evidential(u)
            if result == "negated" or u.heading:
                last, last_unit = None, -10
            if isinstance(result, Statement):
                self.statements.extend(self.split_colon_quote(result, u))
                last, last_unit = self.statements[-1], u.index
        answers = self.interview_answers()
        if answers:
            # what the rules inferred inside an answer (a continuation, a quotation
            # standing alone) is the answer's
            self.statements = [
                st
                for st in self.statements
                if not st.rule.startswith(INFERRED_RULES)
                or not any(a.start <= st.start and st.end <= a.end for a in answers)
            ]
            self.statements = sorted(self.statements + answers, key=lambda st: st.start)
        return Analysis(
            text=self.text,
            statements=self.statements,
            mentions=self.people.mentions,
            entities=self.people.entities,
            extractor=EXTRACTOR,
        )


def extract_statements(doc: Doc, people: People | None = None) -> Analysis:
    """Statements, mentions and entities of one segmented article.

    `people` lets a caller share the article's mentions and entities with another
    extractor (the neural one adds the rules' sure statements to its own).
    """
    return _Extractor(doc, people).run()
