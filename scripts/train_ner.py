#!/usr/bin/env python
"""Train lagebild's German NER CRF (``nlp/models/ner-de.crfsuite``) from ../shared/data.

Training data: GermEval 2014 *test* split (outer column, repeated 3 times so that its
label distribution outweighs SmartData's) and the SmartData v1 corpus (train + test,
mapped person->PER, location*->LOC, organization*->ORG; sentences where the tagger sees
an unlabelled proper noun are left out, since SmartData does not label OTH names).
Evaluation: the GermEval 2014 *dev* split only (never trained on).  GermEval's
``deriv``/``part`` labels ("deutsche", "US-Präsident") are not names of the entity
itself and are mapped to O.  Settings were chosen on dev (see the report in
``nlp/models/README.md``), so the dev score is slightly optimistic.

    python scripts/train_ner.py                 # train, evaluate on dev, write the model
    python scripts/train_ner.py --no-smartdata  # GermEval test only
    python scripts/train_ner.py --eval-only     # score the shipped model on dev

Writes the scores to ``nlp/models/ner-de.scores.json``.
"""
from __future__ import annotations

import argparse
import gzip
import json
import pickle
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from lagebild.nlp.evaluate import ner_scores, read_germeval
from lagebild.nlp.ner import MODEL_DIR, sent_features
from lagebild.nlp.tagger import Tagger
from lagebild.nlp.tokenize import split_sentences
from lagebild.paths import shared_dir

Sent = tuple[list[str], list[str]]          # words, BIO labels

_SMARTDATA_TYPES = {
    "person": "PER", "location": "LOC", "location-city": "LOC", "location-street": "LOC",
    "location-route": "LOC", "location-stop": "LOC", "organization": "ORG",
    "organization-company": "ORG",
}


def _json_stream(path: Path) -> Iterator[dict]:
    text = gzip.open(path, "rt", encoding="utf-8").read()
    dec = json.JSONDecoder()
    i = 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return
        obj, i = dec.raw_decode(text, i)
        yield obj


def read_smartdata(path: Path) -> list[Sent]:
    """Re-tokenise SmartData with lagebild's own tokenizer and project the char spans."""
    return [sent for doc in read_smartdata_docs(path) for sent in doc]


def read_smartdata_docs(path: Path) -> list[list[Sent]]:
    docs: list[list[Sent]] = []
    for obj in _json_stream(path):
        sents: list[Sent] = []
        docs.append(sents)
        text = obj["text"]["string"]
        spans = []
        for m in (obj.get("conceptMentions") or {}).get("array", []):
            kind = _SMARTDATA_TYPES.get(m["type"])
            if kind:
                spans.append((m["span"]["start"], m["span"]["end"], kind))
        for sent in split_sentences(text, "de"):
            words = [t.text for t in sent.tokens]
            labels = ["O"] * len(words)
            for s, e, kind in spans:
                idx = [k for k, t in enumerate(sent.tokens) if t.start >= s and t.end <= e]
                # keep only spans that line up with token boundaries and start with a capital
                if not idx or sent.tokens[idx[0]].start != s or sent.tokens[idx[-1]].end != e:
                    continue
                if not words[idx[0]][:1].isupper():
                    continue
                labels[idx[0]] = "B-" + kind
                for k in idx[1:]:
                    labels[k] = "I-" + kind
            sents.append((words, labels))
    return docs


def tag_all(sents: list[Sent], tagger: Tagger) -> list[tuple[list[str], list[str]]]:
    """(STTS tags, lemmas) per sentence, as the pipeline's tagger produces them."""
    out = []
    for words, _ in sents:
        res = tagger.tag(words)
        out.append(([r.tag for r in res], [r.lemma for r in res]))
    return out


def complete_smartdata(sents: list[Sent], tags: list[tuple[list[str], list[str]]]) -> list[int]:
    """Indices of SmartData sentences whose names all carry a label.

    SmartData annotates persons, organisations and places but not other names (events,
    products, titles): a sentence where the tagger sees a proper noun (NE) outside every
    annotation would teach the CRF that names are O, so it is left out.
    """
    keep = []
    for k, ((words, labels), (stts, _)) in enumerate(zip(sents, tags)):
        if all(lab != "O" or tag != "NE" for lab, tag in zip(labels, stts)):
            keep.append(k)
    return keep


