"""NER helpers: BIO decoding, CoNLL-style scoring, features, the English rule tagger."""
from __future__ import annotations

from lagebild.nlp.evaluate import ner_scores, read_germeval
from lagebild.nlp.ner import RuleNER, bio_to_spans, sent_features
from lagebild.nlp.tokenize import split_sentences


def test_ner_bio_to_spans_handles_stray_inside() -> None:
    labels = ["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-ORG", "B-ORG", "I-PER"]
    assert bio_to_spans(labels) == [(0, 2, "PER"), (3, 5, "LOC"), (5, 6, "ORG"), (6, 7, "ORG"), (7, 8, "PER")]


def test_ner_scores_exact_match_only() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    pred = [["B-PER", "O", "O", "B-LOC"]]
    s = ner_scores(gold, pred)
    assert s["LOC"]["f1"] == 100.0
    assert s["PER"]["p"] == 0.0 and s["PER"]["support"] == 1
    assert s["overall"]["p"] == 50.0 and s["overall"]["r"] == 50.0


def test_ner_features_normalise_quotes() -> None:
    a = sent_features(["„", "Kursk", "“"], ["$(", "NE", "$("])
    b = sent_features(['"', "Kursk", '"'], ["$(", "NE", "$("])
    assert a == b
    assert "w=kursk" in a[1] and "sh=Xx" in a[1] and "-1w=\"" in a[1]


def test_ner_read_germeval_maps_deriv_and_part_to_o(tmp_path) -> None:
    path = tmp_path / "g.tsv"
    path.write_text("#\tx\n1\tdeutsche\tB-LOCderiv\tO\n2\tKanzler\tO\tO\n3\tOlaf\tB-PER\tO\n"
                    "4\tScholz\tI-PER\tO\n\n1\tNATO-Gipfel\tB-ORGpart\tO\n\n", encoding="utf-8")
    sents = read_germeval(path)
    assert sents == [(["deutsche", "Kanzler", "Olaf", "Scholz"], ["O", "O", "B-PER", "I-PER"]),
                     (["NATO-Gipfel"], ["O"])]


def test_ner_rule_tagger_uses_title_cues() -> None:
    sent = split_sentences("President Joe Biden met the Defense Ministry in Kyiv.", "en")[0]
    pos = {"President": "PROPN", "Joe": "PROPN", "Biden": "PROPN", "Defense": "PROPN",
           "Ministry": "PROPN", "Kyiv": "PROPN"}
    for tok in sent.tokens:
        tok.pos = pos.get(tok.text, "X")
    ner = RuleNER({"before": {"PER": ["President"], "LOC": ["in"]}, "inside": {"ORG": ["Ministry"]}})
    ents = [(e.text, e.label) for e in ner(sent)]
    assert ents == [("Joe Biden", "PER"), ("Defense Ministry", "ORG"), ("Kyiv", "LOC")]
    assert [t.ent for t in sent.tokens][:3] == ["O", "B-PER", "I-PER"]


def test_ner_consistent_labels_vote_by_confidence() -> None:
    from lagebild.nlp.ner import consistent_labels

    labels = [["B-PER", "O"], ["O", "B-LOC"], ["B-LOC"], ["B-ORG", "I-ORG"]]
    keys = [["kiew", "setzen"], ["in", "kiew"], ["kiew"], ["kiew", "ag"]]
    confs = [[0.5, 1.0], [1.0, 0.9], [0.8], [0.9, 0.9]]
    out = consistent_labels(labels, keys, confs)
    assert out == [["B-LOC", "O"], ["O", "B-LOC"], ["B-LOC"], ["B-ORG", "I-ORG"]]
    # a tie keeps each span's own label
    assert consistent_labels([["B-PER"], ["B-LOC"]], [["x"], ["x"]], [[0.5], [0.5]]) == [["B-PER"], ["B-LOC"]]
