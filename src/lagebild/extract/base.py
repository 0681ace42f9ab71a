"""Extractor protocol and the default chain."""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Protocol

from lagebild.model import Extraction, ParsedDoc


@dataclass
class Context:
    """What every extractor may read besides the document: the KB and settings."""

    kb: Any = None                                  # lagebild.kb.KnowledgeBase
    settings: dict[str, Any] = field(default_factory=dict)


class Extractor(Protocol):
    name: str

    def __call__(self, parsed: ParsedDoc, ex: Extraction, ctx: Context) -> None: ...


# module:class, in run order.  Each module owns one extractor.
DEFAULT_CHAIN = (
    "lagebild.extract.timex:TimexExtractor",     # first: it may estimate the publication date roles depend on
    "lagebild.extract.actors:ActorExtractor",
    "lagebild.extract.quotes:QuoteExtractor",
    "lagebild.extract.events:EventExtractor",
    "lagebild.extract.claims:ClaimExtractor",
    "lagebild.extract.stances:StanceExtractor",  # last: reads quotes and events
)


def default_extractors() -> list[Extractor]:
    chain: list[Extractor] = []
    for spec in DEFAULT_CHAIN:
        mod_name, cls_name = spec.split(":")
        try:
            mod = importlib.import_module(mod_name)
        except ModuleNotFoundError as err:
            if err.name == mod_name:  # extractor not built yet
                continue
            raise
        chain.append(getattr(mod, cls_name)())
    return chain


def run_extractors(parsed: ParsedDoc, ctx: Context, extractors: list[Extractor] | None = None) -> Extraction:
    ex = Extraction()
    for extractor in extractors if extractors is not None else default_extractors():
        extractor(parsed, ex, ctx)
    return ex


def load_chain(specs: list[str]) -> list[Extractor]:
    """Extractors from ``module:Class`` specs (the ``extractors`` setting)."""
    chain: list[Extractor] = []
    for spec in specs:
        mod_name, _, cls_name = spec.partition(":")
        chain.append(getattr(importlib.import_module(mod_name), cls_name)())
    return chain
