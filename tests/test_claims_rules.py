"""claims.rules.v2 on made-up sentences (German and English)."""
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


# Made-up sentences modelled on errors seen on German general news.

def test_claims_compound_unit_per_hour_and_shared_range_unit():
    (c,) = run("Der Zug erreichte 16 Kilometer pro Stunde.")
    assert (c.value, c.unit, c.text) == (16.0, "km/h", "16 Kilometer pro Stunde")
    got = sorted((c.value, c.unit) for c in run("Böen zwischen 80 und 150 Kilometern pro Stunde trafen die Küste."))
    assert got == [(80.0, "km/h"), (150.0, "km/h")]
    got = sorted((c.value, c.unit) for c in run("Die Preise sanken von 114 auf 99 Euro."))
    assert got == [(99.0, "EUR"), (114.0, "EUR")]


def test_claims_counted_animals_are_not_people():
    got = sorted((c.value, c.unit) for c in run("Sechs tote Schafe und 23 Tote wurden gefunden."))
    assert got == [(6.0, "schafe"), (23.0, "people")]
    (c,) = run("Betroffen sind Gemeinden in 19 mexikanischen Bundesstaaten.")
    assert (c.value, c.unit) == (19.0, "bundesstaaten")


def test_claims_value_stays_with_its_own_unit_next_to_a_second_number():
    claims = run("Das Netz ist etwa 9300 Kilometer lang, und bis 2030 soll es 50.000 Kilometer umfassen.",
                 timexes=["bis 2030"])
    got = [(c.value, c.unit, c.qualifier, c.text) for c in claims]
    assert got == [(9300.0, "km", "approx", "9300 Kilometer"), (50000.0, "km", None, "50.000 Kilometer")]


def test_claims_percent_points_ages_and_elided_people():
    got = sorted((c.value, c.unit) for c in run("Die Steuer steigt um drei Prozentpunkte auf 45 Prozent."))
    assert got == [(3.0, "percentage_points"), (45.0, "percent")]
    (c,) = run("Der 23jährige muss 3.000 Euro zahlen.")
    assert (c.value, c.unit) == (3000.0, "EUR")
    got = sorted((c.value, c.unit) for c in run("Es wurden 200 Zivilisten getötet und 400 verletzt."))
    assert got == [(200.0, "people"), (400.0, "people")]
    got = sorted((c.value, c.unit) for c in run("38 Personen wurden verletzt, 16 davon schwer."))
    assert got == [(16.0, "people"), (38.0, "people")]


def test_claims_age_before_a_noun_and_prepositions_are_no_adjectives():
    assert run("Er bedrohte eine 23jährige Studentin.") == []
    (c,) = run("Australien stellt 1.800 am Einsatz beteiligte Männer.")
    assert c.value == 1800.0 and c.unit != "einsatz"
    got = sorted((c.value, c.unit) for c in run("Gesucht wird ein Mann, 175 bis 180 cm groß."))
    assert got == [(175.0, "cm"), (180.0, "cm")]


def test_claims_numbers_in_names_and_magnitudes():
    assert run("Der Sender Channel 10 berichtete über die Mission Shenzhou 6 ausführlich.") == []
    (c,) = run("Ein Erdbeben der Stärke 5,3 erschütterte die Region.")
    assert (c.value, c.unit) == (5.3, "magnitude")
    (c,) = run("Mindestens 9.000 Menschenleben forderte das Beben.")
    assert (c.value, c.unit, c.qualifier) == (9000.0, "people", "at_least")


def test_claims_square_metres_and_a_determiner_after_a_number():
    (c,) = run("Auf 800 Quadratmetern stehen eine Sauna und ein Bad.")
    assert (c.value, c.unit) == (800.0, "m2")
    assert run("Das Kommissariat 77 der Münchner Polizei ermittelt.") == []
