"""Ingest + clean + store throughput and peak memory over a generated corpus.

Builds N articles from the sentences of the bundled corpus (shuffled, so every article
is distinct), writes them as text files, then runs ``lagebild.analyze`` in ingest-only
mode (``parse=False``) with 1 and 2 worker processes into a fresh SQLite file.

    python benchmarks/ingest.py            # 10,000 articles
    python benchmarks/ingest.py --n 2000
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import lagebild
from lagebild.config import Settings
from lagebild.nlp.tokenize import split_sentences
from lagebild.paths import CORPUS_DIR


def build_corpus(folder: Path, n: int, seed: int = 7) -> tuple[int, int]:
    rng = random.Random(seed)
    sents = []
    for path in sorted(CORPUS_DIR.glob("*.txt")):
        sents += [s.text for s in split_sentences(path.read_text(encoding="utf-8")) if len(s.text) > 60]
    total_bytes = total_words = 0
    for i in range(n):
        body = rng.sample(sents, k=min(len(sents), rng.randint(15, 40)))
        paras = ["\n".join(body[j:j + 4]) for j in range(0, len(body), 4)]
        text = f"Bericht {i}: {body[0][:60]}\n\n" + "\n\n".join(paras) + "\n"
        data = text.encode("utf-8")
        (folder / f"{i:05d}.txt").write_bytes(data)
        total_bytes += len(data)
        total_words += len(text.split())
    return total_bytes, total_words


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        nbytes, nwords = build_corpus(folder, args.n)
        print(f"corpus: {args.n} articles, {nbytes / 1e6:.1f} MB, {nwords} words")
        for workers in args.workers:
            db = Path(tmp) / f"w{workers}.db"
            settings = Settings(db=str(db), workers=workers, parse=False, progress=False, batch_size=64)
            t0 = time.perf_counter()
            summary = lagebild.analyze([folder], db, settings=settings, progress=False)
            dt = time.perf_counter() - t0
            own, kids = peak_mb()
            stored = len(summary.added) + summary.near_duplicates * 0
            print(f"workers={workers}: {stored} stored, {summary.near_duplicates} near-dup, {len(summary.failed)} failed "
                  f"in {dt:.1f}s | {args.n / dt:.0f} docs/s ({args.n / dt / workers:.0f} per core) | "
                  f"{nbytes / 1e6 / dt:.2f} MB/s | {nwords / dt:,.0f} words/s ({nwords / dt / workers:,.0f} per core) | "
                  f"peak RSS main {own:.0f} MB, largest worker {kids:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
