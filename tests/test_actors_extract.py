"""ActorExtractor on made-up sentences: names, roles at the date, appositions, metonymy."""
from __future__ import annotations

import pytest

from lagebild.extract.actors import ActorExtractor, document_actors, resolve_description
from lagebild.extract.base import Context
from lagebild.kb import load_kb
from lagebild.model import DateValue, Document, Extraction, Mention, ParsedDoc
from lagebild.nlp.tokenize import split_sentences


def run(text: str, date: str | None = "2025-10-17", lang: str = "de") -> tuple[ParsedDoc, Extraction]:
    doc = Document("doc1", "test", text, lang, published=DateValue(date, "day") if date else None)
    parsed = ParsedDoc(doc, split_sentences(text, lang))
    ex = Extraction()
    ActorExtractor()(parsed, ex, Context(kb=load_kb()))
    return parsed, ex


def mention(ex: Extraction, text: str) -> Mention:
    found = [m for m in ex.mentions if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in ex.mentions]}"
    return found[0]


def learned(ex: Extraction) -> dict:
    return {a.id: a for a in ex.actors if not a.in_kb}


def test_actors_titles_inflections_and_roles_at_date() -> None:
    _, ex = run("US-Präsident Donald Trump sprach mit dem russischen Präsidenten. "
                "Selenskyjs Berater reisten nach Washington. Putins Sprecher widersprach.")
    assert mention(ex, "Donald Trump").actor == "person:donald-trump"
    assert mention(ex, "dem russischen Präsidenten").actor == "person:vladimir-putin"
    assert mention(ex, "dem russischen Präsidenten").type == "role"
    assert mention(ex, "Selenskyjs").actor == "person:volodymyr-zelensky"
    assert mention(ex, "Sprecher").actor == "person:dmitry-peskov"
    assert mention(ex, "Washington").type == "LOC"            # "nach Washington": a place


def test_actors_role_resolves_through_the_date() -> None:
    _, ex22 = run("Der amerikanische Präsident telefonierte mit Kiew.", date="2022-03-01")
    _, ex25 = run("Der amerikanische Präsident telefonierte mit Kiew.", date="2025-10-17")
    assert mention(ex22, "Der amerikanische Präsident").actor == "person:joe-biden"
    assert mention(ex25, "Der amerikanische Präsident").actor == "person:donald-trump"


def test_actors_learned_from_apposition_before_and_after_name() -> None:
    _, ex = run("Der ungarische Außenminister Péter Szijjártó kritisierte die EU. "
                "Olena Kowalenko, die Bürgermeisterin von Charkiw, sprach von Schäden. "
                "Szijjártós Worte und Kowalenko selbst blieben unbeantwortet.")
    people = learned(ex)
    szi = next(a for a in people.values() if a.name == "Péter Szijjártó")
    assert szi.in_kb is False and szi.country == "HUN"
    assert (szi.roles[0].title, szi.roles[0].of) == ("foreign minister", "state:HUN")
    kow = next(a for a in people.values() if a.name == "Olena Kowalenko")
    assert (kow.roles[0].title, kow.roles[0].of) == ("mayor", "loc:kharkiv")
    assert kow.country == "UKR"
    assert mention(ex, "Szijjártós").actor == szi.id                # surname coreference
    assert mention(ex, "Kowalenko").actor == kow.id
    assert szi.id in document_actors(ex) and kow.id in document_actors(ex)


def test_actors_learned_role_word_unknown_to_the_kb() -> None:
    _, ex = run("„Wir halten stand“, sagte der Gouverneur von Sumy, Oleh Hryhorow, am Morgen.")
    ppl = learned(ex)
    assert len(ppl) == 1
    actor = next(iter(ppl.values()))
    assert actor.name == "Oleh Hryhorow" and actor.roles[0].title == "Gouverneur"


def test_actors_learned_id_is_stable_across_spellings_and_documents() -> None:
    extractor, ctx = ActorExtractor(), Context(kb=load_kb())
    found = []
    for k, text in enumerate(["Der Militärverwaltungschef von Kiew, Tymur Tkatschenko, warnte.",
                              "Der Kiewer Militärverwaltungschef Tymur Tkachenko sprach von Schäden."]):
        doc = Document(f"doc{k}", "test", text, "de", published=DateValue("2025-10-17", "day"))
        ex = Extraction()
        extractor(ParsedDoc(doc, split_sentences(text, "de")), ex, ctx)
        found.append(learned(ex))
    # one readable id (the name as first written), the other spelling kept as an alias
    assert set(found[0]) == set(found[1]) == {"person:tymur-tkatschenko"}
    assert "Tymur Tkachenko" in found[1]["person:tymur-tkatschenko"].aliases


