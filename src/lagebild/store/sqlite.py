"""SQLite store (the embedded default)."""
from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lagebild.errors import StoreError
from lagebild.model import (
    Actor, Claim, DateValue, Document, Event, Extraction, Failure, Finding, Mention, Quote, Stance, Timex,
    stable_id,
)
from lagebild.store.codec import dumps, loads
from lagebild.store.migrations import MIGRATIONS


def open_store(url: str | Path = "lagebild.db") -> "Store":
    """Open a store from a path, ``:memory:`` or ``sqlite:///path``."""
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        raise StoreError("PostgreSQL is not available in this version", "use a SQLite path such as lagebild.db")
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///"):]
    return Store(text)


class Store:
    """All SQL of lagebild.  One transaction per document; writes are idempotent."""

    def __init__(self, path: str | Path = "lagebild.db") -> None:
        self.path = str(path)
        if self.path != ":memory:":
            parent = Path(self.path).parent
            if not parent.exists():
                raise StoreError(f"the folder for the database does not exist: {parent}", "create it or pass another --db")
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL" if self.path != ":memory:" else "PRAGMA journal_mode=MEMORY")
            # WAL + NORMAL: a commit is atomic and survives a killed process; only an OS crash /
            # power loss may drop the last commits (which a re-run then redoes).  Saves an fsync per document.
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=10000")
        except sqlite3.DatabaseError as err:
            raise StoreError(f"cannot open database {self.path}: {err}", "is it a lagebild SQLite file?") from err
        self._lock = threading.RLock()
        self._depth = 0
        self.migrate()

    # -- schema -----------------------------------------------------------------------------
    def migrate(self) -> list[str]:
        try:
            self.conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT (datetime('now')))")
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path} is not a SQLite database: {err}", "pass another --db path") from err
        done = {row[0] for row in self.conn.execute("SELECT name FROM migrations")}
        applied = []
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            with self.transaction():
                for statement in _statements(sql):
                    self.conn.execute(statement)
                self.conn.execute("INSERT INTO migrations(name) VALUES (?)", (name,))
            applied.append(name)
        return applied

    def migrations(self) -> list[str]:
        return [row[0] for row in self.conn.execute("SELECT name FROM migrations ORDER BY name")]

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        with self._lock:
            outer = self._depth == 0
            if outer:
                self.conn.execute("BEGIN IMMEDIATE")
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth -= 1
                if outer:
                    self.conn.execute("ROLLBACK")
                raise
            else:
                self._depth -= 1
                if outer:
                    self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    # -- writing ----------------------------------------------------------------------------
    def source_doc(self, source: str, raw_sha256: str | None) -> str | None:
        """The document already stored for this exact input (same source, same bytes)."""
        row = self.conn.execute("SELECT doc_id, raw_sha256 FROM sources WHERE source = ?", (source,)).fetchone()
        if row and (raw_sha256 is None or row[1] == raw_sha256):
            return row[0]
        return None

    def has_document(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def write_document(self, doc: Document, ex: Extraction, *, stages: list[str], minhash: bytes | None = None) -> bool:
        """Write a document and all its records in one transaction.  False if it was already stored."""
        with self.transaction():
            if self.has_document(doc.id):
                self._upsert_source(doc)
                return False
            self.conn.execute(
                "INSERT INTO documents(id, source, title, outlet, author, published, language, genre, text, "
                "duplicate_of, minhash, data, stages) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (doc.id, doc.source, doc.title, doc.outlet, doc.author,
                 dumps(doc.published) if doc.published else None, doc.language, doc.genre, doc.text,
                 doc.duplicate_of, minhash, dumps(doc), dumps(stages)),
            )
            self.conn.execute("INSERT INTO documents_fts(id, title, text) VALUES (?,?,?)", (doc.id, doc.title or "", doc.text))
            self._upsert_source(doc)
            self.conn.execute("DELETE FROM failures WHERE source = ?", (doc.source,))
            for actor in ex.actors:
                self.upsert_actor(actor)
            self.conn.executemany(
                'INSERT OR REPLACE INTO mentions(doc, start, "end", actor, data) VALUES (?,?,?,?,?)',
                [(doc.id, m.start, m.end, m.actor, dumps(m)) for m in ex.mentions])
            self.conn.executemany(
                "INSERT OR REPLACE INTO quotes(id, doc, speaker_actor, kind, data) VALUES (?,?,?,?,?)",
                [(q.id, doc.id, q.speaker.actor if q.speaker else None, q.kind, dumps(q)) for q in ex.quotes])
            self.conn.executemany(
                "INSERT OR REPLACE INTO events(id, doc, type, status, date, cluster, data) VALUES (?,?,?,?,?,?,?)",
                [(e.id, doc.id, e.type, e.status, e.date.value if e.date else None, e.cluster, dumps(e)) for e in ex.events])
            self.conn.executemany("INSERT OR REPLACE INTO claims(id, doc, data) VALUES (?,?,?)",
                                  [(c.id, doc.id, dumps(c)) for c in ex.claims])
            self.conn.executemany(
                "INSERT OR REPLACE INTO stances(id, doc, actor, issue, data) VALUES (?,?,?,?,?)",
                [(stable_id(s.evidence.doc, s.actor, s.issue, s.evidence.start, prefix="st:"), doc.id, s.actor, s.issue, dumps(s))
                 for s in ex.stances])
            self.conn.executemany('INSERT OR REPLACE INTO timexes(doc, start, "end", data) VALUES (?,?,?,?)',
                                  [(doc.id, t.start, t.end, dumps(t)) for t in ex.timexes])
            self.conn.executemany(
                "INSERT OR REPLACE INTO findings(id, doc, kind, data) VALUES (?,?,?,?)",
                [(stable_id(doc.id, f.kind, f.evidence.start, f.message, prefix="f:"), doc.id, f.kind, dumps(f)) for f in ex.findings])
        return True

    def _upsert_source(self, doc: Document) -> None:
        self.conn.execute(
            "INSERT INTO sources(source, raw_sha256, doc_id) VALUES (?,?,?) "
            "ON CONFLICT(source) DO UPDATE SET raw_sha256 = excluded.raw_sha256, doc_id = excluded.doc_id",
            (doc.source, doc.raw_sha256, doc.id))

    def upsert_actor(self, actor: Actor) -> None:
        """KB actors win over learned ones; a learned actor keeps the aliases/roles seen so far."""
        row = self.conn.execute("SELECT data FROM actors WHERE id = ?", (actor.id,)).fetchone()
        if row:
            old = loads(Actor, row[0])
            if old is not None and not actor.in_kb:
                aliases = list(dict.fromkeys(old.aliases + actor.aliases))
                roles = old.roles + [r for r in actor.roles if r not in old.roles]
                actor = old if old.in_kb else Actor(**{**old.__dict__, "aliases": aliases, "roles": roles})
        self.conn.execute(
            "INSERT INTO actors(id, name, kind, in_kb, data) VALUES (?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
            "name = excluded.name, kind = excluded.kind, in_kb = excluded.in_kb, data = excluded.data",
            (actor.id, actor.name, actor.kind, int(actor.in_kb), dumps(actor)))

    def add_failure(self, failure: Failure) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO failures(source, stage, code, message) VALUES (?,?,?,?) "
                "ON CONFLICT(source, stage, code) DO UPDATE SET message = excluded.message",
                (failure.source, failure.stage, failure.code or "error", failure.message))

    def set_event_clusters(self, clusters: dict[str, str]) -> None:
        with self.transaction():
            for event_id, cluster in clusters.items():
                row = self.conn.execute("SELECT data FROM events WHERE id = ?", (event_id,)).fetchone()
                if not row:
                    continue
                event = loads(Event, row[0])
                assert event is not None
                event.cluster = cluster
                self.conn.execute("UPDATE events SET cluster = ?, data = ? WHERE id = ?", (cluster, dumps(event), event_id))

    # -- reading ----------------------------------------------------------------------------
    def _rows(self, cls: type, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        return [loads(cls, row[0]) for row in self.conn.execute(sql, params)]

    def documents(self) -> list[Document]:
        return self._rows(Document, "SELECT data FROM documents ORDER BY source, id")

    def document(self, doc_id: str) -> Document | None:
        rows = self._rows(Document, "SELECT data FROM documents WHERE id = ?", (doc_id,))
        return rows[0] if rows else None

    def minhashes(self) -> list[tuple[str, bytes]]:
        return [(r[0], r[1]) for r in self.conn.execute(
            "SELECT id, minhash FROM documents WHERE minhash IS NOT NULL AND duplicate_of IS NULL ORDER BY created_at, id")]

    def actors(self) -> list[Actor]:
        return self._rows(Actor, "SELECT data FROM actors ORDER BY id")

    def mentions(self, doc: str | None = None) -> list[Mention]:
        if doc:
            return self._rows(Mention, 'SELECT data FROM mentions WHERE doc = ? ORDER BY start', (doc,))
        return self._rows(Mention, 'SELECT data FROM mentions ORDER BY doc, start')

    def quotes(self, doc: str | None = None, speaker: str | None = None) -> list[Quote]:
        rows = self._rows(Quote, "SELECT data FROM quotes WHERE (? IS NULL OR doc = ?) AND (? IS NULL OR speaker_actor = ?)",
                          (doc, doc, speaker, speaker))
        return sorted(rows, key=lambda q: (q.doc, q.start))

    def events(self, doc: str | None = None) -> list[Event]:
        rows = self._rows(Event, "SELECT data FROM events WHERE (? IS NULL OR doc = ?)", (doc, doc))
        return sorted(rows, key=lambda e: (e.doc, e.evidence.start, e.id))

    def claims(self, doc: str | None = None) -> list[Claim]:
        rows = self._rows(Claim, "SELECT data FROM claims WHERE (? IS NULL OR doc = ?)", (doc, doc))
        return sorted(rows, key=lambda c: (c.doc, c.evidence.start, c.id))

    def stances(self) -> list[Stance]:
        return self._rows(Stance, "SELECT data FROM stances ORDER BY actor, issue, id")

    def timexes(self, doc: str | None = None) -> list[Timex]:
        if doc:
            return self._rows(Timex, 'SELECT data FROM timexes WHERE doc = ? ORDER BY start', (doc,))
        return self._rows(Timex, 'SELECT data FROM timexes ORDER BY doc, start')

    def findings(self) -> list[Finding]:
        return self._rows(Finding, "SELECT data FROM findings ORDER BY doc, id")

    def failures(self) -> list[Failure]:
        return [Failure(source=r[0], stage=r[1], code=r[2], message=r[3]) for r in
                self.conn.execute("SELECT source, stage, code, message FROM failures ORDER BY source, stage")]

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        """Full-text search (FTS5 syntax); returns (doc id, snippet)."""
        try:
            return [(r[0], r[1]) for r in self.conn.execute(
                "SELECT id, snippet(documents_fts, 2, '[', ']', '…', 12) FROM documents_fts "
                "WHERE documents_fts MATCH ? LIMIT ?", (query, limit))]
        except sqlite3.OperationalError as err:
            raise StoreError(f"bad search query {query!r}: {err}", "quote phrases with double quotes") from err

    def counts(self) -> dict[str, int]:
        return {table: self.conn.execute(sql).fetchone()[0] for table, sql in _COUNT_SQL.items()}


_COUNT_SQL = {  # constant statements: no SQL is ever built from input
    "documents": "SELECT count(*) FROM documents", "actors": "SELECT count(*) FROM actors",
    "mentions": "SELECT count(*) FROM mentions", "quotes": "SELECT count(*) FROM quotes",
    "events": "SELECT count(*) FROM events", "claims": "SELECT count(*) FROM claims",
    "stances": "SELECT count(*) FROM stances", "timexes": "SELECT count(*) FROM timexes",
    "findings": "SELECT count(*) FROM findings", "failures": "SELECT count(*) FROM failures",
}


def _statements(sql: str) -> list[str]:
    return [s.strip() for s in sql.split(";") if s.strip()]


__all__ = ["Store", "open_store", "DateValue"]
