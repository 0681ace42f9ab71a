"""Quote rules added for unseen news: speaker phrases, passive and nominal speech, "hieß es",
"X zufolge", "nach eigenen Angaben" -- made-up sentences, each new pattern with a negative case."""
from __future__ import annotations

import pytest

from lagebild.model import Mention
from test_quotes_rules import one, quotes


def _m(text: str, name: str, actor: str, kind: str) -> Mention:
    start = text.index(name)
    return Mention("d", start, start + len(name), name, actor=actor, type=kind)


def test_quotes_generalise_english_person_in_org_phrase() -> None:
    text = "Kremlin spokesman Dmitry Peskov said the talks would resume next week."
    ms = [_m(text, "Kremlin", "org:kremlin", "metonym"), _m(text, "Dmitry Peskov", "person:dmitry-peskov", "PER")]
    q = one(text, "en", mentions=ms)
    assert q.speaker.text == "Kremlin spokesman Dmitry Peskov"
    assert q.speaker.actor == "person:dmitry-peskov"
    assert q.text == "the talks would resume next week"


def test_quotes_generalise_english_spokesman_for_org() -> None:
    text = "A spokesman for the foreign ministry said the attack was deliberate."
    q = one(text, "en", mentions=[_m(text, "foreign ministry", "org:mfa-ukraine", "ORG")])
    assert q.speaker.text == "A spokesman for the foreign ministry"
    assert q.speaker.actor == "org:mfa-ukraine" and q.speaker.anonymous


def test_quotes_generalise_unnamed_spokesman_speaks_for_org() -> None:
    text = "Die Gespräche seien gescheitert, sagte ein Sprecher des Auswärtigen Amts."
    q = one(text, mentions=[_m(text, "Auswärtigen Amts", "org:german-foreign-office", "ORG")])
    assert q.speaker.text == "ein Sprecher des Auswärtigen Amts"
    assert q.speaker.actor == "org:german-foreign-office" and q.speaker.anonymous
    # an unnamed diplomat stays unnamed: only spokespeople speak for the organisation
    text = "Die Gespräche seien gescheitert, sagte ein Diplomat des Auswärtigen Amts."
    q = one(text, mentions=[_m(text, "Auswärtigen Amts", "org:german-foreign-office", "ORG")])
    assert q.speaker.actor is None and q.speaker.anonymous


@pytest.mark.parametrize("text, speaker", [
    ("Dagegen beteuerte die Polizei, sie sei ständig am Bahnhof auf Streife.", "die Polizei"),
    ("Nach der Aktion kündigte heute der afghanische Präsident Hamid Karsai an, gegen die Taliban vorzugehen.",
     "der afghanische Präsident Hamid Karsai"),
    ("Als Begründung gaben die USA an, es hielten sich zwei verdächtige Passagiere in der Maschine auf.", "die USA"),
    ("Hans-Jürgen Papier, Präsident des Bundesverfassungsgerichtes, sagte, dass der Antrag keine Vorentscheidung sei.",
     "Hans-Jürgen Papier, Präsident des Bundesverfassungsgerichtes"),
])
def test_quotes_generalise_speaker_phrase_boundaries(text: str, speaker: str) -> None:
    assert one(text).speaker.text == speaker


def test_quotes_generalise_apposition_is_not_a_clause() -> None:
    # ", Russland verdiene keine Nachsicht," is what Merz said, not a title of Merz
    q = one("Merz sagte, Russland verdiene keine Nachsicht.")
    assert q.speaker.text == "Merz" and q.text == "Russland verdiene keine Nachsicht"
    q = quotes("Die Lage sei ernst, sagte Merz, Russland verdiene keine Nachsicht.")[0]
    assert q.speaker.text == "Merz"


def test_quotes_generalise_date_ends_the_source() -> None:
    q = one("Zwei Menschen wurden nach Angaben der Polizei vom Dienstag verletzt.")
    assert q.speaker.text == "der Polizei"


