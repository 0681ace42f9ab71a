"""Language pipeline entry point: sentences, tokens, lemmas, POS, morphology, names.

Components (each versioned, each loaded on first use):

* ``nlp.tokenize.v2``    rule tokenizer + sentence splitter (exact offsets)
* ``nlp.tagger.hanta.v1`` HanTa lemma + STTS/CLAWS5 tag, mapped to UPOS and UD features
* ``nlp.morph.crf.v1``   German Case and Number (CRFs); English number/tense come from CLAWS5
* ``nlp.ner.crf.v1``     CRF proper-name tagger for German (``nlp.ner.rules.v1`` for English)
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from lagebild.model import Document, Entity, ParsedDoc, Sentence
from lagebild.nlp.morph import MorphTagger
from lagebild.nlp.ner import CrfNER, RuleNER
from lagebild.nlp.tagger import Tagger
from lagebild.nlp.tokenize import split_sentences

__all__ = ["Pipeline", "get_pipeline", "SUPPORTED"]

SUPPORTED = ("de", "en")
_DATA = Path(__file__).resolve().parent / "data"


class Pipeline:
    """Turns a cleaned :class:`Document` into a :class:`ParsedDoc`.

    ``__call__`` handles one document, ``pipe`` a stream; models load on first use.
    ``components`` selects what runs (``tag``, ``morph``, ``ner``); ``()`` gives a
    splitter-only pass.
    """

    name = "nlp.pipeline.v2"

    def __init__(self, lang: str = "de", components: tuple[str, ...] = ("tag", "morph", "ner")) -> None:
        if lang not in SUPPORTED:
            raise ValueError(f"unsupported language {lang!r} for the NLP pipeline; supported: {SUPPORTED}")
        unknown = set(components) - {"tag", "morph", "ner"}
        if unknown:
            raise ValueError(f"unknown pipeline components {sorted(unknown)}; known: tag, morph, ner")
        for comp in ("morph", "ner"):
            if comp in components and "tag" not in components:
                raise ValueError(f"component '{comp}' needs 'tag' (it uses the POS tags)")
        self.lang = lang
        self.components = components
        self.tagger = Tagger(lang) if "tag" in components else None
        self.morph = MorphTagger() if "morph" in components and lang == "de" else None
        self.ner: CrfNER | RuleNER | None = None
        if "ner" in components:
            self.ner = CrfNER() if lang == "de" else RuleNER(_ner_cues(lang))

    @property
    def stages(self) -> list[str]:
        out = ["nlp.tokenize.v2"]
        if self.tagger:
            out.append("nlp.tagger.hanta.v1")
        if self.morph:
            out.append(self.morph.stage)
        if self.ner:
            out.append(self.ner.stage)
        if isinstance(self.ner, CrfNER):
            out.append("nlp.ner.consistency.v1")
        return out

    def __call__(self, doc: Document) -> ParsedDoc:
        sents = split_sentences(doc.text, self.lang)
        ents: list[Entity] = []
        for sent in sents:
            self._annotate(sent)
        if isinstance(self.ner, CrfNER):
            ents = self.ner.doc(sents)
        elif self.ner is not None:
            for sent in sents:
                ents.extend(self.ner(sent))
        return ParsedDoc(doc=doc, sents=sents, ents=ents)

    def _annotate(self, sent: Sentence) -> None:
        if self.tagger is None:
            return
        for tok, res in zip(sent.tokens, self.tagger.tag([t.text for t in sent.tokens])):
            tok.lemma, tok.tag, tok.pos, tok.morph = res.lemma, res.tag, res.pos, res.morph
        if self.morph is not None:
            self.morph(sent)

    def pipe(self, docs: Iterable[Document], batch_size: int = 32) -> Iterator[ParsedDoc]:
        """Parse a stream of documents lazily, in order.

        ``batch_size`` is accepted for the spaCy-like interface but has no effect: HanTa
        and crfsuite work sentence by sentence and gain nothing from batching, and
        holding documents back would only delay results.
        """
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        for doc in docs:
            yield self(doc)


def _ner_cues(lang: str) -> dict:
    path = _DATA / f"{lang}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return (data or {}).get("ner_cues", {})


@functools.lru_cache(maxsize=None)
def get_pipeline(lang: str = "de") -> Pipeline:
    """The process-wide pipeline for ``lang`` (created on first call, models on first use)."""
    return Pipeline(lang)
