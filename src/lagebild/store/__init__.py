"""Storage: schema with named migrations, one transaction per document, idempotent upserts.

All SQL lives in this package.  SQLite is the embedded default; the interface
(:class:`Store`) is what the stages use, so a PostgreSQL implementation can be added
without touching them.
"""
from __future__ import annotations

from lagebild.store.sqlite import Store, open_store

__all__ = ["Store", "open_store"]
