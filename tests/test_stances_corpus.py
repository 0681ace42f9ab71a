"""Stances on the bundled reference corpus, through the real chain (ingest → nlp → extractors).

The expected stances below were read off the article text by hand; the code knows nothing of them.
"""
from __future__ import annotations

import functools

from lagebild.extract.base import Context, default_extractors
from lagebild.extract.stances import StanceExtractor, stance_matrix
from lagebild.ingest import iter_sources, load_document
from lagebild.kb import load_kb
from lagebild.model import Extraction, Stance
from lagebild.nlp import get_pipeline
from lagebild.paths import CORPUS_DIR

RUSSIA = {"state:RUS", "person:vladimir-putin", "org:kremlin", "person:dmitry-peskov", "person:sergey-lavrov"}
UKRAINE = {"state:UKR", "person:volodymyr-zelensky", "person:andrij-sybiha", "org:ukraine-armed-forces"}


@functools.lru_cache(maxsize=1)
def corpus_stances() -> dict[str, tuple[str, list[Stance], Extraction]]:
    ctx = Context(kb=load_kb())
    chain = [*default_extractors(), StanceExtractor()]
    out = {}
    for src in iter_sources([CORPUS_DIR]):
        doc = load_document(src)
        parsed = get_pipeline(doc.language)(doc)
        ex = Extraction()
        for extractor in chain:
            extractor(parsed, ex, ctx)
        out[src.source.rsplit("/", 1)[-1][:3]] = (doc.text, ex.stances, ex)
    return out


def held(prefix: str) -> set[tuple[str, str, str]]:
    return {(s.actor, s.issue, str(s.position)) for s in corpus_stances()[prefix][1]}


def test_stances_corpus_records_point_into_the_text():
    total = 0
    for text, stances, ex in corpus_stances().values():
        known = {m.actor for m in ex.mentions} | {q.speaker.actor for q in ex.quotes if q.speaker}
        for s in stances:
            assert text[s.evidence.start:s.evidence.end] == s.evidence.text
            assert s.actor in known, s       # never an invented actor
            assert s.position in ("support", "oppose", "conditional") and s.how and s.cue
            total += 1
    assert total >= 10


def test_stances_corpus_tomahawk_sides():
    got = held("004")
    assert any((a, "tomahawk", "oppose") in got for a in RUSSIA)        # Kremlin: a "rote Linie"
    assert any((a, "tomahawk", "support") in got for a in UKRAINE)      # Kiew hofft auf die Lieferung
    assert ("person:donald-trump", "tomahawk", "oppose") in got         # "zurückhaltend", "nicht mehr Raketen"
    assert not any((a, "tomahawk", "support") in got for a in RUSSIA)


def test_stances_corpus_troops_and_guarantees():
    got = held("001")
    assert ("state:POL", "guarantees", "oppose") in got                 # Polen weigert sich ... Truppen
    assert {("person:keir-starmer", "guarantees", "support"), ("person:emmanuel-macron", "guarantees", "support")} <= got
    assert ("org:kremlin", "guarantees", "oppose") in got               # "eine inakzeptable Provokation"


def test_stances_corpus_territory_and_nato():
    assert ("person:volodymyr-zelensky", "territory", "oppose") in held("004")   # Integrität nicht verhandelbar
    assert ("state:RUS", "nato", "oppose") in held("003")                         # dauerhafter Nato-Verzicht
    assert ("person:sergey-lavrov", "nato", "oppose") in held("001")             # keine NATO-Mitgliedschaft
    assert ("person:vladimir-putin", "negotiations", "oppose") in held("003")    # lehnt Vermittlungsversuch ab


def test_stances_corpus_matrix_and_idempotent_rerun():
    text, stances, ex = corpus_stances()["004"]
    before = len(ex.stances)
    matrix = stance_matrix(stances)
    assert matrix["tomahawk"]["person:donald-trump"]["oppose"] >= 1
    # running the extractor again on the same Extraction adds nothing (the lead may chain it twice)
    doc = load_document(next(s for s in iter_sources([CORPUS_DIR]) if s.source.endswith(".txt") and "/004_" in s.source))
    StanceExtractor()(get_pipeline("de")(doc), ex, Context())
    assert len(ex.stances) == before