def evaluate(model: Path, dev: list[Sent], dev_tags: list[list[str]]) -> dict:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    pred = [tagger.tag(sent_features(w, *t)) for (w, _), t in zip(dev, dev_tags)]
    return ner_scores([lab for _, lab in dev], pred)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=None, help="shared data dir (default: ../shared)")
    ap.add_argument("--out", type=Path, default=MODEL_DIR / "ner-de.crfsuite")
    ap.add_argument("--no-smartdata", action="store_true", help="train on GermEval test only")
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument("--c1", type=float, default=0.2, help="L1 penalty (sparsity, model size)")
    ap.add_argument("--c2", type=float, default=0.01, help="L2 penalty")
    ap.add_argument("--germeval-copies", type=int, default=3,
                    help="repeat the GermEval sentences this often (weights them against SmartData)")
    ap.add_argument("--cache", type=Path, default=None, help="pickle of tagged data to reuse")
    ap.add_argument("--eval-only", action="store_true")
    args = ap.parse_args(argv)

    shared = args.shared or shared_dir()
    if shared is None:
        print("../shared is not present: set LAGEBILD_SHARED or pass --shared", file=sys.stderr)
        return 2
    data = shared / "data" / "ner"
    t0 = time.time()
    if args.cache and args.cache.is_file():
        train, train_tags, dev, dev_tags = pickle.loads(args.cache.read_bytes())
    else:
        tagger = Tagger("de")
        dev = read_germeval(data / "germeval2014" / "NER-de-dev.tsv")
        train = read_germeval(data / "germeval2014" / "NER-de-test.tsv")
        train_tags, dev_tags = tag_all(train, tagger), tag_all(dev, tagger)
        if not args.no_smartdata:
            smart: list[Sent] = []
            for split in ("train", "test"):
                smart += read_smartdata(data / "smartdata-v1" / f"{split}.json.gz")
            smart_tags = tag_all(smart, tagger)
            keep = complete_smartdata(smart, smart_tags)
            print(f"SmartData: {len(keep)} of {len(smart)} sentences have all their names labelled")
            train += [smart[k] for k in keep]
            train_tags += [smart_tags[k] for k in keep]
        if args.cache:
            args.cache.write_bytes(pickle.dumps((train, train_tags, dev, dev_tags)))
    if args.germeval_copies > 1 and not args.no_smartdata:
        n_ge = sum(1 for _ in read_germeval(data / "germeval2014" / "NER-de-test.tsv"))
        train = train[:n_ge] * (args.germeval_copies - 1) + train
        train_tags = train_tags[:n_ge] * (args.germeval_copies - 1) + train_tags
    n_tok = sum(len(w) for w, _ in train)
    print(f"data: {len(train)} train sentences ({n_tok} tokens), {len(dev)} dev sentences; "
          f"read+tagged in {time.time() - t0:.0f}s", flush=True)

    if not args.eval_only:
        import pycrfsuite

        t1 = time.time()
        trainer = pycrfsuite.Trainer(verbose=False)
        for (words, labels), tags in zip(train, train_tags):
            trainer.append(sent_features(words, *tags), labels)
        trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                            "feature.possible_transitions": True, "feature.minfreq": 1})
        args.out.parent.mkdir(parents=True, exist_ok=True)
        trainer.train(str(args.out))
        print(f"trained in {time.time() - t1:.0f}s -> {args.out} "
              f"({args.out.stat().st_size / 1e6:.1f} MB)", flush=True)

    scores = evaluate(args.out, dev, dev_tags)
    for kind, s in scores.items():
        print(f"dev {kind:8s} P {s['p']:6.2f}  R {s['r']:6.2f}  F1 {s['f1']:6.2f}  (n={s['support']})")
    if not args.eval_only:
        record = {"model": args.out.name, "dev": scores, "train_sentences": len(train),
                  "train_tokens": n_tok, "smartdata": not args.no_smartdata,
                  "params": {"c1": args.c1, "c2": args.c2, "iterations": args.iterations,
                             "germeval_copies": args.germeval_copies},
                  "seconds": round(time.time() - t0)}
        args.out.with_suffix(".scores.json").write_text(json.dumps(record, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
