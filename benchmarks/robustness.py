"""Seconds per hostile input through the whole chain (ingest -> nlp -> every extractor).

Uses the seeded generators and pathological probes of ``tests/test_robustness_fuzz.py`` at
larger sizes than the unit test, runs each text through ``lagebild.api.process_source`` (as
``lagebild analyze`` does, one process), and prints the slowest inputs with their seconds,
every failure that is not a clear ingest refusal, and every offset error.

    python benchmarks/robustness.py                      # seeds 1-3, 4 cases per generator
    python benchmarks/robustness.py --seeds 1-10 --cases 6 --probe-size 20000 --top 15
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

from lagebild.model import Failure

_TESTS = Path(__file__).resolve().parents[1] / "tests" / "test_robustness_fuzz.py"


def _fuzz_module():
    spec = importlib.util.spec_from_file_location("robustness_fuzz", _TESTS)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the generators from {_TESTS}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _seeds(spec: str) -> list[int]:
    lo, _, hi = spec.partition("-")
    return list(range(int(lo), int(hi or lo) + 1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default="1-3", help="seed range, e.g. 1-10")
    ap.add_argument("--cases", type=int, default=4, help="texts per generator and seed")
    ap.add_argument("--probe-size", type=int, default=20_000, help="characters per pathological probe")
    ap.add_argument("--top", type=int, default=12, help="how many of the slowest inputs to print")
    args = ap.parse_args(argv)
    rf = _fuzz_module()

    inputs: list[tuple[str, str, str | None]] = []
    for seed in _seeds(args.seeds):
        for case_id, text in rf.cases(seed, default=args.cases):
            inputs.append((case_id, text, rf.LANG_OF.get(case_id.split("-")[0], "de")))
    for name, make in rf.PROBES.items():
        inputs.append((f"probe-{name}", make(args.probe_size), "de"))

    rf.run_text("warm-up", rf.DE_SENTENCES[0] * 3)    # model loading is not the input's cost
    rows: list[tuple[float, str, int, str]] = []
    problems = 0
    for case_id, text, lang in inputs:
        t0 = time.perf_counter()
        result = rf.run_text(case_id, text, lang)
        secs = time.perf_counter() - t0
        if isinstance(result, Failure):
            status = f"refused: {result.code}" if result.stage == "ingest" and result.code != "internal" else \
                f"FAILED in {result.stage}: {result.code}: {result.message[:160]}"
        else:
            try:
                status = f"{rf.check_extraction(result.doc.text, result.ex)} records"
            except AssertionError as err:
                status = f"OFFSET ERROR: {err}"
        problems += status.startswith(("FAILED", "OFFSET"))
        rows.append((secs, case_id, len(text), status))

    rows.sort(reverse=True)
    total = sum(r[0] for r in rows)
    print(f"{len(rows)} inputs, {sum(r[2] for r in rows):,} characters, {total:.1f} s in all, "
          f"median {sorted(r[0] for r in rows)[len(rows) // 2]:.3f} s, {problems} problem(s)")
    print(f"slowest {args.top}:")
    for secs, case_id, chars, status in rows[:args.top]:
        print(f"  {secs:7.2f} s  {case_id:28s} {chars:7,d} chars  {status}")
    for secs, case_id, chars, status in rows:
        if status.startswith(("FAILED", "OFFSET")):
            print(f"  PROBLEM {case_id}: {status}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