def test_quotes_generalise_passive_with_agent() -> None:
    q = one("Es wurde von der Polizei mitgeteilt, dass zwei Menschen verletzt worden seien.")
    assert q.speaker.text == "der Polizei" and q.text == "dass zwei Menschen verletzt worden seien"
    # the subject of a passive is the addressee, never the speaker
    assert quotes("Klien wurde vorgeworfen, an der Schlägerei beteiligt gewesen zu sein.") == []
    # "wird sagen" is the future, not a passive
    assert one("Trump wird sagen, dass der Krieg vorbei sei.").speaker.text == "Trump"


def test_quotes_generalise_trailing_hiess_es() -> None:
    q = one("Die Verhandlungen seien gescheitert, hieß es aus Regierungskreisen.")
    assert q.speaker.text == "Regierungskreisen" and q.speaker.anonymous and q.hedged
    assert q.text == "Die Verhandlungen seien gescheitert"
    q = one("Man sei bereit, hieß es in einer Erklärung des Ministeriums.")
    assert q.speaker.text == "einer Erklärung des Ministeriums"
    assert quotes("Man sei bereit, hieß es.") == []                  # a bare hedge has no speaker
    assert quotes("Das Wetter war schön, hieß es am Abend.") == []    # no Konjunktiv: narration


def test_quotes_generalise_zufolge_report_noun() -> None:
    q = one("Die Armee habe israelischen Angaben zufolge das Feuer erwidert.")
    assert q.speaker.text == "israelischen Angaben"
    q = one("Dem Sprecher des Ministeriums zufolge ist die Lage ernst.")
    assert q.speaker.text == "Dem Sprecher des Ministeriums"


def test_quotes_generalise_own_account_is_the_subject() -> None:
    assert one("Russland hat nach eigenen Angaben 30 Drohnen abgeschossen.").speaker.text == "Russland"
    q = one("Nach eigenen Angaben hat die ukrainische Armee 30 Drohnen abgeschossen.")
    assert q.speaker.text == "die ukrainische Armee"


def test_quotes_generalise_so_with_verb() -> None:
    q = one("In zehn Jahren, so schätzen die Forscher, soll die Forschung abgeschlossen sein.")
    assert q.speaker.text == "die Forscher"


def test_quotes_generalise_speech_nouns() -> None:
    q = one("Putins Vorwurf, der Westen habe den Krieg provoziert, wies Scholz zurück.")
    assert q.speaker.text == "Putins" and q.text == "der Westen habe den Krieg provoziert"
    q = one("Die Forderung des Kanzlers, die Steuern seien zu senken, stieß auf Kritik.")
    assert q.speaker.text == "des Kanzlers" and q.text == "die Steuern seien zu senken"
    # a relative clause after the noun is no content
    assert quotes("Die Erklärung des Ministeriums, die am Montag veröffentlicht wurde, war kurz.") == []
    # a speech noun in marks is a title, not speech
    assert quotes("Der Film „Die Forderung“ des Regisseurs, der am Montag anlief, war kurz.") == []


def test_quotes_generalise_anaphoric_report() -> None:
    found = quotes("Der Minister sagte, die Lage sei ernst. Demnach seien zwei Brücken zerstört worden.")
    assert [q.speaker.text for q in found] == ["Der Minister", "Der Minister"]
    found = quotes("Der Minister sagte, die Lage sei ernst. Die Brücke soll demnach zerstört worden sein.")
    assert len(found) == 2 and found[1].text.startswith("Die Brücke soll")
    # "danach" = afterwards: narration, not a report
    assert len(quotes("Der Minister sagte, die Lage sei ernst. Danach ging er nach Hause.")) == 1


@pytest.mark.parametrize("text", [
    "Die sogenannte „Koalition der Willigen“ forderte, die Ukraine müsse Garantien bekommen.",
    "Der Vorwurf des „Verrats“ wurde laut.",
    "Laut dem „Spiegel“-Bericht vom Dienstag gab es keinen Angriff.",
])
def test_quotes_generalise_scare_quotes_never_speech(text: str) -> None:
    for q in quotes(text):
        assert q.kind != "direct" and q.kind != "partial", q.text
        assert "Verrats" != q.text and "Koalition der Willigen" != q.text


