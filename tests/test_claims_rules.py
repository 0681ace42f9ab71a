"""claims.rules.v1 on made-up sentences (German and English)."""
from __future__ import annotations

import pytest

from lagebild.extract.base import Context
from lagebild.extract.claims import ClaimExtractor, read_number
from lagebild.model import Claim, Document, Extraction, Mention, ParsedDoc, Quote, Speaker, Timex, content_hash
from lagebild.nlp.tokenize import split_sentences


def run(text: str, lang: str = "de", timexes: list[str] = (), mentions: list[tuple[str, str]] = (),
        quotes: list[tuple[str, str]] = ()) -> list[Claim]:
    doc = Document(content_hash(text), "test", text, lang)
    parsed = ParsedDoc(doc, split_sentences(text, lang))
    ex = Extraction()
    for surface in timexes:
        at = text.index(surface)
        ex.timexes.append(Timex(doc.id, at, at + len(surface), surface, "2025", "year"))
    for surface, actor in mentions:
        at = text.index(surface)
        ex.mentions.append(Mention(doc.id, at, at + len(surface), surface, actor))
    for quoted, speaker in quotes:
        at = text.index(quoted)
        ev = parsed.evidence(at, at + len(quoted))
        ex.quotes.append(Quote("q", doc.id, Speaker(speaker, speaker), quoted, "direct", at, at + len(quoted), ev))
    ClaimExtractor()(parsed, ex, Context())
    return ex.claims


def test_claims_at_least_people():
    (c,) = run("Mindestens 23 Menschen seien verletzt worden.")
    assert (c.value, c.unit, c.qualifier, c.approx) == (23.0, "people", "at_least", False)
    assert c.about.startswith("Menschen") or c.about.startswith("seien")
    assert c.text == "23 Menschen" and c.evidence.text == "Mindestens 23 Menschen seien verletzt worden."


def test_claims_fraction_is_ratio_and_approx():
    (c,) = run("Die Luftabwehr kann nur noch etwa die Hälfte der Angriffe abwehren.")
    assert (c.value, c.unit, c.qualifier, c.approx) == (0.5, "ratio", "approx", True)


def test_claims_millions_of_dollars():
    (c,) = run("Eine Rakete kostet rund 1,3 Millionen Dollar pro Stück.")
    assert (c.value, c.unit, c.qualifier) == (1_300_000.0, "USD", "approx")


def test_claims_up_to_kilometres():
    (c,) = run("Die Rakete fliegt bis zu 1600 Kilometern weit.")
    assert (c.value, c.unit, c.qualifier) == (1600.0, "km", "at_most")


def test_claims_number_words_and_vague_words():
    claims = run("Drei Soldaten starben, Dutzende Drohnen wurden abgeschossen.")
    got = sorted((c.value, c.unit, c.approx) for c in claims)
    assert got == [(3.0, "people", False), (24.0, "drones", True)]


def test_claims_skip_years_dates_ordinals_and_timexes():
    text = "Am 17. Oktober 2025 traf er ihn zum sechsten Mal, seit 2022 zum dritten Mal um 14:30 Uhr; vor drei Jahren begann es."
    assert run(text, timexes=["vor drei Jahren"]) == []


def test_claims_percent_and_thousands_separator():
    claims = run("Rund 1.600 Gefangene wurden ausgetauscht, 30 Prozent davon Zivilisten.")
    assert sorted((c.value, c.unit) for c in claims) == [(30.0, "percent"), (1600.0, "people")]


def test_claims_english_numbers():
    claims = run("At least 23 people were injured and about half of the missiles were shot down.", lang="en")
    assert sorted((c.value, c.unit, c.qualifier) for c in claims) == [(0.5, "ratio", "approx"), (23.0, "people", "at_least")]
    (c,) = run("The package is worth $1.3 billion.", lang="en")
    assert (c.value, c.unit) == (1.3e9, "USD")


def test_claims_claimant_from_attribution_and_quote():
    (c,) = run("Laut Selenskyj wurden 40 Raketen abgefeuert.", mentions=[("Selenskyj", "person:volodymyr-zelensky")])
    assert c.claimant == "person:volodymyr-zelensky" and c.unit == "missiles"
    text = "„Wir haben 12 Drohnen abgeschossen“, sagte der Sprecher."
    (c,) = run(text, quotes=[("Wir haben 12 Drohnen abgeschossen", "der Sprecher")])
    assert c.claimant == "der Sprecher"
    (c,) = run("Es wurden 40 Raketen abgefeuert.")
    assert c.claimant is None


@pytest.mark.parametrize(("word", "lang", "value"), [("1,3", "de", 1.3), ("1.600", "de", 1600.0), ("1,600", "en", 1600.0),
                                                      ("zwölf", "de", 12.0), ("dozens", "en", 24.0)])
def test_claims_read_number(word: str, lang: str, value: float):
    got = read_number(word, lang)
    assert got is not None and got[0] == value


def test_claims_identifier_numbers_are_no_claims_and_measures_name_their_noun():
    assert run("Es gibt keine Garantie nach dem Vorbild des NATO-Artikels 5.") == []
    (c,) = run("Die Rakete trifft Ziele in einer Entfernung von bis zu 1600 Kilometern.")
    assert c.about.startswith("Entfernung")
