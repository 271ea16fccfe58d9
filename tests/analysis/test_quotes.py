"""The rule-based extractor (`--fast`) on German sentences written for these tests.

Each case: the text, then the expected statements as (form, speaker, start of message).
"""

from __future__ import annotations

import pytest

import sagte


def found(text: str) -> list[tuple[str, str | None, str]]:
    return [(s.form, s.speaker, s.text) for s in sagte.extract(text, mode="fast")]


CASES = [
    pytest.param(
        "„Wir bauen die Brücke bis 2026 neu“, sagte Verkehrsministerin Anna Keller am Montag.",
        [("direct", "Anna Keller", "Wir bauen die Brücke bis 2026 neu")],
        id="direct-trailing-cue-title-name",
    ),
    pytest.param(
        "Bürgermeister Tobias Brandt eröffnete die Sitzung. »Das Geld ist da«, sagte der "
        "Bürgermeister. »Jetzt müssen wir handeln.«",
        [
            ("direct", "Tobias Brandt", "Das Geld ist da"),
            ("direct", "Tobias Brandt", "Jetzt müssen wir handeln."),
        ],
        id="guillemets-descriptor-and-continuation",
    ),
    pytest.param(
        "Die Polizei sperrte die Straße. Der Verkehr werde umgeleitet, teilte die Polizei mit.",
        [("indirect", "Polizei", "Der Verkehr werde umgeleitet")],
        id="separable-cue-teilte-mit",
    ),
    pytest.param(
        "„Ich trete an als ein konservativer Republikaner“, strich Romney in Arbutus heraus.",
        [("direct", "Romney", "Ich trete an als ein konservativer Republikaner")],
        id="separable-cue-strich-heraus",
    ),
    pytest.param(
        "„Wir sehen uns gezwungen, den Druck zu erhöhen“, sagte GDL-Chef Claus Weselsky. "
        "„Die Bahn hat uns kein Angebot vorgelegt.\n\nDie Beschäftigten haben lange genug "
        "gewartet.“ Die Bahn wies das zurück.",
        [
            ("direct", "Claus Weselsky", "Wir sehen uns gezwungen, den Druck zu erhöhen"),
            ("direct", "Claus Weselsky", "Die Bahn hat uns kein Angebot vorgelegt"),
            ("direct", "Claus Weselsky", "Die Beschäftigten haben lange genug gewartet."),
        ],
        id="quotation-left-open-runs-on-into-the-next-paragraph",
    ),
    pytest.param(
        "Kapitänin Alexandra Popp vom VfL Wolfsburg, die das Spiel im Stadion verfolgte, "
        "sagte dem Bayerischen Rundfunk, sie sei beeindruckt gewesen. Sie hoffe auf ein "
        "ähnliches Spiel im Pokal.",
        [
            ("indirect", "Alexandra Popp", "sie sei beeindruckt gewesen"),
            ("free_indirect", "Alexandra Popp", "Sie hoffe auf ein ähnliches Spiel im Pokal"),
        ],
        id="a-name-with-where-she-is-from-and-a-relative-clause-before-the-verb",
    ),
    pytest.param(
        "Die Regierung legte den Plan vor. Finanzminister Christian Lindner (FDP): „Wir "
        "prüfen das genau.“ Die Opposition war skeptisch.",
        [("direct", "Christian Lindner", "Wir prüfen das genau.")],
        id="a-name-with-its-party-before-a-colon-and-a-quotation",
    ),
    pytest.param(
        "Die Regierung legte den Plan vor. Finanzminister Christian Lindner (FDP) "
        "reagierte zurückhaltend: Man werde die Vorschläge prüfen.",
        [("indirect", "Christian Lindner", "Man werde die Vorschläge prüfen")],
        id="a-name-with-its-party-before-a-colon-and-konjunktiv",
    ),
    pytest.param(
        "Ministerpräsident Markus Söder besuchte die Gemeinden. „Niemand wird allein "
        "gelassen“, versprach der CSU-Chef. „Wir brauchen mehr Geld“, forderte Landrat "
        "Jonas Weber.",
        [
            ("direct", "Markus Söder", "Niemand wird allein gelassen"),
            ("direct", "Jonas Weber", "Wir brauchen mehr Geld"),
        ],
        id="a-verb-that-reports-its-object-frames-a-quotation-before-it",
    ),
    pytest.param(
        "Finanzminister Lars Berger machte deutlich, dass es keine neuen Schulden geben werde.",
        [("indirect", "Lars Berger", "dass es keine neuen Schulden geben werde")],
        id="dass-clause-subject-first",
    ),
    pytest.param(
        "Die Ärztin Maria Lehmann warnte, die Wartezeiten würden „weiter steigen“.",
        [("mixed", "Maria Lehmann", "die Wartezeiten würden „weiter steigen“")],
        id="mixed-leading-frame",
    ),
    pytest.param(
        "Nach Angaben von Innenminister Peter Roth wurden 40 Menschen verletzt.",
        [("reported", "Peter Roth", "Nach Angaben von Innenminister Peter Roth wurden 40")],
        id="non-verb-cue-nach-angaben",
    ),
    pytest.param(
        "Laut Feuerwehrsprecher Jonas Weber brach das Feuer im Keller aus.",
        [("reported", "Jonas Weber", "Laut Feuerwehrsprecher Jonas Weber brach")],
        id="non-verb-cue-laut",
    ),
    pytest.param(
        "Trainerin Julia Hoffmann sprach von einer starken Leistung. «Wir haben heute alles "
        "gegeben», sagte sie nach dem Spiel.",
        [
            ("reported", "Julia Hoffmann", "Trainerin Julia Hoffmann sprach von einer starken"),
            ("direct", "Julia Hoffmann", "Wir haben heute alles gegeben"),
        ],
        id="pronoun-sie-swiss-quotes",
    ),
    pytest.param(
        "„Wir sind vorbereitet“, sagte Stefan Meier, „aber die Lage bleibt ernst.“",
        [("direct", "Stefan Meier", "Wir sind vorbereitet … aber die Lage bleibt ernst.")],
        id="split-quote",
    ),
    pytest.param(
        "Minister Karl Vogt sprach in Hamburg. Die Reform komme zu spät, sagte Vogt. Es gebe "
        "kaum noch Zeit für Verhandlungen.",
        [
            ("indirect", "Karl Vogt", "Die Reform komme zu spät"),
            ("free_indirect", "Karl Vogt", "Es gebe kaum noch Zeit"),
        ],
        id="konjunktiv-continuation",
    ),
    pytest.param(
        "Die Anwältin Eva Roth sagte, die Anklage sei falsch. Der Mann ist nun wieder auf "
        "freiem Fuß; die Anklage bleibe aber bestehen.",
        [
            ("indirect", "Eva Roth", "die Anklage sei falsch"),
            ("free_indirect", "Eva Roth", "die Anklage bleibe aber bestehen"),
        ],
        id="a-continuation-is-the-konjunktiv-clause-after-a-narrated-main-clause",
    ),
    pytest.param(
        "„Ich höre auf“, sagte Franz Müntefering. Seine Frau ist mehrfach operiert worden, "
        "und er wolle sie nun begleiten.",
        [
            ("direct", "Franz Müntefering", "Ich höre auf"),
            ("free_indirect", "Franz Müntefering", "und er wolle sie nun begleiten"),
        ],
        id="a-continuation-after-und-and-a-narrated-main-clause",
    ),
    pytest.param(
        "Minister Karl Vogt sprach in Hamburg. Die Reform komme zu spät, sagte Vogt. Die "
        "Kommission, die gestern tagte, habe kaum noch Zeit.",
        [
            ("indirect", "Karl Vogt", "Die Reform komme zu spät"),
            ("free_indirect", "Karl Vogt", "Die Kommission, die gestern tagte, habe"),
        ],
        id="a-relative-clause-in-the-indicative-stays-in-the-continuation",
    ),
    pytest.param(
        # HanTa reads „Das Stehen“ as a pronoun and a finite verb, „bereite“ as an
        # adjective; a capital mid-clause is a noun, so no narrated main clause opens
        # the sentence
        "Minister Karl Vogt sprach in Hamburg. Die Reform komme zu spät, sagte Vogt. Das "
        "Stehen bereite seinem Onkel Schmerzen, ihm seien lange Reisen verboten worden.",
        [
            ("indirect", "Karl Vogt", "Die Reform komme zu spät"),
            ("free_indirect", "Karl Vogt", "Das Stehen bereite seinem Onkel Schmerzen, ihm"),
        ],
        id="a-noun-hanta-takes-for-a-verb-opens-no-narrated-main-clause",
    ),
    pytest.param(
        # no word list knows "genieße": HanTa's tag and lemma make it stem + e
        "Minister Karl Vogt sprach in Hamburg. Die Reform komme zu spät, sagte Vogt. Die "
        "Regierung genieße kein Vertrauen mehr.",
        [
            ("indirect", "Karl Vogt", "Die Reform komme zu spät"),
            ("free_indirect", "Karl Vogt", "Die Regierung genieße kein Vertrauen"),
        ],
        id="konjunktiv-i-by-tag-and-lemma",
    ),
    pytest.param(
        "Minister Karl Vogt sprach in Hamburg. Die Reform komme zu spät, sagte Vogt. Die "
        "Stadt kaufte zu wenig Busse.",
        [("indirect", "Karl Vogt", "Die Reform komme zu spät")],
        id="preterite-in-te-is-not-konjunktiv",
    ),
    pytest.param(
        "Hunderte Häuser sind ohne Strom. Das gab Energieministerin Eva Brunner in Kiel bekannt.",
        [("reported", "Eva Brunner", "Hunderte Häuser sind ohne Strom")],
        id="anaphoric-das-gab-bekannt",
    ),
    pytest.param(
        "Ein Sprecher des Innenministeriums sagte, man prüfe den Vorfall.",
        [("indirect", "Ein Sprecher des Innenministeriums", "man prüfe den Vorfall")],
        id="unnamed-descriptor-speaker",
    ),
    pytest.param(
        "Ein Sprecher des Innenministeriums sagte, man prüfe den Vorfall. Er fügte hinzu, es "
        "gebe keine Hinweise auf Täter. Seinen Angaben zufolge wurde niemand verletzt.",
        [
            ("indirect", "Ein Sprecher des Innenministeriums", "man prüfe den Vorfall"),
            ("indirect", "Ein Sprecher des Innenministeriums", "es gebe keine Hinweise"),
            ("reported", "Ein Sprecher des Innenministeriums", "Seinen Angaben zufolge"),
        ],
        id="a-pronoun-and-a-possessive-source-refer-to-an-unnamed-speaker",
    ),
    pytest.param(
        "Innenministerin Nancy Faeser sagte am Montag, die Lage ist ernst. Sie sagen das, "
        "aber die Zahlen sind andere.",
        [("indirect", "Nancy Faeser", "die Lage ist ernst")],
        id="sagte-frames-a-main-clause-in-the-indicative-not-after-an-object",
    ),
    pytest.param(
        "Die Ökonomen sind uneins. Ifo-Präsident Clemens Fuest sieht das ähnlich: Es komme "
        "nun auf die Umsetzung an. Doch die Richterin ließ sich auf keinen Kompromiss ein: "
        "Eine Bewährungsstrafe sei nicht vermittelbar.",
        [
            ("indirect", "Clemens Fuest", "Es komme nun auf die Umsetzung an"),
            ("indirect", "die Richterin", "Eine Bewährungsstrafe sei nicht vermittelbar"),
        ],
        id="konjunktiv-after-a-colon-is-said-by-the-person-the-clause-before-names",
    ),
    pytest.param(
        "Ein Regierungssprecher in Berlin sagte, dass die Maschine bereits gelandet sei.",
        [("indirect", "Ein Regierungssprecher in Berlin", "dass die Maschine bereits gelandet")],
        id="speaker-with-place",
    ),
    pytest.param(
        "Die Regierung in Lomé teilte mit, die Grenzen würden bis auf weiteres geschlossen.",
        [("indirect", "Regierung in Lomé", "die Grenzen würden bis auf weiteres")],
        id="organisation-with-place-separable-cue",
    ),
    pytest.param(
        "Greenpeace fordert, die Firma für die Schäden haftbar zu machen.",
        [("indirect", "Greenpeace", "die Firma für die Schäden haftbar zu machen")],
        id="report-verb-with-infinitive-clause",
    ),
    pytest.param(
        "Die Partei forderte die Bürger zugleich auf, wachsam zu bleiben und Neuwahlen "
        "freizumachen.",
        [("indirect", "Partei", "wachsam zu bleiben")],
        id="separable-report-verb-with-infinitive-clause",
    ),
    pytest.param(
        "Greenpeace fordert die Vernichtung der Lagerbestände.",
        [("reported", "Greenpeace", "Greenpeace fordert die Vernichtung")],
        id="report-verb-with-object-stays-reported",
    ),
    pytest.param(
        "Relativierend fügte Reinhold Gall hinzu, dass das Gesetz nicht schlecht sei.",
        [("indirect", "Reinhold Gall", "dass das Gesetz nicht schlecht sei")],
        id="leading-adverb-is-not-the-speaker",
    ),
    pytest.param(
        "Zum Rücktritt sagte Kardinal Angelo Sodano, man sei überrascht worden.",
        [("indirect", "Angelo Sodano", "man sei überrascht worden")],
        id="leading-prepositional-phrase-is-not-the-speaker",
    ),
    pytest.param(
        "Der Staatsanwalt Peter Roth sprach von einem schweren Fall. Der Mann soll zwei "
        "Menschen illegal in die USA eingeschleust haben.",
        [
            ("reported", "Peter Roth", "Der Staatsanwalt Peter Roth sprach"),
            ("free_indirect", "Peter Roth", "Der Mann soll zwei Menschen"),
        ],
        id="reportive-sollen-continues",
    ),
    pytest.param(
        "Die Stadt sagte, die Schule werde saniert. Ein Shuttlebus soll die Kinder bringen.",
        [
            ("indirect", "Stadt", "die Schule werde saniert"),
            ("free_indirect", "Stadt", "Ein Shuttlebus soll die Kinder bringen"),
        ],
        id="sollen-of-a-plan-continues-the-statement-right-before",
    ),
    pytest.param(
        "Die Stadt sagte, die Schule werde saniert.\n\nEin Shuttlebus soll die Kinder bringen.",
        [("indirect", "Stadt", "die Schule werde saniert")],
        id="sollen-of-a-plan-in-the-next-paragraph-does-not-continue",
    ),
    pytest.param(
        "Der Zug entgleiste am Montag bei Köln. Der Lokführer soll zu schnell gefahren sein.",
        [("free_indirect", None, "Der Lokführer soll zu schnell gefahren sein")],
        id="reportive-sollen-alone-is-hearsay-without-a-speaker",
    ),
    pytest.param(
        "Die neue Halle soll im Herbst eröffnet werden.",
        [],
        id="sollen-of-a-plan-alone-is-no-statement",
    ),
    pytest.param(
        "Die Ermittler gehen davon aus, dass der Brand gelegt wurde.",
        [("indirect", "Die Ermittler", "dass der Brand gelegt wurde")],
        id="davon-ausgehen-frames-a-clause",
    ),
    pytest.param(
        "Nach Einschätzung politischer Beobachter war der Zusammenstoß provoziert worden.",
        [
            (
                "reported",
                "Einschätzung politischer Beobachter",
                "Nach Einschätzung politischer Beobachter war",
            )
        ],
        id="an-assessment-is-a-source",
    ),
    pytest.param(
        "Die Polizei warnte vor zwei Wochen vor Glätte auf den Straßen.",
        [("reported", "Polizei", "Die Polizei warnte vor zwei Wochen vor Glätte")],
        id="a-topic-after-a-time-ago",
    ),
    pytest.param(
        "Die Staatsanwälte werfen dem Mann Betrug vor. Die Gewerkschaften weisen die "
        "Vorwürfe als haltlos zurück.",
        [
            ("reported", "Staatsanwälte", "Die Staatsanwälte werfen dem Mann Betrug vor"),
            (
                "reported",
                "Gewerkschaften",
                "Die Gewerkschaften weisen die Vorwürfe als haltlos zurück",
            ),
        ],
        id="strong-cue-verbs-in-the-present-plural",
    ),
    pytest.param(
        "SPD und PDS haben die Vorwürfe bereits als haltlos zurückgewiesen.",
        [
            (
                "reported",
                "SPD und PDS",
                "SPD und PDS haben die Vorwürfe bereits als haltlos zurückgewiesen",
            )
        ],
        id="a-coordinated-subject-before-the-auxiliary",
    ),
    pytest.param(
        "SPD und PDS forderten eine Flugverbotszone. Die Union sowie die FDP haben erklärt, "
        "dass sie das Gesetz ablehnen.",
        [
            ("reported", "SPD und PDS", "SPD und PDS forderten eine Flugverbotszone"),
            ("indirect", "Union sowie die FDP", "dass sie das Gesetz ablehnen"),
        ],
        id="a-coordinated-subject-is-not-the-object-after-the-verb",
    ),
    pytest.param(
        "Der Minister wies darauf hin, dass die Kassen leer seien. Datenschützer wiesen "
        "bereits mehrfach auf die Gefahren hin.",
        [
            ("indirect", "Der Minister", "dass die Kassen leer seien"),
            ("reported", "Datenschützer", "Datenschützer wiesen bereits mehrfach auf"),
        ],
        id="hinweisen-frames-a-clause-and-reports-with-auf",
    ),
    pytest.param(
        "Die Berliner SPD hat sich für einen Werteunterricht ausgesprochen. Das war ein "
        "ausgesprochen gutes Spiel, sagte Trainer Jan Vogt.",
        [
            ("reported", "Berliner SPD", "Die Berliner SPD hat sich für einen Werteunterricht"),
            ("indirect", "Jan Vogt", "Das war ein ausgesprochen gutes Spiel"),
        ],
        id="sich-aussprechen-reports-and-the-adverb-does-not",
    ),
    pytest.param(
        "Der Sänger sagte, er sei krank. Der Veranstalter ist dagegen auf der Suche nach "
        "einem neuen Ort.",
        [("indirect", "Der Sänger", "er sei krank")],
        id="a-noun-spelt-like-a-konjunktiv-does-not-continue",
    ),
    pytest.param(
        "Der Wahlbeobachter Jimmy Carter sagte Reportern, die Wahl sei fair verlaufen.",
        [("indirect", "Jimmy Carter", "die Wahl sei fair verlaufen")],
        id="article-after-a-dative-noun",
    ),
    pytest.param(
        "Vorausgegangen waren Einigungen in Fragen der Beziehung von Serbien zum Kosovo.",
        [],
        id="a-capitalised-noun-is-not-a-cue-verb",
    ),
    pytest.param(
        "Nach Polizeiangaben wurden bei dem Unfall drei Menschen verletzt.",
        [("reported", "Polizeiangaben", "Nach Polizeiangaben wurden bei dem Unfall")],
        id="nach-a-source-noun",
    ),
    pytest.param(
        "Nach einer ersten Analyse entstand nach 25 Sekunden ein Treibstoffleck.",
        [("reported", "einer ersten Analyse", "Nach einer ersten Analyse entstand")],
        id="nach-an-analysis",
    ),
    pytest.param(
        "Falls die Firma Insolvenz anmelden muss, droht dem Verein ein Verlust.",
        [],
        id="a-subordinate-clause-is-not-a-message",
    ),
    pytest.param(
        "Der frühere Präsident Jimmy Carter, der als Wahlbeobachter im Land war, sagte am "
        "Montag, die Wahl sei fair verlaufen.",
        [("indirect", "Jimmy Carter", "die Wahl sei fair verlaufen")],
        id="relative-clause-of-the-subject-is-not-a-message",
    ),
    pytest.param(
        "Die Polizeisprecherin Eva Roth sagte, das Flugzeug sei abgestürzt. Bei der Maschine "
        "handelte es sich um ein Flugzeug des Typs „Pilatus Porter PC 6“.",
        [("indirect", "Eva Roth", "das Flugzeug sei abgestürzt")],
        id="a-name-in-quotation-marks-does-not-continue",
    ),
    pytest.param(
        "Der Minister Jan Holm sagte, die Lage sei ernst. Diesen Druck möchte er vermeiden.",
        [("indirect", "Jan Holm", "die Lage sei ernst")],
        id="preterite-modal-is-not-konjunktiv",
    ),
    pytest.param(
        "Die Regierung habe die Lage im Griff, meldete die Nachrichtenagentur Reuters am Abend.",
        [("indirect", "Nachrichtenagentur Reuters", "Die Regierung habe die Lage im Griff")],
        id="cue-melden",
    ),
    pytest.param(
        "Der Innenminister Peter Lang entgegnete, die Vorwürfe seien haltlos.",
        [("indirect", "Peter Lang", "die Vorwürfe seien haltlos")],
        id="cue-entgegnen",
    ),
    pytest.param(
        "Die Ärztin Maria Vogt führte aus, dass die Impfung sicher sei.",
        [("indirect", "Maria Vogt", "dass die Impfung sicher sei")],
        id="cue-ausführen",
    ),
    pytest.param(
        "Der Betriebsrat Karl Weber verlangte eine sofortige Lohnerhöhung.",
        [("reported", "Karl Weber", "Der Betriebsrat Karl Weber verlangte")],
        id="report-verlangen",
    ),
    pytest.param(
        "Die Polizei führte am Montag eine Razzia durch. Die Soldaten führten den Befehl aus.",
        [],
        id="ausführen-without-a-clause-is-no-cue",
    ),
    pytest.param(
        "Der CSU-Vorsitzende Edmund Stoiber warf der SPD eine schreckliche Fehlentwicklung vor.",
        [("reported", "Edmund Stoiber", "Der CSU-Vorsitzende Edmund Stoiber warf")],
        id="frame-verb-with-a-plain-object-reports",
    ),
    pytest.param(
        "Präsident Micheil Saakaschwili sprach trotz der Kritik von einer freien und fairen Wahl.",
        [("reported", "Micheil Saakaschwili", "Präsident Micheil Saakaschwili sprach")],
        id="sprach-von-after-an-adverbial",
    ),
    pytest.param(
        "Ärzte ohne Grenzen teilte gestern mit, drei Flugzeuge seien in Rangun gelandet.",
        [("indirect", "Ärzte ohne Grenzen", "drei Flugzeuge seien in Rangun gelandet")],
        id="whole-field-before-the-verb-is-the-subject",
    ),
    pytest.param(
        "Moritz Wohlrab von der „Aktion Deutschland hilft“ sagte, es sei ein falscher "
        "Eindruck entstanden.",
        [("indirect", "Moritz Wohlrab", "es sei ein falscher Eindruck entstanden")],
        id="name-in-quotation-marks-inside-the-subject",
    ),
    pytest.param(
        "Gegenüber der Agentur „Associated Press“ sagte Honoré Durand, der Geschäftsführer "
        "des Unternehmens: „Ich wurde alarmiert.“",
        [("direct", "Honoré Durand", "Ich wurde alarmiert.")],
        id="apposition-closed-by-a-colon",
    ),
    pytest.param(
        "Die Ministerin Anna Keller sagte, die Lage sei ernst. Die Stadt hatte am Montag die "
        "Brücke gesperrt. Die Reparatur werde Monate dauern.",
        [
            ("indirect", "Anna Keller", "die Lage sei ernst"),
            ("free_indirect", "Anna Keller", "Die Reparatur werde Monate dauern"),
        ],
        id="konjunktiv-i-continues-across-a-narrated-sentence",
    ),
    pytest.param(
        "Die Ministerin Anna Keller sagte, die Lage sei ernst. Die Stadt hatte am Montag die "
        "Brücke gesperrt. Der Verkehr rollt. Die Autos stauen sich. Die Reparatur werde "
        "Monate dauern.",
        [
            ("indirect", "Anna Keller", "die Lage sei ernst"),
            ("free_indirect", None, "Die Reparatur werde Monate dauern"),
        ],
        id="konjunktiv-i-after-three-narrated-sentences-is-reported-without-a-speaker",
    ),
    pytest.param(
        "Landrat Peter Sommer bezeichnete die Kürzungen als „Schlag ins Gesicht“.",
        [("direct", "Peter Sommer", "Schlag ins Gesicht")],
        id="naming-quote-bezeichnete-als",
    ),
    pytest.param(
        "Die Gewerkschafterin Eva Brandt nannte das Angebot „völlig unzureichend“.",
        [("direct", "Eva Brandt", "völlig unzureichend")],
        id="naming-quote-nannte",
    ),
    pytest.param(
        "Bürgermeister Tobias Brandt nannte den Vorschlag eine „Luftnummer“.",
        [("direct", "Tobias Brandt", "Luftnummer")],
        id="naming-quote-after-an-indefinite-article",
    ),
    pytest.param(
        "In einem Schreiben an den Stadtrat, das der Zeitung vorliegt, erklärt sie: „Wir "
        "werden die Schule nicht schließen. Das Gebäude bleibt.“",
        [("direct", "sie", "Wir werden die Schule nicht schließen. Das Gebäude bleibt.")],
        id="colon-quote-frame-after-a-relative-clause",
    ),
    pytest.param(
        "Polizeisprecher Jonas Weber: „Der Fahrer war nicht angeschnallt.“",
        [("direct", "Jonas Weber", "Der Fahrer war nicht angeschnallt.")],
        id="colon-quote-name-and-colon",
    ),
    pytest.param(
        "Ein Anwohner schilderte die Nacht so: „Es hat gekracht, dann war alles dunkel.“",
        [("direct", "Ein Anwohner", "Es hat gekracht, dann war alles dunkel.")],
        id="colon-quote-subject-before-the-verb",
    ),
    pytest.param(
        "Auch die Stadträtin Petra Lindqvist stimmte gegen den Plan und sagte nach der "
        "Sitzung, die Kosten seien zu hoch.",
        [("indirect", "Petra Lindqvist", "die Kosten seien zu hoch")],
        id="frame-verb-after-und-shares-the-subject",
    ),
    pytest.param(
        "Markus Ohlendorf, der Sprecher des Vereins sagte am Abend, das Fest falle aus.",
        [("indirect", "Markus Ohlendorf", "das Fest falle aus")],
        id="apposition-the-writer-did-not-close",
    ),
    pytest.param(
        "Die Leiterin des Labors der Universität, Anna Keller, sagte: „Wir sind vorbereitet.“",
        [("direct", "Anna Keller", "Wir sind vorbereitet.")],
        id="a-descriptor-with-two-genitives-before-the-apposition",
    ),
    pytest.param(
        "Der stellvertretende Direktor der Indonesischen Such- und Rettungsagentur, Bambang "
        "Suryo Aji, sagte vor der Presse, dass vor der Insel Java Trümmer gefunden wurden. "
        "Aji sagte, die Suche gehe weiter.",
        [
            ("indirect", "Bambang Suryo Aji", "dass vor der Insel Java Trümmer gefunden wurden"),
            ("indirect", "Bambang Suryo Aji", "die Suche gehe weiter"),
        ],
        id="a-long-description-cut-short-before-und-and-a-name-with-an-unknown-given-name",
    ),
    pytest.param(
        "Die Bahn gab an, den Mitarbeiter nicht mehr einsetzen zu wollen. Der Minister gab "
        "am Montag an, die Lage in Lhasa sei unter Kontrolle.",
        [
            ("indirect", "Bahn", "den Mitarbeiter nicht mehr einsetzen zu wollen"),
            ("indirect", "Der Minister", "die Lage in Lhasa sei unter Kontrolle"),
        ],
        id="angeben-frames-a-clause",
    ),
    pytest.param(
        "Im April wurde dann bekannt, dass der Sänger an Krebs litt. Wie gestern bekannt "
        "wurde, befindet sich unter den Opfern ein früherer Senator.",
        [
            ("indirect", None, "dass der Sänger an Krebs litt"),
            ("indirect", None, "befindet sich unter den Opfern ein früherer Senator"),
        ],
        id="news-that-became-known",
    ),
    pytest.param(
        "Dies sei eine echte Chance für Video, wird Mike Downey, Produktmanager bei Adobe, "
        "zitiert. Am Abend stellte sich Teamchef Jean Todt vor das Team. „Die Schuld liegt "
        "allein bei uns“ wird der Franzose in der Zeitung zitiert.",
        [
            ("indirect", "Mike Downey", "Dies sei eine echte Chance für Video"),
            ("direct", "Jean Todt", "Die Schuld liegt allein bei uns"),
        ],
        id="a-trailing-passive-zitiert",
    ),
    pytest.param(
        "„Das ist eine Größenordnung, die die Szene sonst nicht stellt“, zitiert ndr.de "
        "Polizeisprecher Ralf Meyer.",
        [("direct", "ndr.de", "Das ist eine Größenordnung, die die Szene sonst nicht stellt")],
        id="a-source-in-lower-case-after-a-trailing-verb",
    ),
    pytest.param(
        "Die Kernaussage von Jerry Larson lautete: „Wir wären sehr überrascht, wenn wir einen "
        "Fehler fänden.“ Das Fazit des Berichts der OSZE lautete: „Die Wahl war fair.“",
        [
            ("direct", "Jerry Larson", "Wir wären sehr überrascht, wenn wir einen Fehler fänden."),
            ("direct", "OSZE", "Die Wahl war fair."),
        ],
        id="lauten-before-a-quotation-gives-the-texts-author",
    ),
    pytest.param(
        "„Ich halte Studiengebühren für richtig“, äußerte sich Annette Schavan gegenüber dem "
        "„Hamburger Abendblatt“.",
        [("direct", "Annette Schavan", "Ich halte Studiengebühren für richtig")],
        id="the-subject-after-aeusserte-sich",
    ),
    pytest.param(
        "Die Ratingagentur begründet die bessere Bewertung damit, dass Slowenien Fortschritte "
        "erzielt habe. Der NDR, der für den Vertrag verantwortlich ist, begründete die "
        "Einblendungen damit, dass geschützte Grafiken genutzt würden.",
        [
            ("indirect", "Ratingagentur", "dass Slowenien Fortschritte erzielt habe"),
            ("indirect", "NDR", "dass geschützte Grafiken genutzt würden"),
        ],
        id="begruenden-damit-dass",
    ),
    pytest.param(
        "Er verständigte gegen 19.30 Uhr selbst die Polizei und teilte mit, dass er bewaffnet sei.",
        [("indirect", "Er", "dass er bewaffnet sei")],
        id="a-coordinated-frame-after-a-verb-tagged-in-context",
    ),
    pytest.param(
        "Philips hat angekündigt die Preise ab 1. Oktober zu erhöhen.",
        [("indirect", "Philips", "die Preise ab 1. Oktober zu erhöhen")],
        id="an-infinitive-clause-with-no-comma-after-the-participle",
    ),
    pytest.param(
        "Der Randalierer rief „Lasst mich sofort raus!“ und schlug um sich.",
        [("direct", "Randalierer", "Lasst mich sofort raus!")],
        id="a-quotation-as-the-object-of-a-frame-verb-without-a-colon",
    ),
    pytest.param(
        "„Wir bleiben“, sagte Richard von Weizsäcker Anfang 1990.",
        [("direct", "Richard von Weizsäcker", "Wir bleiben")],
        id="a-surname-in-er-after-von-before-a-capitalised-word",
    ),
    pytest.param(
        "Als Begründung wurde auch angegeben, es werde ein neuer Partner gesucht.",
        [("indirect", None, "es werde ein neuer Partner gesucht")],
        id="a-passive-frame-without-an-agent",
    ),
    pytest.param(
        "Diese ganze Inszenierung lenke von der Oper ab, so Karl Harb von den Salzburger "
        "Nachrichten. Die Preise steigen, so der National Health Service (NHS). "
        "Die Kosten sinken, so verdi-Verhandlungsführer Frank Bäsler.",
        [
            ("indirect", "Karl Harb", "Diese ganze Inszenierung lenke von der Oper ab"),
            ("indirect", "National Health Service", "Die Preise steigen"),
            ("indirect", "Frank Bäsler", "Die Kosten sinken"),
        ],
        id="a-trailing-so-source-runs-to-the-end-of-the-sentence",
    ),
    pytest.param(
        "Die Feuerwehr hingegen sprach von einem technischen Defekt.",
        [("reported", "Feuerwehr", "Die Feuerwehr hingegen sprach")],
        id="an-adverb-between-subject-and-verb",
    ),
    pytest.param(
        "In einem Interview sprach Angela Merkel von der Möglichkeit einer großen Koalition.",
        [("reported", "Angela Merkel", "In einem Interview sprach")],
        id="von-der-before-an-abstract-noun-is-no-name-particle",
    ),
    pytest.param(
        "Der Abgeordnete Michael Berger sagte, nicht alle würden für den Haushalt stimmen: "
        "„Ich rechne mit drei oder vier Abweichlern.“",
        [
            ("indirect", "Michael Berger", "nicht alle würden für den Haushalt stimmen"),
            ("direct", "Michael Berger", "Ich rechne mit drei oder vier Abweichlern."),
        ],
        id="an-indirect-message-ends-at-the-colon-before-a-quotation",
    ),
    pytest.param(
        "„Die Schule ist im Viertel angekommen.“ erklärte Schulrätin Petra Lindqvist.",
        [("direct", "Petra Lindqvist", "Die Schule ist im Viertel angekommen.")],
        id="a-frame-after-the-closing-mark-without-a-comma",
    ),
    pytest.param(
        "Die Kosten seien zu hoch, so Kämmerer Jonas Weber weiter: „Wir können uns das "
        "Bad nicht mehr leisten.“",
        [
            ("indirect", "Jonas Weber", "Die Kosten seien zu hoch"),
            ("direct", "Jonas Weber", "Wir können uns das Bad nicht mehr leisten."),
        ],
        id="a-quotation-after-the-colon-of-a-trailing-frame",
    ),
    pytest.param(
        "Kapitän Jonas Weber landete die Maschine sicher. Seiner Ansicht nach hätte der "
        "Tower früher warnen müssen.",
        [("reported", "Jonas Weber", "Seiner Ansicht nach hätte der Tower")],
        id="a-view-before-a-postposed-nach-is-the-person-a-pronoun-would-be",
    ),
    pytest.param(
        "Lars Schauer, Manager von Energie Cottbus, bezeichnete die Entscheidung als "
        "verantwortungsbewusst.",
        [("reported", "Lars Schauer", "Lars Schauer, Manager von Energie Cottbus, bezeichnete")],
        id="a-reported-speech-act-after-a-name-and-its-apposition",
    ),
    pytest.param(
        "Ein Sprecher der Bahn verwies auf die schlechten Wetterbedingungen. Die "
        "Feuerwehr geht bei dem Brand von Brandstiftung aus.",
        [
            ("reported", "Ein Sprecher der Bahn", "Ein Sprecher der Bahn verwies auf"),
            ("reported", "Feuerwehr", "Die Feuerwehr geht bei dem Brand von Brandstiftung"),
        ],
        id="verweisen-reports-with-auf-and-ausgehen-with-von-after-an-adverbial",
    ),
    pytest.param(
        "Die Gewerkschaft bezifferte den Schaden auf 20 Millionen Euro. Der Betriebsrat "
        "wertet die Einigung als Erfolg. Der Betriebsrat wertet die Umfrage im Mai aus.",
        [
            ("reported", "Gewerkschaft", "Die Gewerkschaft bezifferte den Schaden"),
            ("reported", "Betriebsrat", "Der Betriebsrat wertet die Einigung als Erfolg"),
        ],
        id="beziffern-reports-and-werten-only-with-als",
    ),
    pytest.param(
        "Lena Vogt vom Bündnis Verkehrswende forderte eine unabhängige Prüfung aller "
        "Verträge. Auch Rettungskräfte berichten von zwei Explosionen.",
        [
            ("reported", "Lena Vogt", "Lena Vogt vom Bündnis Verkehrswende forderte"),
            ("reported", "Rettungskräfte", "Auch Rettungskräfte berichten von zwei"),
        ],
        id="a-report-verb-after-its-whole-subject-field-or-a-leading-adverb",
    ),
    pytest.param(
        "Der Botschafter des Landes in den USA rief die Weltgemeinschaft zur Hilfe auf.",
        [
            (
                "reported",
                "Der Botschafter des Landes",
                "Der Botschafter des Landes in den USA rief",
            )
        ],
        id="a-subject-field-with-der-is-the-speaker-not-the-object-after-the-verb",
    ),
    pytest.param(
        "Die Organisation Amnesty International hatte bereits mehrfach von schweren "
        "Übergriffen berichtet. Die Stadt hat die Zustände im Heim von Altdorf kritisiert.",
        [
            (
                "reported",
                "Organisation Amnesty International",
                "Die Organisation Amnesty International hatte bereits mehrfach von",
            )
        ],
        id="a-perfect-report-with-its-topic-before-the-participle",
    ),
    pytest.param(
        "Der Bürgermeister Karl Weber sagte, die Schule werde saniert. Die neue Halle, die "
        "im Mai öffnen soll, kostet zehn Millionen Euro.",
        [("indirect", "Karl Weber", "die Schule werde saniert")],
        id="sollen-in-a-relative-clause-is-no-plan-of-the-speaker",
    ),
    pytest.param(
        "Bundeskanzler Wolfgang Schüssel würdigte den Komponisten als „großen Österreicher "
        "in der Welt der Musik“.",
        [("direct", "Wolfgang Schüssel", "großen Österreicher in der Welt der Musik")],
        id="wuerdigen-names-what-it-quotes-after-als",
    ),
    pytest.param(
        "Um Zeit zu gewinnen, will Günther Oettinger die Naturwissenschaften straffen. "
        "„Nicht jede Formel aus der Physik ist für das Leben notwendig.“ Die Schule endet "
        "um 16 Uhr.",
        [("direct", "Günther Oettinger", "Nicht jede Formel aus der Physik")],
        id="a-quotation-standing-alone-is-said-by-the-person-named-last",
    ),
    pytest.param(
        "Die Brücke wird im Mai gesperrt.\n\n„Wir haben das lange geplant und sind gut "
        "vorbereitet.“",
        [("direct", None, "Wir haben das lange geplant")],
        id="a-quotation-standing-alone-with-no-one-named-before-it",
    ),
    pytest.param(
        "Streik bei der Bahn\n\nBerlin (dpa) – Verdi-Chef Frank Werneke sagte am Freitag, "
        "der Streik werde bis Montag dauern.",
        [("indirect", "Frank Werneke", "der Streik werde bis Montag dauern")],
        id="a-dateline-with-an-agency-is-not-part-of-the-speaker",
    ),
    pytest.param(
        "Erdbeben auf Sumatra\n\nJakarta (Indonesien), 12.03.2010 – Der Direktor der "
        "Rettungsagentur, Bambang Suryo Aji, sagte: „Es gibt noch viele Vermisste.“",
        [("direct", "Bambang Suryo Aji", "Es gibt noch viele Vermisste.")],
        id="a-wikinews-dateline-with-a-date-hides-no-statement",
    ),
    pytest.param(
        "Nato-Chef im Interview\n\nJens Stoltenberg ist seit 2014 Generalsekretär der Nato."
        "\n\nFrage: Herr Stoltenberg, droht ein Krieg?\n\nStoltenberg: Wir tun alles, um "
        "einen Krieg zu verhindern. Aber wir sind vorbereitet.\n\nFrage: Und die Ukraine?"
        "\n\nStoltenberg: Die Ukraine hat das Recht, sich zu verteidigen.",
        [
            ("direct", "Jens Stoltenberg", "Wir tun alles, um einen Krieg zu verhindern. Aber"),
            ("direct", "Jens Stoltenberg", "Die Ukraine hat das Recht, sich zu verteidigen."),
        ],
        id="an-interviews-answers-are-said-by-the-person-their-label-names",
    ),
    pytest.param(
        "Habeck im Gespräch\n\nRobert Habeck sprach mit Markus Lanz.\n\nLanz: Herr Habeck, "
        "kommt das Gesetz?\n\nHabeck: Ja, das Gesetz kommt.\n\nLanz: Wann?\n\nHabeck: Im "
        "Herbst, wenn alles gut geht.",
        [
            ("direct", "Robert Habeck", "Ja, das Gesetz kommt."),
            ("direct", "Robert Habeck", "Im Herbst, wenn alles gut geht."),
        ],
        id="an-interviewer-named-in-the-labels-asks-and-says-nothing",
    ),
    pytest.param(
        "„Wir werden die Ukraine weiter unterstützen.“ Das sagte Bundeskanzler Olaf Scholz "
        "der „Süddeutschen Zeitung“.",
        [("direct", "Olaf Scholz", "Wir werden die Ukraine weiter unterstützen.")],
        id="das-sagte-after-a-quotation-gives-it-its-speaker",
    ),
    pytest.param(
        "Außenministerin Annalena Baerbock sagte, die Lage sei ernst. „Wir müssen jetzt "
        "gemeinsam handeln.“ Das sagte auch Olaf Scholz am Abend.",
        [
            ("indirect", "Annalena Baerbock", "die Lage sei ernst"),
            ("direct", "Olaf Scholz", "Wir müssen jetzt gemeinsam handeln."),
        ],
        id="das-sagte-after-a-quotation-beats-continuing-the-speaker-before",
    ),
    pytest.param(
        "„Wir bleiben an der Seite der Ukraine“, sagte am Montagabend Bundeskanzler Olaf "
        "Scholz. „Das ist klar.“ Das erklärte am Dienstag auch Außenministerin Annalena "
        "Baerbock.",
        [
            ("direct", "Olaf Scholz", "Wir bleiben an der Seite der Ukraine"),
            ("direct", "Annalena Baerbock", "Das ist klar."),
        ],
        id="a-days-time-between-the-frames-verb-and-its-speaker",
    ),
    pytest.param(
        "Wie der „Spiegel“ berichtet, plant die Regierung neue Schulden. Die „Bild“-Zeitung "
        "meldete, die Pläne seien schon fertig.",
        [
            ("indirect", "Spiegel", "plant die Regierung neue Schulden"),
            ("indirect", "Bild-Zeitung", "die Pläne seien schon fertig"),
        ],
        id="a-paper-named-in-quotation-marks-reports",
    ),
    pytest.param(
        "Sie habe „nichts davon gewusst“, sagte die Ministerin der „Bild“-Zeitung.",
        [("mixed", "die Ministerin", "Sie habe „nichts davon gewusst“")],
        id="the-paper-after-a-persons-role-is-who-she-said-it-to",
    ),
    pytest.param(  # a paper's report, as without the marks; its title is no quotation
        "Das berichtete der „Spiegel“ über die „Nord Stream 2“-Pipeline.",
        [("reported", "Spiegel", "Das berichtete der „Spiegel“ über die")],
        id="a-paper-in-quotation-marks-reports-as-without-them",
    ),
    pytest.param(
        "„Wir bleiben hart“, sagt Scholz. Und weiter: „Das ist klar und bleibt auch so.“",
        [
            ("direct", "Scholz", "Wir bleiben hart"),
            ("direct", "Scholz", "Das ist klar und bleibt auch so."),
        ],
        id="a-continuation-after-und-weiter-and-a-colon-is-the-quotation",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_quotes_extracts(text: str, expected: list[tuple[str, str, str]]) -> None:
    got = found(text)
    assert len(got) == len(expected), got
    for (form, speaker, message), (g_form, g_speaker, g_text) in zip(expected, got, strict=True):
        assert (g_form, g_speaker) == (form, speaker), got
        assert g_text.startswith(message), got


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            "Der Wetterdienst teilte mit, dass die Regenfälle in Kyoto anhalten, und warnte "
            "vor neuen Überschwemmungen.",
            "dass die Regenfälle in Kyoto anhalten",
            id="the-speakers-next-predicate-after-und",
        ),
        pytest.param(
            "Der Angeklagte sagte, er sei unschuldig, erkannte die Autorität des Gerichts nicht "
            "an und schwieg.",
            "er sei unschuldig",
            id="the-speakers-next-predicate-after-a-comma",
        ),
        pytest.param(
            "Die Polizei erklärte, dass der Vater sie geschlagen habe; es wird geprüft, ob die "
            "Vorwürfe verjährt sind.",
            "dass der Vater sie geschlagen habe",
            id="a-semicolon",
        ),
        pytest.param(
            "Ihm wird vorgeworfen, Gelder aus dem Iran erhalten zu haben, was bisher nicht "
            "bestätigt werden konnte.",
            "Gelder aus dem Iran erhalten zu haben",
            id="a-comment-in-the-indicative",
        ),
        pytest.param(
            "Der Minister sagte, dass er kommt und bleibt.",
            "dass er kommt und bleibt",
            id="a-verb-final-conjunct-stays",
        ),
        pytest.param(
            "Der Minister sagte, er sei müde, wolle aber weitermachen.",
            "er sei müde, wolle aber weitermachen",
            id="a-predicate-in-konjunktiv-stays",
        ),
    ],
)
def test_a_framed_message_ends_where_narration_resumes(text: str, message: str) -> None:
    (statement,) = sagte.extract(text, mode="fast")
    assert statement.text == message


