"""The corpus checks of issue 3: learned actors, the "ehemaligen" slip, metonyms, gold F1."""
from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.extract.actors import ActorExtractor, document_actors
from lagebild.extract.base import Context
from lagebild.kb import load_kb, norm
from lagebild.model import DateValue, Document, Extraction, ParsedDoc, content_hash
from lagebild.nlp.tokenize import split_sentences


def extract(path: Path, date: str | None = None) -> Extraction:
    # Plain text + explicit date: these tests check the actor layer, not ingest's date inference.
    text = path.read_text(encoding="utf-8")
    doc = Document(content_hash(text), str(path), text, "de",
                   published=DateValue(date, "day", basis="test") if date else None)
    ex = Extraction()
    ActorExtractor()(ParsedDoc(doc, split_sentences(text, "de")), ex, Context(kb=load_kb()))
    return ex


def by_name(corpus_files: list[Path], prefix: str) -> Path:
    return next(p for p in corpus_files if p.name.startswith(prefix))


def test_actors_corpus_learns_tkatschenko_and_sybiha(corpus_files: list[Path]) -> None:
    ex = extract(by_name(corpus_files, "003"), "2025-07-04")
    learned = {a.name: a for a in ex.actors if not a.in_kb}
    tk, sy = learned["Tymur Tkatschenko"], learned["Andrij Sybiha"]
    assert (tk.roles[0].title, tk.roles[0].of, tk.country) == ("Militärverwaltungschef", "loc:kyiv", "UKR")
    assert (sy.roles[0].title, sy.roles[0].of, sy.country) == ("foreign minister", "state:UKR", "UKR")
    assert ex.findings == []            # "Der frühere Präsident Joe Biden" is right in July 2025


def test_actors_corpus_flags_the_ehemaligen_slip(corpus_files: list[Path]) -> None:
    # The article reports the meeting of 17 October 2025 (its own text says so).
    ex = extract(by_name(corpus_files, "004"), "2025-10-17")
    slips = [f for f in ex.findings if f.kind == "role_contradiction"]
    assert len(slips) == 1 and slips[0].actor == "person:donald-trump"
    assert "ehemaligen US-Präsidenten Donald Trump" in slips[0].evidence.text


def test_actors_corpus_metonyms_act(corpus_files: list[Path]) -> None:
    acting = {}
    for p in corpus_files:
        for m in extract(p, "2025-10-17").mentions:
            if m.type == "metonym":
                acting.setdefault(m.text.rstrip("s"), set()).add(m.actor)
    assert acting["Washington"] == {"state:USA"}
    assert acting["Moskau"] == {"state:RUS"}
    assert acting["Kreml"] == {"org:kremlin"}


def test_actors_corpus_gold_actor_sets(corpus_files: list[Path], gold: dict) -> None:
    kb = load_kb()
    aliases = {k: {norm(a) for a in v} for k, v in gold["actor_aliases"].items()}
    for name, want in gold["docs"].items():
        path = next((p for p in corpus_files if p.name == name), None)
        if path is None:
            pytest.skip(f"{name} not in the corpus")
        window = want.get("published_window") or [None]
        ex = extract(path, window[-1])
        learned = {a.id: a for a in ex.actors}
        got = set()
        for aid in document_actors(ex, kb):
            actor = learned.get(aid) or kb.get(aid)
            names = {norm(actor.name), *(norm(a) for a in actor.aliases)} if actor else set()
            got.add(next((k for k, al in aliases.items() if names & al), aid))
        tp = len(got & set(want["actors"]))
        f1 = 2 * tp / (len(got) + len(want["actors"]))
        assert f1 >= 0.9, (name, sorted(got ^ set(want["actors"])))