@pytest.mark.parametrize("verb", ["bemängeln", "äußern"])
def test_quotes_generalise_plural_present_of_ern_eln_verbs(verb: str) -> None:
    q = one(f"Außerdem {verb} die Kläger, dass die Regierung den Bundesrat ausgeschlossen habe.")
    assert q.speaker.text == "die Kläger" and q.cue == verb


def test_quotes_generalise_colon_announces_quote() -> None:
    q = one("Die Firma empfindet die Kritik allerdings als ungerechtfertigt: „Nun müssen wir die Ware irgendwo lagern.“")
    assert q.speaker.text == "Die Firma" and q.kind == "direct"
    q = one("In einem Interview äußerte sich der Außenbeauftragte Javier Solana zuversichtlich: „Ich gehe davon aus.“")
    assert q.speaker.text == "der Außenbeauftragte Javier Solana"
    # naming and titling clauses are no speakers: the marked text is a motto or a title
    assert quotes("Das Motto lautet: „Wir schaffen das.“") == []
    assert quotes("Der Film heißt: „Krieg und Frieden.“") == []
    assert quotes("Der Begriff dafür: „Wir schaffen das.“") == []


def test_quotes_generalise_as_clause_with_apposition() -> None:
    q = one("Wie Philip Panynag, ein Sprecher der Armee, der Presse mitteilte, seien neun Dörfer bombardiert worden.")
    assert q.speaker.text == "Philip Panynag, ein Sprecher der Armee"
    assert q.text == "seien neun Dörfer bombardiert worden"


def test_quotes_generalise_indicative_trailing_cue() -> None:
    q = one("Vor dem Absturz wurde kein Notsignal gesendet, teilte später der Direktor der Behörde mit.")
    assert q.speaker.text == "der Direktor der Behörde" and q.text == "Vor dem Absturz wurde kein Notsignal gesendet"
    # a subordinate clause or an object after the verb: narration, not a report
    assert quotes("Nachdem er gegangen war, sagte er nichts mehr.") == []
    assert quotes("Wir werden siegen, sagte er dazu nur.") == []


def test_quotes_generalise_er_skips_states() -> None:
    text = "Selenskyj reiste nach Berlin. Russland griff Kiew an. Er sagte, die Lage sei ernst."
    ms = [_m(text, "Selenskyj", "person:volodymyr-zelensky", "PER"), _m(text, "Russland", "state:RUS", "LOC"),
          _m(text, "Kiew", "loc:kyiv", "LOC")]
    q = one(text, mentions=ms)
    assert q.speaker.text == "Er" and q.speaker.actor == "person:volodymyr-zelensky"
    # "sie" may be a plural: a state is a valid antecedent
    text = "Selenskyj reiste nach Berlin. Die USA griffen ein. Sie erklärten, die Lage sei ernst."
    ms = [_m(text, "Selenskyj", "person:volodymyr-zelensky", "PER"), _m(text, "USA", "state:USA", "ORG")]
    assert one(text, mentions=ms).speaker.actor == "state:USA"


@pytest.mark.parametrize("text, speaker, message", [
    ("Merz forderte die Ukraine auf, Wahlen abzuhalten.", "Merz", "Wahlen abzuhalten"),
    ("Selenskyj kündigte an, die Angriffe fortzusetzen.", "Selenskyj", "die Angriffe fortzusetzen"),
    ("Die EU forderte, Russland müsse seine Truppen abziehen.", "Die EU", "Russland müsse seine Truppen abziehen"),
])
def test_quotes_generalise_speech_act_verbs_with_content(text: str, speaker: str, message: str) -> None:
    q = one(text)
    assert q.speaker.text == speaker and q.text == message and q.kind == "indirect"


def test_quotes_generalise_bare_clause_verb_is_no_speech_act() -> None:
    # "äußerte sich" / "bestätigte den Angriff" state no content: no speech act even when asked for
    assert quotes("Der Minister äußerte sich am Montag in Berlin.", speech_acts=True) == []
    assert quotes("Das Ministerium bestätigte den Angriff auf die Raffinerie.", speech_acts=True) == []
    assert one("Der Minister forderte Neuwahlen in der Region.", speech_acts=True).kind == "reported"
