"""Quote extractor rules on made-up sentences (German and English)."""
from __future__ import annotations

import pytest

from lagebild.extract.base import Context
from lagebild.extract.quotes import QuoteExtractor
from lagebild.model import DateValue, Document, Extraction, Mention, Quote, content_hash
from lagebild.nlp import get_pipeline


def quotes(text: str, lang: str = "de", mentions: list[Mention] | None = None, **settings) -> list[Quote]:
    doc = Document(id=content_hash(text), source="test", text=text, language=lang,
                   published=DateValue("2025-10-16", "day"))
    ex = Extraction(mentions=list(mentions or []))
    QuoteExtractor(**settings)(get_pipeline(lang)(doc), ex, Context())
    return ex.quotes


def one(text: str, lang: str = "de", **kw) -> Quote:
    found = quotes(text, lang, **kw)
    assert len(found) == 1, [(q.text, q.speaker) for q in found]
    return found[0]


@pytest.mark.parametrize("text", [
    "„Wir brauchen einen gerechten Frieden“, sagte Selenskyj am Montag.",
    "»Wir brauchen einen gerechten Frieden«, sagte Selenskyj am Montag.",
    "«Wir brauchen einen gerechten Frieden», sagte Selenskyj am Montag.",
    "“Wir brauchen einen gerechten Frieden”, sagte Selenskyj am Montag.",
    "\"Wir brauchen einen gerechten Frieden\", sagte Selenskyj am Montag.",
    "‚Wir brauchen einen gerechten Frieden‘, sagte Selenskyj am Montag.",
    "„Wir brauchen einen gerechten Frieden\", sagte Selenskyj am Montag.",
])
def test_quotes_every_quotation_style(text: str) -> None:
    q = one(text)
    assert q.text == "Wir brauchen einen gerechten Frieden"
    assert q.kind == "direct" and q.speaker is not None and q.speaker.text == "Selenskyj"
    assert q.cue == "sagte" and q.stage == "quotes.rules.v1"
    assert text[q.start:q.end] == q.text
    assert q.evidence.text == text and q.date is not None and q.date.value == "2025-10-16"


def test_quotes_record_fields_are_stable() -> None:
    text = "„Das ist ein schwerer Fehler“, warnte Macron."
    a, b = one(text), one(text)
    assert a.id == b.id and a.id.startswith("q:")
    assert a.speaker.start == text.index("Macron") and a.speaker.end == len(text) - 1


def test_quotes_leading_colon_and_channel() -> None:
    q = one("In seinem Netzwerk Truth Social schrieb Trump nach dem Treffen: „Es ist Zeit, den Krieg zu beenden.“")
    assert q.speaker.text == "Trump" and q.cue == "schrieb" and q.channel == "Truth Social"
    assert q.text == "Es ist Zeit, den Krieg zu beenden."


@pytest.mark.parametrize("tail, channel", [
    ("schrieb er auf Telegram.", "Telegram"),
    ("schrieb er auf der Plattform X.", "X"),
    ("sagte er auf einer Pressekonferenz.", "press conference"),
])
def test_quotes_channel_and_pronoun_speaker(tail: str, channel: str) -> None:
    text = f"Der Außenminister Andrij Sybiha äußerte sich am Morgen. „Eine schlaflose Nacht in Kiew“, {tail}"
    q = [q for q in quotes(text) if q.kind == "direct"][0]
    assert q.channel == channel
    assert q.speaker.text == "er" and q.speaker.antecedent == "Der Außenminister Andrij Sybiha"


def test_quotes_pronoun_takes_actor_of_antecedent() -> None:
    text = "Wolodymyr Selenskyj reiste nach Washington. „Ich bin Realist“, sagte er."
    start = text.index("Wolodymyr")
    m = Mention("d", start, start + len("Wolodymyr Selenskyj"), "Wolodymyr Selenskyj",
                actor="person:volodymyr-zelensky", type="PER")
    q = one(text, mentions=[m])
    assert q.speaker.actor == "person:volodymyr-zelensky" and q.speaker.antecedent == "Wolodymyr Selenskyj"


