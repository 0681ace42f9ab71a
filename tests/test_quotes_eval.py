"""The quote benchmark's scoring (dev gold matching, SpkAtt metric re-implementation)."""
from __future__ import annotations

import json
from pathlib import Path

from lagebild.extract.quotes_eval import PRF, SpkAttReport, _score_doc, dice, score_gold, spkatt_document, words


def test_quotes_eval_prf_and_dice() -> None:
    p = PRF(tp=3, fp=1, fn=2)
    assert round(p.p, 3) == 0.75 and round(p.r, 3) == 0.6 and round(p.f1, 3) == 0.667
    assert PRF().f1 == 0.0
    assert dice(words("Die Russen bringen Terror"), words("„Die Russen bringen Terror“")) == 1.0


def test_quotes_eval_spkatt_metric_assignment() -> None:
    g1 = ({(0, 1), (0, 2), (0, 3)}, {(0, 0)}, "indirect")
    g2 = ({(1, 0), (1, 1)}, {(1, 2)}, "direct")
    p1 = ({(0, 2), (0, 3), (0, 4)}, {(0, 0)}, "indirect")     # 2 of 3 message tokens, 1 extra; source right
    p2 = ({(2, 0)}, set(), "direct")                          # matches nothing
    rep = SpkAttReport()
    _score_doc([g1, g2], [p1, p2], rep)
    assert (rep.message.tp, rep.message.fp, rep.message.fn) == (2, 2, 3)
    assert (rep.source.tp, rep.source.fp, rep.source.fn) == (1, 0, 1)
    assert rep.form_gold["direct"].tp == 0 and rep.form_pred["indirect"].tp == 2


def test_quotes_eval_spkatt_document_offsets(tmp_path: Path) -> None:
    data = {"DocumentName": "x", "Annotations": [],
            "Sentences": [{"SentenceId": 0, "Tokens": ["Er", "sagte", ":", "„", "Ja", "“", "."]},
                          {"SentenceId": 1, "Tokens": ["Gut", "."]}]}
    path = tmp_path / "1 - Titel (2005-08-20).json"
    path.write_text(json.dumps(data), encoding="utf-8")
    parsed, offsets = spkatt_document(path)
    assert parsed.doc.published.value == "2005-08-20"
    for sent, offs in zip(parsed.sents, offsets):
        assert [parsed.doc.text[a:b] for a, b in offs] == [t.text for t in sent.tokens]
        assert parsed.doc.text[sent.start:sent.end] == sent.text


def test_quotes_eval_gold_scoring_with_fake_gold(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "„Wir kämpfen weiter“, sagte Selenskyj. Die Lage sei stabil, so Trump. "
        "Russland setzte Raketen vom Typ „Kinschal“ ein.", encoding="utf-8")
    gold = {"actor_aliases": {"zelensky": ["selenskyj"], "trump": ["trump"], "putin": ["putin"]},
            "docs": {"a.txt": {"quotes": [{"speaker": "zelensky", "text": "Wir kämpfen weiter", "kind": "direct"}],
                               "indirect": [{"speaker": "putin", "text": "Die Lage sei stabil", "kind": "indirect"}],
                               "not_quotes": ["Kinschal"]}}}
    rep = score_gold(gold, tmp_path)
    assert rep.quotes.tp == 1 and rep.quotes.fp == 0
    assert rep.indirect.tp == 0 and rep.indirect.fp == 1 and rep.indirect.fn == 1     # right text, wrong speaker
    assert rep.text_only.tp == 2 and rep.scare_as_speech == []
