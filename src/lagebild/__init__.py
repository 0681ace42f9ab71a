"""lagebild: news coverage of a political conflict → a checkable, evidence-linked situation picture.

>>> import lagebild
>>> summary = lagebild.analyze(["articles/"], db="lagebild.db")   # doctest: +SKIP
>>> picture = lagebild.open("lagebild.db")                        # doctest: +SKIP
>>> [q.speaker.text for q in picture.quotes]                      # doctest: +SKIP
"""
from __future__ import annotations

from lagebild.api import Picture, RunSummary, analyze, open
from lagebild.model import SCHEMA_VERSION

__all__ = ["analyze", "open", "Picture", "RunSummary", "SCHEMA_VERSION"]
__version__ = "0.1.0"
