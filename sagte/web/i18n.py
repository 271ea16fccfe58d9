"""Interface texts in German (the default) and English.

Every text the pages show is looked up here by key; a missing English text falls
back to German, a missing key shows the key (and a test checks there are none).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

LANGUAGES = ("de", "en")
DEFAULT = "de"

TEXTS: dict[str, dict[str, str]] = {
    "app.tagline": {"de": "Wer hat was gesagt", "en": "Who said what"},
    "nav.search": {"de": "Aussagen", "en": "Statements"},
    "nav.speakers": {"de": "Sprecher", "en": "Speakers"},
    "nav.articles": {"de": "Artikel", "en": "Articles"},
    "nav.stories": {"de": "Geschichten", "en": "Stories"},
    "nav.api": {"de": "API", "en": "API"},
    "lang.switch": {"de": "English", "en": "Deutsch"},
    "search.title": {"de": "Aussagen durchsuchen", "en": "Search statements"},
    "search.placeholder": {
        "de": 'z. B. Waffenlieferungen, "Waffen für die Ukraine", Nato OR EU, -Russland',
        "en": 'e.g. Waffenlieferungen, "Waffen für die Ukraine", Nato OR EU, -Russland',
    },
    "search.button": {"de": "Suchen", "en": "Search"},
    "search.help": {
        "de": "Wortformen werden gefunden (Bündnis → Bündnisse); Phrasen in Anführungszeichen, OR für Alternativen, -Wort schließt aus, Wort* sucht Anfänge.",
        "en": "Word forms match (Bündnis → Bündnisse); phrases in quotes, OR for alternatives, -word excludes, word* matches beginnings.",
    },
    "filter.speaker": {"de": "Sprecher", "en": "Speaker"},
    "filter.organisation": {"de": "Organisation", "en": "Organisation"},
    "filter.outlet": {"de": "Medium", "en": "Outlet"},
    "filter.form": {"de": "Form", "en": "Form"},
    "filter.since": {"de": "von", "en": "from"},
    "filter.until": {"de": "bis", "en": "to"},
    "filter.any": {"de": "alle", "en": "any"},
    "filter.sort": {"de": "Sortierung", "en": "Order"},
    "sort.date": {"de": "neueste zuerst", "en": "newest first"},
    "sort.relevance": {"de": "beste Treffer", "en": "best match"},
    "form.direct": {"de": "direkt", "en": "direct"},
    "form.indirect": {"de": "indirekt", "en": "indirect"},
    "form.mixed": {"de": "gemischt", "en": "mixed"},
    "form.reported": {"de": "berichtet", "en": "reported"},
    "form.free_indirect": {"de": "frei indirekt", "en": "free indirect"},
    "results.none": {"de": "Keine Aussagen gefunden.", "en": "No statements found."},
    "results.more": {"de": "Weitere Ergebnisse", "en": "More results"},
    "results.first": {"de": "Zur ersten Seite", "en": "Back to the first page"},
    "results.shown": {"de": "Aussagen auf dieser Seite", "en": "statements on this page"},
    "card.unknown": {"de": "unbekannter Sprecher", "en": "unknown speaker"},
    "card.undated": {"de": "ohne Datum", "en": "undated"},
    "article.legend": {"de": "Sprecher in diesem Artikel", "en": "Speakers in this article"},
    "article.view": {"de": "Ansicht", "en": "View"},
    "article.normalised": {"de": "normalisiert", "en": "normalised"},
    "article.raw": {"de": "Rohtext", "en": "raw text"},
    "article.statements": {"de": "Aussagen", "en": "statements"},
    "article.none": {
        "de": "In diesem Artikel wurden keine Aussagen gefunden.",
        "en": "No statements were found in this article.",
    },
    "article.unanalysed": {
        "de": "Dieser Artikel ist nicht deutsch ({language}) und wurde nicht analysiert.",
        "en": "This article is not German ({language}) and was not analysed.",
    },
    "article.source": {"de": "Quelle", "en": "Source"},
    "article.original": {"de": "Original", "en": "Original"},
    "article.stories": {"de": "Gehört zu", "en": "Part of"},
    "articles.title": {"de": "Artikel", "en": "Articles"},
    "articles.search": {"de": "Artikel durchsuchen", "en": "Search articles"},
    "articles.none": {"de": "Keine Artikel gefunden.", "en": "No articles found."},
    "speakers.title": {"de": "Sprecher", "en": "Speakers"},
    "speakers.filter": {"de": "Name", "en": "Name"},
    "speakers.none": {"de": "Keine Sprecher gefunden.", "en": "No speakers found."},
    "speaker.statements": {"de": "Aussagen", "en": "Statements"},
    "speaker.articles": {"de": "Artikel", "en": "Articles"},
    "speaker.period": {"de": "Zeitraum", "en": "Period"},
    "speaker.variants": {"de": "Genannt als", "en": "Referred to as"},
    "speaker.roles": {"de": "Rollen", "en": "Roles"},
    "speaker.chart": {
        "de": "Aussagen pro Woche nach Medium",
        "en": "Statements per week by outlet",
    },
    "speaker.undated": {
        "de": "{n} Aussagen ohne tagesgenaues Datum sind nicht im Diagramm.",
        "en": "{n} statements without a day-precise date are not in the chart.",
    },
    "speaker.nochart": {
        "de": "Keine Aussagen mit tagesgenauem Datum.",
        "en": "No statements with a day-precise date.",
    },
    "speaker.latest": {"de": "Neueste Aussagen", "en": "Latest statements"},
    "speaker.all": {"de": "Alle Aussagen", "en": "All statements"},
    "speaker.topics": {"de": "Themen", "en": "Topics"},
    "stories.title": {"de": "Geschichten", "en": "Stories"},
    "stories.none": {
        "de": "Noch keine Geschichten: Artikel werden zu Geschichten gruppiert, sobald die Geschichten-Analyse gelaufen ist.",
        "en": "No stories yet: articles are grouped into stories once the story analysis has run.",
    },
    "story.timeline": {"de": "Zeitleiste nach Medium", "en": "Timeline by outlet"},
    "story.speakers": {"de": "Aussagen nach Sprecher", "en": "Statements by speaker"},
    "story.articles": {"de": "Artikel", "en": "articles"},
    "story.outlets": {"de": "Medien", "en": "outlets"},
    "story.untitled": {"de": "Geschichte {id}", "en": "Story {id}"},
    "error.title": {"de": "Fehler", "en": "Error"},
    "error.notfound": {"de": "Nicht gefunden", "en": "Not found"},
    "error.back": {"de": "Zur Startseite", "en": "Back to the start page"},
    "unknown.outlet": {"de": "unbekanntes Medium", "en": "unknown outlet"},
    "footer.note": {
        "de": "Automatisch erkannte Aussagen – Zuordnungen können fehlerhaft sein. Im Zweifel den Artikel lesen.",
        "en": "Automatically extracted statements – attributions can be wrong. When in doubt, read the article.",
    },
}


def translator(lang: str) -> Callable[..., str]:
    """A function `t(key, **values)` for one language."""
    lang = lang if lang in LANGUAGES else DEFAULT

    def t(key: str, **values: Any) -> str:
        entry = TEXTS.get(key)
        if entry is None:
            return key
        text = entry.get(lang) or entry[DEFAULT]
        return text.format(**values) if values else text

    return t
