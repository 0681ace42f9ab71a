"""The language pipeline: tokens, sentences, lemmas, POS, morphology, proper names.

Built once per process, lazily (never at import time), via :func:`get_pipeline`;
HanTa and the CRF model load on the first parsed document.

    >>> from lagebild.nlp import get_pipeline
    >>> parsed = get_pipeline("de")(doc)          # doc: lagebild.model.Document
    >>> [(e.text, e.label) for e in parsed.ents]
"""
from __future__ import annotations

from lagebild.nlp.pipeline import SUPPORTED, Pipeline, get_pipeline
from lagebild.nlp.tokenize import split_sentences, tokenize

__all__ = ["Pipeline", "get_pipeline", "SUPPORTED", "split_sentences", "tokenize"]
