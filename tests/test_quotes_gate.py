"""Quality gate for the quote extractor (after adbar/trafilatura's tests/eval_gate.py).

Scores the dev gold and SpkAtt-2023 task 2 (dev) and fails when a score falls more than
the tolerance below its floor in ``tests/quotes_baseline.json``.  Scare quotes reported as
speech must stay at zero (no tolerance).  The floors are tied to a digest of the gold
data: when the data change the gate says so instead of comparing apples and pears.

Re-pin the floors (e.g. after a deliberate trade-off, or new gold) with
``LAGEBILD_LOWER_FLOORS=1 pytest tests/test_quotes_gate.py`` and review the diff.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from lagebild.extract.quotes_eval import make_context, score_gold, score_spkatt
from lagebild.paths import CORPUS_DIR

BASELINE = Path(__file__).with_name("quotes_baseline.json")
SPKATT = Path("benchmarks") / "spkatt-2023-task2-news" / "dev"


def _digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(p.name.encode("utf-8"))
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _flatten(prefix: str, d: dict, out: dict[str, float]) -> None:
    for k, v in d.items():
        if isinstance(v, dict):
            _flatten(f"{prefix}{k}.", v, out)
        elif isinstance(v, (int, float)) and k in ("p", "r", "f1"):
            out[f"{prefix}{k}"] = float(v)


@pytest.fixture(scope="module")
def scores(shared: Path) -> dict:
    ctx = make_context()
    gold = json.loads((shared / "gold" / "ukraine-2025-dev.json").read_text(encoding="utf-8"))
    g = score_gold(gold, CORPUS_DIR, ctx)
    out: dict = {"gold": g.as_dict(), "digests": {"gold": _digest([shared / "gold" / "ukraine-2025-dev.json"])}}
    spk_dir = shared / SPKATT
    if spk_dir.is_dir():
        s = score_spkatt(spk_dir, ctx)
        out["spkatt"] = {k: v for k, v in s.as_dict().items() if k in ("joint", "message", "source")}
        out["digests"]["spkatt"] = _digest(list(spk_dir.glob("*.json")))
    return out


def test_quotes_gate_no_scare_quote_is_speech(scores: dict) -> None:
    assert scores["gold"]["scare_quotes_as_speech"] == 0


def test_quotes_gate_scores_hold_their_floors(scores: dict) -> None:
    current: dict[str, float] = {}
    _flatten("gold.", {k: scores["gold"][k] for k in ("all", "quotes", "indirect")}, current)
    if "spkatt" in scores:
        _flatten("spkatt.", scores["spkatt"], current)
    if os.environ.get("LAGEBILD_LOWER_FLOORS") == "1":
        BASELINE.write_text(json.dumps({
            "about": "Floors for tests/test_quotes_gate.py; re-pin with LAGEBILD_LOWER_FLOORS=1 and review the diff.",
            "tolerance": 0.01, "digests": scores["digests"], "floors": current}, indent=1) + "\n", encoding="utf-8")
        pytest.skip("floors written to tests/quotes_baseline.json")
    assert BASELINE.exists(), f"{BASELINE.name} is missing: pin the floors with LAGEBILD_LOWER_FLOORS=1"
    base = json.loads(BASELINE.read_text(encoding="utf-8"))
    for name, digest in base["digests"].items():
        got = scores["digests"].get(name)
        if got is None:
            continue            # that data set is absent here: its floors are not checked
        assert got == digest, (f"{name} data changed (digest {got} != {digest}): re-pin the floors with "
                               "LAGEBILD_LOWER_FLOORS=1 after checking the new scores")
    tol = float(base["tolerance"])
    low = {k: (v, current[k]) for k, v in base["floors"].items() if k in current and current[k] < v - tol}
    assert not low, "scores below their floors (floor, now): " + ", ".join(f"{k} {a:.3f}->{b:.3f}" for k, (a, b) in low.items())