NOT_STATEMENTS = [
    pytest.param(
        "Das Wetter\n\nBerlin: 12 Grad, sonnig.\n\nHamburg: 10 Grad, Regen.\n\nBerlin: "
        "morgen 14 Grad.",
        id="labelled-paragraphs-without-questions-are-no-interview",
    ),
    pytest.param(
        "Zum Interview\n\nFrage: Kommt der Winter?\n\nAntwort: Ja, er kommt bald.\n\n"
        "Frage: Wann?\n\nAntwort: Im Dezember.",
        id="an-answer-label-that-names-nobody",
    ),
    pytest.param("Die Preise steigen, so zum Beispiel in Berlin.", id="so-for-example"),
    pytest.param("Er schrieb „Die Zeit“ an die Tafel.", id="a-title-after-a-frame-verb"),
    pytest.param(
        "Es drohe „eine dramatische Erderwärmung von bis zu sechs Grad“.",
        id="impersonal-drohen-before-a-quotation",
    ),
    pytest.param(
        "In einem Referendum, das am 25. November in Grönland stattfand, sprach sich eine "
        "Mehrheit der Grönländer für mehr Unabhängigkeit aus.",
        id="sich-aussprechen-is-no-trailing-frame",
    ),
    pytest.param("Die Antwort auf die Frage lautet: Nein.", id="lauten-before-no-quotation"),
    pytest.param("Es ist nicht bekannt, ob ein Lösegeld gezahlt wurde.", id="not-known"),
    pytest.param("Der Fall wurde bekannt, weil das Opfer klagte.", id="became-known-because"),
    pytest.param(
        "Auch die ersten Namen der Künstler wurden nun bekanntgegeben: Mit dabei ist der "
        "Koch Ferran Adriá aus Spanien.",
        id="a-passive-frame-before-a-plain-sentence",
    ),
    pytest.param("Er kam zu spät, so dass der Zug schon weg war.", id="so-dass"),
    pytest.param("Der Gouverneur rief vor einigen Stunden den Notstand aus.", id="vor-says-when"),
    pytest.param("Der Innenminister verurteilte den Anschlag auf das Rathaus.", id="a-stance"),
    pytest.param(
        "Die Opposition kritisierte die Pläne der Regierung scharf.", id="an-object-criticised"
    ),
    pytest.param(
        "Ob die Nato eingreifen werde, sagte Stoltenberg nicht. Die Frage blieb offen.",
        id="negated-speech",
    ),
    pytest.param(
        "Der „Spiegel“ erschien am Montag mit einem Titel über die „Nord Stream 2“-Pipeline.",
        id="scare-quotes",
    ),
    pytest.param("Die Brücke wird im Mai gesperrt. Der Verkehr wird umgeleitet.", id="no-speech"),
    pytest.param(
        "Im nächsten Jahr erwartet die Bank Überweisungen in Höhe von etwa 72 Milliarden Dollar.",
        id="von-far-from-the-verb-is-no-topic",
    ),
    pytest.param(
        "Das Außenministerium gab jetzt einen offiziellen Kommentar zu dem Vorfall ab.",
        id="zu-before-a-noun-phrase-is-no-particle",
    ),
    pytest.param("„Es ist vorbei“\n\nDie Saison endet im Mai.", id="headline-quote"),
    pytest.param(
        "Das Unwetter hat in der Nacht zum Sonntag mindestens zwölf Todesopfer gefordert.",
        id="a-storm-claims-lives",
    ),
    pytest.param(
        "Die Haushaltspolitikerin von Bündnis 90/Die Grünen, Anja Hajduk, kritisierte die "
        "Pläne der Bundesregierung.",
        id="a-subject-with-its-apposition-is-no-message-before-a-trailing-frame",
    ),
    pytest.param(
        "„Das war ein Fehler.“ sagte der Minister nicht. Die Sitzung endete.",
        id="negated-frame-after-the-closing-mark-without-a-comma",
    ),
    pytest.param(
        "Herr Minister, sind die Pläne Ihrer Meinung nach verfassungswidrig?",
        id="the-formal-ihrer-of-an-interview-question-is-no-view",
    ),
    pytest.param(
        "Regierungsvertreter wiesen die Vorwürfe zurück. Die Identität des Kindes gab die "
        "Behörde nicht bekannt. Den Namen des Täters nannte die Polizei nicht.",
        id="a-plain-rejection-and-negated-reports",
    ),
    pytest.param(
        "Im Jahr 2007 ist es wieder soweit: Dann nennt sie sich „documenta 12“ und findet "
        "im Sommer statt.",
        id="a-name-one-calls-oneself",
    ),
]