@pytest.mark.parametrize("text, want", [
    ("Der deutsche Staatssekretär Jörg Müßiggang sprach.", "person:joerg-muessiggang"),
    ("Der serbische Regierungschef Vojislav Koštunica lehnte ab.", "person:vojislav-kostunica"),
    ("Der polnische Verteidigungsminister Władysław Nowak reiste ab.", "person:wladyslaw-nowak"),
    ("Der Sprecher Steven McNamara widersprach.", "person:steven-mcnamara"),
    ("Der irakische Ministerpräsident Dschawad al-Maliki trat auf.", "person:dschawad-al-maliki"),
    ("Die Gouverneurin Anna Marie van der Berg warnte.", "person:anna-marie-van-der-berg"),
])
def test_actors_learned_id_is_the_readable_name_as_written(text: str, want: str) -> None:
    _, ex = run(text, date=None)
    assert set(learned(ex)) == {want}


def test_actors_english_titles_and_apposition() -> None:
    _, ex = run("Ukrainian Foreign Minister Andrii Sybiha said Russia attacked Kyiv overnight. "
                "Kremlin spokesman Dmitry Peskov denied it.", lang="en")
    sy = learned(ex)
    assert len(sy) == 1 and next(iter(sy.values())).roles[0].of == "state:UKR"
    assert mention(ex, "Kyiv").type == "LOC"                  # attacked: a place
    assert mention(ex, "Dmitry Peskov").actor == "person:dmitry-peskov"


def test_actors_former_role_contradiction_is_a_finding() -> None:
    text = "Das Treffen zwischen dem ehemaligen US-Präsidenten Donald Trump und Selenskyj war angespannt."
    _, ex = run(text, date="2025-10-17")
    assert len(ex.findings) == 1
    f = ex.findings[0]
    assert f.kind == "role_contradiction" and f.actor == "person:donald-trump"
    assert "former president" in f.message and "2025-10-17" in f.message
    assert f.evidence.text == text and f.evidence.start == 0
    _, ok = run(text, date="2022-05-01")           # in 2022 Trump was a former president
    assert ok.findings == []
    _, biden = run("Der frühere Präsident Joe Biden habe das Land geleert.", date="2025-07-04")
    assert biden.findings == []
    _, wrong = run("US-Präsident Joe Biden reiste nach Kiew.", date="2025-10-17")
    assert [f.actor for f in wrong.findings] == ["person:joe-biden"]


def test_actors_metonymy_actor_versus_place() -> None:
    _, ex = run("Moskau wies die Vorschläge zurück. In Moskau demonstrierten Menschen. "
                "Kiew wurde in der Nacht mit Drohnen angegriffen. Der Kreml erklärte, man sei offen. "
                "Die Gespräche zwischen Moskau und Washington stocken. Brüssel fordert mehr Geld.")
    ms = [m for m in ex.mentions if m.text == "Moskau"]
    assert (ms[0].actor, ms[0].type, ms[0].sector) == ("state:RUS", "metonym", "GOV")
    assert (ms[1].actor, ms[1].type) == ("loc:moscow", "LOC")
    assert (ms[2].actor, ms[2].type) == ("state:RUS", "metonym")
    assert (mention(ex, "Kiew").actor, mention(ex, "Kiew").type) == ("loc:kyiv", "LOC")
    assert mention(ex, "Washington").actor == "state:USA"
    assert mention(ex, "Kreml").actor == "org:kremlin" and mention(ex, "Kreml").sector == "GOV"
    assert mention(ex, "Brüssel").actor == "org:eu"
    acts = document_actors(ex)
    assert {"state:RUS", "state:USA", "org:eu"} <= acts and "loc:kyiv" not in acts
    assert "org:kremlin" not in acts             # the Kreml acting counts as Russia


def test_actors_document_set_policy() -> None:
    _, ex = run("Wie Reuters berichtet, liefern die USA keine Raketen. Die Europäer zögern. "
                "Russische Medien jubeln. Die ukrainische Regierung protestierte bei den NATO-Partnern.")
    acts = document_actors(ex)
    assert mention(ex, "Reuters").actor == "org:reuters"
    assert "org:reuters" not in acts                    # media that report are not actors
    assert "group:europeans" not in acts                # loose collective
    assert mention(ex, "Russische").type == "ADJ" and "state:RUS" not in acts
    assert mention(ex, "ukrainische Regierung").sector == "GOV"
    assert acts == {"state:USA", "state:UKR", "org:nato"}