def test_quotes_speaker_actor_from_mention_skips_place() -> None:
    text = "„Die Russen bringen nichts als Terror“, kommentierte der Militärverwaltungschef von Kiew, Tymur Tkatschenko, die Angriffe."
    kiew = text.index("Kiew")
    tk = text.index("Tymur")
    ms = [Mention("d", kiew, kiew + 4, "Kiew", actor="loc:kyiv", type="LOC"),
          Mention("d", tk, tk + len("Tymur Tkatschenko"), "Tymur Tkatschenko", actor="person:tymur-tkachenko", type="PER")]
    q = one(text, mentions=ms)
    assert q.speaker.text == "der Militärverwaltungschef von Kiew, Tymur Tkatschenko"
    assert q.speaker.actor == "person:tymur-tkachenko" and q.cue == "kommentierte"


def test_quotes_partial_quote_inside_sentence() -> None:
    q = one("Offiziell begründet Trump die Kontaktaufnahme mit Putin damit, „den diplomatischen Weg nicht zu verschließen“.")
    assert q.kind == "partial" and q.speaker.text == "Trump" and q.cue == "begründet"
    q = one("Der Außenminister Andrij Sybiha bezeichnete die Nacht als „eine der schlimmsten der ganzen Zeit“ seit Kriegsbeginn.")
    assert q.kind == "partial" and q.speaker.text == "Der Außenminister Andrij Sybiha"


def test_quotes_partial_with_trailing_cue_not_the_subject_inside() -> None:
    q = one("Der frühere Präsident Joe Biden habe das „ganze Land geleert, um ihnen Waffen zu geben“, sagte der US-Präsident Donald Trump.")
    assert q.kind == "partial" and q.speaker.text == "der US-Präsident Donald Trump"


def test_quotes_quote_across_two_sentences() -> None:
    q = one("Trump schrieb: „Es ist Zeit, den Krieg zu beenden. Beide Seiten sollten den Sieg erklären.“ Das sorgte für Unruhe.")
    assert q.text == "Es ist Zeit, den Krieg zu beenden. Beide Seiten sollten den Sieg erklären."
    assert q.speaker.text == "Trump" and q.kind == "direct"


def test_quotes_continued_quote_in_next_sentence_keeps_speaker() -> None:
    found = quotes("„Wir kämpfen weiter“, sagte Selenskyj. „Wir werden nicht aufgeben.“")
    assert [q.speaker.text for q in found] == ["Selenskyj", "Selenskyj"]


def test_quotes_konjunktiv_indirect_speech() -> None:
    q = one("Der Kreml bestätigte lediglich, Putin bleibe bei seiner Forderung nach einer politischen Lösung.")
    assert q.kind == "indirect" and q.speaker.text == "Der Kreml" and q.cue == "bestätigte"
    assert q.text == "Putin bleibe bei seiner Forderung nach einer politischen Lösung"
    q = one("Selenskyj warf Moskau vor, die Gespräche gezielt für eine neue Eskalation genutzt zu haben.")
    assert q.kind == "indirect" and q.cue == "warf vor"
    assert q.text.startswith("die Gespräche")


def test_quotes_free_indirect_continuation() -> None:
    found = quotes("Ein Regierungssprecher sagte, das Flugzeug sei umgekehrt. Die Sperre sei inzwischen aufgehoben.")
    assert len(found) == 2 and all(q.kind == "indirect" for q in found)
    assert found[1].speaker.text == "Ein Regierungssprecher" and found[1].speaker.anonymous


