"""Per-document extractors.

Each extractor is a small class with a versioned ``name`` (e.g. ``quotes.rules.v1``),
settings in ``__init__`` and a uniform ``__call__(parsed, ex, ctx)`` that adds records
to the :class:`~lagebild.model.Extraction` ``ex``.  Extractors run in a fixed order
(time → actors → quotes → events → claims → stances) so later ones can read what earlier
ones found (mentions, time expressions).  They never write to the store.
"""
from __future__ import annotations

from lagebild.extract.base import Context, Extractor, default_extractors, run_extractors

__all__ = ["Context", "Extractor", "default_extractors", "run_extractors"]