def test_actors_mentions_carry_sentence_evidence() -> None:
    parsed, ex = run("Trump telefonierte mit Putin. Danach sprach Selenskyj.")
    assert ex.mentions
    for m in ex.mentions:
        assert parsed.doc.text[m.start:m.end] == m.text
        assert m.evidence is not None and m.evidence.start <= m.start and m.end <= m.evidence.end
        assert m.evidence.text == parsed.doc.text[m.evidence.start:m.evidence.end]
        assert m.how and m.how.startswith("actors.rules.v2:")
    assert {a.id for a in ex.actors} >= {"person:donald-trump", "person:vladimir-putin"}


def test_actors_resolve_description_for_speakers() -> None:
    text = ("Der Militärverwaltungschef von Kiew, Tymur Tkatschenko, warnte. Trump sprach mit Putin. "
            "„Es ist Zeit“, erklärte der Republikaner. „Nein“, sagte er. Die Bürgermeisterin schwieg.")
    parsed, ex = run(text)
    pos = text.index("erklärte")
    assert resolve_description("der Republikaner", parsed, pos, ex) == "person:donald-trump"
    assert resolve_description("er", parsed, text.index("sagte er"), ex) == "person:vladimir-putin"
    assert resolve_description("Putins Sprecher", parsed, pos, ex) == "person:dmitry-peskov"
    assert resolve_description("der Militärverwaltungschef von Kiew", parsed, pos, ex) == "person:tymur-tkatschenko"
    assert resolve_description("Tkatschenko", parsed, pos, ex) == "person:tymur-tkatschenko"
    assert resolve_description("sie", parsed, pos, ex) is None     # no female person mentioned
    assert resolve_description("ein deutscher Diplomat", parsed, pos, ex) is None


@pytest.mark.parametrize("text", ["", "Keine Akteure hier.", "„“ – …"])
def test_actors_empty_or_actorless_text(text: str) -> None:
    _, ex = run(text)
    assert ex.mentions == [] and ex.findings == []


def test_actors_capitals_visited_or_inside_names_are_no_actors() -> None:
    _, ex = run("Außenministerin Hillary Clinton besuchte überraschend Tripolis. Paris Hilton lachte. "
                "Die Taliban haben Kabul eingenommen. Peking protestierte.", date="2011-10-20")
    acts = document_actors(ex)
    assert "person:hillary-clinton" in acts and "org:taliban" in acts and "state:CHN" in acts
    assert not acts & {"state:LBY", "state:FRA", "state:AFG"}


def test_actors_hyphenated_and_adjective_aliases() -> None:
    _, ex = run("Experten warnen vor Al-Kaida. Das russische Verteidigungsministerium schwieg.")
    assert mention(ex, "Al-Kaida").actor == "org:al-qaeda"
    assert mention(ex, "russische Verteidigungsministerium").actor == "org:russian-mod"


def test_actors_learned_name_not_swallowed_by_a_kb_surname() -> None:
    _, ex = run("Kritik kam vom UN-Botschafter von Osttimor, Jose Luis Guterres.", date="2006-06-30")
    assert set(learned(ex)) == {"person:jose-luis-guterres"}
    assert "person:antonio-guterres" not in document_actors(ex)


def test_actors_owner_phrase_between_role_and_name() -> None:
    _, ex = run("Der Kommandeur der US-Truppen im Irak, George Casey, soll abgelöst werden.", date="2007-01-10")
    casey = learned(ex)["person:george-casey"]
    assert casey.roles[0].of == "state:USA"


def test_actors_compound_organisations_count_their_prefix_actor() -> None:
    _, ex = run("Das US-Militär und die EU-Kommission reagierten. Die Botschaft blieb geschlossen.")
    assert mention(ex, "US-Militär").actor == "org:us-army"
    assert {"state:USA", "org:us-army", "org:eu", "org:european-commission"} <= document_actors(ex)
    assert not [m for m in ex.mentions if m.text.startswith("Botschaft")]    # no Botschafter


def test_actors_article_less_apposition_after_a_name() -> None:
    _, ex = run("Martin Behrsing, Sprecher des Erwerbslosenforums, kritisierte das Amt. "
                "Genannt wurden Acme Systems, General Dynamics und Raytheon.")
    assert set(learned(ex)) == {"person:martin-behrsing"}        # "General Dynamics" is no general
