"""Closed German word classes used by the rule-based analysis. Data only."""

DETERMINERS = frozenset(
    "der die das den dem des ein eine einer einem einen eines "
    "dieser diese dieses diesem diesen sein seine seiner seinem seinen ihr ihre ihrer ihrem "
    "ihren unser unsere beide beiden zwei drei mehrere viele einige zahlreiche alle".split()
)
DEFINITE = frozenset("der die das den dem des".split())
PERSONAL_PRONOUNS = {"er": "m", "sie": "f", "ihm": "m", "ihn": "m", "ihr": "f"}
SUBJECT_PRONOUNS = frozenset({"er", "sie", "wir", "ich", "man", "es"})
PREPOSITIONS = frozenset(
    "am an auf aus bei beim bis durch für gegen gegenüber hinter im in ins mit nach neben "
    "ohne seit über um unter vom von vor während wegen zum zur zu zwischen laut trotz "
    "innerhalb außerhalb angesichts anlässlich".split()
)
# Adverbs and particles that may stand between a verb and its subject or object.
ADVERBS = frozenset(
    "auch zudem außerdem ferner weiter weiterhin dazu zugleich gleichzeitig erneut bereits "
    "schon noch nun jetzt dann damals heute gestern morgen zuvor später danach darauf dort hier "
    "so also aber jedoch allerdings offenbar offensichtlich eindringlich ausdrücklich deutlich "
    "nochmals wiederholt abschließend einmal mehrfach zuletzt ebenfalls indes unterdessen "
    "daraufhin vorab kürzlich jüngst inzwischen mittlerweile immer wieder stets".split()
)
NEGATIONS = frozenset({"nicht", "nie", "niemals", "keineswegs"})
CONJUNCTIONS = frozenset("und oder sowie aber sondern doch denn".split())
SUBORDINATORS = frozenset("dass ob weil wenn da obwohl damit nachdem wie wo warum".split())
AUXILIARIES = frozenset(
    "hat hatte hatten haben habe hätte hätten ist war waren sind sei seien wäre wären wird "
    "werden wurde wurden würde würden will wollte wollten wolle soll sollte sollten solle "
    "kann konnte konnten könne könnte könnten muss musste mussten müsse müsste müssten "
    "darf durfte dürfe dürfte ließ lässt".split()
)
# Words that are capitalised but never part of a person's name.
NOT_NAMES = frozenset(
    "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Wochenende "
    "Montagabend Dienstagabend Mittwochabend Donnerstagabend Freitagabend Samstagabend "
    "Sonntagabend Donnerstagfrüh Montagmorgen Januar Februar März April Mai Juni Juli August "
    "September Oktober November Dezember Jahr Jahren Woche Wochen Tag Tagen Ende Anfang Mitte "
    "Interview Rande Rahmen Pressekonferenz Erklärung Mitteilung Angaben Sitzung Treffen "
    "Gipfel Videokonferenz Zeitung Sender Fernsehen Radio Bericht Brief Rede Ansicht Wort "
    "Worte Blick Hinblick Bezug Bezugnahme Ich Er Sie Es Wir Ihr Man Der Die Das Den Dem Des "
    "Ein Eine Einer Einem Einen Dies Diese Dieser Dieses Damit Dabei Dazu Doch Auch Zudem "
    "Außerdem Demnach Danach Zugleich Gleichzeitig Bisher Zuvor Nun Jetzt Auf Bei Mit Nach "
    "Von Vor In Im Am Für Über Unter Laut Wie Was Wer Wo Und Oder Aber Als So Es Herr Frau "
    "Dr Prof".split()
)
TIME_WORDS = frozenset(
    "heute gestern morgen vorgestern zuvor später damals bereits zuletzt erst".split()
)
# Konjunktiv II forms that do not double as indicative ones.
SUBJUNCTIVE_II = frozenset(
    "wäre wären wärst hätte hätten würde würden würdest könnte könnten müsste müssten "
    "dürfte dürften möge mögen gäbe gäben käme kämen ließe ließen stünde stünden "
    "bräuchte bräuchten wüsste wüssten ginge gingen läge lägen bliebe blieben".split()
)
# Konjunktiv I third-person forms: unambiguous outside first-person quotes.
SUBJUNCTIVE_I = frozenset(
    "sei seien seist habe werde könne müsse solle wolle dürfe möge wisse gebe komme "
    "gehe stehe liege bleibe sehe lasse brauche fehle drohe plane arbeite handle handele "
    "verfüge erwarte befinde besitze bestehe betrage biete bringe denke finde führe gelte "
    "gewinne halte helfe hoffe kenne laufe lebe leide liefere mache meine nehme rechne "
    "sage schaffe scheine setze spiele spreche stelle stimme suche trage treffe trete tue "
    "verliere versuche wachse wähle warte wisse wirke zahle zeige ziehe entspreche erhalte "
    "verstoße beabsichtige benötige beinhalte bedeute beziehe entscheide gehöre ermögliche "
    "unterstütze verhindere vertrete verzichte prüfe lehne".split()
)
MONTHS = (
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()
)
# Lower-case words in -e that are not verbs, for the Konjunktiv-by-position rule.
NOT_SUBJUNCTIVE_E = frozenset(
    "eine keine seine ihre meine deine alle viele beide gerne ohne bitte heute lange "
    "stärke große kleine neue alte gute weitere erste letzte nächste andere diese jene "
    "welche manche solche einige mehrere wenige daher gerade ebenfalls".split()
)
