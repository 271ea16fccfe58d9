"""Keys under which entities from different articles are merged.

This first version merges only what is unambiguous: the same full name, written
with or without diacritics and in any letter case ("NATO"/"Nato"). Surnames
alone and descriptors ("ein Sprecher des Ministeriums") stay per article; they
are keyed with the article id so they are never merged with a named person.
"""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")


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
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = _SPACE.sub(" ", folded.replace("ß", "ss")).strip()
    local = kind == "DESC" or (kind == "PER" and " " not in folded)
    if local and article_id:
        return f"{kind}:{folded}@{article_id}"
    return f"{kind}:{folded}"
