"""Language pipeline entry point (baseline: rule tokenizer + sentence splitter)."""
from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from lagebild.model import Document, ParsedDoc
from lagebild.nlp.tokenize import split_sentences


class Pipeline:
    """Turns a cleaned :class:`Document` into a :class:`ParsedDoc`.

    ``__call__`` handles one document, ``pipe`` a batch; heavy components are
    loaded on first use.
    """

    name = "nlp.rules.v1"

    def __init__(self, lang: str = "de") -> None:
        self.lang = lang

    def __call__(self, doc: Document) -> ParsedDoc:
        return ParsedDoc(doc=doc, sents=split_sentences(doc.text, self.lang))

    def pipe(self, docs: Iterable[Document], batch_size: int = 32) -> Iterator[ParsedDoc]:
        for doc in docs:
            yield self(doc)


@functools.lru_cache(maxsize=None)
def get_pipeline(lang: str = "de") -> Pipeline:
    """The process-wide pipeline for ``lang`` (created on first call)."""
    return Pipeline(lang)
