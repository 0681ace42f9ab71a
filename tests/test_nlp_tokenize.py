"""Tokenizer and sentence splitter: exact offsets and German news edge cases."""
from __future__ import annotations

import pytest

from lagebild.nlp.tokenize import split_sentences, tokenize


def _texts(text: str, lang: str = "de") -> list[str]:
    return [s.text for s in split_sentences(text, lang)]


def test_tokenize_offsets_exact_on_corpus(corpus_files) -> None:
    assert corpus_files, "bundled corpus is missing"
    for path in corpus_files:
        text = path.read_text(encoding="utf-8")
        sents = split_sentences(text)
        assert len(sents) > 5
        prev_end = 0
        for sent in sents:
            assert text[sent.start:sent.end] == sent.text
            assert sent.start >= prev_end and sent.text == sent.text.strip()
            prev_end = sent.end
            for tok in sent.tokens:
                assert text[tok.start:tok.end] == tok.text
                assert sent.start <= tok.start < tok.end <= sent.end
        # nothing but whitespace lies between sentences
        covered = "".join(s.text for s in sents)
        assert "".join(covered.split()) == "".join(text.split())


def test_tokenize_keeps_hyphenated_compounds_and_abbreviations() -> None:
    words = [t.text for t in tokenize("US-Präsident will Tomahawk-Raketen, z.B. für 1.000 Soldat*innen u.a. in Kiew.")]
    assert "US-Präsident" in words and "Tomahawk-Raketen" in words
    assert "z.B." in words and "u.a." in words and "1.000" in words and "Soldat*innen" in words
    assert words[-2:] == ["Kiew", "."]


def test_tokenize_offsets_with_shift() -> None:
    text = "Kiew meldet Angriffe."
    toks = tokenize(text, 10)        # positional offset, as the extractors call it
    assert [(t.start, t.end) for t in toks][:2] == [(10, 14), (15, 21)]


@pytest.mark.parametrize("text, expected", [
    ("Das Treffen ist am 17. Oktober geplant. Danach reist er ab.",
     ["Das Treffen ist am 17. Oktober geplant.", "Danach reist er ab."]),
    ("Der 3. Weltkrieg droht nicht. Die Zahl stieg 2025. Im Herbst kam mehr.",
     ["Der 3. Weltkrieg droht nicht.", "Die Zahl stieg 2025.", "Im Herbst kam mehr."]),
    ("Er traf u.a. Dr. Müller und ca. 20 Minister bzw. Vertreter. Dann ging er.",
     ["Er traf u.a. Dr. Müller und ca. 20 Minister bzw. Vertreter.", "Dann ging er."]),
    ("Auch Donald J. Trump kam. Er sprach.", ["Auch Donald J. Trump kam.", "Er sprach."]),
])
def test_tokenize_sentences_abbreviations_and_ordinals(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_tokenize_quotes_stay_with_their_sentence() -> None:
    text = ("„Wir wollen den Krieg beenden“, erklärte er. Er sagte: „Das ist gut.“ Dann ging er. "
            "„Ist das so?“, fragte sie. „Nein!“ Die Runde schwieg.")
    assert _texts(text) == [
        "„Wir wollen den Krieg beenden“, erklärte er.",
        "Er sagte: „Das ist gut.“",
        "Dann ging er.",
        "„Ist das so?“, fragte sie.",
        "„Nein!“",
        "Die Runde schwieg.",
    ]


def test_tokenize_heading_lines_are_sentences() -> None:
    text = "Trump will mit Putin sprechen – heikler Balanceakt\nDonald Trump will reden. Kiew wartet.\n\nZwischentitel ohne Punkt\nText folgt."
    assert _texts(text) == ["Trump will mit Putin sprechen – heikler Balanceakt", "Donald Trump will reden.",
                            "Kiew wartet.", "Zwischentitel ohne Punkt", "Text folgt."]


def test_tokenize_hard_wrapped_line_continues_sentence() -> None:
    assert _texts("Die Gespräche in Genf werden\nfortgesetzt, hieß es.") == \
        ["Die Gespräche in Genf werden\nfortgesetzt, hieß es."]


def test_tokenize_english_abbreviations() -> None:
    text = 'Mr. Trump met President Zelensky on Oct. 17. The U.S. will send missiles. "We want peace." He left at 5 p.m. Then it was over.'
    assert _texts(text, "en") == ["Mr. Trump met President Zelensky on Oct. 17.", "The U.S. will send missiles.",
                                  '"We want peace."', "He left at 5 p.m.", "Then it was over."]


def test_tokenize_hard_wrapped_text_ignores_single_line_breaks() -> None:
    text = ("Der ukrainische Präsident Wolodymyr Selenskyj hat am Montag\n"
            "in Berlin mit Bundeskanzler Friedrich Merz über weitere\n"
            "Waffenlieferungen gesprochen. Beide betonten die enge\n"
            "Zusammenarbeit der beiden Länder bei der Abwehr von\n"
            "russischen Luftangriffen. Details nannten sie nicht.\n\n"
            "Neuer Absatz mit einem Satz.")
    sents = split_sentences(text)
    assert [s.text.replace("\n", " ") for s in sents] == [
        "Der ukrainische Präsident Wolodymyr Selenskyj hat am Montag in Berlin mit Bundeskanzler "
        "Friedrich Merz über weitere Waffenlieferungen gesprochen.",
        "Beide betonten die enge Zusammenarbeit der beiden Länder bei der Abwehr von russischen Luftangriffen.",
        "Details nannten sie nicht.",
        "Neuer Absatz mit einem Satz.",
    ]
    assert all(text[s.start:s.end] == s.text for s in sents)
