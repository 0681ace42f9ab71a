"""Ingest cleaning benchmark: what the cleaner removes from clean news text, and its speed.

WikiNews articles (SpkAtt-2023 task 2, in ../shared) have no boilerplate, so everything the
cleaner removes from them is a false positive; every article must be detected as German.
The reference corpus is loaded too (its removals are checked by tests/test_ingest_clean.py).

    python benchmarks/ingest_clean.py      # prints figures; skips cleanly without ../shared
    python benchmarks/ingest_clean.py --memory   # also peak traced memory (tracemalloc slows it ~2x)
"""
from __future__ import annotations

import json
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path

from lagebild.ingest import IngestError, NearDuplicateIndex, Source, iter_sources, load_document
from lagebild.paths import CORPUS_DIR, shared_dir


def wikinews_texts(root: Path) -> list[tuple[str, str]]:
    texts = []
    for split in ("train", "dev"):
        for path in sorted((root / split).glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            sents = [" ".join(s["Tokens"]) for s in data["Sentences"]]
            title = path.stem.split(" - ", 1)[-1].rsplit(" (", 1)[0]
            # Three sentences per paragraph, the file-name title as first line.
            paras = [" ".join(sents[i:i + 3]) for i in range(0, len(sents), 3)]
            texts.append((path.name, title + "\n\n" + "\n".join(paras)))
    return texts


def main() -> int:
    shared = shared_dir()
    corpus = [Source(str(p)) for p in sorted(CORPUS_DIR.glob("*.txt"))]
    t0 = time.perf_counter()
    docs = [load_document(s) for s in corpus]
    print(f"corpus: {len(docs)} docs in {time.perf_counter() - t0:.3f}s (first call includes model loading)")
    if shared is None:
        print("../shared not present: WikiNews check skipped")
        return 0
    texts = wikinews_texts(shared / "benchmarks" / "spkatt-2023-task2-news")
    reasons: Counter[str] = Counter()
    langs: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    examples: list[str] = []
    n_bytes = 0
    genres: Counter[str] = Counter()
    titled = 0
    memory = "--memory" in sys.argv
    if memory:
        tracemalloc.start()
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for i, (_name, text) in enumerate(texts):
            path = Path(tmp) / f"{i:04d}.txt"
            path.write_text(text, encoding="utf-8")
            n_bytes += path.stat().st_size
        t_write = time.perf_counter() - t0
        t0 = time.perf_counter()
        index = NearDuplicateIndex()
        near = 0
        for item in iter_sources([tmp]):
            try:
                doc = load_document(item)
            except IngestError as err:
                errors[err.code] += 1
                continue
            langs[doc.language] += 1
            genres[doc.genre] += 1
            titled += doc.title is not None
            for removed in doc.removed:
                reasons[removed.reason] += 1
                if len(examples) < 15:
                    examples.append(f"  {removed.reason}: {removed.text[:100]!r}")
            sig = index.signature(doc.text)
            near += index.query(sig) is not None
            index.add(doc.id, sig)
        elapsed = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1] if memory else 0
    print(f"wikinews: {len(texts)} docs, {n_bytes / 1e6:.2f} MB, written in {t_write:.2f}s")
    mem = f", peak traced memory {peak / 1e6:.1f} MB" if memory else ""
    print(f"  load+clean+dedup: {elapsed:.2f}s = {len(texts) / elapsed:.0f} docs/s{mem}")
    print(f"  languages: {dict(langs)}  errors: {dict(errors)}  genres: {dict(genres)}  with title: {titled}")
    print(f"  removed pieces (all false positives on WikiNews): {sum(reasons.values())} {dict(reasons)}")
    print(f"  near-duplicate pairs flagged: {near}")
    print("\n".join(examples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
