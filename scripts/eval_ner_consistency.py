#!/usr/bin/env python
"""Does document-level label consistency (``nlp.ner.consistency.v1``) help the NER CRF?

GermEval's sentences come from different articles, so the effect can only be measured on
whole documents: this trains a CRF exactly like ``train_ner.py`` but *without* the
SmartData test split, then scores that held-out split document by document, with and
without ``consistent_labels``.  SmartData labels PER/LOC/ORG only, so predicted OTH
counts as O.  Nothing is written to the package.

    python scripts/eval_ner_consistency.py
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_ner  # noqa: E402

from lagebild.nlp.evaluate import ner_scores, read_germeval  # noqa: E402
from lagebild.nlp.ner import CrfNER, consistent_labels, sent_features  # noqa: E402
from lagebild.nlp.tagger import Tagger  # noqa: E402
from lagebild.paths import shared_dir  # noqa: E402


def main() -> int:
    shared = shared_dir()
    if shared is None:
        print("../shared is not present", file=sys.stderr)
        return 2
    import pycrfsuite

    data = shared / "data" / "ner"
    t0 = time.time()
    tagger = Tagger("de")
    train = read_germeval(data / "germeval2014" / "NER-de-test.tsv") * 3
    train_tags = train_ner.tag_all(train, tagger)
    smart = train_ner.read_smartdata(data / "smartdata-v1" / "train.json.gz")
    smart_tags = train_ner.tag_all(smart, tagger)
    keep = train_ner.complete_smartdata(smart, smart_tags)
    train += [smart[k] for k in keep]
    train_tags += [smart_tags[k] for k in keep]
    docs = train_ner.read_smartdata_docs(data / "smartdata-v1" / "test.json.gz")
    docs_tags = [train_ner.tag_all(doc, tagger) for doc in docs]
    print(f"data ready in {time.time() - t0:.0f}s: {len(train)} train sentences, {len(docs)} test documents")

    trainer = pycrfsuite.Trainer(verbose=False)
    for (words, labels), tags in zip(train, train_tags):
        trainer.append(sent_features(words, *tags), labels)
    trainer.set_params({"c1": 0.2, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True})
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ner.crfsuite"
        trainer.train(str(path))
        ner = CrfNER(path)
        gold, plain, consistent = [], [], []
        for doc, tags in zip(docs, docs_tags):
            labs, keys, confs = [], [], []
            for (words, g), (stts, lemmas) in zip(doc, tags):
                lab, conf = ner.labels_conf(words, stts, lemmas)
                labs.append(lab)
                confs.append(conf)
                keys.append([(lem or w).lower() for w, lem in zip(words, lemmas)])
                gold.append(g)
            plain += labs
            consistent += consistent_labels(labs, keys, confs)

    def no_oth(labels: list[list[str]]) -> list[list[str]]:
        return [["O" if lab.endswith("OTH") else lab for lab in sent] for sent in labels]

    for name, pred in (("sentence-level", plain), ("document-consistent", consistent)):
        s = ner_scores(gold, no_oth(pred))
        per_type = "  ".join(f"{k} {v['f1']:.2f}" for k, v in s.items() if k != "overall")
        print(f"SmartData test, {name:20s} P {s['overall']['p']:6.2f}  R {s['overall']['r']:6.2f}  "
              f"F1 {s['overall']['f1']:6.2f}   {per_type}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
