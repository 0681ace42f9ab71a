"""Stance extractor on made-up German and English sentences, through the real chain before it."""
from __future__ import annotations

import functools

import pytest

from lagebild.extract.base import Context, default_extractors
from lagebild.extract.stances import ISSUES, StanceExtractor, StanceLexicon, stance_matrix
from lagebild.kb import load_kb
from lagebild.model import DateValue, Document, Evidence, Extraction, Stance, content_hash
from lagebild.nlp import get_pipeline


@functools.lru_cache(maxsize=1)
def _ctx() -> Context:
    return Context(kb=load_kb())


@functools.lru_cache(maxsize=1)
def _chain() -> tuple:
    return tuple(default_extractors())


def run(text: str, lang: str = "de", published: str | None = "2025-10-20") -> list[Stance]:
    doc = Document(id=content_hash(text), source="test", text=text, language=lang,
                   published=DateValue(published, "day") if published else None)
    parsed = get_pipeline(lang)(doc)
    ex = Extraction()
    for extractor in _chain():
        extractor(parsed, ex, _ctx())
    StanceExtractor()(parsed, ex, _ctx())
    for s in ex.stances:   # every stance carries its sentence as evidence
        assert text[s.evidence.start:s.evidence.end] == s.evidence.text and s.stage == "stances.rules.v1"
    return ex.stances


def table(stances: list[Stance]) -> set[tuple[str, str, str]]:
    return {(s.actor, s.issue, str(s.position)) for s in stances}


def test_stances_support_demand_german():
    got = table(run("Polen fordert schärfere Sanktionen gegen Russland."))
    assert got == {("state:POL", "sanctions", "support")}


def test_stances_oppose_separable_verb_german():
    got = table(run("Der Kreml lehnt jede Lieferung von Taurus-Marschflugkörpern an die Ukraine ab."))
    assert ("org:kremlin", "tomahawk", "oppose") in got
    assert not any(actor == "state:UKR" for actor, _, _ in got)   # the recipient is no holder


def test_stances_conditional_german():
    got = table(run("Deutschland unterstützt einen Waffenstillstand nur unter der Bedingung, dass Russland zustimmt."))
    assert ("state:DEU", "ceasefire", "conditional") in got


def test_stances_negation_flips_polarity():
    got = table(run("Frankreich will keine Bodentruppen in die Ukraine entsenden."))
    assert got == {("state:FRA", "guarantees", "oppose")}


def test_stances_opposite_pole_term_flips():
    # "Nato-Verzicht" names the pole against membership: demanding it opposes membership
    got = table(run("Russland besteht auf einem dauerhaften Nato-Verzicht der Ukraine."))
    assert ("state:RUS", "nato", "oppose") in got


def test_stances_not_negotiable_integrity_opposes_concessions():
    got = table(run("Selenskyj sagte, die territoriale Integrität der Ukraine sei nicht verhandelbar."))
    assert ("person:volodymyr-zelensky", "territory", "oppose") in got


def test_stances_no_actor_gives_no_stance():
    assert run("Viele fordern inzwischen einen sofortigen Waffenstillstand.") == []


def test_stances_scare_quoted_term_is_no_stance():
    assert run("Großbritannien nennt das eine sogenannte „Sicherheitsgarantie“ für Kiew.") == []


def test_stances_question_and_hypothetical_give_none():
    assert run("Warum lehnt Trump die Lieferung von Tomahawk-Raketen ab?") == []
    assert run("Sollte Trump weitere Waffenlieferungen verweigern, wäre Kiew in Gefahr.") == []


def test_stances_quote_speaker_is_holder_and_reported_is_marked():
    stances = run("Trump soll laut Insidern gesagt haben, er lehne die Lieferung von Tomahawks ab.")
    hits = [s for s in stances if s.issue == "tomahawk"]
    assert hits and all(s.actor == "person:donald-trump" and s.position == "oppose" for s in hits)
    assert all(s.how and s.how.endswith("+reported") for s in hits)


def test_stances_conjoined_holders_after_subclause():
    got = table(run("Während Polen eine härtere Linie fordert, setzen Deutschland und Frankreich weiterhin auf Diplomatie."))
    assert {("state:DEU", "negotiations", "support"), ("state:FRA", "negotiations", "support")} <= got
    assert ("state:POL", "negotiations", "support") not in got


def test_stances_not_x_but_y_is_not_negated():
    got = table(run("Merz sagte, seine oberste Priorität sei nicht die Eskalation, sondern ein Waffenstillstand."))
    assert ("person:friedrich-merz", "ceasefire", "support") in got


def test_stances_date_from_sentence_or_publication():
    dated = run("Am 3. Oktober 2025 forderte Polen neue Sanktionen gegen Russland.")
    assert dated and dated[0].date is not None and dated[0].date.value == "2025-10-03"
    undated = run("Polen fordert neue Sanktionen gegen Russland.")
    assert undated and undated[0].date is not None and undated[0].date.value == "2025-10-20"