@pytest.mark.parametrize("text", NOT_STATEMENTS)
def test_quotes_not_statements(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Die Ministerin nannte in einem Interview mit dem Sender „Radio Bremen“ drei Gründe.",
            id="a-broadcaster-after-a-preposition",
        ),
        pytest.param(
            "Als Beispiele nennt der Hersteller die Modelle „Polo“ und „Golf“.", id="names-listed"
        ),
        pytest.param("Seit dem Umbau nennt sich die Messe „Expo Nord“.", id="a-name-it-bears"),
    ],
)
def test_a_quoted_name_after_nennen_is_no_direct_statement(text: str) -> None:
    assert [form for form, _, _ in found(text) if form == "direct"] == []


def test_a_relative_clause_after_a_name_is_no_apposition_that_speaks() -> None:
    text = (
        "Kluncker, der genau wusste, dass die Regierung sparen wollte, setzte eine Erhöhung "
        "um elf Prozent durch."
    )
    assert found(text) == []


def test_quotes_negation_breaks_the_continuation_chain() -> None:
    text = (
        "Die Lage sei ernst, sagte Ministerin Ute Kranz. Wann gehandelt werde, sagte Kranz nicht. "
        "Es gebe dafür noch keinen Termin."
    )
    got = found(text)
    assert [g[0] for g in got] == ["indirect"]


