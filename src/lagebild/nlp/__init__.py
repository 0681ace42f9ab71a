"""The language pipeline: tokens, sentences, lemmas, POS, morphology, proper names.

Built once per process, lazily (never at import time), via :func:`get_pipeline`.
"""
from __future__ import annotations

from lagebild.nlp.pipeline import Pipeline, get_pipeline

__all__ = ["Pipeline", "get_pipeline"]
