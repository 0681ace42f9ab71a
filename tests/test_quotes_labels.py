"""A short verbless phrase quoted more than once in an article is a label, not speech."""
from __future__ import annotations

import lagebild


def _quotes(tmp_path, text: str):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    lagebild.analyze([tmp_path / "a.txt"], tmp_path / "x.db", progress=False)
    return lagebild.open(tmp_path / "x.db").quotes


def test_quotes_labels_repeated_slogan_is_not_speech_english(tmp_path):
    quotes = _quotes(tmp_path, "Will Trump's 'peace through strength' deliver for Ukraine?\n\n"
                               "The US president has repeatedly promised \"peace through strength\", but his administration "
                               "paused some weapons deliveries to Ukraine in July.\n"
                               "Zelenskiy said the attack was \"a crime against humanity\", adding that Russia must pay.\n")
    texts = {q.text for q in quotes}
    assert "peace through strength" not in texts
    assert "a crime against humanity" in texts           # quoted once, with a speech verb: speech


def test_quotes_labels_repeated_slogan_is_not_speech_german(tmp_path):
    quotes = _quotes(tmp_path, "Selenskyj im Gespräch\n\n"
                               "Der ukrainische Außenminister Andrij Sybiha bezeichnete die vergangene Nacht als "
                               "„eine der schlimmsten der ganzen Zeit“. Trump versprach erneut „Frieden durch Stärke“. "
                               "Sein Motto „Frieden durch Stärke“ ist bekannt.\n")
    texts = {q.text for q in quotes}
    assert "Frieden durch Stärke" not in texts
    assert "eine der schlimmsten der ganzen Zeit" in texts