def test_quotes_pronoun_goes_to_the_nearest_person() -> None:
    text = (
        "Kanzler Otto Krüger traf Präsidentin Lena Sauer in Paris. Danach trat Sauer vor die "
        "Presse. „Wir sind uns einig“, sagte sie."
    )
    assert found(text) == [("direct", "Lena Sauer", "Wir sind uns einig")]


def test_quotes_two_people_with_one_surname_stay_two() -> None:
    text = (
        "Anna Müller und Peter Müller leiten den Verein. „Wir wachsen“, sagte Anna Müller. "
        "„Wir brauchen mehr Platz“, sagte Peter Müller."
    )
    assert [g[1] for g in found(text)] == ["Anna Müller", "Peter Müller"]


def test_quotes_offsets_and_provenance() -> None:
    text = "Vorweg ein Satz. „Wir bleiben“, sagte Jens Stoltenberg."
    (s,) = sagte.extract(text, mode="fast")
    assert text[s.start : s.end] == "Wir bleiben"
    assert s.extractor == "sagte.quotes.rules.v15"
    assert s.cue == "sagte" and s.speaker_mention == "Jens Stoltenberg"
    assert 0 < s.confidence <= 1


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (  # German puts the finite verb second: all before it is the source
            "Nach Angaben des Multilateralen Investitionsfonds (MIF) der "
            "Interamerikanischen Entwicklungsbank (IADB) schickten Migranten im "
            "vergangenen Jahr 62 Milliarden Dollar in ihre Heimatländer.",
            "des Multilateralen Investitionsfonds (MIF) der Interamerikanischen "
            "Entwicklungsbank (IADB)",
        ),
        (
            "Nach Meinung von Mike Brown, Professor am California Institute of Technology, "
            "könnte das Objekt in die Nähe Neptuns geraten.",
            "Mike Brown, Professor am California Institute of Technology",
        ),
        (  # inside the clause: the source noun and one genitive after it
            "Beim Eintritt in die Atmosphäre würde nach Auskunft der NASA der "
            "überwiegende Teil verglühen.",
            "Auskunft der NASA",
        ),
        (
            "In dem Lager lebten nach Schätzungen französischer Behörden bis zu 1.000 Menschen.",
            "Schätzungen französischer Behörden",
        ),
        (  # a source noun in the singular
            "Nach Schätzung der Vereinten Nationen sind 300.000 Menschen auf der Flucht.",
            "Schätzung der Vereinten Nationen",
        ),
        (  # a paper's name in quotation marks is part of the source
            "Laut einem Bericht der „Süddeutschen Zeitung“ plant die Regierung neue Schulden.",
            "einem Bericht der „Süddeutschen Zeitung“",
        ),
        (  # laut with a source that is no person
            "Laut spanischen Medien wurden bei dem Brand zwölf Menschen verletzt.",
            "spanischen Medien",
        ),
        (
            "Laut einer am Montag veröffentlichten Mitteilung des Roten Kreuzes fehlen "
            "Zelte und Decken.",
            "einer am Montag veröffentlichten Mitteilung des Roten Kreuzes",
        ),
        ("Laut „Tagesspiegel“ soll der Senator zurücktreten.", "„Tagesspiegel“"),
        (  # zufolge after a source that is no person's phrase
            "Offiziellen Angaben zufolge wurden bei dem Beben 340 Häuser zerstört.",
            "Offiziellen Angaben",
        ),
        (
            "Ersten Angaben vom Sonntag zufolge war der Fahrer betrunken.",
            "Ersten Angaben vom Sonntag",
        ),
        # a source written in lower case: a web address, a compound
        ("Laut ndr.de blieben zwölf Demonstranten in Gewahrsam.", "ndr.de"),
        ("Bei Gewalttaten gibt es aber laut ai-Bericht eine hohe Dunkelziffer.", "ai-Bericht"),
        ("Nach Planungen der Stadt soll die Brücke 2027 fertig sein.", "Planungen der Stadt"),
        ("Nach seinen Worten war der Einsatz ein voller Erfolg.", "seinen Worten"),
        # the view before a postposed „nach“
        ("Dem Vernehmen nach soll der Trainer sein Amt abgeben.", "Dem Vernehmen"),
    ],
)
def test_a_prepositional_source_is_the_whole_phrase(text: str, mention: str) -> None:
    (s,) = sagte.extract(text, mode="fast")
    assert s.speaker_mention == mention
    assert s.text == text[:-1]  # the product keeps the attribution in the message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Die Hunde trafen mit Verzögerung ein, da nach Angaben der Fluggesellschaft "
            "die Genehmigung zu spät beantragt worden war.",
            "da nach Angaben der Fluggesellschaft die Genehmigung zu spät beantragt worden war",
        ),
        (  # the comma closes a relative clause inside the main clause
            "Der Präsident, der seit 2010 im Amt ist, hat nach Angaben der Polizei das "
            "Land verlassen.",
            "Der Präsident, der seit 2010 im Amt ist, hat nach Angaben der Polizei das "
            "Land verlassen",
        ),
        (  # ... a leading subordinate clause
            "Nachdem das Feuer gelöscht war, konnten die Bewohner nach Angaben der "
            "Feuerwehr zurückkehren.",
            "Nachdem das Feuer gelöscht war, konnten die Bewohner nach Angaben der "
            "Feuerwehr zurückkehren",
        ),
    ],
)
def test_a_prepositional_source_reports_its_own_clause(text: str, message: str) -> None:
    (s,) = sagte.extract(text, mode="fast")
    assert s.text == message


