"""Keys under which entities from different articles are merged.

This first version merges only what is unambiguous: the same full name, written
with or without diacritics and in any letter case ("NATO"/"Nato"). Surnames
alone, descriptors ("ein Sprecher des Ministeriums") and organisations named by
their kind alone ("die Polizei", "sein Büro") stay per article; they are keyed
with the article id so they are never merged with a named person or body.
"""

from __future__ import annotations

from sagte.identity.names import fold

# One-word organisations that name a kind, not one body: „die Polizei“ of a Hamburg
# article is not that of a Munich one, nor „sein Büro“ anyone else's. Kept per
# article, as descriptors are.
_GENERIC_ORGANISATIONS = frozenset(
    fold(word)
    for word in (
        "Polizei", "Stadt", "Gemeinde", "Regierung", "Landesregierung", "Stadtverwaltung",
        "Verwaltung", "Büro", "Unternehmen", "Konzern", "Firma", "Hersteller", "Verein",
        "Klub", "Club", "Partei", "Fraktion", "Gericht", "Staatsanwaltschaft",
        "Feuerwehr", "Behörde", "Behörden", "Ministerium", "Gewerkschaft", "Armee",
        "Militär", "Klinik", "Krankenhaus", "Schule", "Universität", "Mannschaft", "Team",
        "Sender", "Zeitung", "Bank", "Kommission", "Botschaft", "Ermittler",
        "Veranstalter", "Organisatoren",
    )
)  # fmt: skip


def canonical_key(name: str, kind: str, article_id: str | None = None) -> str:
    """The merge key of an entity.

    Args:
        name: the entity's canonical name within its article.
        kind: PER, ORG, LOC, OTH or DESC.
        article_id: needed for DESC entities and single-word person names, which
            are only merged within one article.
    Returns:
        A string; entities with the same key are one record.
    """
    folded = fold(name)
    local = (
        kind == "DESC"
        or (kind == "PER" and " " not in folded)
        or (kind == "ORG" and folded in _GENERIC_ORGANISATIONS)
    )
    if local and article_id:
        return f"{kind}:{folded}@{article_id}"
    return f"{kind}:{folded}"
