"""Boilerplate removal in both directions: every boilerplate piece goes, every body line stays."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from lagebild.ingest import clean, clean_text

DATA = Path(__file__).parent / "data" / "ingest"

# Hand-labelled boilerplate of the reference corpus (labels live in the test, never in the code).
# file prefix -> [(reason, exact removed text)]
CORPUS_BOILERPLATE: dict[str, list[tuple[str, str]]] = {
    "000": [],
    "001": [("promo", "US Politik Deep Dive: Der Podcast mit Alana & Ben")],
    "002": [
        ("byline", "- Thomas Tratnik"),
        ("relative_date", "- vor 5 Tagen"),
        ("reading_time", "- 2 Min. Lesezeit"),
        ("hashtags", "#Trump #Putin #UkraineKonflikt #Diplomatie #Geopolitik #Frieden #Sicherheitsgarantien "
                     "#InternationalePolitik #TTVNews #WestOstBeziehungen #GeopolitischeAnalyse "
                     "#Friedensgespräche #USAPolitik #RusslandUkraine #PolitischeStrategie"),
        ("comments_widget", "Kommentare"),
    ],
    "003": [
        ("duplicate_caption", "Blick auf den Dnepr in Kiew: Rauchschwaden ziehen über die ukrainische Hauptstadt."),
        ("caption", "Blick auf den Dnepr in Kiew: Rauchschwaden ziehen über die ukrainische Hauptstadt."),
        ("photo_credit", "VXimages.com/imago"),
    ],
    "004": [("pingback", line) for line in ()],  # filled from the file below: the three "[…] … […]" lines
}


def _labels(path: Path) -> list[tuple[str, str]]:
    labels = list(CORPUS_BOILERPLATE[path.name[:3]])
    if path.name.startswith("004"):
        raw = path.read_text(encoding="utf-8")
        pingbacks = [line for line in raw.splitlines() if line.startswith("[…]")]
        assert len(pingbacks) == 3
        labels += [("pingback", line) for line in pingbacks]
    return labels


def _expected_body_lines(raw: str, labels: list[tuple[str, str]]) -> list[str]:
    """Every raw line that is not hand-labelled boilerplate, with a labelled hashtag tail cut off."""
    whole = {text for _, text in labels}
    tags = [text for reason, text in labels if reason == "hashtags"]
    captions = {text for reason, text in labels if reason in ("caption", "duplicate_caption")}
    credits = [text for reason, text in labels if reason == "photo_credit"]
    body = []
    for line in raw.splitlines():
        s = line.strip()
        if not s or s in whole or any(s == cap + cred for cap in captions for cred in credits):
            continue
        for tag in tags:
            if s.endswith(tag):
                s = s[: -len(tag)].rstrip()
        body.append(s)
    return body


def test_clean_corpus_removes_labelled_boilerplate(corpus_files: list[Path]) -> None:
    assert len(corpus_files) == 5
    for path in corpus_files:
        raw = path.read_text(encoding="utf-8")
        result = clean(raw, "de")
        labels = _labels(path)
        removed = [(r.reason, r.text) for r in result.removed]
        assert sorted(removed) == sorted(labels), path.name     # nothing more, nothing less
        cleaned_lines = set(result.text.split("\n"))
        for reason, text in labels:
            assert text not in cleaned_lines, (path.name, reason)
            if reason in ("hashtags", "photo_credit", "pingback"):
                assert text not in result.text, (path.name, reason)


def test_clean_corpus_keeps_every_body_line_and_sentence(corpus_files: list[Path]) -> None:
    for path in corpus_files:
        raw = path.read_text(encoding="utf-8")
        cleaned, _ = clean_text(raw, "de")
        lines = cleaned.split("\n")
        expected = _expected_body_lines(raw, _labels(path))
        assert expected, path.name
        for line in expected:
            assert line in lines, (path.name, line[:80])
        # The same, sentence by sentence, for every long line (what the extractors will see).
        for line in expected:
            for sent in re.split(r"(?<=[.!?“])\s+(?=[A-ZÄÖÜ„])", line):
                if len(sent) > 30:
                    assert sent in cleaned, (path.name, sent[:80])
        # Order is preserved.
        positions = [cleaned.index(line) for line in expected]
        assert positions == sorted(positions), path.name


def test_clean_corpus_hints_from_removed_metadata(corpus_files: list[Path]) -> None:
    path = next(p for p in corpus_files if p.name.startswith("002"))
    result = clean(path.read_text(encoding="utf-8"), "de")
    assert result.hints["relative_published"] == "vor 5 Tagen"
    assert result.hints["reading_time"] == "2 Min. Lesezeit"
    assert result.author == "Thomas Tratnik"
    # Section headings are body text.
    for heading in ("Die neue Hoffnung der Hardliner", "Eskalation als Verhandlungsstrategie"):
        assert heading in result.text.split("\n")
    # The sentence before the hashtag run stays, ending where it ended.
    assert result.text.rstrip().endswith("sondern mit der Sicherheitsordnung Europas insgesamt.")


MADE_UP_DE_REMOVED = [
    ("kicker", "Kommentar"),
    ("byline", "Von Anna Beispiel"),
    ("reading_time", "3 Min. Lesezeit"),
    ("relative_date", "vor 2 Stunden"),
    ("duplicate_caption", "Selenskyj und Merz vor dem Kanzleramt."),
    ("caption", "Selenskyj und Merz vor dem Kanzleramt."),
    ("photo_credit", "Michael Kappeler/dpa"),
    ("promo", "Abonnieren Sie jetzt unseren Newsletter zur Lage in der Ukraine"),
    ("hashtags", "#Ukraine #Merz #Selenskyj"),
    ("photo_credit", "Foto: picture alliance / dpa | Kay Nietfeld"),
    ("share_widget", "Teilen"),
    ("comments_widget", "12 Kommentare"),
]
MADE_UP_DE_KEPT = [
    "Selenskyj in Berlin: Was der Besuch wirklich bringt",
    "Der Podcast „Lage der Nation“ hatte die Reise schon vorab ausführlich diskutiert, wie die Moderatoren am Sonntag erklärten.",
    "Die Zahlen zu den Lieferungen stammen aus einer internen Aufstellung der Bundesregierung, wie Reuters berichtete.",
    "Das meldete am Abend auch die Agentur AFP",
    "Fazit",
    "Ob der Besuch mehr als Symbolik war, wird sich erst zeigen, wenn die zugesagten Systeme tatsächlich in der Ukraine eintreffen.",
]


def test_clean_made_up_german_article_both_directions() -> None:
    result = clean((DATA / "made_up_de.txt").read_text(encoding="utf-8"), "de")
    assert sorted((r.reason, r.text) for r in result.removed) == sorted(MADE_UP_DE_REMOVED)
    lines = result.text.split("\n")
    for line in MADE_UP_DE_KEPT:
        assert line in lines, line
    assert lines[0] == "Selenskyj in Berlin: Was der Besuch wirklich bringt"
    assert result.text.count("Kanzleramt") == 0
    assert result.author == "Anna Beispiel"
    assert result.hints == {"kicker": "Kommentar", "reading_time": "3 Min. Lesezeit", "relative_published": "vor 2 Stunden"}


def test_clean_made_up_english_article_both_directions() -> None:
    result = clean((DATA / "made_up_en.txt").read_text(encoding="utf-8"), "en")
    removed = {(r.reason, r.text) for r in result.removed}
    assert removed == {
        ("byline", "By Jane Example"), ("reading_time", "5 min read"), ("relative_date", "2 hours ago"),
        ("promo", "Sign up for our newsletter on the war in Ukraine"),
        ("caption", "Zelensky and Merz outside the chancellery."),
        ("photo_credit", "Kay Nietfeld/AFP via Getty Images"), ("promo", "Advertisement"),
        ("hashtags", "#Ukraine #Germany"), ("comments_widget", "Leave a comment"),
    }
    assert "The figures come from an internal government list, Reuters reported." in result.text.split("\n")
    assert result.text.startswith("Zelensky meets Merz in Berlin as air-defence talks stall\n")
    assert result.author == "Jane Example"


@pytest.mark.parametrize("line", [
    "Der Podcast-Moderator sagte, die Regierung habe die Lage falsch eingeschätzt.",
    "Ein Sprecher sagte Reuters, man prüfe die Berichte.",
    "„Wir abonnieren keine Ausreden“, sagte Selenskyj.",
    "Die Werbung für den Frieden ist gescheitert, schrieb die Zeitung am Montag in einem langen Kommentar.",
    "Putin verwies auf #Russland als Marke, die er international stärken wolle.",
    "Die rote Linie des Kremls: Warum Putins Ziele unverändert bleiben",
    "Teilen sich Kiew und Moskau bald die Verantwortung für das Kraftwerk?",
])
def test_clean_keeps_tricky_body_lines(line: str) -> None:
    text = ("Eine Überschrift\n\n" + "Ein langer Absatz mit genug Text, damit der Artikel einen Körper hat. " * 2
            + "\n" + line + "\n" + "Noch ein langer Absatz, der den Artikel abschließt und als Körper zählt. " * 2)
    cleaned, removed = clean_text(text, "de")
    assert line in cleaned.split("\n"), removed


def test_clean_normalises_whitespace_conservatively() -> None:
    text = "Titel  \r\n\r\n\r\n\r\nErster Absatz mit Text.\u00ad   \n\n\n\nZweiter Absatz.\r\n"
    cleaned, removed = clean_text(text, "de")
    assert cleaned == "Titel\n\nErster Absatz mit Text.\n\nZweiter Absatz."
    assert removed == []


def test_clean_unknown_language_uses_all_markers() -> None:
    cleaned, removed = clean_text("Title\nBy Jane Example\n" + "Body sentence of the article. " * 5, None)
    assert [r.reason for r in removed] == ["byline"]
    assert cleaned.startswith("Title\nBody sentence")


def test_clean_credit_glued_to_long_paragraph_keeps_the_sentences() -> None:
    para = ("Im Haus fanden die Beamten eine Schusswaffe, für die der Tatverdächtige keine Erlaubnis hatte. "
            "Alle Personen im Haus blieben unverletzt und wurden nach der Befreiung betreut. "
            "Die Ermittlungen dauern an, teilte die Polizei am Abend mit.")
    text = "Geiselnahme beendet\n" + para + "Foto: Polizei Oberpfalz\n" + para.replace("Abend", "Morgen")
    cleaned, removed = clean_text(text, "de")
    assert [(r.reason, r.text) for r in removed] == [("photo_credit", "Foto: Polizei Oberpfalz")]
    assert para in cleaned.split("\n")


def test_clean_spaced_credit_after_a_sentence_keeps_the_sentence() -> None:
    text = ("Geiselnahme beendet\n" + "Ein langer Absatz mit genug Text, damit der Artikel einen Körper hat. " * 2
            + "\nAlle Personen im Haus blieben unverletzt. Bild: Polizei Oberpfalz\nSoldaten an der Front (Foto: dpa)\n")
    cleaned, removed = clean_text(text, "de")
    assert "Alle Personen im Haus blieben unverletzt." in cleaned.split("\n")
    assert [(r.reason, r.text) for r in removed] == [
        ("photo_credit", "Bild: Polizei Oberpfalz"), ("photo_credit", "(Foto: dpa)"), ("caption", "Soldaten an der Front")]


def test_clean_header_meta_lines_in_several_shapes() -> None:
    body = "Ein langer Absatz mit genug Text, damit der Artikel einen Körper hat, und noch mehr Text dazu. "
    header = ["Von Anna Muster, 17.10.2025, 14:30 Uhr", "Anna Muster am 17. Oktober 2025",
              "Anna Muster – vor 3 Stunden", "Stand: 17.10.2025 14:30 Uhr", "Zur Startseite",
              "Freitag, 17. Oktober 2025 - 14:30 Uhr", "3 Min. Lesezeit · vor 2 Tagen"]
    kept = ["Donald Trump, Wladimir Putin", "Berlin, Kiew und Moskau"]
    for line in header + kept:
        result = clean(f"Titel der Meldung\n{line}\n{body}\n{body.replace('Text', 'Inhalt')}", "de")
        if line in kept:
            assert result.removed == [] and line in result.text.split("\n"), line
        else:
            assert line not in result.text and result.removed, line
            assert result.text.startswith("Titel der Meldung\n" + body.strip())
            if "Muster" in line:
                assert result.author == "Anna Muster"


@pytest.mark.parametrize("line", ["Why Kyiv won't sign up to the deal", "Related risks for Europe",
                                  "A podcast host's view of the war, and what it leaves out."])
def test_clean_keeps_english_headings_that_look_like_promos(line: str) -> None:
    body = "A long paragraph of body text so that the article has a body, with a second clause. "
    text = f"Headline\n{body}\n{line}\n{body.replace('long', 'longer')}"
    cleaned, removed = clean_text(text, "en")
    assert line in cleaned.split("\n"), removed