@pytest.mark.parametrize(
    ("text", "form", "source", "message"),
    [
        (
            "In der Vorabversion des Berichts heißt es, im vergangenen Jahr seien 15.361 "
            "Straftaten begangen worden.",
            "indirect",
            "der Vorabversion des Berichts",
            "im vergangenen Jahr seien 15.361 Straftaten begangen worden",
        ),
        (
            "In einer Pressemitteilung des CCC heißt es: „Werden Straftaten von Polizisten "
            "nicht verfolgt, leidet der Rechtsstaat.“",
            "direct",
            "einer Pressemitteilung des CCC",
            "Werden Straftaten von Polizisten nicht verfolgt, leidet der Rechtsstaat.",
        ),
        (  # the source after „heißt es“
            "Weiter hieß es in dem Bericht, die Lage sei „sehr ernst“.",
            "mixed",
            "dem Bericht",
            "die Lage sei „sehr ernst“",
        ),
        (
            "Es heißt, der Minister sei schwer erkrankt.",
            "indirect",
            None,
            "der Minister sei schwer erkrankt",
        ),
    ],
)
def test_heisst_es_before_its_message_attributes_it_to_the_text_named(
    text: str, form: str, source: str | None, message: str
) -> None:
    (s,) = sagte.extract(text, mode="fast")
    assert (s.form, s.speaker_mention, s.text) == (form, source, message)
    assert s.cue.lower() in ("heißt es", "hieß es", "es heißt")


@pytest.mark.parametrize(
    ("text", "form", "source", "message"),
    [
        (
            "Die Lage sei ernst, hieß es aus dem Ministerium.",
            "indirect",
            "dem Ministerium",
            "Die Lage sei ernst",
        ),
        (
            "„Wir bleiben“ – so heißt es in der Erklärung.",
            "direct",
            "der Erklärung",
            "Wir bleiben",
        ),
        (  # inserted: the message goes on after it
            "Das Treffen, so heißt es in Berlin, sei abgesagt worden.",
            "indirect",
            "Berlin",
            "Das Treffen … sei abgesagt worden",
        ),
        (
            "Im Ministerium, so hieß es, sei man besorgt.",
            "indirect",
            None,
            "Im Ministerium … sei man besorgt",
        ),
        (  # a relative clause on the source is no part of the message
            "Es könnten keine Aussagen gemacht werden, heißt es in dem Bericht, der "
            "konkrete Fälle auflistet.",
            "indirect",
            "dem Bericht",
            "Es könnten keine Aussagen gemacht werden",
        ),
        (  # a leading frame after a relative clause on its source
            "In der Resolution, die vom Sicherheitsrat angenommen wurde, heißt es, dass "
            "die Rechte der Kinder verletzt würden.",
            "indirect",
            "der Resolution",
            "dass die Rechte der Kinder verletzt würden",
        ),
    ],
)
def test_heisst_es_after_its_message_and_the_text_it_names(
    text: str, form: str, source: str | None, message: str
) -> None:
    (s,) = sagte.extract(text, mode="fast")
    assert (s.form, s.speaker_mention, s.text) == (form, source, message)
    assert s.cue.lower() in ("heißt es", "hieß es")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Die EU hat sich geeinigt. „Das ist ein guter Tag für Europa.“ Mit diesen "
            "Worten reagierte Olaf Scholz auf die Einigung.",
            "Olaf Scholz",
        ),
        (
            "„Wir werden nicht aufgeben.“ Mit diesen Worten verabschiedete sich der "
            "Trainer von den Fans.",
            "der Trainer",
        ),
    ],
)
def test_with_these_words_gives_the_quotation_before_its_speaker(text: str, speaker: str) -> None:
    *_, s = sagte.extract(text, mode="fast")
    assert (s.form, s.speaker_mention, s.cue.split()[:3]) == (
        "direct",
        speaker,
        ["Mit", "diesen", "Worten"],
    )


def test_with_these_words_after_no_quotation_is_no_statement() -> None:
    text = "Er sprach lange. Mit diesen Worten endete die Rede des Präsidenten."
    assert sagte.extract(text, mode="fast") == []


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        (
            "Nach eigenen Angaben will der Minister im Amt bleiben.",
            "der Minister",
            "eigenen Angaben",
        ),
        ("Nach eigenen Worten will Olaf Scholz im Amt bleiben.", "Olaf Scholz", "eigenen Worten"),
        (
            "Die Feuerwehr hat nach eigenen Angaben die halbe Halle abgesucht.",
            "Feuerwehr",
            "eigenen Angaben",
        ),
    ],
)
def test_nach_eigenen_angaben_is_said_by_the_subject(text: str, speaker: str, mention: str) -> None:
    """The speaker's span is the dataset's, „eigenen Angaben“; its entity the subject."""
    (s,) = sagte.extract(text, mode="fast")
    assert (s.form, s.speaker, s.speaker_mention, s.cue.lower()) == (
        "reported",
        speaker,
        mention,
        "nach",
    )


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Laut einem Bericht der „Bild“-Zeitung soll der Minister zurücktreten.",
            "Bild-Zeitung",
        ),
        (
            "Laut einer Mitteilung des Innenministeriums wurden drei Menschen verletzt.",
            "Innenministerium",
        ),
        ("Einem Bericht des „Spiegel“ zufolge plant die Regierung neue Schulden.", "Spiegel"),
        (
            "In einer Mitteilung des Innenministeriums hieß es, die Lage sei ruhig.",
            "Innenministerium",
        ),
    ],
)
def test_a_text_as_source_is_its_authors_statement(text: str, speaker: str) -> None:
    """The speaker's span is the text („einem Bericht der „Bild“-Zeitung“), its entity
    the author the genitive names, not an organisation „Bericht der Bild-Zeitung“; „in
    einer Mitteilung des Innenministeriums hieß es“ as well (but „In der Resolution
    heißt es“ names no author)."""
    (s,) = sagte.extract(text, mode="fast")
    assert s.speaker == speaker
    assert s.speaker_mention is not None and s.speaker_mention.split()[1] in (
        "Bericht",
        "Mitteilung",
    )


def test_a_demonym_before_a_noun_is_part_of_a_name() -> None:
    """„Die Deutsche Bahn“ is an organisation, not a German described by nationality
    („der Norweger“ is one)."""
    analysis = sagte.api.analyse_text(
        "Die Deutsche Bahn nannte den Streik überzogen. „Wir sind bereit“, sagte der Norweger.",
        "fast",
    )
    speakers = [analysis.entities[s.speaker_entity] for s in analysis.statements]
    assert [(e.name, e.kind) for e in speakers] == [
        ("Deutsche Bahn", "ORG"),
        ("der Norweger", "DESC"),
    ]


def test_a_sentence_quotation_continues_the_statement_before() -> None:
    text = "„Wir haben alles getan“, sagte der Bürgermeister. „Mehr ging nicht.“"
    first, second = sagte.extract(text, mode="fast")
    assert (second.form, second.speaker, second.text) == (
        "direct",
        "der Bürgermeister",
        "Mehr ging nicht.",
    )


def test_heisst_es_inserted_after_a_noun_phrase_frames_nothing() -> None:
    """Neither the noun phrase before „so hieß es“ is a message, nor does the frame's
    verb make it a clause for the verb after it (whose object is no speaker)."""
    text = "Die Politikerin der Grünen, so hieß es, kritisierte die Pläne."
    assert not any(
        s.text == "Die Politikerin der Grünen" or s.speaker_mention == "die Pläne"
        for s in sagte.extract(text, mode="fast")
    )


def test_heisst_es_as_a_verb_with_its_object_is_no_statement() -> None:
    """„Jetzt heißt es abwarten“: „es heißt“ without a comma or colon after it."""
    assert sagte.extract("Jetzt heißt es abwarten und Tee trinken.", mode="fast") == []


def test_demnach_opening_a_sentence_reports_what_the_sentence_before_names() -> None:
    text = (
        "Der Bundestag hat am Freitag einer Gesetzesvorlage zugestimmt. Demnach darf die "
        "Deutsche Flugsicherung privatisiert werden."
    )
    (s,) = sagte.extract(text, mode="fast")
    assert (s.form, s.speaker_mention, s.cue) == ("reported", "Demnach", "Demnach")
    assert s.text == "darf die Deutsche Flugsicherung privatisiert werden"


@pytest.mark.parametrize(
    ("text", "source", "message"),
    [
        (
            "Die Polizei wies Spekulationen, wonach ein Geheimdienst hinter dem Anschlag "
            "stecke, entschieden zurück.",
            "Spekulationen",
            "ein Geheimdienst hinter dem Anschlag stecke",
        ),
        (  # „es“ before the source is no part of it
            "Im Jahr 2005 gab es eine Schätzung, wonach 53.000 Kinder ermordet wurden.",
            "eine Schätzung",
            "53.000 Kinder ermordet wurden",
        ),
    ],
)
def test_wonach_gives_what_the_report_before_it_says(text: str, source: str, message: str) -> None:
    (s,) = sagte.extract(text, mode="fast")
    assert (s.speaker_mention, s.cue) == (source, "wonach")
    assert s.text == message


def test_a_frame_inside_the_clause_leaves_both_halves_in_the_message() -> None:
    text = "Der Präsident sei, so Gamkrelids, schuld daran, dass Georgien die Kontrolle verlor."
    (s,) = sagte.extract(text, mode="fast")
    assert s.speaker == "Gamkrelids"
    assert [text[a:b] for a, b in s.message_spans] == [
        "Der Präsident sei",
        "schuld daran, dass Georgien die Kontrolle verlor",
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "message"),
    [
        pytest.param(
            "Die Lage an der Grenze sei ernst, so sagte Innenministerin Nancy Faeser.",
            "Innenministerin Nancy Faeser",
            "so sagte",
            ["Die Lage an der Grenze sei ernst"],
            id="so-before-a-frame-verb-is-part-of-the-cue",
        ),
        pytest.param(
            "Die Lage sei, so sagte der Minister am Montag, sehr ernst.",
            "der Minister",
            "so sagte",
            ["Die Lage sei", "sehr ernst"],
            id="an-inserted-so-frame-with-a-days-time-after-the-speaker",
        ),
        pytest.param(
            "Die Lage sei, sagte der Minister am Montag, sehr ernst.",
            "der Minister",
            "sagte",
            ["Die Lage sei", "sehr ernst"],
            id="an-inserted-frame-with-a-days-time-after-the-speaker",
        ),
        pytest.param(
            "Die Lage sei – so der Kanzler – sehr ernst.",
            "der Kanzler",
            "so",
            ["Die Lage sei", "sehr ernst"],
            id="a-so-frame-between-dashes",
        ),
        pytest.param(
            "Die Lage sei sehr ernst, so der Minister am Montag in Berlin.",
            "der Minister",
            "so",
            ["Die Lage sei sehr ernst"],
            id="a-days-time-after-so-and-its-source-is-not-the-source",
        ),
    ],
)
def test_trailing_and_inserted_frames(
    text: str, speaker: str, cue: str, message: list[str]
) -> None:
    (s,) = sagte.extract(text, mode="fast")
    assert (s.speaker_mention, s.cue, s.form) == (speaker, cue, "indirect")
    assert [text[a:b] for a, b in s.message_spans] == message


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Dem „Spiegel“ sagte Scholz, die Lage sei ernst.", "Scholz"),
        (
            "Der Deutschen Presse-Agentur sagte die Ministerin, die Lage sei ernst.",
            "die Ministerin",
        ),
        ("Der Zeitung sagte er am Montag, die Lage sei ernst.", "er"),
        ("Einem Reporter sagte der Minister: „Die Lage ist ernst.“", "der Minister"),
        ("Der Minister sagte der Zeitung, die Lage sei ernst.", "Der Minister"),
    ],
)
def test_whom_it_was_said_to_before_the_verb_is_not_the_speaker(text: str, speaker: str) -> None:
    """German news often opens with the outlet a person spoke to, in the dative; the
    speaker then follows the verb."""
    (s,) = sagte.extract(text, mode="fast")
    assert s.speaker_mention == speaker


def test_a_quotation_before_a_dash_and_so_is_the_speakers() -> None:
    (s,) = sagte.extract("„Das war ein Fehler“ – so der Kanzler.", mode="fast")
    assert (s.form, s.speaker_mention, s.cue, s.text) == (
        "direct",
        "der Kanzler",
        "so",
        "Das war ein Fehler",
    )


@pytest.mark.parametrize(
    ("text", "form", "speaker", "cue", "message"),
    [
        pytest.param(
            "„Wir schaffen das“, hatte Merkel gesagt.",
            "direct",
            "Merkel",
            "hatte gesagt",
            "Wir schaffen das",
            id="a-pluperfect-frame",
        ),
        pytest.param(
            "Die Lage sei ernst, hat die Ministerin am Montag in Berlin erklärt.",
            "indirect",
            "die Ministerin",
            "hat erklärt",
            "Die Lage sei ernst",
            id="a-perfect-frame-with-time-and-place-before-the-participle",
        ),
        pytest.param(
            "Nach dpa-Informationen will die Regierung die Steuern senken.",
            "reported",
            "dpa-Informationen",
            "Nach",
            "Nach dpa-Informationen will die Regierung die Steuern senken",
            id="a-source-noun-compound-with-a-lower-case-first-part",
        ),
    ],
)
def test_frames_of_german_news(text: str, form: str, speaker: str, cue: str, message: str) -> None:
    (s,) = sagte.extract(text, mode="fast")
    assert (s.form, s.speaker_mention, s.cue, s.text) == (form, speaker, cue, message)


