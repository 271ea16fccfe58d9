"""Reading stories back: lists, a story's articles and timeline, a statement's provenance.

Every function takes a connection (read-only is enough) and returns plain
dictionaries, ready for JSON. Times are ISO dates: a story's first and last day
come from its articles' event times (see `sagte.stories.timing`), an article's
own ``published`` is kept as it was read.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sagte.errors import Errors, NotFound
from sagte.store.db import Connection, dialect_of
from sagte.stories.timing import from_day_number, parse_iso_day

__all__ = [
    "list_stories",
    "list_storylines",
    "statement_cluster",
    "statement_provenance",
    "story_detail",
    "storyline_detail",
]

TOP_STATEMENTS = 10


def _day(value: float | None, exact: bool = True) -> str | None:
    if value is None:
        return None
    d = from_day_number(value).isoformat()
    return d if exact else d[:7]


def _last_day(lo: float | None, hi: float | None, exact: bool) -> str | None:
    if hi is None:
        return None
    return _day(max(lo or hi, hi - 1), exact)  # hi is exclusive


def _time_filter(since: str | None, until: str | None) -> tuple[str, list[Any]]:
    where, args = [], []
    if since:
        where.append("hi > ?")
        args.append(parse_iso_day(_pad(since)))
    if until:
        where.append("lo <= ?")
        args.append(parse_iso_day(_pad(until, end=True)))
    return (" AND ".join(where) or "1=1"), args


def _pad(value: str, end: bool = False) -> str:
    """2022 → 2022-01-01, 2022-03 → 2022-03-01 (or the last day with `end`)."""
    parts = value[:10].split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31" if end else f"{parts[0]}-01-01"
    if len(parts) == 2:
        if not end:
            return f"{parts[0]}-{parts[1]}-01"
        y, m = int(parts[0]), int(parts[1])
        nxt = parse_iso_day(f"{y + (m == 12)}-{m % 12 + 1:02d}-01") - 1
        return from_day_number(nxt).isoformat()
    return value[:10]


def list_stories(
    conn: Connection,
    since: str | None = None,
    until: str | None = None,
    storyline: int | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Stories, newest first; `since`/`until` (YYYY, YYYY-MM, YYYY-MM-DD) meet their time range.

    Undated stories are listed only without a time filter.
    """
    where, args = _time_filter(since, until)
    where = where.replace("hi", "s.hi").replace("lo", "s.lo")
    if storyline is not None:
        where += " AND s.storyline_id = ?"
        args.append(storyline)
    sql = (
        "SELECT s.id, s.label, s.storyline_id, l.label AS storyline_label, s.size, s.lo, s.hi, "
        "s.exact, (SELECT count(*) FROM article_stories a WHERE a.story_id = s.id) AS texts "
        f"FROM stories s LEFT JOIN storylines l ON l.id = s.storyline_id WHERE {where} "
        "ORDER BY s.hi IS NULL, s.hi DESC, s.id DESC"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    out = []
    for row in conn.execute(sql, args):
        outlets = _outlets_of_story(conn, row["id"])
        out.append(
            {
                "id": row["id"],
                "label": row["label"],
                "storyline": row["storyline_id"],
                "storyline_label": row["storyline_label"],
                "first": _day(row["lo"], bool(row["exact"])),
                "last": _last_day(row["lo"], row["hi"], bool(row["exact"])),
                "articles": row["size"],
                "texts": row["texts"],
                "outlets": len(outlets),
            }
        )
    return out


def list_storylines(
    conn: Connection, since: str | None = None, until: str | None = None
) -> list[dict[str, Any]]:
    """Storylines, newest first, with their number of stories and articles."""
    where, args = _time_filter(since, until)
    rows = conn.execute(
        "SELECT l.id, l.label, l.size, l.lo, l.hi, l.exact, "
        "(SELECT count(*) FROM stories s WHERE s.storyline_id = l.id) AS stories "
        f"FROM storylines l WHERE {where.replace('hi', 'l.hi').replace('lo', 'l.lo')} "
        "ORDER BY l.hi IS NULL, l.hi DESC, l.id DESC",
        args,
    )
    return [
        {
            "id": r["id"],
            "label": r["label"],
            "stories": r["stories"],
            "articles": r["size"],
            "first": _day(r["lo"], bool(r["exact"])),
            "last": _last_day(r["lo"], r["hi"], bool(r["exact"])),
        }
        for r in rows
    ]


def _outlets_of_story(conn: Connection, story_id: int) -> set[str]:
    rows = conn.execute(
        "SELECT a.outlet FROM article_stories s JOIN articles a ON a.id = s.article_id "
        "WHERE s.story_id = ? UNION SELECT g.outlet FROM article_stories s "
        "JOIN article_sightings g ON g.article_id = s.article_id WHERE s.story_id = ?",
        (story_id, story_id),
    )
    return {r[0] for r in rows if r[0]}


def _articles(conn: Connection, column: str, value: int) -> list[dict[str, Any]]:
    """Articles of a story or storyline, copies and identical sightings included, by time."""
    rows = conn.execute(
        "SELECT a.id, a.source, a.outlet, a.title, a.published, a.published_precision, "
        "s.story_id, s.dup_group, s.dup_of, s.dup_similarity, s.event_lo, s.event_precision, "
        "g.original_id FROM article_stories s JOIN articles a ON a.id = s.article_id "
        f"LEFT JOIN dup_groups g ON g.id = s.dup_group WHERE s.{column} = ? "
        "ORDER BY s.event_lo IS NULL, s.event_lo, a.published NULLS FIRST, a.ingested_at",
        (value,),
    ).fetchall()
    out = []
    for r in rows:
        role = "report"
        if r["dup_group"] is not None:
            role = "original" if r["original_id"] == r["id"] else "copy"
        item = {
            "id": r["id"],
            "source": r["source"],
            "outlet": r["outlet"],
            "title": r["title"],
            "published": r["published"],
            "event_day": _day(r["event_lo"], r["event_precision"] == "day")
            if r["event_lo"] is not None
            else None,
            "story": r["story_id"],
            "role": role,
            "copy_group": r["dup_group"],
            "copy_of": r["dup_of"],
            "similarity": round(r["dup_similarity"], 3) if r["dup_similarity"] else None,
        }
        out.append(item)
        for g in conn.execute(
            "SELECT source, outlet, title, published FROM article_sightings WHERE article_id = ? "
            "ORDER BY published NULLS FIRST, seen_at",
            (r["id"],),
        ):
            out.append(
                {
                    **item,
                    "source": g["source"],
                    "outlet": g["outlet"],
                    "title": g["title"] or item["title"],
                    "published": g["published"],
                    "role": "identical copy",
                    "copy_of": r["id"],
                    "similarity": 1.0,
                }
            )
    return out


def _timeline(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    days: dict[str, dict[str, Any]] = {}
    for a in articles:
        day = (a["published"] or a["event_day"] or "undated")[:10]
        entry = days.setdefault(day, {"day": day, "articles": 0, "outlets": []})
        entry["articles"] += 1
        if a["outlet"] and a["outlet"] not in entry["outlets"]:
            entry["outlets"].append(a["outlet"])
    return [days[k] for k in sorted(days, key=lambda d: (d == "undated", d))]


def _outlet_table(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for a in articles:
        name = a["outlet"] or "(unknown outlet)"
        entry = seen.setdefault(name, {"outlet": name, "articles": 0, "first_seen": None})
        entry["articles"] += 1
        if a["published"] and (entry["first_seen"] is None or a["published"] < entry["first_seen"]):
            entry["first_seen"] = a["published"]
    return sorted(seen.values(), key=lambda e: (e["first_seen"] is None, e["first_seen"] or ""))


def _statements(
    conn: Connection, column: str, value: int, speaker: str | None, limit: int | None
) -> list[dict[str, Any]]:
    """Statement clusters with a member in the story (or storyline), most carried first."""
    args: list[Any] = [value]
    where = ""
    if speaker:
        like = dialect_of(conn).like
        where = f" AND (c.speaker_name {like} ? OR c.speaker_key {like} ?)"
        args += [f"%{speaker}%", f"%{speaker.casefold()}%"]
    rows = conn.execute(
        "SELECT c.id, c.speaker_name, c.size, c.variants, count(DISTINCT st.article_id) AS here "
        "FROM statement_members m JOIN statement_clusters c ON c.id = m.cluster_id "
        "JOIN statements st ON st.id = m.statement_id "
        "JOIN article_stories s ON s.article_id = st.article_id "
        f"WHERE s.{column} = ?{where} GROUP BY c.id ORDER BY here DESC, c.size DESC, c.id",
        args,
    ).fetchall()
    out = []
    for r in rows[:limit] if limit else rows:
        variants = json.loads(r["variants"])
        members = _members(conn, r["id"])
        out.append(
            {
                "id": members[0]["statement"],  # the first-seen statement (`sagte statement ID`)
                "cluster": r["id"],
                "speaker": r["speaker_name"],
                "text": variants[0]["text"],
                "form": variants[0]["form"],
                "variants": len(variants),
                "outlets": len({m["outlet"] for m in members if m["outlet"]}),
                "articles": r["here"],
                "sources": sorted({m["source"] for m in members if m["via"] == "article"}),
                "first_seen": _first(members),
            }
        )
    return out


def _first(members: list[dict[str, Any]]) -> str | None:
    times = [m["published"] for m in members if m["published"]]
    return min(times) if times else None


def story_detail(conn: Connection, story_id: int, speaker: str | None = None) -> dict:
    """A story: label, storyline, articles (copies marked), outlets, timeline, top statements.

    Raises:
        NotFound: no story with that id.
    """
    row = conn.execute(
        "SELECT s.*, l.label AS storyline_label FROM stories s "
        "LEFT JOIN storylines l ON l.id = s.storyline_id WHERE s.id = ?",
        (story_id,),
    ).fetchone()
    if row is None:
        raise NotFound(Errors.S027.format(kind="story", ref=story_id, hint="sagte stories"))
    articles = _articles(conn, "story_id", story_id)
    return {
        "id": row["id"],
        "label": row["label"],
        "storyline": {"id": row["storyline_id"], "label": row["storyline_label"]},
        "first": _day(row["lo"], bool(row["exact"])),
        "last": _last_day(row["lo"], row["hi"], bool(row["exact"])),
        "articles": articles,
        "outlets": _outlet_table(articles),
        "timeline": _timeline(articles),
        "statements": _statements(
            conn, "story_id", story_id, speaker, None if speaker else TOP_STATEMENTS
        ),
    }


def storyline_detail(conn: Connection, storyline_id: int, speaker: str | None = None) -> dict:
    """A storyline: its stories, articles, timeline and statements (all, or one speaker's).

    Raises:
        NotFound: no storyline with that id.
    """
    row = conn.execute("SELECT * FROM storylines WHERE id = ?", (storyline_id,)).fetchone()
    if row is None:
        raise NotFound(
            Errors.S027.format(
                kind="storyline", ref=storyline_id, hint="sagte stories --storylines"
            )
        )
    articles = _articles(conn, "storyline_id", storyline_id)
    return {
        "id": row["id"],
        "label": row["label"],
        "first": _day(row["lo"], bool(row["exact"])),
        "last": _last_day(row["lo"], row["hi"], bool(row["exact"])),
        "stories": list_stories(conn, storyline=storyline_id),
        "articles": articles,
        "outlets": _outlet_table(articles),
        "timeline": _timeline(articles),
        "statements": _statements(
            conn, "storyline_id", storyline_id, speaker, None if speaker else TOP_STATEMENTS
        ),
    }


def _members(conn: Connection, cluster_id: int) -> list[dict[str, Any]]:
    """Every occurrence of a statement cluster: its statements and identical-copy sightings."""
    rows = conn.execute(
        "SELECT m.statement_id, m.variant, m.relation, m.similarity, st.article_id, st.form, "
        "a.source, a.outlet, a.published, a.title FROM statement_members m "
        "JOIN statements st ON st.id = m.statement_id JOIN articles a ON a.id = st.article_id "
        "WHERE m.cluster_id = ? ORDER BY a.published IS NULL, a.published, a.ingested_at",
        (cluster_id,),
    ).fetchall()
    out = []
    for r in rows:
        base = {
            "statement": r["statement_id"],
            "variant": r["variant"],
            "relation": r["relation"],
            "form": r["form"],
            "article_id": r["article_id"],
            "source": r["source"],
            "outlet": r["outlet"],
            "published": r["published"],
            "title": r["title"],
            "via": "article",
        }
        out.append(base)
        for g in conn.execute(
            "SELECT source, outlet, published, title FROM article_sightings WHERE article_id = ? "
            "ORDER BY source",
            (r["article_id"],),
        ):
            out.append({**base, **dict(g), "via": "identical copy"})
    return out


def statement_provenance(conn: Connection, statement_id: int) -> dict[str, Any]:
    """One statement across outlets: speaker, wording variants, and who carried it when.

    `statement_id` is any statement's id (as `sagte statements` and `sagte story` list
    them); the answer covers its whole statement cluster. A statement without a
    cluster (its speaker is unresolved or known only in its article) stands alone,
    with the identical copies of its article.

    Raises:
        NotFound: no statement with that id.
    """
    member = conn.execute(
        "SELECT cluster_id FROM statement_members WHERE statement_id = ?", (statement_id,)
    ).fetchone()
    if member is not None:
        return {"statement": statement_id, **statement_cluster(conn, member[0])}
    row = conn.execute(
        "SELECT st.*, a.text AS body, e.name AS speaker_name, e.key AS speaker_key "
        "FROM statements st JOIN articles a ON a.id = st.article_id "
        "LEFT JOIN entities e ON e.id = st.speaker_id WHERE st.id = ?",
        (statement_id,),
    ).fetchone()
    if row is None:
        raise NotFound(
            Errors.S027.format(kind="statement", ref=statement_id, hint="sagte statements")
        )
    text = " … ".join(row["body"][a:b] for a, b in json.loads(row["message"]))
    a = conn.execute(
        "SELECT source, outlet, published, title FROM articles WHERE id = ?", (row["article_id"],)
    ).fetchone()
    base = {
        "statement": statement_id,
        "variant": 0,
        "relation": "same",
        "form": row["form"],
        "article_id": row["article_id"],
        **dict(a),
        "via": "article",
    }
    members = [base] + [
        {**base, **dict(g), "via": "identical copy"}
        for g in conn.execute(
            "SELECT source, outlet, published, title FROM article_sightings WHERE article_id = ? "
            "ORDER BY source",
            (row["article_id"],),
        )
    ]
    variants = [{"text": text, "form": row["form"], "relation": "same"}]
    return {
        "statement": statement_id,
        **_provenance(None, row["speaker_name"], row["speaker_key"], variants, members),
    }


def statement_cluster(conn: Connection, cluster_id: int) -> dict[str, Any]:
    """A statement cluster with its provenance (see `statement_provenance`).

    Raises:
        NotFound: no statement cluster with that id.
    """
    row = conn.execute("SELECT * FROM statement_clusters WHERE id = ?", (cluster_id,)).fetchone()
    if row is None:
        raise NotFound(Errors.S027.format(kind="statement", ref=cluster_id, hint="sagte story ID"))
    variants = json.loads(row["variants"])
    members = _members(conn, cluster_id)
    return _provenance(row["id"], row["speaker_name"], row["speaker_key"], variants, members)


def _provenance(
    cluster: int | None,
    speaker: str | None,
    speaker_key: str | None,
    variants: list[dict[str, Any]],
    members: list[dict[str, Any]],
) -> dict[str, Any]:
    by_variant: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for m in members:
        by_variant[m["variant"]].append(m)
    outlets: dict[str, dict[str, Any]] = {}
    for m in members:
        name = m["outlet"] or "(unknown outlet)"
        e = outlets.setdefault(name, {"outlet": name, "first_seen": None, "times": 0})
        e["times"] += 1
        if m["published"] and (e["first_seen"] is None or m["published"] < e["first_seen"]):
            e["first_seen"] = m["published"]
    return {
        "cluster": cluster,
        "speaker": speaker,
        "speaker_key": speaker_key,
        "text": variants[0]["text"],
        "first_seen": _first(members),
        "occurrences": len(members),
        "outlets": sorted(
            outlets.values(), key=lambda e: (e["first_seen"] is None, e["first_seen"] or "")
        ),
        "variants": [
            {
                "index": i,
                "text": v["text"],
                "form": v["form"],
                "relation": v["relation"],
                "occurrences": by_variant.get(i, []),
            }
            for i, v in enumerate(variants)
        ],
    }
