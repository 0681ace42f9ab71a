"""Full pipeline throughput: ingest + language pipeline + all extractors + store + link.

Builds N distinct articles from the bundled corpus sentences (as benchmarks/ingest.py
does) and runs ``lagebild.analyze`` with 1 and 2 worker processes.  Prints articles/s
and words/s (total and per core) and peak memory.

    python benchmarks/pipeline.py            # 300 articles
    python benchmarks/pipeline.py --n 1000
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import lagebild  # noqa: E402
from ingest import build_corpus, peak_mb  # noqa: E402
from lagebild.config import Settings  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        nbytes, nwords = build_corpus(folder, args.n)
        print(f"corpus: {args.n} articles, {nbytes / 1e6:.2f} MB, {nwords} words")
        for workers in args.workers:
            db = Path(tmp) / f"w{workers}.db"
            settings = Settings(db=str(db), workers=workers, progress=False, batch_size=8)
            t0 = time.perf_counter()
            summary = lagebild.analyze([folder], db, settings=settings, progress=False)
            dt = time.perf_counter() - t0
            own, kids = peak_mb()
            counts = lagebild.open(db)
            print(f"workers={workers}: {len(summary.added)} stored, {len(summary.failed)} failed in {dt:.1f}s | "
                  f"{args.n / dt:.1f} articles/s ({args.n / dt / workers:.1f} per core) | "
                  f"{nwords / dt:,.0f} words/s ({nwords / dt / workers:,.0f} per core) | "
                  f"{len(counts.quotes)} quotes, {len(counts.events)} events, {len(counts.mentions)} mentions | "
                  f"peak RSS main {own:.0f} MB, largest worker {kids:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