@pytest.mark.parametrize(
    "text",
    [
        "„Das ist falsch“, hatte Merkel nie gesagt.",
        "Der Minister, der zuvor lange geschwiegen hatte, hat nun seinen Rücktritt angekündigt.",
    ],
)
def test_a_perfect_frame_that_says_nothing(text: str) -> None:
    assert sagte.extract(text, mode="fast") == []


def test_a_quotation_the_speaker_adds_after_und_and_a_colon() -> None:
    text = "„Das ist gut“, sagte Scholz und fügte hinzu: „Wir sind bereit.“"
    first, second = sagte.extract(text, mode="fast")
    assert (first.text, first.cue) == ("Das ist gut", "sagte")
    assert (second.form, second.speaker, second.cue, second.text) == (
        "direct",
        "Scholz",
        "fügte hinzu",
        "Wir sind bereit.",
    )
    text = "Scholz sagte, das sei gut, und fügte hinzu: „Wir sind bereit.“"
    first, second = sagte.extract(text, mode="fast")
    assert (first.text, second.cue, second.text) == (
        "das sei gut",
        "fügte hinzu",
        "Wir sind bereit.",
    )


@pytest.mark.parametrize(
    ("text", "form", "speaker", "cue"),
    [
        (
            "„Das war ein großartiges Spiel“, freute sich der Trainer.",
            "direct",
            "der Trainer",
            "freute sich",
        ),
        (
            "„Wir sind auf einem guten Weg“, zeigte sich Merkel zuversichtlich.",
            "direct",
            "Merkel",
            "zeigte sich zuversichtlich",
        ),
        (
            "„Das Spiel war gut“, freute sich der Trainer über den Sieg seiner Mannschaft.",
            "direct",
            "der Trainer",
            "freute sich",
        ),
        (
            "Die Lage sei ernst, zeigte sich der Minister besorgt.",
            "indirect",
            "der Minister",
            "zeigte sich besorgt",
        ),
    ],
)
def test_a_reflexive_verb_of_feeling_attributes_the_quotation_before_it(
    text: str, form: str, speaker: str, cue: str
) -> None:
    (s,) = sagte.extract(text, mode="fast")
    assert (s.form, s.speaker_mention, s.cue) == (form, speaker, cue)


@pytest.mark.parametrize(
    "text",
    [
        "Er freute sich über den Sieg.",
        "Die Lage ist ernst, zeigte sich der Minister besorgt.",
        "„Das ist gut“, freute sich der Trainer nicht.",
    ],
)
def test_a_verb_of_feeling_with_nothing_said_before_it(text: str) -> None:
    assert sagte.extract(text, mode="fast") == []


@pytest.mark.parametrize(
    ("text", "form", "speaker", "cue", "message"),
    [
        (
            "Der Minister zeigte sich zuversichtlich, dass die Verhandlungen bald "
            "abgeschlossen werden.",
            "indirect",
            "Der Minister",
            "zeigte sich zuversichtlich",
            "dass die Verhandlungen bald abgeschlossen werden",
        ),
        (
            "Dabei zeigte sich Merkel besorgt: „Das hat es noch nicht gegeben.“",
            "direct",
            "Merkel",
            "zeigte sich besorgt",
            "Das hat es noch nicht gegeben.",
        ),
        (
            "Die Gewerkschaft gab sich kämpferisch, man werde notfalls streiken.",
            "indirect",
            "Die Gewerkschaft",
            "gab sich kämpferisch",
            "man werde notfalls streiken",
        ),
        (
            "Er zeigte sich am Montag in Berlin sehr zuversichtlich, dass eine Einigung gelingt.",
            "indirect",
            "Er",
            "zeigte sich zuversichtlich",
            "dass eine Einigung gelingt",
        ),
    ],
)
def test_showing_an_attitude_frames_the_clause_after_it(
    text: str, form: str, speaker: str, cue: str, message: str
) -> None:
    (s,) = sagte.extract(text, mode="fast")
    assert (s.form, s.speaker_mention, s.cue, s.text) == (form, speaker, cue, message)


@pytest.mark.parametrize(
    "text",
    [
        "Es zeigte sich, dass die Maßnahmen wirken.",  # it turned out
        "Der Trainer zeigte sich zufrieden.",
        "Der Trainer zeigte sich zufrieden, die Mannschaft spielte gut.",
    ],
)
def test_showing_an_attitude_without_a_message(text: str) -> None:
    assert sagte.extract(text, mode="fast") == []


@pytest.mark.parametrize(
    ("text", "speaker", "message"),
    [
        (
            "Aus Kreisen der Koalition verlautete, man werde sich noch vor Weihnachten einigen.",
            "Kreisen der Koalition",
            "man werde sich noch vor Weihnachten einigen",
        ),
        (
            "Wie aus Regierungskreisen verlautete, soll das Gesetz noch im Mai beschlossen werden.",
            "Regierungskreisen",
            "soll das Gesetz noch im Mai beschlossen werden",
        ),
        (
            "Es verlautete am Abend aus dem Kanzleramt, der Kanzler sei zufrieden.",
            "dem Kanzleramt",
            "der Kanzler sei zufrieden",
        ),
        (
            "Der Präsident ließ verlauten, er werde nicht zurücktreten.",
            "Der Präsident",
            "er werde nicht zurücktreten",
        ),
    ],
)
def test_verlauten_names_where_a_statement_came_from(text: str, speaker: str, message: str) -> None:
    (s,) = sagte.extract(text, mode="fast")
    assert (s.form, s.speaker_mention, s.text) == ("indirect", speaker, message)


@pytest.mark.parametrize(
    ("text", "speaker", "mention", "message"),
    [
        (
            "Die Lage, so sagte der Minister am Montag, sei ernst.",
            "der Minister",
            "der Minister",
            "Die Lage … sei ernst",
        ),
        (
            "Die neue Regel, so erklärte der Minister, gilt ab Mai.",
            "der Minister",
            "der Minister",
            "Die neue Regel … gilt ab Mai",
        ),
        (
            "Die Sängerin Shakira sagte ihr Konzert ab. Für Shakira, so schrieb diese in "
            "einer Stellungnahme, sei es eine Ehre, in Berlin aufzutreten.",
            "Shakira",  # the demonstrative stands for the person just named
            "diese",
            "Für Shakira … sei es eine Ehre, in Berlin aufzutreten",
        ),
        (
            "Olaf Scholz traf Emmanuel Macron. Die Lage, so sagte dieser, sei ernst.",
            "Emmanuel Macron",
            "dieser",
            "Die Lage … sei ernst",
        ),
    ],
)
def test_a_frame_with_a_verb_inserted_after_so(
    text: str, speaker: str, mention: str, message: str
) -> None:
    *_, s = sagte.extract(text, mode="fast")
    assert (s.form, s.speaker, s.speaker_mention, s.text) == (
        "indirect",
        speaker,
        mention,
        message,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Olaf Scholz traf Emmanuel Macron. Dieser sagte, die Lage sei ernst.",
        "Olaf Scholz traf Emmanuel Macron. „Wir stehen zusammen“, sagte dieser.",
    ],
)
def test_a_demonstrative_speaker_is_the_person_named_last(text: str) -> None:
    (s,) = sagte.extract(text, mode="fast")
    assert (s.speaker, s.speaker_mention.lower()) == ("Emmanuel Macron", "dieser")


def test_a_possessive_genitive_belongs_to_an_unnamed_speaker() -> None:
    text = (
        "Innenminister Alexander Dobrindt wies die Vorwürfe zurück. Ein Sprecher seines "
        "Ministeriums sagte, die Zahlen seien falsch. Ein Sprecher der Polizei sagte, "
        "man prüfe den Fall."
    )
    *_, ministry, police = sagte.extract(text, mode="fast")
    assert (ministry.speaker, police.speaker) == (
        "Ein Sprecher seines Ministeriums",
        "Ein Sprecher der Polizei",
    )


def test_a_demonstrative_before_its_noun_is_no_speaker() -> None:
    (s,) = sagte.extract("Diese neue Regel sei falsch, sagte Scholz.", mode="fast")
    assert (s.speaker, s.text) == ("Scholz", "Diese neue Regel sei falsch")


def test_a_frame_after_so_that_says_nothing_is_no_statement() -> None:
    assert sagte.extract("Die Lage sei ernst, so sagte der Minister nicht.", mode="fast") == []


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "„Die Geduld ist am Ende“, sagte Verdi-Verhandlungsführer Markus Ohlendorf.",
            "Verdi-Verhandlungsführer",
        ),
        (
            "Der ukrainische Präsident Wolodymyr Selenskyj sagte, er sei bereit.",
            "Präsident der Ukraine",  # a nationality adjective becomes the country
        ),
        (
            "„Wir helfen“, sagte EU-Kommissionspräsidentin Ursula von der Leyen am Montag.",
            "EU-Kommissionspräsidentin",
        ),
    ],
)
def test_speakers_role_is_the_role_not_the_verb_before_it(text: str, role: str) -> None:
    analysis = sagte.api.analyse_text(text, "fast")
    assert [e.roles for e in analysis.entities if e.kind == "PER"] == [[role]]


@pytest.mark.parametrize(
    ("text", "gender", "source"),
    [
        # a first name alone is a guess, marked as such
        ("„Wir helfen“, sagte Jens Stoltenberg.", "m", "first_name"),
        # the text says it: a pronoun that refers back, a gendered role noun
        (
            "„Wir helfen“, sagte Kim Weber. Sie kündigte weitere Hilfe an, wie sie sagte.",
            "f",
            "text",
        ),
        (
            "„Wir helfen“, sagte Andrea Nahles. Die Ministerin sagte, es gebe mehr Geld.",
            "f",
            "text",
        ),
        ("„Es reicht“, sagte Bundeskanzler Olaf Scholz.", "m", "text"),
    ],
)
def test_speaker_gender_comes_from_the_text_before_the_first_name(
    text: str, gender: str, source: str
) -> None:
    analysis = sagte.api.analyse_text(text, "fast")
    [person] = [e for e in analysis.entities if e.kind == "PER"]
    assert (person.gender, person.gender_source) == (gender, source)


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        (
            "Ein Sprecher der Polizei sagte am Abend gegenüber der Presse, dass der Täter "
            "gefasst sei.",
            "der Presse",
        ),
        (
            "Die Botschaft in Riad teilte dem Fernsehsender CNN mit, das Gebäude sei geräumt.",
            "dem Fernsehsender CNN",
        ),
        (
            "Der Staatssekretär sagte der „Berliner Zeitung“, die Pläne seien unrealistisch.",
            "der „Berliner Zeitung“",
        ),
        (
            "In einem Interview mit der New York Times erklärte der Direktor, das Land "
            "besitze vier Atomwaffen.",
            "der New York Times",
        ),
        ("Der Sprecher sagte, die Pläne seien unrealistisch.", None),
        # whom a verb that addresses someone names: its object …
        (
            "Der Kanzler forderte die Länder im Bundesrat auf, dem Gesetz zuzustimmen.",
            "die Länder",
        ),
        (
            "Der Verband rief die Mitglieder der Gewerkschaft auf, sich am Streik zu beteiligen.",
            "die Mitglieder der Gewerkschaft",
        ),
        (
            "Außerdem warf die Staatsanwaltschaft dem Angeklagten vor, Gelder veruntreut zu haben.",
            "dem Angeklagten",
        ),
        (
            "Die Präsidentin hatte Ministerin Anna Keller gebeten, im Amt zu bleiben.",
            "Ministerin Anna Keller",
        ),
        (
            "Sie warf Innenminister Peter Roth (SPD) vor, die Polizei im Stich zu lassen.",
            "Innenminister Peter Roth (SPD)",
        ),
        # … or, in the passive, its subject
        ("Israel wurde aufgefordert, die Angriffe sofort einzustellen.", "Israel"),
        ("Darin wird der König aufgefordert, zurückzutreten.", "der König"),
        ("Ihm wird unter anderem vorgeworfen, Geld unterschlagen zu haben.", "Ihm"),
        ("Er bat um Verständnis, dass die Züge ausfallen müssten.", None),
        # the audience of a verb of saying
        (
            "Der Minister sagte vor der versammelten Presse, die Lage sei ernst.",
            "der versammelten Presse",
        ),
        ("Der Präsident sagte Reportern, er werde nicht zurücktreten.", "Reportern"),
        ("„Wir haben verdient gewonnen“, sagte der Trainer zur Sportschau.", "Sportschau"),
        ("„Das ist ein guter Tag“, sagte der Trainer zum Abschluss.", None),
    ],
)
def test_quotes_addressee(text: str, addressee: str | None) -> None:
    from sagte.api import analyse_text

    analysis = analyse_text(text, mode="fast")
    (statement,) = analysis.statements
    assert [analysis.text[a:b] for a, b in statement.addressee] == (
        [addressee] if addressee else []
    )


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        pytest.param(
            "Lars Beringer, der Sprecher der Polizei in Hannover, sagte, ein Unbekannter habe "
            "den Namen der Frau verwendet.",
            "Lars Beringer",
            "Lars Beringer, der Sprecher der Polizei in Hannover",
            id="apposition-before-the-cue",
        ),
        pytest.param(
            "Angela Merkel, die am Montag in Berlin war, sagte, sie sei zufrieden.",
            "Angela Merkel",
            "Angela Merkel, die am Montag in Berlin war",
            id="relative-clause-before-the-cue",
        ),
        pytest.param(
            "„Wir haben mehrere Anmeldungen“, sagte Edmon Chung, CEO von DotAsia.",
            "Edmon Chung",
            "Edmon Chung, CEO von DotAsia",
            id="apposition-ends-the-sentence",
        ),
        pytest.param(
            "Ein Sprecher der Polizei, Lars Beringer, sagte, die Frau sei unverletzt.",
            "Lars Beringer",
            "Ein Sprecher der Polizei, Lars Beringer",
            id="role-then-name-without-the-comma",
        ),
        pytest.param(
            "Italiens Ministerpräsident Mario Monti sagte, er sei äußerst erschüttert.",
            "Mario Monti",
            "Italiens Ministerpräsident Mario Monti",
            id="genitive-before-the-title",
        ),
        pytest.param(
            "Gegenüber der Agentur „Associated Press“ sagte Honoré Durand, der Geschäftsführer "
            "des Unternehmens: „Ich wurde alarmiert.“",
            "Honoré Durand",
            "Honoré Durand, der Geschäftsführer des Unternehmens",
            id="apposition-closed-by-a-colon",
        ),
    ],
)
def test_quotes_speaker_mention_spans_its_apposition(text: str, speaker: str, mention: str) -> None:
    (statement,) = sagte.extract(text, mode="fast")
    assert (statement.speaker, statement.speaker_mention) == (speaker, mention)


