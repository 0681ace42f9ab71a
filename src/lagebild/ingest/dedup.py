"""Near-duplicate detection: MinHash over word 5-shingles, indexed with MinHashLSH.

Signatures are plain bytes (the MinHash hash values as little-endian uint32, datasketch's
"affine32" permutation scheme pinned explicitly), so the store can persist them and rebuild the
index on the next run without re-reading any article.
"""
from __future__ import annotations

import re

import numpy as np

SHINGLE = 5
_SEED = 1
_SCHEME = "affine32"     # pinned: a new datasketch default must not silently change stored signatures
_DTYPE = "<u4"
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Lower-cased word n-grams; punctuation and whitespace differences do not count."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


class NearDuplicateIndex:
    """Find an earlier document whose estimated Jaccard similarity is at least ``threshold``."""

    def __init__(self, threshold: float = 0.8, num_perm: int = 128) -> None:
        from datasketch import MinHashLSH   # imported here: 0.5 s, only needed when deduplicating

        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._sigs: dict[str, np.ndarray] = {}
        self._permutations = None   # computed once: building them costs more than hashing a short article

    def signature(self, text: str) -> bytes:
        from datasketch import MinHash

        if self._permutations is None:
            self._permutations = MinHash(num_perm=self.num_perm, seed=_SEED, scheme=_SCHEME).permutations
        mh = MinHash(num_perm=self.num_perm, seed=_SEED, scheme=_SCHEME, permutations=self._permutations)
        mh.update_batch(list(shingles(text)))
        return np.asarray(mh.hashvalues, dtype=_DTYPE).tobytes()

    def _minhash(self, sig: bytes):
        from datasketch import LeanMinHash

        values = np.frombuffer(sig, dtype=_DTYPE).astype(np.uint32)
        if values.size != self.num_perm:
            raise ValueError(f"signature has {values.size} hash values, this index uses num_perm={self.num_perm}")
        return LeanMinHash(seed=_SEED, hashvalues=values, scheme=_SCHEME)

    def add(self, doc_id: str, sig: bytes) -> None:
        if doc_id in self._sigs:
            return   # idempotent: re-adding the same document is a no-op
        mh = self._minhash(sig)
        self._lsh.insert(doc_id, mh)
        self._sigs[doc_id] = mh.hashvalues

    def query(self, sig: bytes) -> str | None:
        """The most similar added document at or above the threshold, else None.

        LSH only proposes candidates; each is checked against the estimated Jaccard
        similarity so that a banding false positive is not reported as a duplicate.
        """
        mh = self._minhash(sig)
        best, best_sim = None, self.threshold
        for cand in sorted(self._lsh.query(mh)):
            sim = float(np.mean(self._sigs[cand] == mh.hashvalues))
            if sim >= best_sim:
                best, best_sim = cand, sim
        return best

    def __len__(self) -> int:
        return len(self._sigs)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._sigs
