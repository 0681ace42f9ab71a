#!/usr/bin/env python
"""Speed and quality of lagebild's language pipeline (prints figures; not a unit test).

Speed: tokens per CPU-second of this one process (= tokens/s per core), for the full
pipeline and per component, on the bundled corpus repeated to >= 50k tokens.  The
tagger memoises word analyses, so the repeated corpus measures the warm state; the
"cold" lines measure a fresh pipeline on text it has not seen (the first corpus pass,
and GermEval dev sentences).

Quality (needs ../shared): NER P/R/F1 on GermEval 2014 dev (entity level, outer spans,
exact match; deriv/part labels count as O) and UPOS/STTS/lemma accuracy on UD German
GSD dev+test and PUD, with gold tokens.

    python benchmarks/nlp.py            # everything
    python benchmarks/nlp.py --speed    # speed only
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from lagebild.model import Document, content_hash
from lagebild.nlp.ner import CrfNER
from lagebild.nlp.pipeline import Pipeline
from lagebild.nlp.tagger import Tagger
from lagebild.nlp.tokenize import split_sentences
from lagebild.paths import CORPUS_DIR, shared_dir

MIN_TOKENS = 50_000


def _docs(texts: list[str], lang: str = "de") -> list[Document]:
    return [Document(id=content_hash(t + str(i)), source=f"bench:{i}", text=t, language=lang)
            for i, t in enumerate(texts)]


def _cpu(fn: Callable[[], int]) -> tuple[int, float, float]:
    w0, c0 = time.perf_counter(), time.process_time()
    n = fn()
    return n, time.process_time() - c0, time.perf_counter() - w0


def _line(label: str, n: int, cpu: float, wall: float) -> None:
    print(f"  {label:38s} {n:7d} tok  {n / cpu:9,.0f} tok/s per core (cpu {cpu:5.2f}s, wall {wall:5.2f}s)")


def speed() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS_DIR.glob("*.txt"))]
    per_pass = sum(len(s.tokens) for t in texts for s in split_sentences(t))
    reps = -(-MIN_TOKENS // per_pass)
    corpus = _docs(texts * reps)
    print(f"speed: corpus {len(texts)} docs x {reps} = {per_pass * reps} tokens (one process)")

    pipe = Pipeline("de")
    t0 = time.process_time()
    pipe.tagger.model
    pipe.ner.tagger
    pipe.morph.predict(["Die"], ["ART"], ["der"])
    print(f"  model load: {time.process_time() - t0:.2f}s cpu")
    first = _docs(texts)
    _line("full pipeline, cold (first pass)", *_cpu(lambda: sum(sum(len(s.tokens) for s in p.sents) for p in pipe.pipe(first))))
    _line("full pipeline, corpus repeated", *_cpu(lambda: sum(sum(len(s.tokens) for s in p.sents) for p in pipe.pipe(corpus))))

    by_doc = [split_sentences(d.text) for d in corpus]
    sents = [s for doc_sents in by_doc for s in doc_sents]
    _line("tokenize + sentences", *_cpu(lambda: sum(len(s.tokens) for d in corpus for s in split_sentences(d.text))))
    words = [[t.text for t in s.tokens] for s in sents]
    tagger = pipe.tagger
    _line("tagger (HanTa + lemma + UPOS)", *_cpu(lambda: sum(len(tagger.tag(w)) for w in words)))
    for s in sents:
        for tok, r in zip(s.tokens, tagger.tag([t.text for t in s.tokens])):
            tok.tag, tok.lemma = r.tag, r.lemma
    morph = pipe.morph
    assert morph is not None

    def run_morph() -> int:
        for s in sents:
            morph(s)
        return sum(len(s.tokens) for s in sents)

    _line("morphology (Case/Number CRFs)", *_cpu(run_morph))
    ner = pipe.ner
    assert isinstance(ner, CrfNER)

    def run_ner() -> int:
        for doc_sents in by_doc:
            ner.doc(doc_sents)
        return sum(len(s.tokens) for s in sents)

    _line("NER (CRF + document consistency)", *_cpu(run_ner))

    shared = shared_dir()
    if shared is not None:
        from lagebild.nlp.evaluate import read_germeval

        dev = read_germeval(shared / "data" / "ner" / "germeval2014" / "NER-de-dev.tsv")
        texts2 = [" ".join(w) for w, _ in dev]
        chunks = [" ".join(texts2[i:i + 20]) for i in range(0, len(texts2), 20)]
        fresh = Pipeline("de")
        fresh.tagger.model
        fresh.ner.tagger
        fresh.morph.predict(["Die"], ["ART"], ["der"])
        _line("full pipeline, cold, GermEval dev text", *_cpu(lambda: sum(sum(len(s.tokens) for s in p.sents) for p in fresh.pipe(_docs(chunks)))))

    en_text = ("President Volodymyr Zelensky met Donald Trump at the White House on Friday. "
               "The Kremlin said Russia would respond. NATO ministers discussed air defence in Brussels. ")
    en = Pipeline("en")
    en_docs = _docs([en_text] * 800, "en")
    _line("English full pipeline, repeated text", *_cpu(lambda: sum(sum(len(s.tokens) for s in p.sents) for p in en.pipe(en_docs))))


def quality() -> None:
    shared = shared_dir()
    if shared is None:
        print("quality: ../shared not present, skipped")
        return
    from lagebild.nlp.evaluate import ner_scores, read_conllu, read_germeval

    tagger = Tagger("de")
    ner = CrfNER()
    dev = read_germeval(shared / "data" / "ner" / "germeval2014" / "NER-de-dev.tsv")
    pred = []
    for words, _ in dev:
        res = tagger.tag(words)
        pred.append(ner.labels(words, [r.tag for r in res], [r.lemma for r in res]))
    scores = ner_scores([lab for _, lab in dev], pred)
    print(f"NER on GermEval 2014 dev ({len(dev)} sentences; gold tokens; outer spans, exact match)")
    for kind, s in scores.items():
        print(f"  {kind:8s} P {s['p']:6.2f}  R {s['r']:6.2f}  F1 {s['f1']:6.2f}  (n={s['support']})")

    from lagebild.nlp.morph import FEATS, INFLECTED, MorphTagger

    morph = MorphTagger()
    ok = {f: 0 for f in FEATS}
    seen = {f: 0 for f in FEATS}
    for sent in read_conllu(shared / "data" / "ud" / "de_gsd-ud-dev.conllu"):
        res = tagger.tag(sent.words)
        pred = morph.predict(sent.words, [r.tag for r in res], [r.lemma for r in res])
        for r, p, gold in zip(res, pred, sent.gold):
            if gold is None or r.tag not in INFLECTED:
                continue
            got = dict(kv.split("=") for kv in p.split("|")) if p else {}
            for f in FEATS:
                if f in gold[3]:
                    seen[f] += 1
                    ok[f] += got.get(f) == gold[3][f]
    print("morphology on UD GSD dev (held out; inflected words whose gold has the feature): " +
          ", ".join(f"{f} {100 * ok[f] / seen[f]:.2f} ({seen[f]} words)" for f in FEATS))
    for name in ("de_gsd-ud-dev", "de_gsd-ud-test", "de_pud-ud-test"):
        ud = read_conllu(shared / "data" / "ud" / f"{name}.conllu")
        n = upos = xpos = lem = lem_ci = 0
        for sent in ud:
            for res, gold in zip(tagger.tag(sent.words), sent.gold):
                if gold is None:
                    continue
                n += 1
                upos += res.pos == gold[1]
                xpos += res.tag == gold[2]
                lem += res.lemma == gold[0]
                lem_ci += res.lemma.lower() == gold[0].lower()
        # PUD's XPOS column is not STTS, so the STTS score is only meaningful for GSD
        stts = f"STTS {100 * xpos / n:5.2f}" if "gsd" in name else "STTS   n/a"
        print(f"UD {name:15s} {n:6d} words  UPOS {100 * upos / n:5.2f}  {stts}  "
              f"lemma {100 * lem / n:5.2f}  (ignoring case {100 * lem_ci / n:5.2f})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--speed", action="store_true", help="speed only")
    ap.add_argument("--quality", action="store_true", help="quality only")
    args = ap.parse_args(argv)
    if not args.quality:
        speed()
    if not args.speed:
        quality()
    return 0


if __name__ == "__main__":
    sys.exit(main())
