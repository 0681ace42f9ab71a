"""Quality gate: document actor sets on made-up German/English paragraphs (tests/data/actors_paragraphs.yaml).

The paragraphs cover persons in and out of the knowledge base, appositions, titles, roles at
a date, metonymy, organisations and capitalised words that are not actors.  Floors are set
under the measured score (``benchmarks/actors.py --paragraphs``: P=0.995 R=1.000 on 82
paragraphs) because the held-out batches (``ho-``, ``ho2-``, ``ho3-``) scored F1 0.97, 0.98
and 0.90 when first run, before anything was tuned on them.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from lagebild.extract.actors import ActorExtractor, document_actors
from lagebild.extract.base import Context
from lagebild.kb import load_kb, skeleton
from lagebild.model import DateValue, Document, Extraction
from lagebild.nlp import get_pipeline

DATA = Path(__file__).parent / "data" / "actors_paragraphs.yaml"
P_FLOOR, R_FLOOR = 0.95, 0.95


@pytest.fixture(scope="module")
def paragraphs() -> list[dict]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))["paragraphs"]


def _key(name: str) -> str:
    return skeleton(name.replace("-", " ")).replace("ae", "a").replace("oe", "o").replace("ue", "u")


def test_actors_paragraphs_file_is_well_formed(paragraphs: list[dict]) -> None:
    ids = [p["id"] for p in paragraphs]
    assert len(ids) == len(set(ids)), "paragraph ids must be unique"
    assert sum(p.get("lang", "de") == "de" for p in paragraphs) >= 25
    assert sum(p.get("lang") == "en" for p in paragraphs) >= 5
    for p in paragraphs:
        assert p["text"].strip() and re.match(r"^\d{4}-\d{2}-\d{2}$", str(p["date"])), p["id"]
        for a in p["actors"] or []:
            assert re.match(r"^(person|state|org):[A-Za-z0-9-]+$", a), (p["id"], a)


def test_actors_paragraphs_actor_set_floor(paragraphs: list[dict]) -> None:
    kb = load_kb()
    ctx, extractor = Context(kb=kb), ActorExtractor()
    tp = fp = fn = 0
    misses = []
    for p in paragraphs:
        lang = p.get("lang", "de")
        doc = Document(p["id"], p["id"], p["text"], lang, published=DateValue(str(p["date"]), "day"))
        ex = Extraction()
        extractor(get_pipeline(lang)(doc), ex, ctx)
        want = set(p["actors"] or [])
        learned = {a.id: a for a in ex.actors if not a.in_kb}
        pred = set()
        for a in document_actors(ex, kb):
            # a learned person matches the expected id of the same name key (spelling-independent)
            if a in learned:
                a = next((w for w in want if w.startswith("person:")
                          and _key(w.split(":", 1)[1]) == _key(learned[a].name)), a)
            pred.add(a)
        tp, fp, fn = tp + len(pred & want), fp + len(pred - want), fn + len(want - pred)
        if pred != want:
            misses.append((p["id"], sorted(want - pred), sorted(pred - want)))
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    assert precision >= P_FLOOR and recall >= R_FLOOR, (precision, recall, misses)