def test_stances_english_support_and_oppose():
    got = table(run("Poland rejects sending troops to Ukraine as part of a peacekeeping force.", "en"))
    assert ("state:POL", "guarantees", "oppose") in got
    got = table(run("Germany supports new sanctions against Russia.", "en"))
    assert ("state:DEU", "sanctions", "support") in got


def test_stances_english_not_negotiable_and_negation():
    got = table(run("Zelensky said Ukraine's territorial integrity is not negotiable.", "en"))
    assert ("person:volodymyr-zelensky", "territory", "oppose") in got
    got = table(run("France does not support NATO membership for Ukraine.", "en"))
    assert ("state:FRA", "nato", "oppose") in got


def test_stances_lexicon_unknown_language_is_a_clear_error():
    with pytest.raises(ValueError, match="stances.yaml"):
        StanceLexicon("xx")


def test_stances_lexicons_cover_the_same_issues():
    de, en = StanceLexicon("de"), StanceLexicon("en")
    assert set(de.means) == set(en.means)
    assert set(de.means) == set(ISSUES) and all(de.means[i] and en.means[i] for i in ISSUES)


def test_stances_matrix_counts_positions():
    ev = Evidence("d", 0, 1, "x")
    m = stance_matrix([Stance("a", "nato", "oppose", ev), Stance("a", "nato", "oppose", ev),
                       Stance("b", "nato", 80.0, ev), Stance("a", "ceasefire", "conditional", ev)])
    assert m["nato"]["a"] == {"support": 0, "oppose": 2, "conditional": 0}
    assert m["nato"]["b"]["support"] == 1 and m["ceasefire"]["a"]["conditional"] == 1


def test_stances_holder_introduced_by_fuer_at_clause_start():
    got = table(run("Für den Kreml ist die Stationierung europäischer Truppen in der Ukraine inakzeptabel."))
    assert got == {("org:kremlin", "guarantees", "oppose")}


def test_stances_event_source_is_holder_english():
    got = table(run("Zelensky urged Washington to supply Tomahawk missiles.", "en"))
    assert got == {("person:volodymyr-zelensky", "tomahawk", "support")}   # not the addressee


def test_stances_anonymous_speaker_gives_no_stance():
    assert run("„Neue Sanktionen wären inakzeptabel“, sagte ein Diplomat.") == []


def test_stances_more_issue_terms():
    assert ("state:RUS", "territory", "support") in table(run("Russland fordert die Anerkennung der annektierten Gebiete."))
    got = table(run("Putin said Ukraine's neutrality is not negotiable.", "en"))
    assert ("person:vladimir-putin", "nato", "oppose") in got


def test_stances_year_only_date_falls_back_to_publication():
    got = run("Russland lehnt seit 2022 jede Nato-Mitgliedschaft der Ukraine ab.")
    assert got and got[0].position == "oppose" and got[0].date.value == "2025-10-20"


def test_stances_pronoun_resolves_only_to_a_single_person():
    text = "Selenskyj traf am Freitag Vertreter der EU. Seine Forderung nach Tomahawk-Raketen bleibt bestehen."
    got = run(text)
    assert [(s.actor, s.issue, s.position, s.how) for s in got] == [
        ("person:volodymyr-zelensky", "tomahawk", "support", "pronoun")]
    # two people before: "Seine" is ambiguous, so no stance
    assert run("Selenskyj traf am Freitag Donald Trump. Seine Forderung nach Tomahawk-Raketen bleibt bestehen.") == []


def test_stances_deontic_soll_is_not_reported_speech():
    assert run("Trump soll seine Forderung nach einem Waffenstillstand aufgeben.")[0].how == "subject"
    assert run("Trump soll einen Waffenstillstand gefordert haben.")[0].how == "subject+reported"


def test_stances_english_patterns_match_at_word_start_only():
    # "immediate" is no "mediation", "surge" is no "urge"
    got = table(run("Ukraine wants an immediate ceasefire despite the surge in attacks.", "en"))
    assert got == {("state:UKR", "ceasefire", "support")}


def test_stances_attributive_participle_and_committee_are_no_stance():
    # the demand in "geforderten" belongs to the resolution, not to the clause's subject
    assert run("Israel akzeptierte den in der UN-Resolution geforderten Waffenstillstand.") == []
    # a parliamentary "Vermittlungsausschuss" is not peace mediation
    assert run("Der Bundesrat lehnte das Gesetz ab und rief den Vermittlungsausschuss an.") == []


def test_stances_sanctions_on_another_country_are_not_the_issue():
    assert run("Frankreich fordert neue Sanktionen gegen den Iran.") == []
    assert table(run("Frankreich fordert neue Sanktionen gegen Moskau.")) == {("state:FRA", "sanctions", "support")}
