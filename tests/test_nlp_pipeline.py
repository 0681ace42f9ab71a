"""The language pipeline end to end: lazy loading, tags, lemmas, names, English."""
from __future__ import annotations

import subprocess
import sys

import pytest

from lagebild.model import Document, ParsedDoc, content_hash
from lagebild.nlp import get_pipeline
from lagebild.nlp.pipeline import Pipeline


def _doc(text: str, lang: str = "de") -> Document:
    return Document(id=content_hash(text), source="test", text=text, language=lang)


def test_pipeline_import_is_lazy() -> None:
    code = ("import sys, lagebild, lagebild.nlp; from lagebild.nlp import get_pipeline; "
            "p = get_pipeline('de'); "
            "heavy = [m for m in ('HanTa', 'HanTa.HanoverTagger', 'pycrfsuite') if m in sys.modules]; "
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_pipeline_is_built_once_per_process() -> None:
    assert get_pipeline("de") is get_pipeline("de")
    assert get_pipeline("de") is not get_pipeline("en")


def test_pipeline_lemmas_and_tags() -> None:
    parsed = get_pipeline("de")(_doc("Die Präsidenten verhandelten mit den Vereinten Nationen über Selenskyjs Tomahawk-Raketen."))
    toks = {t.text: t for s in parsed.sents for t in s.tokens}
    assert toks["Präsidenten"].lemma == "Präsident" and toks["Präsidenten"].pos == "NOUN"
    assert toks["Präsidenten"].tag == "NN"
    assert toks["verhandelten"].lemma == "verhandeln" and toks["verhandelten"].pos == "VERB"
    assert "VerbForm=Fin" in toks["verhandelten"].morph.split("|")
    assert "Number=Plur" in toks["Präsidenten"].morph.split("|")
    assert toks["Nationen"].lemma == "Nation"
    assert toks["Selenskyjs"].lemma == "Selenskyj"
    assert toks["Tomahawk-Raketen"].lemma == "Tomahawk-Rakete"
    assert toks["Die"].pos == "DET" and toks["."].pos == "PUNCT"


def test_pipeline_finds_person_name() -> None:
    text = "Am Montag sprach der ukrainische Präsident Wolodymyr Selenskyj in Berlin mit Journalisten."
    parsed = get_pipeline("de")(_doc(text))
    ents = {(e.text, e.label) for e in parsed.ents}
    assert ("Wolodymyr Selenskyj", "PER") in ents
    assert any(e.text == "Berlin" and e.label == "LOC" for e in parsed.ents)
    for ent in parsed.ents:
        assert text[ent.start:ent.end] == ent.text
    bio = [t.ent for s in parsed.sents for t in s.tokens]
    assert "B-PER" in bio and all(b == "O" or b[:2] in ("B-", "I-") for b in bio)


def test_pipeline_offsets_exact_on_corpus(corpus_files) -> None:
    pipe = get_pipeline("de")
    docs = [_doc(p.read_text(encoding="utf-8")) for p in corpus_files]
    parsed = list(pipe.pipe(docs, batch_size=2))
    assert [p.doc.id for p in parsed] == [d.id for d in docs]
    for p in parsed:
        assert isinstance(p, ParsedDoc) and p.ents
        text = p.doc.text
        for sent in p.sents:
            assert text[sent.start:sent.end] == sent.text
            for tok in sent.tokens:
                assert text[tok.start:tok.end] == tok.text and tok.pos and tok.lemma and tok.tag
        for ent in p.ents:
            assert text[ent.start:ent.end] == ent.text and ent.label in {"PER", "LOC", "ORG", "OTH"}
            assert p.sentence_at(ent.start) is not None


def test_pipeline_english_same_interface() -> None:
    text = "President Volodymyr Zelensky met Donald Trump in Washington. The presidents said they were talking."
    parsed = get_pipeline("en")(_doc(text, "en"))
    assert [s.text for s in parsed.sents] == ["President Volodymyr Zelensky met Donald Trump in Washington.",
                                              "The presidents said they were talking."]
    toks = {t.text: t for s in parsed.sents for t in s.tokens}
    assert toks["presidents"].lemma == "president" and toks["presidents"].pos == "NOUN"
    assert toks["said"].lemma == "say" and toks["said"].pos == "VERB"
    ents = {(e.text, e.label) for e in parsed.ents}
    assert ("Volodymyr Zelensky", "PER") in ents
    assert ("Washington", "LOC") in ents
    parsed = get_pipeline("en")(_doc("Zelensky met U.S. President Donald Trump at the White House on Friday.", "en"))
    ents = {(e.text, e.label) for e in parsed.ents}
    assert ("Donald Trump", "PER") in ents and ("White House", "ORG") in ents
    assert not any(e.text == "Friday" for e in parsed.ents)


def test_pipeline_empty_and_unsupported() -> None:
    parsed = get_pipeline("de")(_doc(""))
    assert parsed.sents == [] and parsed.ents == []
    with pytest.raises(ValueError, match="unsupported language"):
        Pipeline("xx")
    with pytest.raises(ValueError, match="needs 'tag'"):
        Pipeline("de", components=("ner",))


def test_pipeline_splitter_only_components() -> None:
    parsed = Pipeline("de", components=())(_doc("Kiew meldet Angriffe. Moskau schweigt."))
    assert len(parsed.sents) == 2 and parsed.ents == [] and parsed.sents[0].tokens[0].lemma == ""


def test_pipeline_survives_huge_tokens() -> None:
    text = "Der " + "Donaudampfschifffahrtsgesellschaftskapitän" * 50 + " kam an. " + "X" * 5000
    parsed = get_pipeline("de")(_doc(text))
    long_tok = parsed.sents[0].tokens[1]
    assert long_tok.lemma == long_tok.text and long_tok.pos
    assert text[parsed.sents[-1].start:parsed.sents[-1].end] == "X" * 5000


def test_pipeline_morph_case_and_number() -> None:
    parsed = get_pipeline("de")(_doc("Der Kanzler sprach mit den Soldaten."))
    toks = {t.text: t for s in parsed.sents for t in s.tokens}
    assert set(toks["Soldaten"].morph.split("|")) >= {"Case=Dat", "Number=Plur"}
    assert set(toks["Kanzler"].morph.split("|")) >= {"Case=Nom", "Number=Sing"}
    assert toks["mit"].morph == ""


def test_pipeline_morph_merge_feats_sorted() -> None:
    from lagebild.nlp.morph import merge_feats

    assert merge_feats("VerbForm=Fin", "Number=Sing") == "Number=Sing|VerbForm=Fin"
    assert merge_feats("", "Case=Nom|Number=Sing", "PronType=Art") == "Case=Nom|Number=Sing|PronType=Art"
