"""Stance benchmark on the bundled corpus (ukraine-2025): the stance table and a judged score.

    python benchmarks/stances.py            # table + judged precision/recall + timing
    python benchmarks/stances.py --list     # also every stance with its evidence
    python benchmarks/stances.py --json     # machine-readable

There is no stance gold.  The precision and recall printed here are the AUTHOR'S JUDGEMENT
(helper for stances.rules.v1, read off the five articles by hand), not an independent
annotation: JUDGED says, per produced stance, whether its actor/issue/position is what the
evidence sentence says; EXPECTED lists the stances a careful reader takes from each article.
A stance that the judgement list does not cover is counted as "unjudged", never as right.
"""
from __future__ import annotations

import argparse
import json
import time

from lagebild.extract.base import Context, default_extractors
from lagebild.extract.stances import StanceExtractor, stance_matrix
from lagebild.ingest import iter_sources, load_document
from lagebild.kb import load_kb
from lagebild.model import Extraction, Stance
from lagebild.nlp import get_pipeline
from lagebild.paths import CORPUS_DIR

RUSSIA = ("state:RUS", "person:vladimir-putin", "org:kremlin", "person:dmitry-peskov", "person:sergey-lavrov")
UKRAINE = ("state:UKR", "person:volodymyr-zelensky", "person:andrij-sybiha")
USA = ("state:USA", "person:donald-trump")

# (file prefix, actor, issue, position, evidence starts with) -> correct?   (judgement, 2026-11-23)
JUDGED: dict[tuple[str, str, str, str, str], bool] = {
    # "ist keine feste ... Beistandsgarantie ..., sondern eine vage Zusage": not a support for guarantees
    ("001", "person:donald-trump", "guarantees", "support", "Denn was Trump anbietet"): False,
    ("001", "person:keir-starmer", "guarantees", "support", "Während der britische"): True,
    ("001", "person:emmanuel-macron", "guarantees", "support", "Während der britische"): True,
    ("001", "state:POL", "guarantees", "oppose", "Und Polen"): True,
    ("001", "org:kremlin", "guarantees", "oppose", "Für den Kreml"): True,
    ("001", "person:sergey-lavrov", "nato", "oppose", "Außenminister Lawrow"): True,
    ("001", "state:RUS", "territory", "support", "Die Quellen legen nahe"): True,
    ("002", "person:donald-trump", "ceasefire", "support", "Ihr Ziel ist klar"): True,
    ("003", "state:RUS", "territory", "support", "In anderen Worten"): True,
    ("003", "state:RUS", "nato", "oppose", "In anderen Worten"): True,
    ("003", "person:vladimir-putin", "negotiations", "oppose", "Putin beharrt"): True,
    ("004", "state:UKR", "tomahawk", "support", "Während Kiew auf die Lieferung"): True,
    ("004", "person:volodymyr-zelensky", "tomahawk", "support", "Seine Forderung nach"): True,   # via pronoun
    ("004", "person:donald-trump", "ceasefire", "support", "Trump machte bei"): True,
    ("004", "person:donald-trump", "ceasefire", "support", "„Es ist Zeit"): True,
    ("004", "person:donald-trump", "tomahawk", "oppose", "Trump, der noch am Tag"): True,
    ("004", "person:donald-trump", "tomahawk", "oppose", "Doch Trump blieb"): True,
    ("004", "person:donald-trump", "ceasefire", "support", "In seinem Netzwerk"): True,
    ("004", "person:keir-starmer", "negotiations", "support", "Der britische Premierminister"): True,
    ("004", "person:volodymyr-zelensky", "military_aid", "support", "Gleichzeitig betonte er"): True,
    ("004", "person:volodymyr-zelensky", "territory", "oppose", "Er machte deutlich"): True,
    ("004", "org:kremlin", "tomahawk", "oppose", "Nach Angaben des Kremls"): True,
    ("004", "person:vladimir-putin", "tomahawk", "oppose", "Für Putin wäre"): True,
    ("004", "state:DEU", "negotiations", "support", "Während Länder wie Polen"): True,
    ("004", "state:FRA", "negotiations", "support", "Während Länder wie Polen"): True,
}

