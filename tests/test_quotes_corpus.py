"""Quote extractor on the bundled reference corpus (real German news text)."""
from __future__ import annotations

import functools

import pytest

from lagebild.extract.base import Context
from lagebild.extract.quotes import QuoteExtractor, QuoteMatch
from lagebild.model import Document, Extraction, content_hash
from lagebild.nlp import get_pipeline
from lagebild.paths import CORPUS_DIR


@functools.lru_cache(maxsize=None)
def found(prefix: str) -> tuple[str, list[QuoteMatch]]:
    path = next(CORPUS_DIR.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    doc = Document(id=content_hash(text), source=path.name, text=text, language="de")
    return text, QuoteExtractor().find(get_pipeline("de")(doc), Extraction(), Context())


def by_text(prefix: str, start: str) -> QuoteMatch:
    hits = [m for m in found(prefix)[1] if m.quote.text.startswith(start)]
    assert len(hits) == 1, [m.quote.text for m in found(prefix)[1]]
    return hits[0]


def test_quotes_corpus_records_point_into_the_text() -> None:
    for prefix in ("000", "001", "002", "003", "004"):
        text, matches = found(prefix)
        for m in matches:
            q = m.quote
            assert text[q.start:q.end] == q.text and q.evidence.start <= q.start < q.end <= q.evidence.end
            assert text[q.evidence.start:q.evidence.end] == q.evidence.text and q.stage == "quotes.rules.v1"


@pytest.mark.parametrize("prefix, start, speaker, kind", [
    ("000", "den diplomatischen Weg", "Trump", "partial"),
    ("003", "Nein, ich habe", "Trump", "direct"),
    ("003", "Die Russen bringen", "der Militärverwaltungschef von Kiew, Tymur Tkatschenko", "direct"),
    ("003", "eine der schlimmsten", "Der ukrainische Außenminister Andrij Sybiha", "partial"),
    ("003", "ganze Land geleert", "der US-Präsident Donald Trump", "partial"),
    ("003", "Putin bleibe", "Der Kreml", "indirect"),
    ("003", "die Gespräche zwischen Trump und Putin", "Präsident Wolodymyr Selenskyj", "indirect"),
    ("004", "Ein Frieden um jeden Preis", "ein deutscher Diplomat", "direct"),
    ("004", "Eine solche Entscheidung", "Putins Sprecher Dmitri Peskow", "direct"),
])
def test_quotes_corpus_speakers(prefix: str, start: str, speaker: str, kind: str) -> None:
    q = by_text(prefix, start).quote
    assert q.speaker is not None and q.speaker.text == speaker and q.kind == kind


def test_quotes_corpus_pronoun_and_channel() -> None:
    q = by_text("003", "Dies war einer").quote
    assert q.speaker.text == "er" and "Selenskyj" in (q.speaker.antecedent or "") and q.channel == "Telegram"
    q = by_text("003", "Absolut schreckliche").quote
    assert "Sybiha" in (q.speaker.antecedent or "") and q.channel == "X"
    q = by_text("004", "Ich habe sowohl Putin").quote
    assert q.channel == "Truth Social" and q.speaker.text == "Trump"


def test_quotes_corpus_hedges_are_reported() -> None:
    q = by_text("004", "Wir brauchen Frieden").quote
    assert q.kind == "reported" and q.hedged and "Trump" in (q.speaker.antecedent or "")
    q = by_text("004", "dass eine weitere Militarisierung").quote      # "Er habe, so heißt es, ... klargemacht"
    assert q.hedged and q.cue == "klargemacht" and "Trump" in (q.speaker.antecedent or "")


def test_quotes_corpus_headline_quote_kept_once() -> None:
    texts = [m.quote.text for m in found("003")[1]]
    assert texts.count("Die Russen bringen nichts als Terror und Mord") == 1


@pytest.mark.parametrize("term", [
    "Kinschal", "America zuerst", "America-First", "Koalition der Willigen", "Deal", "Koordination", "Hilfe",
    "Sicherheitsgarantie", "Willigen", "einfrieren", "Friedensordnung", "umprogrammieren", "Deal-Ansatz",
    "großen Deals", "Gaza-Formel", "America First", "Realpolitik", "Deals", "politischen Lösung",
    "Warum weigert sich Trump, Raketen zu liefern?",
])
def test_quotes_corpus_scare_quotes_never_speech(term: str) -> None:
    for prefix in ("000", "001", "002", "003", "004"):
        assert all(m.quote.text != term for m in found(prefix)[1])
