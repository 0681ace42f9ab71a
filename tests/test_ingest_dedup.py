"""NearDuplicateIndex: a lightly edited copy is found, an unrelated article is not."""
from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.ingest import NearDuplicateIndex, Source, load_document


def test_dedup_finds_edited_copy_not_unrelated(corpus_files: list[Path]) -> None:
    docs = [load_document(Source(str(p))) for p in corpus_files]
    index = NearDuplicateIndex(threshold=0.8)
    for doc in docs[:4]:
        assert index.query(index.signature(doc.text)) is None     # no false positive between articles
        index.add(doc.id, index.signature(doc.text))
    original = docs[3]
    edited = original.text.replace("Donnerstag", "Freitag", 1).replace("Mindestens 23", "Mindestens 24")
    edited = edited.replace("\n\n", "\n") + "\nCopyright 2025, alle Rechte vorbehalten."
    assert edited != original.text
    assert index.query(index.signature(edited)) == original.id
    assert index.query(index.signature(docs[4].text)) is None       # 004 was not added and differs


def test_dedup_signature_is_bytes_and_rebuilds_index() -> None:
    text = "Der Kreml bestätigte lediglich, Putin bleibe bei seiner Forderung nach einer politischen Lösung. " * 3
    first = NearDuplicateIndex()
    sig = first.signature(text)
    assert isinstance(sig, bytes) and len(sig) == 128 * 4
    assert sig == NearDuplicateIndex().signature(text)            # deterministic across instances
    rebuilt = NearDuplicateIndex()
    rebuilt.add("doc-a", bytes(sig))                              # e.g. read back from the store
    rebuilt.add("doc-a", sig)                                     # idempotent
    assert len(rebuilt) == 1 and "doc-a" in rebuilt
    assert rebuilt.query(sig) == "doc-a"
    with pytest.raises(ValueError):
        NearDuplicateIndex(num_perm=64).add("x", sig)


def test_dedup_short_texts() -> None:
    index = NearDuplicateIndex()
    index.add("a", index.signature("Putin droht"))
    assert index.query(index.signature("Putin droht")) == "a"
    assert index.query(index.signature("Selenskyj antwortet")) is None
