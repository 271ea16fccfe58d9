"""Name keys that see through spelling and transliteration, and role comparison.

German news writes foreign names in the Duden transliteration ("Wolodymyr
Selenskyj", "Sergej Lawrow"), English-language wires in the English one
("Volodymyr Zelensky", "Sergey Lavrov"). `skeleton` maps both to one key by
folding the letters those systems disagree on (w/v, z/s, j/y/i at the end, sch/sh,
kh/ch, doubled letters, umlaut spellings), and nothing else: "Scholz" and
"Schulz", "Müller" and "Möller", "Meier" and "Maier" keep different skeletons.

A person's `match_key` is the skeleton of the first and the last name
("Recep Tayyip Erdoğan" and "Recep Erdogan" share it); persons with one match
key are merged across articles. A bare surname ("sagte Stoltenberg") has only a
`surname_key` and is linked to a known person by `choose_person`, which decides
conservatively: one known person of that surname whose roles do not contradict,
or, among namesakes, the only one whose role fits; otherwise nobody.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_PARTICLES = frozenset(
    {"von", "van", "de", "der", "den", "zu", "di", "da", "al", "bin", "le", "la"}
)
# In this order; each applies to the output of the ones before.
_RULES: tuple[tuple[str, str], ...] = (
    ("tsch", "ch"),
    ("sch", "sh"),
    ("zh", "sh"),
    ("kh", "ch"),
    ("ck", "k"),
    ("ph", "f"),
    ("th", "t"),
    ("ts", "s"),
    ("tz", "s"),
    ("z", "s"),
    ("w", "v"),
    ("ue", "u"),
    ("oe", "o"),
    ("ae", "a"),
    ("ou", "u"),
    ("y", "i"),
    ("j", "i"),
)
_DOUBLE = re.compile(r"(.)\1+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Role words that say nothing about which person is meant.
_GENERIC_ROLE_PARTS = frozenset(
    {
        "chef",
        "chefin",
        "sprecher",
        "sprecherin",
        "vorsitzende",
        "vorsitzender",
        "leiter",
        "leiterin",
        "der",
        "die",
        "des",
        "ehemalige",
        "ehemaliger",
        "frühere",
        "früherer",
    }
)


def fold(text: str) -> str:
    """Lower case, without diacritics, ß as ss, single spaces: "Erdoğan" → "erdogan"."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(folded.replace("ß", "ss").split())


def skeleton(word: str) -> str:
    """One word's spelling-insensitive key: "Selenskyj", "Zelenskyy" → "selenski"."""
    out = fold(word).replace("-", "")
    # German umlauts spelt out (Mueller) and the Latin letters of transliterations
    for old, new in _RULES:
        out = out.replace(old, new)
    return _DOUBLE.sub(r"\1", out)


def name_parts(name: str) -> list[str]:
    """The words of a person's name without particles: "Ursula von der Leyen" → [Ursula, Leyen]."""
    words = _WORD.findall(name)
    core = [w for w in words if w.casefold() not in _PARTICLES]
    return core or words


def match_key(name: str) -> str | None:
    """First and last name skeletons of a full name; None for a single word."""
    parts = name_parts(name)
    if len(parts) < 2:
        return None
    return f"{skeleton(parts[0])} {skeleton(parts[-1])}"


def surname_key(name: str) -> str | None:
    parts = name_parts(name)
    return skeleton(parts[-1]) if parts else None


def role_parts(role: str) -> set[str]:
    """The telling parts of a role: "NATO-Generalsekretär" → {nato, generalsekretar}."""
    words = re.split(r"[\s\-–/]+", fold(role))
    return {w for w in words if len(w) > 2 and w not in _GENERIC_ROLE_PARTS}


def roles_fit(mine: Iterable[str], theirs: Iterable[str]) -> bool | None:
    """True when two sets of roles share a telling part (also as a word's end:
    "kanzler" fits "bundeskanzler"), False when both have roles and none fit,
    None when either side has no role."""
    a = set().union(*(role_parts(r) for r in mine)) if mine else set()
    b = set().union(*(role_parts(r) for r in theirs)) if theirs else set()
    if not a or not b:
        return None
    return any(
        x == y or x.endswith(y) or y.endswith(x) for x in a for y in b if min(len(x), len(y)) > 3
    )


@dataclass(frozen=True, slots=True)
class Known:
    """A stored person a bare surname may refer to."""

    entity_id: int
    name: str
    roles: Sequence[str]


def choose_person(roles: Sequence[str], known: Sequence[Known]) -> tuple[Known | None, str]:
    """Whom a bare surname with these `roles` refers to among the known persons of that
    surname, and why (or why nobody)."""
    if not known:
        return None, "no known person of that surname"
    if len(known) == 1:
        only = known[0]
        verdict = roles_fit(roles, only.roles)
        if verdict is False:
            return None, f"the role does not fit the only known {only.name}"
        if verdict:
            return only, f"surname and role fit the only known {only.name}"
        return only, f"the only known person of that surname is {only.name}"
    fits = [k for k in known if roles_fit(roles, k.roles)]
    if len(fits) == 1:
        return fits[0], f"of {len(known)} known namesakes only {fits[0].name} has a fitting role"
    return None, f"{len(known)} known persons share the surname and no role decides"


def distinct_roles(roles: Iterable[str]) -> list[str]:
    """Roles without spelling variants ("NATO-Generalsekretär" / "Nato-Generalsekretär"):
    the most frequent spelling of each, in order of first appearance."""
    counts: dict[str, dict[str, int]] = {}
    for role in roles:
        spellings = counts.setdefault(fold(role), {})
        spellings[role] = spellings.get(role, 0) + 1
    return [max(s, key=lambda r: s[r]) for s in counts.values()]


_AFFILIATION_TAIL = re.compile(r"\b(?:der|des|von)\s+(\w[\w\s.-]*)$")


def affiliation(role: str) -> str | None:
    """The organisation or country a role names: "NATO-Generalsekretär" → NATO,
    "SPD-Politikerin" → SPD, "Präsident der Ukraine" → Ukraine; None for "Sprecher"."""
    head = role.split()[0] if role.split() else ""
    if "-" in head:
        prefix = head.rsplit("-", 1)[0]
        if prefix[:1].isupper() and len(prefix) > 1:
            return prefix
    match = _AFFILIATION_TAIL.search(role)
    return match.group(1).strip() if match else None
