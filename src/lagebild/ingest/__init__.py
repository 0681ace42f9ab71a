"""ingest: read sources, extract and clean article text, add metadata, find near duplicates.

>>> from lagebild.ingest import iter_sources, load_document, IngestError
>>> for item in iter_sources(["articles/"]):
...     if isinstance(item, IngestError):
...         print(item)                 # one line: source, message, code, hint
...         continue
...     doc = load_document(item)       # raises IngestError for this one source only

Stage names: ``ingest.v1`` (loading/metadata), ``ingest.clean.v1`` (boilerplate removal).
"""
from __future__ import annotations

from lagebild.ingest.clean import clean, clean_text
from lagebild.ingest.dedup import NearDuplicateIndex
from lagebild.ingest.document import STAGE, Ingestor, load_document
from lagebild.ingest.errors import IngestError
from lagebild.ingest.fetch import fetch_urls
from lagebild.ingest.sources import Source, iter_sources

__all__ = [
    "STAGE",
    "IngestError",
    "Ingestor",
    "NearDuplicateIndex",
    "Source",
    "clean",
    "clean_text",
    "fetch_urls",
    "iter_sources",
    "load_document",
]
