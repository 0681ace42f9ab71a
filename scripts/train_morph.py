#!/usr/bin/env python
"""Train lagebild's German Case and Number CRFs (``nlp/models/morph-de-*.crfsuite``).

Training data: UD German GSD *test* and PUD *test* (../shared/data/ud); evaluation: UD
German GSD *dev* (never trained on).  Words are the UD surface tokens ("zum" is one
token; its gold features are skipped); tags and lemmas come from lagebild's own tagger,
as at run time.

    python scripts/train_morph.py

Writes the scores to ``nlp/models/morph-de.scores.json``.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from lagebild.nlp.evaluate import read_conllu
from lagebild.nlp.morph import FEATS, INFLECTED, MODEL_DIR, morph_features
from lagebild.nlp.tagger import Tagger
from lagebild.paths import shared_dir


def read_feats(path: Path) -> list[tuple[list[str], list[dict[str, str] | None]]]:
    """(surface words, gold features per word; None for contractions) per sentence."""
    return [(sent.words, [g[3] if g else None for g in sent.gold]) for sent in read_conllu(path)]


def prepare(sents: list, tagger: Tagger) -> list[tuple[list[list[str]], list[str], dict[str, list[str]]]]:
    out = []
    for words, gold in sents:
        res = tagger.tag(words)
        tags = [r.tag for r in res]
        xseq = morph_features(words, tags, [r.lemma for r in res])
        ys = {f: [(g or {}).get(f, "_") for g in gold] for f in FEATS}
        out.append((xseq, tags, ys))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=None)
    ap.add_argument("--out-dir", type=Path, default=MODEL_DIR)
    ap.add_argument("--iterations", type=int, default=100)
    args = ap.parse_args(argv)
    shared = args.shared or shared_dir()
    if shared is None:
        print("../shared is not present: set LAGEBILD_SHARED or pass --shared", file=sys.stderr)
        return 2
    import pycrfsuite

    ud = shared / "data" / "ud"
    t0 = time.time()
    tagger = Tagger("de")
    train = prepare(read_feats(ud / "de_gsd-ud-test.conllu") + read_feats(ud / "de_pud-ud-test.conllu"), tagger)
    dev_raw = read_feats(ud / "de_gsd-ud-dev.conllu")
    dev = prepare(dev_raw, tagger)
    print(f"data: {len(train)} train sentences, {len(dev)} dev sentences; tagged in {time.time() - t0:.0f}s")
    scores: dict[str, dict[str, float]] = {}
    for feat in FEATS:
        t1 = time.time()
        trainer = pycrfsuite.Trainer(verbose=False)
        for xseq, _, ys in train:
            trainer.append(xseq, ys[feat])
        trainer.set_params({"c1": 0.1, "c2": 0.01, "max_iterations": args.iterations,
                            "feature.possible_transitions": True})
        path = args.out_dir / f"morph-de-{feat.lower()}.crfsuite"
        trainer.train(str(path))
        crf = pycrfsuite.Tagger()
        crf.open(str(path))
        n = ok = 0
        for (xseq, tags, ys), (_, gold) in zip(dev, dev_raw):
            pred = crf.tag(xseq)
            for k, g in enumerate(gold):
                # score the words the pipeline annotates and whose gold has this feature
                if g is None or tags[k] not in INFLECTED or feat not in g:
                    continue
                n += 1
                ok += pred[k] == g[feat]
        scores[feat] = {"accuracy": round(100 * ok / n, 2), "words": n}
        print(f"{feat}: trained in {time.time() - t1:.0f}s -> {path.name} ({path.stat().st_size / 1e6:.1f} MB); "
              f"GSD dev accuracy {100 * ok / n:.2f} on {n} inflected words")
    (args.out_dir / "morph-de.scores.json").write_text(json.dumps({"dev": scores}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
