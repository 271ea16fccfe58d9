"""Search and speaker-page latency of the web server on a 100,000-statement archive.

Generates an archive (default 100,000 statements in about 10,000 articles, 2,000
speakers with a Zipf-like spread, 20 outlets, two years of day-precise dates) by
recombining the sentences of the bundled examples, and stores it through the
real store (`Store.add_article`, which also fills the search index). The
extraction itself is skipped: statements are placed by construction, so the
archive takes a minute instead of hours. The archive is kept in bench/out/ and
reused; --rebuild makes it anew.

Then it runs the real server (uvicorn on 127.0.0.1) and times HTTP requests:
typical API searches (words of every frequency, phrases, prefixes, filters,
relevance order, the next page) and the speaker page (HTML and API). As a
same-process baseline it times GET /api/outlets, which does almost nothing, so
the figures can be compared across machines as ratios.

    python bench/search.py [--statements 100000] [--rebuild] [--requests 600]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from sagte.analysis.model import Analysis, Entity, Mention, Statement  # noqa: E402
from sagte.ingest import read_paths  # noqa: E402
from sagte.ingest.dates import PublishedDate  # noqa: E402
from sagte.ingest.model import RawDocument  # noqa: E402
from sagte.store import ArticleRecord, Store  # noqa: E402
from sagte.text import normalise  # noqa: E402

OUT = ROOT / "bench" / "out"
FIRST = [
    "Anna",
    "Bernd",
    "Carla",
    "Dieter",
    "Emine",
    "Frank",
    "Gül",
    "Hanna",
    "Ingo",
    "Jana",
    "Klaus",
    "Lea",
    "Mehmet",
    "Nina",
    "Olaf",
    "Petra",
    "Ralf",
    "Sabine",
    "Till",
    "Ute",
    "Volker",
    "Yasemin",
    "Zoe",
    "Jürgen",
    "Sören",
    "Björn",
    "Änne",
    "Özlem",
    "Jörg",
    "Maren",
]
LAST = [
    "Albers",
    "Brandt",
    "Çelik",
    "Dreher",
    "Engel",
    "Fuchs",
    "Grüner",
    "Haas",
    "Ilić",
    "Jäger",
    "Krüger",
    "Lorenz",
    "Maier",
    "Nowak",
    "Okafor",
    "Peters",
    "Quandt",
    "Roth",
    "Schäfer",
    "Thiel",
    "Uhl",
    "Vogt",
    "Weiß",
    "Yilmaz",
    "Zander",
    "Bäumer",
    "Köhler",
    "Müller",
    "Schröder",
    "Wölfel",
    "Heß",
    "Strauß",
    "Jansen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Petrović",
    "Rossi",
    "Schulz",
    "Berger",
]
ROLES = [
    "Bürgermeisterin",
    "Verkehrsminister",
    "Sprecherin",
    "Fraktionschef",
    "Gewerkschaftschefin",
    "Landrat",
    "Staatssekretärin",
    "Verbandspräsident",
    "Ökonomin",
    "Polizeisprecher",
    "Kanzlerin",
    "Trainer",
]
OUTLETS = [
    f"{a} {b}"
    for a, b in zip(
        [
            "Rheinische",
            "Westfälischer",
            "Hallberger",
            "Südwest",
            "Nordsee",
            "Ostalb",
            "Bergische",
            "Märkische",
            "Fränkische",
            "Badische",
            "Lausitzer",
            "Allgäuer",
            "Pfälzer",
            "Wellinger",
            "Hessischer",
            "Saale",
            "Elbe",
            "Ems",
            "Weser",
            "Donau",
        ],
        [
            "Zeitung",
            "Kurier",
            "Tagblatt",
            "Presse",
            "Rundschau",
            "Bote",
            "Anzeiger",
            "Nachrichten",
            "Post",
            "Blatt",
            "Zeitung",
            "Kurier",
            "Tagblatt",
            "Presse",
            "Rundschau",
            "Bote",
            "Anzeiger",
            "Nachrichten",
            "Post",
            "Blatt",
        ],
        strict=True,
    )
]
FORMS = [("direct", "Direct"), ("indirect", "Indirect"), ("reported", "Reported")]
_SENTENCE = re.compile(r"[^.!?]+[.!?]")
_QUOTES = str.maketrans("", "", '„“”"»«‚‘')


def corpus() -> tuple[list[str], list[str]]:
    """Sentences and capitalised words from the bundled example texts."""
    texts = []
    for doc in read_paths([ROOT / "examples", ROOT / "tests" / "data" / "web_articles.jsonl"]):
        if isinstance(doc, RawDocument):
            texts.append(normalise(doc.raw, doc.body_start).text.translate(_QUOTES))
    sentences = []
    for text in texts:
        for match in _SENTENCE.finditer(text):
            s = " ".join(match.group().split())
            if 40 <= len(s) <= 220 and "sagte" not in s:
                sentences.append(s)
    nouns = sorted({w for t in texts for w in re.findall(r"\b[A-ZÄÖÜ][a-zäöüß]{4,}\b", t)})
    return sentences, nouns


def vary(sentence: str, nouns: list[str], rng: random.Random) -> str:
    """The sentence with one or two nouns swapped (sometimes for a new compound)."""
    words = sentence.split(" ")
    spots = [i for i, w in enumerate(words) if i and w[:1].isupper() and w[:-1].isalpha()]
    for i in rng.sample(spots, min(len(spots), rng.choice((1, 2)))):
        noun = rng.choice(nouns)
        if rng.random() < 0.15:
            noun += rng.choice(nouns).lower()
        tail = words[i][-1] if not words[i][-1].isalpha() else ""
        words[i] = noun + tail
    return " ".join(words)


def build(path: Path, n_statements: int, seed: int = 11) -> tuple[int, int]:
    """Write the archive into `path`; returns (articles, statements)."""
    rng = random.Random(seed)
    sentences, nouns = corpus()
    speakers = [f"{rng.choice(FIRST)} {last}" for last in LAST for _ in range(50)][:2000]
    speakers = list(dict.fromkeys(speakers))
    weights = [1 / (i + 1) ** 0.9 for i in range(len(speakers))]  # a few speak a lot
    store = Store(path)
    made = articles = 0
    start = time.perf_counter()
    while made < n_statements:
        k = min(rng.randint(6, 14), n_statements - made)
        day = 18262 + rng.randrange(730)  # 2020-01-01 + two years
        published = time.strftime("%Y-%m-%d", time.gmtime(day * 86400))
        people = rng.choices(range(len(speakers)), weights=weights, k=rng.randint(1, 4))
        people = list(dict.fromkeys(people))
        parts: list[str] = []
        pos = 0
        statements, mentions, entities = [], [], []
        index = {}
        for p in people:
            index[p] = len(entities)
            entities.append(Entity(speakers[p], "PER", roles=[rng.choice(ROLES)]))
        for _ in range(k):
            if rng.random() < 0.4:  # a sentence that is not a statement
                filler = vary(rng.choice(sentences), nouns, rng) + " "
                parts.append(filler)
                pos += len(filler)
            p = rng.choice(people)
            name = speakers[p]
            message = vary(rng.choice(sentences), nouns, rng).rstrip(".!?")
            form, fine = rng.choice(FORMS)
            if form == "direct":
                piece = f"„{message}“, sagte {name}. "
                m_start = pos + 1
                cue_start = m_start + len(message) + 3
                cue = (cue_start, cue_start + 5)
                who = (cue[1] + 1, cue[1] + 1 + len(name))
            elif form == "indirect":
                piece = f"{name} erklärte, {message}. "
                who = (pos, pos + len(name))
                cue = (who[1] + 1, who[1] + 9)
                m_start = cue[1] + 2
            else:
                piece = f"Laut {name} {message}. "
                cue = (pos, pos + 4)
                who = (pos + 5, pos + 5 + len(name))
                m_start = who[1] + 1
            span = (m_start, m_start + len(message))
            parts.append(piece)
            pos += len(piece)
            mentions.append(Mention(who[0], who[1], "name", index[p]))
            statements.append(
                Statement(
                    form,
                    fine,
                    [span],
                    cue=[cue],
                    speaker=who,
                    speaker_entity=index[p],
                    confidence=0.9,
                    rule="bench",
                )  # fmt: skip
            )
            if rng.random() < 0.3:
                parts.append("\n\n")
                pos += 2
        text = "".join(parts).strip()
        for s in statements:
            s_text = text[s.message[0][0] : s.message[0][1]]
            assert s_text and not s_text.startswith(" "), s_text
        title = vary(rng.choice(sentences), nouns, rng)[:90]
        record = ArticleRecord(
            id=hashlib.sha256(text.encode()).hexdigest()[:16],
            source=f"bench:{articles}",
            format="jsonl",
            raw_text=text,
            text=text,
            alignment=[[0, 0, len(text), 1]],
            outlet=rng.choice(OUTLETS),
            title=title,
            published=PublishedDate(published, "day"),
            language="de",
            analysed=True,
        )
        analysis = Analysis(text, statements, mentions, entities, "bench.synthetic.v1")
        if store.add_article(record, analysis):
            made += len(statements)
            articles += 1
        if articles % 1000 == 0:
            rate = made / (time.perf_counter() - start)
            print(f"  {made:>7} statements stored ({rate:,.0f}/s)", file=sys.stderr)
    store.close()
    return articles, made


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def timed(client: httpx.Client, url: str) -> float:
    start = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{url}: {response.status_code} {response.text[:300]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=600, help="searches to time")
    parser.add_argument("--rebuild", action="store_true", help="make the archive anew")
    args = parser.parse_args()

    from sagte.web import create_app
    from sagte.web.testing import live_server

    OUT.mkdir(parents=True, exist_ok=True)
    db = OUT / f"search-{args.statements}.db"
    if args.rebuild or not db.exists():
        for stale in OUT.glob(db.name + "*"):
            stale.unlink()
        t0 = time.perf_counter()
        articles, statements = build(db.with_suffix(".tmp"), args.statements)
        for suffix in ("-wal", "-shm"):
            Path(str(db.with_suffix(".tmp")) + suffix).unlink(missing_ok=True)
        db.with_suffix(".tmp").rename(db)
        print(f"archive built: {articles} articles, {statements} statements in "
              f"{time.perf_counter() - t0:.0f} s → {db}", file=sys.stderr)  # fmt: skip
    store = Store(db, readonly=True)
    conn = store.conn
    n_statements = conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    n_articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    vocab = [
        (term, doc)
        for term, doc in conn.execute(
            "SELECT term, doc FROM statements_vocab WHERE length(term) > 3"
        )
    ]
    top_speakers = [r[0] for r in conn.execute(
        "SELECT speaker_id FROM statements GROUP BY speaker_id ORDER BY count(*) DESC LIMIT 10")]  # fmt: skip
    all_speakers = [r[0] for r in conn.execute("SELECT id FROM entities")]
    names = dict(conn.execute("SELECT id, name FROM entities"))
    messages = [r[0] for r in conn.execute("SELECT substr(text, 1, 400) FROM articles LIMIT 500")]
    store.close()

    rng = random.Random(5)
    vocab.sort(key=lambda t: t[1])
    # Words as people type them: the surface forms of terms of every frequency.
    surface = Counter(w for m in messages for w in re.findall(r"\b[A-ZÄÖÜ][a-zäöüß]{4,}\b", m))
    words = [w for w, _ in surface.most_common()]
    common, rare = words[:40], words[-200:]
    phrases = []
    for m in messages:
        toks = re.findall(r"[A-Za-zÄÖÜäöüß]{3,}", m)
        if len(toks) > 3:
            i = rng.randrange(len(toks) - 2)
            phrases.append(f'"{toks[i]} {toks[i + 1]}"')
    outlets = OUTLETS

    kinds: dict[str, Callable[[], str]] = {
        "word (common)": lambda: f"/api/statements?q={rng.choice(common)}",
        "word (rare)": lambda: f"/api/statements?q={rng.choice(rare)}",
        "two words": lambda: f"/api/statements?q={rng.choice(common)}+{rng.choice(words)}",
        "phrase": lambda: f"/api/statements?q={rng.choice(phrases)}",
        "prefix": lambda: f"/api/statements?q={rng.choice(common)[:5]}*",
        "word + outlet": lambda: (
            f"/api/statements?q={rng.choice(common)}&outlet={rng.choice(outlets)}"
        ),
        "word + speaker": lambda: (
            f"/api/statements?q={rng.choice(words)}&speaker_id={rng.choice(top_speakers)}"
        ),
        "word + dates": lambda: (
            f"/api/statements?q={rng.choice(common)}&since=2021-03&until=2021-06-15"
        ),
        "word + form": lambda: f"/api/statements?q={rng.choice(common)}&form=indirect",
        "relevance": lambda: f"/api/statements?q={rng.choice(common)}&sort=relevance",
        "speaker name": lambda: (
            f"/api/statements?speaker={names[rng.choice(top_speakers)].split()[-1]}"
        ),
        "outlet only": lambda: f"/api/statements?outlet={rng.choice(outlets)}",
        "articles": lambda: f"/api/articles?q={rng.choice(words)}",
    }
    with live_server(create_app(db)) as base, httpx.Client(base_url=base, timeout=60) as client:
        for _ in range(20):  # warm up connections and caches
            timed(client, "/api/outlets")
            timed(client, f"/api/statements?q={rng.choice(common)}")
        baseline = [timed(client, "/api/outlets") for _ in range(200)]
        searches: dict[str, list[float]] = {k: [] for k in kinds}
        per_kind = max(args.requests // len(kinds), 10)
        for kind, make in kinds.items():
            for _ in range(per_kind):
                searches[kind].append(timed(client, make()))
        # The next page: follow a cursor of a common word.
        pages = []
        for _ in range(per_kind):
            first = client.get(f"/api/statements?q={rng.choice(common)}").json()
            if first["next_cursor"]:
                pages.append(
                    timed(
                        client,
                        f"/api/statements?q={rng.choice(common)}&cursor={first['next_cursor']}",
                    )
                )
        searches["next page"] = pages
        speaker_ids = top_speakers + rng.sample(all_speakers, 40)
        speaker_html = [timed(client, f"/speakers/{s}") for s in speaker_ids for _ in range(3)]
        speaker_api = [timed(client, f"/api/speakers/{s}") for s in speaker_ids]
        top_html = [timed(client, f"/speakers/{s}") for s in top_speakers for _ in range(3)]

    everything = [v for values in searches.values() for v in values]
    b50 = statistics.median(baseline)
    print(f"archive                       {n_statements:,} statements, {n_articles:,} articles, "
          f"{db.stat().st_size / 1e6:.0f} MB")  # fmt: skip
    print(
        f"baseline GET /api/outlets     p50 {b50:6.1f} ms   p95 {percentile(baseline, 0.95):6.1f} ms"
    )
    print("API searches (HTTP, end to end):")
    for kind, values in searches.items():
        if values:
            print(f"  {kind:<26}  p50 {statistics.median(values):6.1f} ms   "
                  f"p95 {percentile(values, .95):6.1f} ms   (n={len(values)})")  # fmt: skip
    p95 = percentile(everything, 0.95)
    print(f"all typical searches          p50 {statistics.median(everything):6.1f} ms   p95 {p95:6.1f} ms"
          f"   target p95 ≤ 50 ms: {'met' if p95 <= 50 else 'NOT met'}"
          f"   (p50 = {statistics.median(everything) / b50:.1f}× baseline)")  # fmt: skip
    sp95 = percentile(speaker_html, 0.95)
    print(f"speaker page (HTML)           p50 {statistics.median(speaker_html):6.1f} ms   p95 {sp95:6.1f} ms"
          f"   target p95 ≤ 150 ms: {'met' if sp95 <= 150 else 'NOT met'}")  # fmt: skip
    print(f"  the 10 most quoted speakers p50 {statistics.median(top_html):6.1f} ms   "
          f"p95 {percentile(top_html, .95):6.1f} ms")  # fmt: skip
    print(f"speaker profile (API)         p50 {statistics.median(speaker_api):6.1f} ms   "
          f"p95 {percentile(speaker_api, .95):6.1f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