@pytest.mark.parametrize("text, speaker, cue", [
    ("Die Lage an der Front sei stabil, so Trump.", "Trump", "so"),
    ("Laut Peskow sind die Gespräche in einer schwierigen Phase.", "Peskow", "Laut"),
    ("Peskow zufolge sind die Gespräche in einer schwierigen Phase.", "Peskow", "zufolge"),
    ("Wie Sybiha am Abend mitteilte, wurden drei Städte angegriffen.", "Sybiha", "mitteilte"),
    ("Nach Angaben des Kremls wurde das Telefonat um eine Woche verschoben.", "des Kremls", "Nach Angaben"),
])
def test_quotes_indirect_source_forms(text: str, speaker: str, cue: str) -> None:
    q = one(text)
    assert q.kind == "indirect" and q.speaker.text == speaker and q.cue == cue
    assert len(q.text.split()) >= 4


def test_quotes_english_said_that_and_direct() -> None:
    q = one("Zelensky said that Russia had launched more than 500 drones overnight.", "en")
    assert q.kind == "indirect" and q.speaker.text == "Zelensky" and q.text.startswith("Russia had")
    q = one("“We need peace, not more missiles,” Trump told reporters.", "en")
    assert q.kind == "direct" and q.speaker.text == "Trump" and q.text == "We need peace, not more missiles,"
    q = one("\"This was a cynical attack,\" said a senior Ukrainian official.", "en")
    assert q.speaker.anonymous and q.speaker.text == "a senior Ukrainian official"


@pytest.mark.parametrize("text", [
    "„Wir brauchen Frieden, nicht mehr Raketen“, soll er laut Insidern gesagt haben.",
    "„Wir brauchen Frieden, nicht mehr Raketen“, soll Trump gesagt haben.",
])
def test_quotes_hedge_is_reported(text: str) -> None:
    q = [q for q in quotes("Trump blieb hart. " + text) if q.text.startswith("Wir")][0]
    assert q.kind == "reported" and q.hedged


@pytest.mark.parametrize("text, speaker", [
    ("„Ein Frieden um jeden Preis wäre ein Sieg für Putin“, warnte ein deutscher Diplomat.", "ein deutscher Diplomat"),
    ("„Die Systeme sind komplex“, erklärte ein ehemaliger US-Offizier.", "ein ehemaliger US-Offizier"),
    ("Insidern zufolge hat Trump die Lieferung vorerst gestoppt.", "Insidern"),
])
def test_quotes_anonymous_speaker_kept_as_written(text: str, speaker: str) -> None:
    q = one(text)
    assert q.speaker.text == speaker and q.speaker.anonymous and q.speaker.actor is None


def test_quotes_named_speaker_is_not_anonymous() -> None:
    q = one("„Eine solche Entscheidung würde die Beziehungen beschädigen“, so Putins Sprecher Dmitri Peskow.")
    assert q.speaker.text == "Putins Sprecher Dmitri Peskow" and not q.speaker.anonymous


@pytest.mark.parametrize("text", [
    "Die Europäer sollen mit einer „Koalition der Willigen“ vor Ort präsent sein.",
    "Trumps Entscheidungen scheinen vom Wunsch nach einem schnellen „Deal“ getrieben.",
    "Russland feuerte Hyperschallwaffen vom Typ „Kinschal“ ab.",
    "Sein Motto „America First“ bedeutet, dass amerikanische Interessen Vorrang haben.",
    "Trump spricht sich seit Langem für eine „America-First“-Außenpolitik aus.",
    "Trump schwankt zwischen Unterstützung und der „America zuerst“-Rhetorik.",
    "Selenskyj sagte, die „Koalition der Willigen“ sei bereit.",
    "Die Frage „Warum weigert sich Trump, Raketen zu liefern?“ lässt sich nicht leicht beantworten.",
    "Trump sagte, er sei ein Freund des „Deals“.",
])
def test_quotes_scare_quotes_are_not_speech(text: str) -> None:
    marked = [q.text for q in quotes(text) if q.kind in ("direct", "partial")]
    assert marked == []
    for q in quotes(text):
        assert q.text not in {"Koalition der Willigen", "Deal", "Kinschal", "America First", "Deals"}


