"""Build bench/data/stories.jsonl, the labelled stories benchmark, from bench/stories_corpus.py.

Every story of the corpus has two independent reports. The agency report ("A")
is syndicated: 5 to 7 outlets publish copies with the edits outlets make
(changed headline, dateline, shortened lead, added or dropped paragraph, a few
words swapped), some hours to three days later. The second report ("B") is an
outlet's own text, copied by 1 to 3 other outlets. Labels per article: story,
storyline, duplicate group (the report it copies), outlet, published, edits.

The output is deterministic (seeded); run

    .venv/bin/python bench/make_stories_data.py

after editing the corpus and commit both files. The lines are sagte JSON Lines
(``sagte ingest bench/data/stories.jsonl`` reads them); labels sit in ``labels``.
"""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from stories_corpus import STORYLINES  # noqa: E402

OUT = HERE / "data" / "stories.jsonl"
SEED = 20230210
AGENCIES = ["Deutsche Nachrichtenagentur (dna)", "Presseagentur Süd (pas)"]
OUTLETS = [
    "Nordkurier Online",
    "Rheinblatt",
    "Tagespost Mitte",
    "Südecho",
    "Hansebote",
    "Alpenland Zeitung",
    "Morgenpost West",
    "Der Kurier",
    "Stadtanzeiger",
    "Weser-Rundschau",
    "Mainpost Digital",
    "Elbe-Nachrichten",
    "Ostsee-Zeitung Online",
    "Frankenblick",
    "Saarland aktuell",
    "Harzer Tageblatt",
    "Bodensee-Bote",
    "Lausitzer Welle",
    "Ruhrpost",
    "Schwarzwald-Journal",
]
SWAPS = [
    ("sagte", "erklärte"),
    ("rund", "etwa"),
    ("mehr als", "über"),
    ("am Montag", "am Montagmorgen"),
    ("am Mittwoch", "am Mittwochnachmittag"),
    ("am Donnerstag", "am Donnerstagabend"),
]
PREFIXES = ["Aktuell", "Eilmeldung", "Überblick", "Nachrichten", "Update"]
_SENTENCE = re.compile(r"(?<=[.!?“])\s+(?=[A-ZÄÖÜ„])")


def _retitle(title: str, paras: list[str], rng: random.Random) -> str:
    choice = rng.randrange(3)
    if choice == 0:
        return f"{rng.choice(PREFIXES)}: {title}"
    if choice == 1:
        first = _SENTENCE.split(paras[0])[0]
        return first[:90].rsplit(" ", 1)[0] if len(first) > 90 else first.rstrip(".")
    return title.split(":")[-1].strip() if ":" in title else f"{title} – was bekannt ist"


def _copy(
    title: str, paras: list[str], extra: str, rng: random.Random
) -> tuple[str, list[str], list[str]]:
    """An outlet's edit of an agency text: 1 to 3 of the usual changes."""
    edits = rng.sample(
        ["headline", "dateline", "short_lead", "extra", "drop_last", "words"], rng.randint(1, 3)
    )
    paras = list(paras)
    if "headline" in edits:
        title = _retitle(title, paras, rng)
    if "short_lead" in edits:
        paras[0] = _SENTENCE.split(paras[0])[0]
    if "drop_last" in edits and len(paras) >= 3:
        paras = paras[:-1]
    if "extra" in edits:
        paras.append(extra)
    if "words" in edits:
        for old, new in rng.sample(SWAPS, 2):
            joined = "\n".join(paras)
            if old in joined:
                paras = joined.replace(old, new, 1).split("\n")
    if "dateline" in edits:
        paras[0] = f"({rng.choice(['dna', 'pas', 'red'])}) – {paras[0]}"
    return title, paras, sorted(edits)


def _iso(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:00+01:00")


def build() -> list[dict]:
    rng = random.Random(SEED)
    rows = []
    for line in STORYLINES:
        for story in line["stories"]:
            start = datetime.fromisoformat(story["start"])
            outlets = rng.sample(OUTLETS, len(OUTLETS))
            for label, text in zip("AB", story["texts"], strict=True):
                group = f"{story['id']}/{label}"
                if label == "A":
                    when = start + timedelta(minutes=rng.randint(0, 90))
                    outlet = rng.choice(AGENCIES)
                    n_copies = rng.randint(5, 7)
                else:
                    when = start + timedelta(minutes=rng.randint(120, 600))
                    outlet = outlets.pop()
                    n_copies = rng.randint(1, 3)
                base = {
                    "story": story["id"],
                    "storyline": line["id"],
                    "dup_group": group,
                }
                rows.append(
                    _row(f"{group}/0", text["title"], text["paras"], outlet, when, base, [])
                )
                for n in range(1, n_copies + 1):
                    title, paras, edits = _copy(text["title"], text["paras"], story["extra"], rng)
                    late = rng.random() < 0.15  # some outlets pick the story up days later
                    delay = timedelta(
                        minutes=rng.randint(2000, 4000) if late else rng.randint(10, 1800)
                    )
                    rows.append(
                        _row(f"{group}/{n}", title, paras, outlets.pop(), when + delay, base, edits)
                    )
    rows.sort(key=lambda r: (r["published"], r["id"]))
    return rows


def _row(
    rid: str,
    title: str,
    paras: list[str],
    outlet: str,
    when: datetime,
    labels: dict,
    edits: list[str],
) -> dict:
    slug = re.sub(r"[^a-z0-9]+", "-", outlet.casefold()).strip("-")
    return {
        "id": rid,
        "title": title,
        "text": "\n\n".join(paras),
        "outlet": outlet,
        "published": _iso(when),
        "url": f"https://{slug}.example/{rid.replace('/', '-')}",
        "labels": {**labels, "role": "copy" if edits else "original", "edits": edits},
    }


def main() -> None:
    rows = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    stories = {r["labels"]["story"] for r in rows}
    groups = {r["labels"]["dup_group"] for r in rows}
    print(f"{len(rows)} articles, {len(stories)} stories, {len(groups)} duplicate groups → {OUT}")


if __name__ == "__main__":
    main()
