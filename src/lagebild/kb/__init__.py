"""The actor knowledge base: canonical actors, aliases in several languages and inflected
forms, roles with time spans, affiliations (country code + PLOVER sector).

>>> kb = load_kb()
>>> kb.resolve_name("Selenskyjs")
'person:volodymyr-zelensky'
>>> kb.holder("president", "state:USA", "2025-10-17")
'person:donald-trump'

Data lives in ``lagebild/kb/data/*.yaml``; users add their own file with ``--kb``.  Ids:
``person:<slug>``, ``state:<ISO3>``, ``org:<slug>``, ``group:<slug>``, ``loc:<slug>`` (see
:mod:`lagebild.kb.schema`).  A state's government is the state actor; the sector (GOV,
MIL) travels on the mention.
"""
from __future__ import annotations

from lagebild.kb.base import ActorInfo, AliasHit, KnowledgeBase, as_date, load_kb
from lagebild.kb.calendar import load_calendar
from lagebild.kb.loader import KBError, read_kb_file
from lagebild.kb.text import name_key, name_slug, norm, skeleton, slug

__all__ = ["KnowledgeBase", "load_kb", "KBError", "read_kb_file", "AliasHit", "ActorInfo",
           "as_date", "norm", "skeleton", "slug", "name_slug", "name_key", "load_calendar"]
