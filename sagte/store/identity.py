"""Canonical people and organisations across articles, and the corrections made by hand.

Each entity an article's analysis produces has a key (`sagte.identity.canonical_key`:
the folded full name, or for a bare surname and a descriptor the name with the
article id). `Identities.resolve` finds the stored entity for it, in this order:

1. a key seen before (table `entity_variants`: every key with the entity it went
   to, the reason and the article that first showed it), for an article-local
   key also its global form, which is how a hand-made alias ("Selensky") applies
   to every article;
2. a person whose first and last name match in spelling-insensitive form
   (`sagte.identity.names.match_key`: Selenskyj / Zelensky): reason `spelling`;
3. for a bare surname, the one known person it can be (`choose_person`): reason
   `surname`, decided again in every article;
4. otherwise a new entity (reason `name`).

Then a split made by hand for that entity and article sends it to its split-off
entity. Corrections (`merge`, `split`, `alias`, `rename`) change these tables and
are also kept as records in `entity_corrections`, replayed by `replay` after a
re-analysis so they hold whatever the new analysis finds.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sagte.analysis.model import Entity
from sagte.errors import Errors, NotFound, SagteError
from sagte.identity import canonical_key
from sagte.identity.names import Known, choose_person, match_key, surname_key
from sagte.store.db import Connection, insert_id


@dataclass(frozen=True, slots=True)
class Resolution:
    entity_id: int
    reason: str
    detail: str = ""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def global_key(key: str) -> str:
    """An article-local key without its article: "PER:stoltenberg@ab12" → "PER:stoltenberg"."""
    return key.split("@", 1)[0]


def backfill_keys(conn: Connection) -> int:
    """Set the match and surname keys of persons stored without them; returns how many."""
    rows = conn.execute(
        "SELECT id, key, name FROM entities WHERE kind = 'PER' AND surname_key IS NULL"
    ).fetchall()
    for entity_id, key, name in rows:
        conn.execute(
            "UPDATE entities SET match_key = ?, surname_key = ? WHERE id = ?",
            (None if "@" in key else match_key(name), surname_key(name), entity_id),
        )
    return len(rows)


class Identities:
    """Entity resolution and corrections on one store connection (inside its transaction)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- resolution ----------------------------------------------------------
    def resolve(self, entity: Entity, article_id: str) -> Resolution:
        key = canonical_key(entity.name, entity.kind, article_id)
        namesakes = self._surname_org(entity)
        if namesakes:
            key = f"{key}@{article_id}"  # decided in each article, as a bare surname
        found = self._variant(key) or (self._variant(global_key(key)) if "@" in key else None)
        if found is None:
            found = self._match(entity, namesakes)
            if found is None:
                found = Resolution(self._insert(key, entity), "name")
                if entity.kind == "PER" and "@" not in key:
                    self._adopt(found.entity_id, entity.name)
            self._add_variant(key, found, entity.name, article_id)
        elif found.reason == "name" and "@" not in key:
            self._update(found.entity_id, entity)
        split = self._split_of(found.entity_id, article_id)
        if split is not None:
            return Resolution(split, "split", f"split off by hand in {article_id}")
        return found

    def _split_of(self, entity_id: int, article_id: str) -> int | None:
        """The entity split off by hand from `entity_id` in one article, if any."""
        row = self.conn.execute(
            "SELECT new_entity_id FROM entity_splits WHERE entity_id = ? AND article_id = ?",
            (entity_id, article_id),
        ).fetchone()
        return int(row[0]) if row else None

    def _adopt(self, person: int, name: str) -> None:
        """Bare surnames stored before this person was known join them now, where the
        same decision as for a new article (`choose_person`) picks them."""
        surname = surname_key(name)
        known = self.known_persons(surname)
        orphans = self.conn.execute(
            "SELECT id FROM entities WHERE kind = 'PER' AND surname_key = ? "
            "AND match_key IS NULL AND id != ? AND key NOT LIKE '%#split@%'",
            (surname, person),
        ).fetchall()
        for (orphan,) in orphans:
            chosen, why = choose_person(self.roles(int(orphan)), known)
            if chosen is not None and chosen.entity_id == person:
                self._move(int(orphan), person, reason="surname", detail=f"{why} (later)")

    def _variant(self, key: str) -> Resolution | None:
        row = self.conn.execute(
            "SELECT entity_id, reason, detail FROM entity_variants WHERE key = ?", (key,)
        ).fetchone()
        return Resolution(int(row[0]), row[1], row[2]) if row else None

    def _surname_org(self, entity: Entity) -> list[Known]:
        """The known persons a one-word "organisation" may be the surname of (the rules
        call an unknown capitalised speaker, "sagte Baerbock", an organisation)."""
        if (
            entity.kind != "ORG"
            or " " in entity.name
            or not entity.name[:1].isupper()
            or entity.name.isupper()
        ):
            return []
        return self.known_persons(surname_key(entity.name))

    def _match(self, entity: Entity, namesakes: list[Known]) -> Resolution | None:
        """A stored person this entity is (see the module docstring); `namesakes` are
        those of a one-word organisation that is a known surname."""
        if namesakes:
            chosen, why = choose_person(entity.roles, namesakes)
            return Resolution(chosen.entity_id, "surname", why) if chosen else None
        if entity.kind != "PER":
            return None
        full = match_key(entity.name)
        if full is not None:
            rows = self.conn.execute(
                "SELECT id, name FROM entities WHERE match_key = ? AND kind = 'PER' ORDER BY id",
                (full,),
            ).fetchall()
            if len(rows) == 1:
                return Resolution(int(rows[0][0]), "spelling", f"spelt {rows[0][1]} before")
            return None
        chosen, why = choose_person(entity.roles, self.known_persons(surname_key(entity.name)))
        return Resolution(chosen.entity_id, "surname", why) if chosen else None

    def known_persons(self, surname: str | None) -> list[Known]:
        """Stored persons with a full name and this surname key, with their roles."""
        if not surname:
            return []
        rows = self.conn.execute(
            "SELECT id, name FROM entities WHERE surname_key = ? AND match_key IS NOT NULL "
            "AND kind = 'PER' ORDER BY id",
            (surname,),
        ).fetchall()
        return [Known(int(r[0]), r[1], self.roles(int(r[0]))) for r in rows]

    def roles(self, entity_id: int) -> list[str]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT role FROM entity_roles WHERE entity_id = ? ORDER BY role",
                (entity_id,),
            )
        ]

    def _insert(self, key: str, entity: Entity) -> int:
        person = entity.kind == "PER"
        return insert_id(
            self.conn,
            "INSERT INTO entities (key, name, kind, gender, gender_source, match_key, surname_key) "
            "VALUES (?,?,?,?,?,?,?)",
            (
                key,
                entity.name,
                entity.kind,
                entity.gender,
                entity.gender_source,
                match_key(entity.name) if person and "@" not in key else None,
                surname_key(entity.name) if person else None,
            ),
        )

    def _update(self, entity_id: int, entity: Entity) -> None:
        """The fuller name (unless renamed by hand); gender from the text over a first name."""
        self.conn.execute(
            "UPDATE entities SET "
            "name = CASE WHEN length(name) < ? AND name_locked = 0 THEN ? ELSE name END, "
            "gender = CASE WHEN gender IS NULL OR (gender_source = 'first_name' AND ? = 'text') "
            "THEN ? ELSE gender END, "
            "gender_source = CASE WHEN gender IS NULL OR (gender_source = 'first_name' AND ? = "
            "'text') THEN ? ELSE gender_source END WHERE id = ?",
            (
                len(entity.name),
                entity.name,
                entity.gender_source,
                entity.gender,
                entity.gender_source,
                entity.gender_source,
                entity_id,
            ),
        )

    def _add_variant(self, key: str, found: Resolution, name: str, article_id: str | None) -> None:
        self.conn.execute(
            "INSERT INTO entity_variants (key, entity_id, name, reason, detail, article_id, "
            "created) VALUES (?,?,?,?,?,?,?) ON CONFLICT (key) DO NOTHING",
            (key, found.entity_id, name, found.reason, found.detail, article_id, _now()),
        )

    # -- lookup ----------------------------------------------------------------
    def find(self, name: str) -> dict[str, Any]:
        """The entity called `name` (or with that variant, or that id).

        Raises:
            NotFound: nothing by that name, or several (the message lists them).
        """
        if name.isdigit():
            row = self.conn.execute("SELECT * FROM entities WHERE id = ?", (int(name),)).fetchone()
            if row:
                return dict(row)
        ids = [
            int(r[0])
            for r in self.conn.execute(
                "SELECT DISTINCT entity_id FROM entity_variants WHERE key IN (?,?,?,?,?) "
                "UNION SELECT id FROM entities WHERE lower(name) = lower(?)",
                (*(canonical_key(name, k) for k in ("PER", "ORG", "LOC", "OTH", "DESC")), name),
            )
        ]
        if not ids:  # a variant's spelling, then a bare surname of one known person
            ids = [
                int(r[0])
                for r in self.conn.execute(
                    "SELECT DISTINCT entity_id FROM entity_variants WHERE lower(name) = lower(?)",
                    (name,),
                )
            ] or [k.entity_id for k in self.known_persons(surname_key(name))]
        if not ids:
            raise NotFound(Errors.S052.format(name=name))
        return self._the_one(name, ids)

    def _the_one(self, name: str, ids: list[int]) -> dict[str, Any]:
        """The entity of `ids` that `name` names; S053 (with the candidates) for several."""
        if len(ids) > 1:
            names = ", ".join(
                f"{r[1]} (id {r[0]}, {r[2]})"
                for r in self.conn.execute(
                    f"SELECT id, name, kind FROM entities WHERE id IN ({','.join('?' * len(ids))})",
                    ids,
                )
            )
            raise SagteError(Errors.S053.format(name=name, candidates=names))
        return dict(self.conn.execute("SELECT * FROM entities WHERE id = ?", (ids[0],)).fetchone())

    def variants(self, entity_id: int) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT v.key, v.name, v.reason, v.detail, v.article_id, a.published, a.outlet "
            "FROM entity_variants v LEFT JOIN articles a ON a.id = v.article_id "
            "WHERE v.entity_id = ? ORDER BY v.created, v.key",
            (entity_id,),
        )
        return [dict(r) for r in rows]

    def article_mentions(self, entity_id: int) -> list[dict[str, Any]]:
        """How each article referred to the entity: mention texts by kind, with counts."""
        rows = self.conn.execute(
            'SELECT m.article_id, m.kind, m.start, m."end", a.text FROM mentions m '
            "JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ? "
            "ORDER BY m.article_id, m.start",
            (entity_id,),
        )
        counts: Counter[tuple[str, str, str]] = Counter(
            (r[0], r[1], r[4][r[2] : r[3]]) for r in rows
        )
        return [
            {"article_id": article, "kind": kind, "text": text, "n": n}
            for (article, kind, text), n in sorted(
                counts.items(), key=lambda kv: (kv[0][0], -kv[1])
            )
        ]

    def mentions_reading(self, text: str) -> list[dict[str, Any]]:
        """The mentions whose words are `text` (any case: „der Norweger“, „er“), counted
        by article, entity and kind, in article order."""
        rows = self.conn.execute(
            "SELECT m.article_id, m.entity_id, m.kind, substr(a.text, CAST(m.start AS INTEGER) "
            '+ 1, CAST(m."end" - m.start AS INTEGER)) FROM mentions m JOIN articles a ON a.id = '
            'm.article_id WHERE m."end" - m.start = ? AND m.entity_id IS NOT NULL '
            "ORDER BY m.article_id, m.start",
            (len(text),),
        )
        wanted = text.casefold()
        counts: Counter[tuple[str, int, str]] = Counter(
            (r[0], int(r[1]), r[2]) for r in rows if r[3].casefold() == wanted
        )
        return [
            {"article_id": article, "entity_id": entity, "kind": kind, "n": n}
            for (article, entity, kind), n in counts.items()
        ]

    def _find_or_mentioned(self, name: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """The entity `name` names (`find`), else the one entity the mentions reading
        `name` stand for („der Norweger“: Jens Stoltenberg), with those mentions.

        Raises:
            NotFound: neither an entity nor a mention reads `name`.
            SagteError: its mentions stand for several entities (S053).
        """
        try:
            return self.find(name), []
        except NotFound:
            mentions = self.mentions_reading(name)
            ids = sorted({m["entity_id"] for m in mentions})
            if not ids:
                raise
        return self._the_one(name, ids), mentions

    def why_merged(self, a: str, b: str) -> dict[str, Any]:
        """Whether names `a` and `b` are one entity, and the evidence for each name. A
        name no entity bears may be the words of mentions that stand for one entity
        („der Norweger“, „der ukrainische Präsident“): `mentions` lists those, by
        article, for `a` and `b`."""
        (ea, ma), (eb, mb) = self._find_or_mentioned(a), self._find_or_mentioned(b)
        same = ea["id"] == eb["id"]
        out: dict[str, Any] = {"same": same, "a": ea, "b": eb, "mentions": {"a": ma, "b": mb}}
        if same:
            out["evidence"] = self.variants(ea["id"])
            out["in_article"] = self.article_mentions(ea["id"])
        corrections = self.conn.execute(
            "SELECT op, target, value, created FROM entity_corrections "
            "WHERE target IN (?,?) OR value IN (?,?) ORDER BY id",
            (ea["key"], eb["key"], ea["key"], eb["key"]),
        )
        out["corrections"] = [dict(r) for r in corrections]
        return out

    # -- corrections -------------------------------------------------------------
    def _record(self, op: str, target: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO entity_corrections (op, target, value, created) VALUES (?,?,?,?)",
            (op, target, value, _now()),
        )

    def merge(self, a: str, b: str, record: bool = True) -> int:
        """Make entity `b` part of entity `a` (all its mentions, statements, roles, keys)."""
        keep, gone = self.find(a), self.find(b)
        if keep["id"] != gone["id"]:
            self._move(gone["id"], keep["id"])
        if record:
            self._record("merge", keep["key"], gone["key"])
        return int(keep["id"])

    def _move(
        self,
        source: int,
        target: int,
        article_id: str | None = None,
        reason: str = "merge",
        detail: str = "merged by hand",
    ) -> None:
        where = "entity_id = ?" + (" AND article_id = ?" if article_id else "")
        args: tuple[Any, ...] = (source, article_id) if article_id else (source,)
        self.conn.execute(f"UPDATE mentions SET entity_id = ? WHERE {where}", (target, *args))
        self.conn.execute(
            "UPDATE statements SET speaker_id = ? WHERE speaker_id = ?"
            + (" AND article_id = ?" if article_id else ""),
            (target, *args),
        )
        self.conn.execute(
            "INSERT INTO entity_roles (entity_id, role, article_id) SELECT ?, role, article_id "
            f"FROM entity_roles WHERE {where} ON CONFLICT DO NOTHING",
            (target, *args),
        )
        self.conn.execute(f"DELETE FROM entity_roles WHERE {where}", args)
        if article_id is None:
            self.conn.execute(
                "UPDATE entity_variants SET entity_id = ?, reason = ?, detail = ? "
                "WHERE entity_id = ?",
                (target, reason, detail, source),
            )
            self.conn.execute(
                "UPDATE entity_splits SET entity_id = ? WHERE entity_id = ?", (target, source)
            )
            self.conn.execute(
                "UPDATE entities SET gender = (SELECT gender FROM entities WHERE id = ?), "
                "gender_source = (SELECT gender_source FROM entities WHERE id = ?) "
                "WHERE id = ? AND gender IS NULL",
                (source, source, target),
            )
            self.conn.execute(
                "UPDATE entity_splits SET new_entity_id = ? WHERE new_entity_id = ?",
                (target, source),
            )
            self.conn.execute("DELETE FROM entities WHERE id = ?", (source,))

    def split(self, name: str, article_id: str, record: bool = True) -> int:
        """Give entity `name`'s mentions in one article an entity of their own."""
        entity = self.find(name)
        new_id = self._split_of(entity["id"], article_id)
        if new_id is None:
            if not self.conn.execute(
                "SELECT 1 FROM mentions WHERE entity_id = ? AND article_id = ?",
                (entity["id"], article_id),
            ).fetchone():
                raise NotFound(Errors.S054.format(name=entity["name"], article=article_id))
            new_id = insert_id(
                self.conn,
                "INSERT INTO entities (key, name, kind, gender, gender_source) VALUES (?,?,?,?,?)",
                (
                    f"{entity['key']}#split@{article_id}",
                    entity["name"],
                    entity["kind"],
                    entity["gender"],
                    entity["gender_source"],
                ),
            )
            self.conn.execute(
                "INSERT INTO entity_splits (entity_id, article_id, new_entity_id) VALUES (?,?,?)",
                (entity["id"], article_id, new_id),
            )
        self._move(int(entity["id"]), new_id, article_id)
        if record:
            self._record("split", entity["key"], article_id)
        return new_id

    def alias(self, name: str, variant: str, record: bool = True) -> int:
        """`variant` names entity `name` from now on (an entity already under it is merged in)."""
        entity = self.find(name)
        key = canonical_key(variant, entity["kind"])
        other = self._variant(key)
        if other and other.entity_id != entity["id"]:
            self._move(other.entity_id, int(entity["id"]))
        self.conn.execute(
            "INSERT INTO entity_variants (key, entity_id, name, reason, detail, created) "
            "VALUES (?,?,?,'alias','added by hand',?) ON CONFLICT (key) DO UPDATE SET "
            "entity_id = excluded.entity_id, reason = 'alias', detail = 'added by hand'",
            (key, entity["id"], variant, _now()),
        )
        if record:
            self._record("alias", entity["key"], variant)
        return int(entity["id"])

    def rename(self, name: str, new_name: str, record: bool = True) -> int:
        """Call entity `name` `new_name` from now on; later articles do not change it."""
        entity = self.find(name)
        self.conn.execute(
            "UPDATE entities SET name = ?, name_locked = 1 WHERE id = ?", (new_name, entity["id"])
        )
        if record:
            self._record("rename", entity["key"], new_name)
        return int(entity["id"])

    def replay(self) -> int:
        """Apply every recorded correction again, in order (after a re-analysis); each is
        a no-op where it still holds. Returns how many were replayed; one whose entity
        no longer exists is skipped."""
        rows = self.conn.execute(
            "SELECT op, target, value FROM entity_corrections ORDER BY id"
        ).fetchall()
        done = 0
        for op, target, value in rows:
            found = self._variant(target)
            if found is None:
                continue
            ref = str(found.entity_id)
            try:
                if op == "merge":
                    other = self._variant(value)
                    if other and other.entity_id != found.entity_id:
                        self._move(other.entity_id, found.entity_id)
                elif op == "split":
                    self.split(ref, value, record=False)
                elif op == "alias":
                    self.alias(ref, value, record=False)
                elif op == "rename":
                    self.rename(ref, value, record=False)
            except NotFound:
                continue
            done += 1
        return done