def test_quotes_headline_question_is_not_a_quote() -> None:
    text = "„Ist das der Anfang vom Ende?“\n\nDie Verhandlungen in Genf gehen weiter."
    assert quotes(text) == []
    assert quotes("Deal mit Putin?\n\nDie Verhandlungen gehen weiter.") == []


def test_quotes_headline_and_body_quote_deduplicated() -> None:
    text = ("Militärchef: „Die Russen bringen nichts als Terror“\n\n"
            "„Die Russen bringen nichts als Terror“, kommentierte der Militärverwaltungschef Tymur Tkatschenko.")
    found = quotes(text)
    assert len(found) == 1 and found[0].speaker.text == "der Militärverwaltungschef Tymur Tkatschenko"


def test_quotes_media_attribution_only_with_setting() -> None:
    text = "Wie mehrere US-Medien berichten, soll das Telefonat kurzfristig stattfinden."
    assert quotes(text) == []
    assert one(text, media_sources=True).speaker.text == "mehrere US-Medien"


def test_quotes_unknown_setting_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown quote setting"):
        QuoteExtractor(no_such_setting=True)


def test_quotes_every_setting_is_documented() -> None:
    from dataclasses import fields

    from lagebild.extract.quotes import QuoteSettings

    assert {f.name for f in fields(QuoteSettings)} == set(QuoteSettings.help_text)


@pytest.mark.parametrize("text, speaker, cue", [
    ("Seiner Ansicht nach ist der Waffenstillstand in Gefahr.", "Seiner Ansicht", "nach"),
    ("In einer Erklärung des Kremls heißt es, die Gespräche seien konstruktiv gewesen.", "einer Erklärung des Kremls", "heißt es"),
    ("Nach Informationen des Spiegel wurde das Treffen abgesagt.", "des Spiegel", "Nach Informationen"),
])
def test_quotes_indirect_cited_sources(text: str, speaker: str, cue: str) -> None:
    q = one(text, media_sources=True)
    assert q.kind == "indirect" and q.speaker.text == speaker and q.cue == cue


def test_quotes_demnach_takes_the_speaker_just_cited() -> None:
    found = quotes("Laut Selenskyj wurden 40 Drohnen abgeschossen. Demnach trafen drei Drohnen Wohnhäuser in Kiew.")
    assert [q.speaker.text for q in found] == ["Selenskyj", "Selenskyj"] and found[1].cue == "Demnach"


def test_quotes_free_indirect_sentences_merge_into_one_statement() -> None:
    found = quotes("Sybiha sagte, Russland habe 500 Drohnen gestartet. Die Luftabwehr sei überlastet. "
                   "Es gebe viele Verletzte.")
    assert len(found) == 2
    assert found[1].text == "Die Luftabwehr sei überlastet. Es gebe viele Verletzte."


def test_quotes_speech_acts_and_thoughts_only_with_settings() -> None:
    assert quotes("Müntefering sprach von einem Riesenerfolg für die SPD.") == []
    q = one("Müntefering sprach von einem Riesenerfolg für die SPD.", speech_acts=True)
    assert q.kind == "reported" and q.speaker.text == "Müntefering" and not q.hedged
    text = "Hinter den Kulissen vermuten Beobachter, dass er seine Optionen ausloten will."
    assert quotes(text) == []
    assert one(text, thoughts=True).speaker.text == "Beobachter"


def test_quotes_unnamed_source_not_resolved_to_its_place() -> None:
    q = one("„Wenn Amerika zögert, zögert auch Europa“, fasst ein Diplomat aus Brüssel die Lage zusammen.")
    assert q.speaker.text == "ein Diplomat aus Brüssel" and q.speaker.anonymous and q.speaker.actor is None
    assert q.cue == "fasst zusammen"
