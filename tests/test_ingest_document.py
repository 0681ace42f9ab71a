"""load_document metadata: title line, language, genre, outlet, author, publication date."""
from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.ingest import Source, load_document
from lagebild.ingest.dates import dateline_date, find_dates
from lagebild.ingest.meta import title_line

DATA = Path(__file__).parent / "data" / "ingest"


@pytest.fixture(scope="module")
def corpus_docs(corpus_files: list[Path]) -> dict[str, object]:
    return {p.name[:3]: load_document(Source(str(p))) for p in corpus_files}


def test_document_corpus_titles(corpus_docs: dict) -> None:
    assert corpus_docs["000"].title.startswith("Trump will vor Treffen mit Selenskyj")
    assert corpus_docs["001"].title is None          # starts with an empty line, then body
    assert corpus_docs["002"].title == "Der Kampf um Trump: Warum Kiew und Europa auf Eskalation setzen"
    assert corpus_docs["003"].title is None          # starts with a body paragraph
    assert corpus_docs["004"].title == "Warum weigert sich Trump, Raketen zu liefern?"
    for doc in corpus_docs.values():
        if doc.title:                                # the title stays the first line of the text
            assert doc.text.split("\n", 1)[0] == doc.title


def test_document_corpus_metadata(corpus_docs: dict) -> None:
    for key, doc in corpus_docs.items():
        assert doc.language == "de" and doc.encoding == "utf-8", key
        assert doc.hints["language_basis"] == "detector"
        # Nothing in these files dates them except a relative "vor 5 Tagen": never a body date.
        assert doc.published is None, key
    assert corpus_docs["002"].author == "Thomas Tratnik"
    assert corpus_docs["002"].hints["relative_published"] == "vor 5 Tagen"
    assert corpus_docs["002"].hints["reading_time"] == "2 Min. Lesezeit"
    # The development gold labels these two as news.
    assert corpus_docs["000"].genre == "news" and corpus_docs["003"].genre == "news"
    assert corpus_docs["002"].genre == "blog" and "hashtags" in corpus_docs["002"].genre_signals
    assert "pingbacks" in corpus_docs["004"].genre_signals
    assert corpus_docs["001"].genre == "news" and corpus_docs["001"].genre_signals == ["no_opinion_markers"]


def test_document_html_metadata_and_main_text() -> None:
    doc = load_document(Source(str(DATA / "article_de.html"), kind="html"))
    assert doc.title == "Analyse: Was Trumps Telefonat mit Putin bedeutet"
    assert doc.text.split("\n", 1)[0] == doc.title
    assert doc.outlet == "Beispiel-Zeitung" and doc.author == "Anna Beispiel"
    assert doc.published is not None and (doc.published.value, doc.published.basis) == ("2025-07-04", "html:meta")
    assert doc.genre == "analysis" and "title:Analyse" in doc.genre_signals
    assert "Eine Nacht des Schreckens" in doc.text.split("\n")        # heading kept
    for junk in ("Cookies", "Startseite", "Leser123", "Impressum", "Rauch über Kiew"):
        assert junk not in doc.text, junk
    assert doc.language == "de" and doc.hints["source_kind"] == "html"


def test_document_dates_from_dateline_and_byline(tmp_path: Path) -> None:
    body = ("Der ukrainische Präsident Wolodymyr Selenskyj hat am 3. Oktober 2025 in Kiew neue Gespräche gefordert. "
            "Die Lage an der Front bleibe angespannt, sagte er. ")
    cases = {
        f"Titel der Meldung\nVon Anna Beispiel | 17.10.2025, 14:30 Uhr\n{body}": ("2025-10-17", "dateline"),
        f"Titel der Meldung\nAktualisiert am 17. Oktober 2025\n{body}": ("2025-10-17", "dateline"),
        f"Titel der Meldung\nBerlin, 17.10.2025 – {body}": ("2025-10-17", "dateline"),
        f"Titel der Meldung\n{body}": None,          # the body's event date is not the publication date
    }
    for i, (text, expected) in enumerate(cases.items()):
        path = tmp_path / f"{i}.txt"
        path.write_text(text, encoding="utf-8")
        doc = load_document(Source(str(path)))
        got = (doc.published.value, doc.published.basis) if doc.published else None
        assert got == expected, text[:60]
        assert "3. Oktober 2025" in doc.text


