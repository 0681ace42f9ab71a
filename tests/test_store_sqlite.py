from __future__ import annotations

import sqlite3

import pytest

from lagebild.errors import StoreError
from lagebild.model import (
    Actor, DateValue, Document, Event, Evidence, Extraction, Failure, Mention, Quote, Speaker, content_hash,
)
from lagebild.store import open_store


def _doc(text: str = "Putin sprach mit Trump. Danach nichts.", source: str = "a.txt") -> Document:
    return Document(id=content_hash(text), source=source, text=text, language="de", title="T",
                    published=DateValue("2025-07-04", "day", "4. Juli 2025", "metadata"))


def _ex(doc: Document) -> Extraction:
    ev = Evidence(doc.id, 0, 23, doc.text[:23])
    return Extraction(
        actors=[Actor("person:vladimir-putin", "Wladimir Putin", "person", "RUS", "GOV")],
        mentions=[Mention(doc.id, 0, 5, "Putin", "person:vladimir-putin", "PER", "alias", ev)],
        quotes=[Quote("q:1", doc.id, Speaker("Putin", "person:vladimir-putin"), "sprach", "indirect", 6, 12, ev)],
        events=[Event("ev:1", doc.id, "CONSULT", ["person:vladimir-putin"], ["person:donald-trump"], "occurred", ev,
                      date=DateValue("2025-07-03", "day"))],
    )


def test_store_sqlite_roundtrip_typed_records():
    store = open_store(":memory:")
    doc = _doc()
    assert store.write_document(doc, _ex(doc), stages=["t.v1"]) is True
    got = store.document(doc.id)
    assert isinstance(got, Document) and got.published == doc.published and got.text == doc.text
    (quote,) = store.quotes()
    assert isinstance(quote.speaker, Speaker) and quote.speaker.actor == "person:vladimir-putin"
    assert isinstance(quote.evidence, Evidence) and quote.evidence.text == doc.text[:23]
    (event,) = store.events()
    assert event.date == DateValue("2025-07-03", "day")
    assert store.quotes(speaker="person:vladimir-putin") == [quote]
    assert store.quotes(speaker="person:nobody") == []


def test_store_sqlite_rewrite_is_idempotent():
    store = open_store(":memory:")
    doc = _doc()
    store.write_document(doc, _ex(doc), stages=["t.v1"])
    before = store.counts()
    assert store.write_document(doc, _ex(doc), stages=["t.v1"]) is False
    assert store.counts() == before


def test_store_sqlite_failed_transaction_leaves_no_half_document(monkeypatch):
    store = open_store(":memory:")
    doc = _doc()
    ex = _ex(doc)
    ex.events.append(ex.events[0])  # fine: replace
    bad = Extraction(mentions=ex.mentions, quotes=[Quote("q:1", doc.id, None, "x", "direct", 0, 1, ex.mentions[0].evidence)] * 1)
    # make the quote insert fail mid-transaction
    orig = store.conn

    class Boom:
        def __init__(self, conn):
            self.conn = conn

        def execute(self, sql, *a):
            return self.conn.execute(sql, *a)

        def executemany(self, sql, rows):
            if "INTO quotes" in sql:
                raise sqlite3.OperationalError("disk full (simulated)")
            return self.conn.executemany(sql, rows)

    store.conn = Boom(orig)  # type: ignore[assignment]
    with pytest.raises(sqlite3.OperationalError):
        store.write_document(doc, bad, stages=["t.v1"])
    store.conn = orig
    assert store.counts()["documents"] == 0 and store.counts()["mentions"] == 0


def test_store_sqlite_failures_upsert_and_clear_on_success():
    store = open_store(":memory:")
    store.add_failure(Failure("a.txt", "ingest", "empty", "file is empty"))
    store.add_failure(Failure("a.txt", "ingest", "empty", "file is empty"))
    assert len(store.failures()) == 1
    doc = _doc(source="a.txt")
    store.write_document(doc, Extraction(), stages=[])
    assert store.failures() == []


def test_store_sqlite_learned_actor_merges_aliases_kb_wins():
    store = open_store(":memory:")
    store.upsert_actor(Actor("person:x", "X", "person", in_kb=False, aliases=["X"]))
    store.upsert_actor(Actor("person:x", "X", "person", in_kb=False, aliases=["Mr X"]))
    (a,) = store.actors()
    assert a.aliases == ["X", "Mr X"]


def test_store_sqlite_migrations_recorded_and_not_reapplied(tmp_path):
    path = tmp_path / "p.db"
    s1 = open_store(path)
    assert s1.migrations() == ["0001_initial", "0002_fts"]
    s1.close()
    s2 = open_store(f"sqlite:///{path}")
    assert s2.migrate() == []


def test_store_sqlite_rejects_non_database_and_missing_folder(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        open_store(junk)
    with pytest.raises(StoreError, match="folder"):
        open_store(tmp_path / "nope" / "x.db")


def test_store_sqlite_search_is_parameterised():
    store = open_store(":memory:")
    doc = _doc()
    store.write_document(doc, Extraction(), stages=[])
    assert [d for d, _ in store.search("Putin")] == [doc.id]
    # an injection attempt is just a (bad) search string, never SQL
    with pytest.raises(StoreError):
        store.search("x'); DROP TABLE documents; --")
    assert store.counts()["documents"] == 1