# What a careful reader takes from each article (judgement): (prefix, any of these actors, issue, position)
EXPECTED: list[tuple[str, tuple[str, ...], str, str]] = [
    ("001", ("person:keir-starmer", "state:GBR"), "guarantees", "support"),
    ("001", ("person:emmanuel-macron", "state:FRA"), "guarantees", "support"),
    ("001", ("state:POL",), "guarantees", "oppose"),
    ("001", ("state:DEU", "person:friedrich-merz"), "guarantees", "conditional"),  # zögert ohne feste US-Zusage
    ("001", USA, "guarantees", "support"),                  # US-Schutzschirm "aus der Ferne"
    ("001", RUSSIA, "guarantees", "oppose"),
    ("001", RUSSIA, "nato", "oppose"),
    ("001", RUSSIA, "territory", "support"),
    ("002", ("person:donald-trump",), "ceasefire", "support"),
    ("002", UKRAINE, "guarantees", "support"),              # Kiew und die "Willigen" setzen auf Garantien
    ("002", RUSSIA, "guarantees", "oppose"),                # aus Moskauer Sicht NATO-Expansion
    ("003", RUSSIA, "territory", "support"),
    ("003", RUSSIA, "nato", "oppose"),
    ("003", RUSSIA, "negotiations", "oppose"),
    ("004", UKRAINE, "tomahawk", "support"),
    ("004", RUSSIA, "tomahawk", "oppose"),
    ("004", ("person:donald-trump",), "tomahawk", "oppose"),
    ("004", ("person:donald-trump",), "ceasefire", "support"),
    ("004", ("person:donald-trump",), "negotiations", "support"),
    ("004", ("person:volodymyr-zelensky",), "territory", "oppose"),
    ("004", UKRAINE, "military_aid", "support"),
    ("004", ("person:keir-starmer", "state:GBR"), "negotiations", "support"),
    ("004", ("state:DEU",), "negotiations", "support"),
    ("004", ("state:FRA",), "negotiations", "support"),
]


def run_corpus() -> tuple[dict[str, list[Stance]], float]:
    ctx = Context(kb=load_kb())
    chain = default_extractors()
    stance = StanceExtractor()
    out: dict[str, list[Stance]] = {}
    spent = 0.0
    for src in iter_sources([CORPUS_DIR]):
        doc = load_document(src)
        parsed = get_pipeline(doc.language)(doc)
        ex = Extraction()
        for extractor in chain:
            extractor(parsed, ex, ctx)
        t0 = time.perf_counter()
        stance(parsed, ex, ctx)
        spent += time.perf_counter() - t0
        out[src.source.rsplit("/", 1)[-1][:3]] = ex.stances
    return out, spent


def score(found: dict[str, list[Stance]]) -> dict:
    right = wrong = unjudged = 0
    for prefix, stances in found.items():
        for s in stances:
            verdict = next((v for (p, a, i, pos, start), v in JUDGED.items()
                            if p == prefix and a == s.actor and i == s.issue and pos == s.position
                            and s.evidence.text.startswith(start)), None)
            if verdict is None:
                unjudged += 1
            elif verdict:
                right += 1
            else:
                wrong += 1
    hit = sum(1 for p, actors, issue, pos in EXPECTED
              if any(s.actor in actors and s.issue == issue and s.position == pos for s in found.get(p, [])))
    judged = right + wrong
    return {"stances": right + wrong + unjudged, "judged_correct": right, "judged_wrong": wrong, "unjudged": unjudged,
            "precision_judged": round(right / judged, 3) if judged else None,
            "expected": len(EXPECTED), "expected_found": hit, "recall_judged": round(hit / len(EXPECTED), 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--list", action="store_true", help="list every stance with its evidence")
    args = ap.parse_args(argv)
    found, spent = run_corpus()
    everything = [s for stances in found.values() for s in stances]
    matrix = stance_matrix(everything)
    result = score(found)
    result["stance_seconds"] = round(spent, 3)
    if args.json:
        print(json.dumps({"matrix": matrix, "score": result}, ensure_ascii=False, indent=1))
        return 0
    print("stance table (issue / actor: support oppose conditional)")
    for issue in sorted(matrix):
        print(f"  {issue}")
        for actor, cell in sorted(matrix[issue].items()):
            print(f"    {actor:30} +{cell['support']}  -{cell['oppose']}  ?{cell['conditional']}")
    if args.list:
        for prefix, stances in found.items():
            for s in stances:
                print(f"{prefix} {s.actor:28} {s.issue:13} {s.position:11} {s.how:24} {s.evidence.text[:90]}")
    print("\nscore — the author's judgement, not independent gold:")
    print(f"  stances {result['stances']}: judged correct {result['judged_correct']}, wrong {result['judged_wrong']}, "
          f"unjudged {result['unjudged']}; precision (judged) {result['precision_judged']}")
    print(f"  expected stances found {result['expected_found']}/{result['expected']} "
          f"(recall, judged) {result['recall_judged']}")
    print(f"  stance stage time on the corpus: {spent:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