def test_quotes_message_after_name_is_not_an_apposition() -> None:
    """„…“, sagte Merkel, die Lage sei … : the clause after the name is the message."""
    (statement,) = sagte.extract(
        "„Das ist ernst“, sagte Angela Merkel, die Lage sei aber beherrschbar.", mode="fast"
    )
    assert statement.speaker_mention == "Angela Merkel"


@pytest.mark.parametrize(
    ("text", "verb", "konjunktiv"),
    [
        ("Dafür halte er den Plan für richtig.", "halte", True),  # stem + e: halten
        ("Man arbeite daran.", "arbeite", True),  # arbeiten
        ("So handelte es sich um einen Fehler.", "handelte", False),  # the past tense
    ],
)
def test_quotes_konjunktiv_by_position_tells_te_forms(
    text: str, verb: str, konjunktiv: bool
) -> None:
    # Internals: a verb in -te next to er/es/man is Konjunktiv I only when it is its
    # lemma's stem + e. The word lists' rule decides it before HanTa tags the clause.
    from sagte.analysis.quotes import _Extractor
    from sagte.text import segment

    doc = segment(text)
    extractor = _Extractor(doc)
    (k,) = [t.i for t in doc.tokens if t.text == verb]
    assert extractor._konjunktiv_by_position(k, 0, len(doc.tokens)) is konjunktiv


def test_konjunktiv_by_tagger_reads_the_words_around_the_verb(monkeypatch) -> None:
    # no word list knows „genehmige“, so HanTa tags it: among the few words around
    # it, not the whole clause, whose long compound it would analyse for a millisecond
    mood = pytest.importorskip("sagte.analysis.mood")
    if not mood.available():
        pytest.skip("HanTa is not installed")
    tagger = mood._tagger()
    analysed: list[str] = []
    inner = tagger.analyze_forward
    monkeypatch.setattr(tagger, "analyze_forward", lambda w: analysed.append(w) or inner(w))
    text = (
        "Der Sprecher sagte, die Bundesregierung genehmige trotz der Proteste keine "
        "Steuererhöhung für Trinkwasseraufbereitungsanlagenbetreiber."
    )
    assert found(text) == [
        (
            "indirect",
            "Der Sprecher",
            "die Bundesregierung genehmige trotz der Proteste keine Steuererhöhung für "
            "Trinkwasseraufbereitungsanlagenbetreiber",
        )
    ]
    assert "genehmige" in analysed
    assert "trinkwasseraufbereitungsanlagenbetreiber" not in analysed


@pytest.mark.parametrize(
    ("genitive", "expected"),
    [
        ("Finanzministeriums", "Finanzministerium"),
        ("Deutschen Wetterdienstes", "Deutsche Wetterdienst"),
        ("Auswärtigen Amtes", "Auswärtige Amt"),
        ("Robert-Koch-Instituts", "Robert-Koch-Institut"),
        ("Kongresses", "Kongress"),
        ("BND", "BND"),
        ("Verbandes der Deutschen Automobilindustrie", "Verband der Deutschen Automobilindustrie"),
        ("Bundesamts für Migration", "Bundesamt für Migration"),
        (
            "Deutschen Instituts für Wirtschaftsforschung",
            "Deutsche Institut für Wirtschaftsforschung",
        ),
        # a generic noun before the name it stands in apposition to
        ("Instituts Forsa", "Forsa"),
        ("Senders CNN", "CNN"),
    ],
)
def test_a_name_after_des_is_read_in_its_nominative(genitive: str, expected: str) -> None:
    from sagte.analysis.speakers import nominative

    assert " ".join(nominative(genitive.split())) == expected


def test_an_organisation_in_the_genitive_and_the_nominative_is_one_speaker() -> None:
    text = (
        "Nach Angaben des Finanzministeriums kostet die Maßnahme fünf Milliarden Euro. "
        "Das Finanzministerium teilte mit, es gebe dafür Spielraum."
    )
    statements = sagte.extract(text, mode="fast")
    assert [s.speaker for s in statements] == ["Finanzministerium", "Finanzministerium"]


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        ("Als Grund für die Verspätung wurde ein technischer Defekt genannt.", None, None),
        ("Als Ursache des Brandes wird ein Kurzschluss vermutet.", None, None),
        ("Die Zahl der Verletzten wurde mit 14 angegeben.", None, None),
        (
            # the agent after „von“ spoke, not the subject it spoke of
            "Die Pläne des Senats wurden von Bürgermeisterin Anna Keller als unrealistisch "
            "bezeichnet.",
            "Anna Keller",
            "Bürgermeisterin Anna Keller",
        ),
        (
            "Vom Bundesrechnungshof wurde das Projekt als zu teuer kritisiert.",
            "Bundesrechnungshof",
            "Bundesrechnungshof",
        ),
        (
            "In weiten Teilen des Landes wird die Gefahr von Waldbränden vom Wetterdienst als "
            "„sehr hoch“ eingestuft.",
            "Wetterdienst",
            "Wetterdienst",
        ),
    ],
)
def test_a_report_in_the_passive(text: str, speaker: str | None, mention: str | None) -> None:
    reported = [s for s in sagte.extract(text, mode="fast") if s.form == "reported"]
    assert [(s.speaker, s.speaker_mention, s.text) for s in reported] == [
        (speaker, mention, text.rstrip("."))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Der Sprecher wird die Zahl der Toten mit 20 angeben.",  # the future
        "Der Verband will die Mitglieder auffordern, sich zu beteiligen.",  # not yet said
        "Die Straße wurde von der Polizei gesperrt.",  # no verb of saying
        "Die Brücke wurde als Notlösung gebaut.",
        "Der Antrag wurde vom Rat abgelehnt.",  # a stance without a judgement
        "Auch die Haltung der Regierung wurde vom Sprecher kritisiert.",
        # the participle does not close the sentence
        "Die Demonstration wurde von der Polizei als friedlich bezeichnet, obwohl es "
        "Festnahmen gab.",
    ],
)
def test_a_passive_that_reports_nothing(text: str) -> None:
    assert sagte.extract(text, mode="fast") == []


@pytest.mark.parametrize(
    ("text", "form", "speaker", "message"),
    [
        (
            "Als Grund gab die Bahn einen Streik der Lokführer an.",
            "reported",
            "Bahn",
            "Als Grund gab die Bahn einen Streik der Lokführer an",
        ),
        (
            "Als Beispiel führte die Forscherin Lena Vogt die Überschwemmungen in Pakistan an.",
            "reported",
            "Lena Vogt",
            "Als Beispiel führte die Forscherin Lena Vogt die Überschwemmungen in Pakistan an",
        ),
        (
            "Der Städtetag plädierte für eine Senkung der Grundsteuer.",
            "reported",
            "Städtetag",
            "Der Städtetag plädierte für eine Senkung der Grundsteuer",
        ),
        (
            "Die Ministerin plädierte dafür, dass die Steuern sinken.",
            "indirect",
            "Die Ministerin",
            "dass die Steuern sinken",
        ),
        (
            "Der Rat stufte das Gesetz als verfassungswidrig ein.",
            "reported",
            "Rat",
            "Der Rat stufte das Gesetz als verfassungswidrig ein",
        ),
        (
            "Der Sprecher bemängelte, dass die Ämter zu langsam arbeiteten.",
            "indirect",
            "Der Sprecher",
            "dass die Ämter zu langsam arbeiteten",
        ),
    ],
)
def test_naming_a_reason_pleading_and_judging(
    text: str, form: str, speaker: str, message: str
) -> None:
    (s,) = sagte.extract(text, mode="fast")
    assert (s.form, s.speaker, s.text) == (form, speaker, message)


@pytest.mark.parametrize(
    "text",
    ["Bayern führt die Tabelle an.", "Die Gewerkschaft führte den Protest an."],
)
def test_anfuehren_as_leading_is_no_statement(text: str) -> None:
    assert sagte.extract(text, mode="fast") == []


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        # the subject of the passive was spoken to or of; no one is named as speaker
        ("Ihm wird vorgeworfen, Geld unterschlagen zu haben.", None, ["wird", "vorgeworfen"]),
        (
            "Es wird vermutet, dass der Täter ins Ausland geflohen sei.",
            None,
            ["Es wird", "vermutet"],
        ),
        (
            "Als Begründung wurde angegeben, die Kosten seien zu hoch.",
            None,
            ["wurde", "angegeben"],
        ),
        # the agent after „von“ spoke
        (
            "Zudem wurde die Bundesregierung vom Deutschen Städtetag aufgefordert, das Gesetz "
            "zu ändern.",
            "Deutschen Städtetag",
            ["wurde", "aufgefordert"],
        ),
        # „zitiert“: the subject is who is quoted
        (
            "Der Minister wird mit den Worten zitiert, die Lage sei ernst.",
            "Der Minister",
            ["zitiert"],
        ),
        # „wird“ before an infinitive is the future, its subject speaks
        (
            "Der Minister wird am Montag erklären, dass die Steuern sinken.",
            "Der Minister",
            ["erklären"],
        ),
    ],
)
def test_a_frame_in_the_passive(text: str, speaker: str | None, cue: list[str]) -> None:
    from sagte.api import analyse_text

    analysis = analyse_text(text, mode="fast")
    (statement,) = analysis.statements
    mention = analysis.text[slice(*statement.speaker)] if statement.speaker else None
    assert (mention, [analysis.text[a:b] for a, b in statement.cue]) == (speaker, cue)


def test_a_report_verb_in_the_perfect_frames_an_infinitive() -> None:
    (s,) = sagte.extract(
        "Der Bürgermeister hat die Anwohner aufgefordert, Fenster und Türen geschlossen zu halten.",
        mode="fast",
    )
    assert (s.form, s.speaker, s.text) == (
        "indirect",
        "Der Bürgermeister",
        "Fenster und Türen geschlossen zu halten",
    )


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Der Minister wies darauf hin, dass die Kassen leer seien.", "wies darauf hin"),
        ("Die Polizei geht davon aus, dass der Täter geflohen ist.", "geht davon aus"),
        ("Der Verband forderte die Mitglieder dazu auf, sich zu beteiligen.", "forderte dazu auf"),
        # „dazu“ without a particle says what about, it announces no clause
        ("Er sagte dazu, die Lage sei ernst.", "sagte"),
        ("Dazu sagte er, die Lage sei ernst.", "sagte"),
    ],
)
def test_the_adverb_that_announces_the_message_is_part_of_the_cue(text: str, cue: str) -> None:
    (s,) = sagte.extract(text, mode="fast")
    assert s.cue == cue


def test_a_quotation_a_colon_introduces_is_no_mixed_continuation() -> None:
    """The clause before the colon introduces the quotation: its speaker is that
    clause's („Ein Beamter der Polizei“), and where the clause names no one, only the
    quotation continues the statement before it, not the whole sentence."""
    first, second = sagte.extract(
        "„Die Lage ist ernst“, sagte die Ministerin Anna Keller. Ein Beamter der Polizei: "
        "„Hier weiß jeder, wer die Täter sind, man geht nur nicht gegen sie vor.“",
        mode="fast",
    )
    assert (second.form, second.speaker) == ("direct", "Ein Beamter der Polizei")
    *_, last = sagte.extract(
        "Die Ministerin Anna Keller sagte, die Lage sei „sehr ernst“. In einer Erklärung "
        "hatte es am Montag geheißen: „Es gibt keine schnelle Lösung für die Stadt.“",
        mode="fast",
    )
    assert (last.form, last.text) == ("direct", "Es gibt keine schnelle Lösung für die Stadt.")