def test_document_english_article(tmp_path: Path) -> None:
    doc = load_document(Source(str(DATA / "made_up_en.txt")))
    assert doc.language == "en" and doc.author == "Jane Example"
    assert doc.title == "Zelensky meets Merz in Berlin as air-defence talks stall"
    assert doc.hints["relative_published"] == "2 hours ago" and doc.published is None
    path = tmp_path / "en.txt"
    path.write_text("Talks stall in Berlin\nPublished October 17, 2025\n"
                    "Ukrainian President Volodymyr Zelensky travelled to Berlin on Monday for talks with the chancellor. "
                    "He asked for more air defence.", encoding="utf-8")
    assert load_document(Source(str(path))).published.value == "2025-10-17"


def test_document_opinion_markers_and_first_person(tmp_path: Path) -> None:
    doc = load_document(Source(str(DATA / "made_up_de.txt")))
    assert doc.genre == "opinion" and "kicker:Kommentar" in doc.genre_signals
    first_person = ("Ich halte diesen Kurs für falsch, und wir sollten das offen sagen. " * 6
                    + "Warum schweigen wir? Was wollen wir eigentlich? Wer soll das bezahlen? ")
    path = tmp_path / "meinung.txt"
    path.write_text(first_person, encoding="utf-8")
    doc = load_document(Source(str(path)))
    assert doc.genre == "opinion"
    assert any(s.startswith("first_person_rate") for s in doc.genre_signals)


def test_document_title_line_rules() -> None:
    assert title_line("Ein kurzer Titel\nDer Text.") == "Ein kurzer Titel"
    assert title_line("Warum zögert Trump?\nText.") == "Warum zögert Trump?"
    assert title_line("Ein ganzer Satz als erste Zeile.\nText.") is None
    assert title_line("Nur eine Zeile") is None
    assert title_line("Erster Satz. Zweiter Satz ohne Punkt\nText") is None
    assert title_line("x " * 40 + "\nText") is None
    for title in ("Hans Küng zu Besuch bei Papst Benedikt XVI.", "Hilde Gerg schafft 20. Weltcupsieg in St. Moritz",
                  "John F. Kennedys Armbanduhr versteigert", "Wurde Arafat vergiftet? Französische Justiz ermittelt"):
        assert title_line(title + "\nDer Text folgt.") == title


def test_document_find_dates_formats() -> None:
    values = [m.value.value for m in find_dates("am 17. Oktober 2025, 17.10.2025, 2025-10-17, Okt. 2025", "de")]
    assert values == ["2025-10-17", "2025-10-17", "2025-10-17", "2025-10"]
    values = [m.value.value for m in find_dates("October 17, 2025 and 17 October 2025", "en")]
    assert values == ["2025-10-17", "2025-10-17"]
    assert find_dates("31.02.2025 and 45.13.2025", "de") == []
    assert dateline_date("KIEW (dpa), 17. Oktober 2025 – Russland griff an.", "de").value == "2025-10-17"
    assert dateline_date("Am 17. Oktober 2025 griff Russland an.", "de") is None


def test_document_html_with_in_article_boilerplate() -> None:
    doc = load_document(Source(str(DATA / "article_boilerplate.html"), kind="html"))
    lines = doc.text.split("\n")
    assert lines[0] == doc.title == "Selenskyj fordert mehr Luftabwehr"
    assert doc.text.count("Selenskyj fordert mehr Luftabwehr") == 1
    assert doc.hints["kicker"] == "Krieg in der Ukraine" and "Krieg in der Ukraine" not in doc.text
    for paragraph_start in ("Der ukrainische Präsident Wolodymyr Selenskyj hat", "Die Bundesregierung kündigte an",
                            "Der Kreml kritisierte", "Streit um Taurus", "Offen bleibt die Frage nach Taurus"):
        assert any(line.startswith(paragraph_start) for line in lines), paragraph_start
    for junk in ("Lesen Sie auch", "Anzeige", "Newsletter", "Foto:", "Teilen", "Kommentare", "Impressum",
                 "Mehr zum Thema", "Zur Startseite", "Hans:"):
        assert junk not in doc.text, junk
    assert {r.reason for r in doc.removed} >= {"promo", "kicker"}
    assert doc.published.value == "2025-10-20" and doc.outlet == "Beispiel-Zeitung"


def test_document_genre_unknown_for_short_unmarked_text(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text("Selenskyj reist nach Berlin. Dort trifft er den Kanzler zu Gesprächen.", encoding="utf-8")
    doc = load_document(Source(str(path)))
    assert (doc.genre, doc.genre_signals) == ("unknown", ["too_short_to_tell"])