@pytest.mark.parametrize(
    ("text", "media"),
    [
        pytest.param(
            "Laut der Polizei wurde bei dem Unfall niemand verletzt. Es gebe aber hohen "
            "Sachschaden.",
            ["SW", "SW"],
            id="a-source-and-its-continuation-are-said-or-written",
        ),
        pytest.param(
            "Der Minister glaubt, dass die Reform noch in diesem Jahr kommt.",
            ["ST"],
            id="a-thought-is-thought-as-voiced",
        ),
        pytest.param(
            "Die Bahn teilte am Montag mit, dass der Zug ausfällt.",
            ["Speech"],
            id="mitteilen-is-speech",
        ),
        pytest.param(
            "Die Zeitung berichtete, der Minister trete zurück.",
            ["Writing"],
            id="berichten-is-writing",
        ),
    ],
)
def test_a_statements_medium_is_the_one_its_cue_mostly_has(text: str, media: list[str]) -> None:
    """The medium each cue has most often in the quotation dataset's training data:
    what a source gives (laut, nach, zufolge) was said or written (SW, 217 of 434), a
    verb of thinking is ST (the dataset has one statement that is Thought alone),
    „teilte mit“ is speech (17 of 30), „berichtet“ writing (11 of 22); a continuation
    has the medium of the statement it continues."""
    assert [s.medium for s in sagte.extract(text, mode="fast")] == media


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        pytest.param(
            "„Wir müssen kämpfen“, sagte Schalkes Trainer Felix Magath.",
            "Felix Magath",
            "PER",
            id="a-club-in-the-genitive-before-a-role-and-a-name",
        ),
        pytest.param(
            "„Das ist falsch“, sagte Deutschlands Außenministerin Annalena Baerbock.",
            "Annalena Baerbock",
            "PER",
            id="a-country-in-the-genitive",
        ),
        pytest.param(
            "Die Kanzlerin Angela Merkel war in Berlin. Merkels Sprecher erklärte, die "
            "Kanzlerin habe davon nichts gewusst.",
            "Merkels Sprecher",
            "DESC",
            id="a-role-the-person-named-before-owns-is-not-that-person",
        ),
        pytest.param(
            "Demjanjuks Sohn sagte, sein Vater sei unschuldig.",
            "Demjanjuks Sohn",
            "DESC",
            id="a-son-is-not-his-father",
        ),
        pytest.param(
            "„Wir sind bereit“, sagte Markus Richter am Montag.",
            "Markus Richter",
            "PER",
            id="a-first-name-is-no-genitive-and-a-role-noun-may-be-a-surname",
        ),
        pytest.param(
            "„Endlich kann ich mit dem Rad zum Markt fahren“, sagte Anwohnerin Petra König.",
            "Petra König",
            "PER",
            id="a-role-noun-as-surname-after-a-role-and-a-first-name",
        ),
    ],
)
def test_a_name_in_the_genitive_owns_the_role_after_it(text: str, speaker: str, kind: str) -> None:
    """„Schalkes Trainer Felix Magath“ is Magath, not Schalke; „Merkels Sprecher“ and
    „Demjanjuks Sohn“ are unnamed people of their own, never the person whose name
    stands in the genitive."""
    for mode in ("fast", "accurate"):
        analysis = sagte.api.analyse_text(text, mode)
        (statement,) = analysis.statements
        entity = analysis.entities[statement.speaker_entity]
        assert (entity.name, entity.kind) == (speaker, kind), mode


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        pytest.param(
            "Günther Platter, der Verteidigungsminister Österreichs, eröffnete das Treffen. "
            "Der Minister sagte: „Wir hatten intensive Gespräche.“",
            "Günther Platter",
            None,
            id="a-role-before-a-country-in-the-genitive",
        ),
        pytest.param(
            "„Wir hatten intensive Gespräche“, sagte der Verteidigungsminister Österreichs "
            "Günther Platter.",
            "Günther Platter",
            "Verteidigungsminister Österreichs",
            id="the-name-after-the-country",
        ),
        pytest.param(
            "Die Außenminister Frankreichs, Italiens und Österreichs erklärten, dass sie "
            "den Beschluss begrüßen.",
            "Außenminister Frankreichs, Italiens und Österreichs",
            None,
            id="a-list-of-countries",
        ),
    ],
)
def test_a_country_in_the_genitive_after_a_role_is_no_name(
    text: str, speaker: str, role: str | None
) -> None:
    """„der Verteidigungsminister Österreichs“ is a minister of a country, not a person
    named Österreichs: the role's scope, with the name after it if one follows."""
    for mode in ("fast", "accurate"):
        analysis = sagte.api.analyse_text(text, mode)
        (statement,) = analysis.statements
        entity = analysis.entities[statement.speaker_entity]
        assert speaker in entity.name, mode
        if role is not None:
            assert role in entity.roles, mode


@pytest.mark.parametrize(
    "verb", ["schimpfte", "wetterte", "polterte", "konterte", "monierte", "spottete", "riet"]
)
def test_verbs_of_scolding_and_mocking_frame_a_quotation(verb: str) -> None:
    text = (
        "Bayern-Coach Thomas Tuchel sah das anders. „Der Elfmeter vor dem 2:1 war nie im "
        f"Leben einer“, {verb} der 50-Jährige."
    )
    assert found(text) == [
        ("direct", "Thomas Tuchel", "Der Elfmeter vor dem 2:1 war nie im Leben einer")
    ]


def test_an_age_descriptor_refers_to_the_unnamed_person_just_described() -> None:
    # „die 41-Jährige“ is the neighbour (as a pronoun would be), not the prosecutor
    # named before her, and not a person of her own
    text = (
        "Oberstaatsanwältin Sabine Krüger hielt dagegen. Eine Nachbarin schilderte als "
        "Zeugin, wie sie in der Nacht von Rauch geweckt worden sei. „Ich habe nur noch "
        "meine Kinder gepackt und bin raus“, sagte die 41-Jährige."
    )
    assert [speaker for _, speaker, _ in found(text)] == ["Eine Nachbarin", "Eine Nachbarin"]


def test_a_pronoun_refers_to_the_unnamed_person_who_opens_the_sentence_before() -> None:
    text = (
        "Die Staatsanwaltschaft wirft ihm versuchten Mord vor. Der Angeklagte bestritt die "
        "Vorwürfe. Er sei zur Tatzeit bei seiner Schwester in Leipzig gewesen, ließ er über "
        "seinen Anwalt erklären. Die Ermittler hätten einseitig ermittelt."
    )
    assert found(text)[1:] == [
        (
            "indirect",
            "Der Angeklagte",
            "Er sei zur Tatzeit bei seiner Schwester in Leipzig gewesen",
        ),
        ("free_indirect", "Der Angeklagte", "Die Ermittler hätten einseitig ermittelt"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "message"),
    [
        (
            "Er sei krank, ließ der Minister am Montag mitteilen.",
            "der Minister",
            "Er sei krank",
        ),
        (
            "„Ich bin unschuldig“, ließ der Angeklagte über seinen Anwalt erklären.",
            "der Angeklagte",
            "Ich bin unschuldig",
        ),
    ],
)
def test_lassen_with_a_frame_verb_after_the_message_frames_it(
    text: str, speaker: str, message: str
) -> None:
    assert [(s, m) for _, s, m in found(text)] == [(speaker, message)]


def test_konjunktiv_after_a_sentence_that_opens_with_another_person_is_theirs() -> None:
    text = (
        "Die Staatsanwaltschaft wirft ihm Mord vor, sagte ein Sprecher des Gerichts. Der "
        "Angeklagte schwieg. Oberstaatsanwältin Sabine Krüger hielt dagegen. Auf den "
        "Aufnahmen sei der Angeklagte eindeutig zu erkennen."
    )
    assert found(text)[-1] == (
        "free_indirect",
        "Sabine Krüger",
        "Auf den Aufnahmen sei der Angeklagte eindeutig zu erkennen",
    )


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Nach einer Umfrage des Instituts Forsa halten 54 Prozent das Bürgergeld für zu hoch.",
            "Forsa",
        ),
        ("Nach einem Bericht des „Spiegel“ plant die Regierung neue Schulden.", "Spiegel"),
        ("Nach einem Bericht des Spiegels plant die Regierung neue Schulden.", "Spiegel"),
    ],
)
def test_a_text_after_nach_is_its_authors_statement(text: str, speaker: str) -> None:
    assert [(form, s) for form, s, _ in found(text)] == [("reported", speaker)]


def test_a_quoted_title_in_the_source_makes_no_mixed_statement() -> None:
    title = "Laut einem Bericht des „Spiegel“ plant die Regierung neue Schulden."
    quoting = "Laut einem Bericht des „Spiegel“ plant die Regierung „massive“ neue Schulden."
    assert [form for form, _, _ in found(title)] == ["reported"]
    assert [form for form, _, _ in found(quoting)] == ["mixed"]


@pytest.mark.parametrize(
    ("said_by", "speaker"),
    [
        ("Studienleiterin Prof. Dr. Anna Schmidt", "Anna Schmidt"),
        ("Prof. Dr. med. Anna Schmidt von der Charité", "Anna Schmidt"),
        ("Klinikdirektor Prof. Dr. Matthias W. Beckmann", "Matthias W. Beckmann"),
        ("der BDI-Präsident Jürgen R. Thumann", "Jürgen R. Thumann"),
        ("Peter Müller von der Sparkasse", "Peter Müller"),
        ("Ursula von der Leyen", "Ursula von der Leyen"),
        ("Königin Elisabeth II. in London", "Elisabeth II."),
    ],
)
def test_titles_initials_and_workplaces_around_a_name(said_by: str, speaker: str) -> None:
    text = f"„Wir waren selbst überrascht, wie stark der Effekt ist“, sagte {said_by}."
    assert [s for _, s, _ in found(text)] == [speaker]


def test_a_live_tickers_time_leaves_the_colon_after_a_name_its_quotation() -> None:
    text = (
        "09.40 Uhr: AfD-Fraktionschefin Alice Weidel greift die Regierung an.\n\n"
        "10.02 Uhr: Grünen-Haushälter Sven-Christian Kindler: „Das ist ein Haushalt der "
        "Tricksereien.“"
    )
    assert found(text) == [
        ("direct", "Sven-Christian Kindler", "Das ist ein Haushalt der Tricksereien.")
    ]


def test_a_quotation_left_open_keeps_its_paragraphs_sentences_together() -> None:
    # „Nicht in einem Jahr.“ is no sentence of its own for the rules: the quotation
    # holds it, and it runs on into the next paragraph up to its closing mark
    text = (
        "„Das ist eine falsche Entscheidung“, kritisierte die FDP-Politikerin Marie-Agnes "
        "Strack-Zimmermann. „Die Ukraine braucht diese Waffen jetzt. Nicht in einem Jahr.\n\n"
        "Jede Verzögerung kostet Leben“, fügte die Vorsitzende des Ausschusses hinzu."
    )
    assert [(s, m) for _, s, m in found(text)] == [
        ("Marie-Agnes Strack-Zimmermann", "Das ist eine falsche Entscheidung"),
        (
            "Marie-Agnes Strack-Zimmermann",
            "Die Ukraine braucht diese Waffen jetzt. Nicht in einem Jahr",
        ),
        ("Marie-Agnes Strack-Zimmermann", "Jede Verzögerung kostet Leben"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Die Regierung habe versagt, hieß es aus der Unionsfraktion.", "Unionsfraktion"),
        ("Aus dem Innenministerium hieß es, man prüfe den Fall.", "Innenministerium"),
    ],
)
def test_heisst_es_aus_gives_the_source_as_speaker(text: str, speaker: str) -> None:
    from sagte.api import analyse_text

    analysis = analyse_text(text, "fast")
    (statement,) = analysis.statements
    assert statement.speaker_entity is not None
    assert analysis.entities[statement.speaker_entity].name == speaker


def test_so_with_a_frame_verb_after_a_quotation_gives_it_its_speaker() -> None:
    # not a continuation of the police spokesman's statement before it
    text = (
        "CDU-Chef Friedrich Merz sprach in Arnsberg. „Alles blieb friedlich“, sagte ein "
        "Polizeisprecher. „Ich bin nicht der Typ, der aufgibt.“ So äußerte sich Merz am "
        "Abend. Er sei zuversichtlich, die Wahl zu gewinnen."
    )
    assert found(text) == [
        ("direct", "ein Polizeisprecher", "Alles blieb friedlich"),
        ("direct", "Friedrich Merz", "Ich bin nicht der Typ, der aufgibt."),
        ("free_indirect", "Friedrich Merz", "Er sei zuversichtlich, die Wahl zu gewinnen"),
    ]


def test_so_after_no_quotation_reports_nothing_before_it() -> None:
    text = "Die Rente ist ein Problem. So fordert die Union eine Reform der Rente."
    assert [message for _, _, message in found(text)] == [
        "So fordert die Union eine Reform der Rente"
    ]


@pytest.mark.parametrize("owner", ["Merkels", "Merz'", "Merz’"])
def test_konjunktiv_after_a_role_that_opens_the_sentence_before_is_its(owner: str) -> None:
    text = (
        "„Wie soll das finanziert werden?“, fragte SPD-Generalsekretär Matthias Miersch. "
        f"{owner} Sprecher wies die Kritik zurück. Die Pläne seien solide gerechnet."
    )
    assert found(text)[-1] == (
        "free_indirect",
        f"{owner} Sprecher",
        "Die Pläne seien solide gerechnet",
    )


@pytest.mark.parametrize(
    ("text", "speaker", "message"),
    [
        ("Die Demonstranten riefen „Merz muss weg“.", "Die Demonstranten", "Merz muss weg"),
        ("Der Minister sagte „Wir schaffen das“.", "Der Minister", "Wir schaffen das"),
    ],
)
def test_a_short_sentence_quoted_as_a_frame_verbs_object(
    text: str, speaker: str, message: str
) -> None:
    assert found(text) == [("direct", speaker, message)]


@pytest.mark.parametrize("many", ["Die Experten", "Die Analysten", "Die Virologen"])
def test_a_plural_role_is_many_people_not_the_person_named_before(many: str) -> None:
    text = (
        "Der Virologe Hans Meier sagte, die Lage sei ernst. "
        f"{many} warnen, dass die Zahlen weiter steigen."
    )
    assert [speaker for _, speaker, _ in found(text)] == ["Hans Meier", many]


def test_a_hyphenated_place_in_the_genitive_owns_the_role_after_it() -> None:
    text = (
        "Nordrhein-Westfalens Ministerpräsident Hendrik Wüst (CDU) sagte der „Rheinischen "
        "Post“ (Samstag), die Kommunen seien am Limit."
    )
    assert found(text) == [("indirect", "Hendrik Wüst", "die Kommunen seien am Limit")]


def test_the_head_of_a_church_is_the_person_named_with_a_role_before() -> None:
    text = (
        "Papst Leo XIV. hat zu einem Waffenstillstand aufgerufen. „Die Waffen müssen "
        "schweigen“, sagte das Oberhaupt der katholischen Kirche."
    )
    assert [speaker for _, speaker, _ in found(text)] == ["Leo XIV"]


def test_a_nationality_refers_to_the_person_named_before() -> None:
    text = (
        "Konferenzpräsident Mukhtar Babayev verteidigte das Ergebnis. Man habe das Maximum "
        "erreicht, sagte der Aserbaidschaner."
    )
    assert [speaker for _, speaker, _ in found(text)] == ["Mukhtar Babayev"]


def test_a_konjunktiv_ii_of_a_strong_verb_continues_the_statement_before() -> None:
    text = (
        "„Wir haben bis zur letzten Minute gekämpft“, sagte Außenministerin Annalena "
        "Baerbock. Die Bremser säßen in Riad und Moskau."
    )
    assert found(text)[-1] == (
        "free_indirect",
        "Annalena Baerbock",
        "Die Bremser säßen in Riad und Moskau",
    )
